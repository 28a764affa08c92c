"""Writes of the reports app: generating a snapshot and setting an instansi's letterhead."""

from typing import Any

from django.db import transaction

from sieva.audit.services import audit_record, model_changes
from sieva.evaluation.engine import Scope
from sieva.org.access import Access
from sieva.org.models import OrgUnit
from sieva.reports.document import build_report
from sieva.reports.models import Letterhead, ReportSnapshot


def _author(actor: Any) -> str:
    full = actor.get_full_name() if hasattr(actor, "get_full_name") else ""
    return full or getattr(actor, "username", "") or "SIEVA"


def snapshot_create(
    *, actor: Any, access: Access, scope: Scope, query: dict[str, Any]
) -> ReportSnapshot:
    """Evaluate `scope`, build the report and store it with its input hash and version.

    `query` is the evaluation filter (ids, year, kind) that reproduces the scope."""
    report = build_report(access=access, scope=scope, author=_author(actor))
    key = "&".join(f"{k}={query[k]}" for k in sorted(query) if query[k] not in (None, ""))
    with transaction.atomic():
        snapshot = ReportSnapshot.objects.create(
            title=report.title[:300],
            owner=report.owner,
            scope=query,
            scope_key=key[:200],
            scope_label=report.scope_label[:500],
            period_label=report.period_label[:100],
            language=report.document["language"],
            document=report.document,
            input_hash=report.input_hash,
            software_version=report.document["software_version"],
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        audit_record(
            actor=actor,
            action="report.snapshot_create",
            obj=snapshot,
            org_path=report.owner.path if report.owner else "/",
            changes={"input_hash": report.input_hash, "scope": query},
        )
    return snapshot


def letterhead_set(
    *, actor: Any, unit: OrgUnit, lines: str, logo: bytes | None, logo_type: str = ""
) -> Letterhead:
    """Create or change the letterhead of `unit`; `logo=None` keeps the current logo."""
    with transaction.atomic():
        head = Letterhead.objects.select_for_update().filter(unit=unit).first()
        before = {"lines": head.lines, "logo_type": head.logo_type} if head else {}
        if head is None:
            head = Letterhead(unit=unit)
        head.lines = lines
        if logo is not None:
            head.logo, head.logo_type = logo, logo_type
        head.save()
        audit_record(
            actor=actor,
            action="report.letterhead_set",
            obj=head,
            org_path=unit.path,
            changes=model_changes(before, {"lines": head.lines, "logo_type": head.logo_type}),
        )
    return head
