"""Writes of the reports app: generating a snapshot, writing, checking and approving it, and
setting an instansi's letterhead."""

import datetime as dt
import hashlib
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from sieva.audit.services import audit_record, model_changes
from sieva.evaluation.engine import Scope
from sieva.evaluation.findings.types import finding_from_json
from sieva.org.access import Access
from sieva.org.models import OrgUnit
from sieva.recommendations.services import recommendations_save
from sieva.reports.access import can_approve, can_write
from sieva.reports.document import build_report
from sieva.reports.models import Letterhead, ReportSnapshot, ReportStatus
from sieva.reports.pdf import render_pdf
from sieva.reports.signing import signed_document


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


# --- writing, checking and signing a report (decision 0048) --------------------------------

NOT_A_DRAFT = gettext_lazy("Laporan ini sudah %(status)s; isinya tidak dapat diubah lagi.")
NOT_REVIEWED = gettext_lazy(
    "Laporan harus diperiksa dulu sebelum disetujui (status sekarang: %(status)s)."
)
OWN_REVIEW = gettext_lazy("Pemeriksa harus orang lain selain pembuat laporan.")
MAX_NARRATIVE = 8000
FOLLOW_UP_DAYS = 90  # default due date of a recommendation: a quarter after approval


def _require(condition: bool) -> None:
    if not condition:
        raise PermissionDenied


def _require_status(snapshot: ReportSnapshot, status: str, message: Any) -> None:
    if snapshot.status != status:
        raise ValidationError(message % {"status": snapshot.get_status_display().lower()})


def snapshot_edit(
    *,
    actor: Any,
    access: Access,
    snapshot: ReportSnapshot,
    number: str,
    evaluators: list[dict[str, str]],
    narratives: dict[str, str],
) -> ReportSnapshot:
    """Change a draft's number, evaluators (name, NIP) and narrative per section; audited."""
    _require(can_write(access))
    with transaction.atomic():
        snapshot = ReportSnapshot.objects.select_for_update().get(pk=snapshot.pk)
        _require_status(snapshot, ReportStatus.DRAFT, NOT_A_DRAFT)
        keys = {s["key"] for s in snapshot.document.get("sections", [])} | {"ringkasan"}
        cleaned = {k: v.strip()[:MAX_NARRATIVE] for k, v in narratives.items() if k in keys}
        before = {
            "number": snapshot.number,
            "evaluators": snapshot.evaluators,
            "narratives": sorted(k for k, v in (snapshot.narratives or {}).items() if v),
        }
        snapshot.number = number.strip()[:80]
        snapshot.evaluators = evaluators
        snapshot.narratives = {k: v for k, v in cleaned.items() if v}
        snapshot.save(update_fields=["number", "evaluators", "narratives"])
        after = {
            "number": snapshot.number,
            "evaluators": snapshot.evaluators,
            "narratives": sorted(snapshot.narratives),
        }
        audit_record(
            actor=actor,
            action="report.edit",
            obj=snapshot,
            org_path=snapshot.owner.path if snapshot.owner else "/",
            changes=model_changes(before, after),
        )
    return snapshot


def _set_review(
    *, actor: Any, snapshot: ReportSnapshot, expected: str, message: Any, reviewer: Any
) -> ReportSnapshot:
    """Move a locked snapshot between draft and reviewed; `reviewer` None goes back."""
    with transaction.atomic():
        snapshot = ReportSnapshot.objects.select_for_update().get(pk=snapshot.pk)
        _require_status(snapshot, expected, message)
        if reviewer is not None and snapshot.created_by_id == reviewer.pk:
            raise ValidationError(OWN_REVIEW)
        before = snapshot.status
        snapshot.status = ReportStatus.REVIEWED if reviewer else ReportStatus.DRAFT
        snapshot.reviewed_by = reviewer
        snapshot.reviewed_at = timezone.now() if reviewer else None
        snapshot.reviewed_name = _author(reviewer) if reviewer else ""
        snapshot.save(update_fields=["status", "reviewed_by", "reviewed_at", "reviewed_name"])
        audit_record(
            actor=actor,
            action="report.review" if reviewer else "report.return",
            obj=snapshot,
            org_path=snapshot.owner.path if snapshot.owner else "/",
            changes={"status": [before, snapshot.status]},
        )
    return snapshot


def snapshot_review(*, actor: Any, access: Access, snapshot: ReportSnapshot) -> ReportSnapshot:
    """Draft → reviewed, by a writer who did not make the report."""
    _require(can_write(access))
    return _set_review(
        actor=actor,
        snapshot=snapshot,
        expected=ReportStatus.DRAFT,
        message=NOT_A_DRAFT,
        reviewer=actor,
    )


def snapshot_return(*, actor: Any, access: Access, snapshot: ReportSnapshot) -> ReportSnapshot:
    """Reviewed → draft again (the approver or a reviewer wants changes)."""
    _require(can_write(access) or can_approve(access))
    return _set_review(
        actor=actor,
        snapshot=snapshot,
        expected=ReportStatus.REVIEWED,
        message=NOT_REVIEWED,
        reviewer=None,
    )


def next_number(snapshot: ReportSnapshot, day: dt.date) -> str:
    """ "007/LAP-EV/PEMKOT-MDN/2026": the owner's approved reports of the year, plus one."""
    approved = ReportSnapshot.objects.filter(
        owner=snapshot.owner, status=ReportStatus.APPROVED, approved_at__year=day.year
    ).count()
    code = snapshot.owner.code if snapshot.owner else "SIEVA"
    return f"{approved + 1:03d}/LAP-EV/{code}/{day.year}"


def snapshot_approve(
    *, actor: Any, access: Access, snapshot: ReportSnapshot, approver: dict[str, str]
) -> ReportSnapshot:
    """Reviewed → approved: the signature block is fixed, the PDF rendered once and stored with
    its SHA-256, and the findings become tracked recommendations (owner unit, due date)."""
    _require(can_approve(access))
    with transaction.atomic():
        snapshot = ReportSnapshot.objects.select_for_update().get(pk=snapshot.pk)
        _require_status(snapshot, ReportStatus.REVIEWED, NOT_REVIEWED)
        now = timezone.now()
        today = timezone.localdate(now)
        snapshot.status = ReportStatus.APPROVED
        snapshot.approved_by, snapshot.approved_at = actor, now
        snapshot.approver = approver
        snapshot.number = snapshot.number or next_number(snapshot, today)
        snapshot.pdf = render_pdf(signed_document(snapshot))
        snapshot.pdf_sha256 = hashlib.sha256(snapshot.pdf).hexdigest()
        snapshot.save()
        tracking = snapshot.document.get("tracking") or {}
        created = []
        if tracking:
            created = recommendations_save(
                actor,
                access,
                tracking["scope_key"],
                tracking["period"],
                [finding_from_json(f) for f in snapshot.document.get("findings", [])],
                node=snapshot.owner,
                due_date=today + dt.timedelta(days=FOLLOW_UP_DAYS),
                report_id=snapshot.pk,
                report_number=snapshot.number,
            )
        audit_record(
            actor=actor,
            action="report.approve",
            obj=snapshot,
            org_path=snapshot.owner.path if snapshot.owner else "/",
            changes={
                "status": [ReportStatus.REVIEWED, ReportStatus.APPROVED],
                "number": snapshot.number,
                "pdf_sha256": snapshot.pdf_sha256,
                "recommendations": len(created),
            },
        )
    return snapshot
