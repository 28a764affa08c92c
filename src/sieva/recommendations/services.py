"""Writes: saving an evaluation's recommendations, assigning owners and
moving a recommendation's status forward. Each is atomic and audited."""

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sieva.audit.services import audit_record
from sieva.evaluation.engine.scope import Scope
from sieva.evaluation.findings.types import Finding
from sieva.org.access import Access, Capability
from sieva.org.models import OrgUnit, RoleAssignment
from sieva.programs.models import Program
from sieva.recommendations.models import (
    NEXT_STATUS,
    RecommendationStatus,
    TrackedRecommendation,
)

PERIOD = re.compile(r"^\d{4}(-(S[12]|Q[1-4]|\d{2}))?$|^semua$")
NOT_NEXT = "Status hanya dapat maju satu langkah: dari %(current)s ke %(next)s."
BAD_PERIOD = "Periode %(period)s tidak dikenal (contoh: 2025, 2025-S1, 2025-Q3)."


def scope_key(scope: Scope) -> str:
    """A stable text key of an evaluation scope (without its period)."""
    parts = [
        f"program={scope.program_id or ''}",
        f"cohort={scope.cohort_id or ''}",
        f"node={scope.node.pk if scope.node else ''}",
        f"kind={scope.program_kind}",
    ]
    return ";".join(parts)


def period_of(scope: Scope) -> str:
    """ "2025" for a calendar year, "2025-01-01..2025-06-30" otherwise, "semua" for no period."""
    if scope.start is None and scope.end is None:
        return "semua"
    whole_year = (
        scope.start is not None
        and scope.end is not None
        and scope.start.year == scope.end.year
        and (scope.start.month, scope.start.day, scope.end.month, scope.end.day) == (1, 1, 12, 31)
    )
    if whole_year:
        return str(scope.start.year)  # type: ignore[union-attr]
    return f"{scope.start or ''}..{scope.end or ''}"


def _home(access: Access, key: str, node: OrgUnit | None) -> OrgUnit:
    """Where stored recommendations live: the given node, a single program's owner, or the
    user's own scope."""
    if node is None:
        program_id = dict(p.split("=", 1) for p in key.split(";") if "=" in p).get("program")
        if program_id:
            node = Program.objects.select_related("owner").get(pk=int(program_id)).owner
        elif access.scope_id is not None:
            node = OrgUnit.objects.get(pk=access.scope_id)
        else:
            node = OrgUnit.objects.filter(parent__isnull=True).order_by("path").first()
    if node is None or not access.covers(node):
        raise PermissionDenied
    return node


def _evidence(finding: Finding) -> list[dict[str, Any]]:
    return [
        {
            "key": e.key,
            "label": e.label,
            "value": e.value,
            "unit": e.unit,
            "ci": list(e.ci) if e.ci else None,
            "n": e.n,
            "design": int(e.design),
            "source": e.source,
        }
        for e in finding.evidence
    ]


@transaction.atomic
def recommendations_save(
    actor: Any,
    access: Access,
    scope_key: str,
    period: str,
    findings: Iterable[Finding],
    *,
    node: OrgUnit | None = None,
    due_date: dt.date | None = None,
    report_id: int | None = None,
    report_number: str = "",
) -> list[TrackedRecommendation]:
    """Store the recommendations of `findings` for one scope and period. Saving again updates
    texts and priorities but keeps each recommendation's status, owner and due date
    (idempotent). `report_id`/`report_number` name the approved report they come from."""
    if not access.can(Capability.VIEW_REPORTS):
        raise PermissionDenied
    if not PERIOD.match(period) and ".." not in period:
        raise ValidationError(_(BAD_PERIOD) % {"period": period})
    home = _home(access, scope_key, node)
    saved = []
    for finding in findings:
        for rec in finding.recommendations:
            values = {
                "scope": home,
                "rule": finding.rule,
                "rules_version": finding.rules_version,
                "level": finding.level,
                "statement": finding.statement,
                "text": rec.text,
                "priority": rec.priority,
                "severity": int(finding.severity),
                "strength": str(finding.strength),
                "further_study": rec.further_study,
                "evidence": _evidence(finding),
                **({"report_id": report_id, "report_number": report_number} if report_id else {}),
            }
            record, created = TrackedRecommendation.objects.get_or_create(
                scope_key=scope_key,
                period=period,
                finding_key=finding.key,
                code=rec.code,
                defaults={**values, "owner_unit": home, "due_date": due_date},
            )
            changed = {
                k: [getattr(record, k), v] for k, v in values.items() if getattr(record, k) != v
            }
            if changed and not created:
                for field, (_old, new) in changed.items():
                    setattr(record, field, new)
                record.save()
            if created or changed:
                audit_record(
                    actor=actor,
                    action="recommendation.create" if created else "recommendation.update",
                    obj=record,
                    org_path=home.path,
                    changes={} if created else {k: v for k, v in changed.items() if k != "scope"},
                )
            saved.append(record)
    return saved


def _require_edit(access: Access, record: TrackedRecommendation) -> None:
    if not (access.can(Capability.EDIT_PROGRAMS) or access.is_admin):
        raise PermissionDenied
    if not access.covers(record.scope):
        raise PermissionDenied


@transaction.atomic
def recommendation_advance(
    *, actor: Any, access: Access, record: TrackedRecommendation, to_status: str
) -> TrackedRecommendation:
    """Move the status one step forward (diusulkan → diterima → dilaksanakan → dievaluasi
    ulang); any other move is refused."""
    _require_edit(access, record)
    current = RecommendationStatus(record.status)
    following = NEXT_STATUS.get(current)
    if following is None or to_status != following:
        raise ValidationError(
            _(NOT_NEXT) % {"current": current.label, "next": following.label if following else "—"}
        )
    record.status, record.status_changed_at = following, timezone.now()
    record.save(update_fields=["status", "status_changed_at", "updated_at"])
    audit_record(
        actor=actor,
        action="recommendation.status",
        obj=record,
        org_path=record.scope.path,
        changes={"status": [current.value, following.value]},
    )
    return record


@transaction.atomic
def recommendation_assign(
    *,
    actor: Any,
    access: Access,
    record: TrackedRecommendation,
    owner_unit: OrgUnit | None,
    owner_user: Any | None,
    due_date: dt.date | None = None,
) -> TrackedRecommendation:
    """Set the unit and person in charge and the due date; audited."""
    _require_edit(access, record)
    if owner_unit is not None and not access.covers(owner_unit):
        raise PermissionDenied
    if (
        owner_user is not None
        and not RoleAssignment.objects.filter(
            user=owner_user, scope__path__startswith=access.scope_path
        ).exists()
    ):
        raise PermissionDenied
    before = {
        "owner_unit": record.owner_unit_id,
        "owner_user": record.owner_user_id,
        "due_date": str(record.due_date or ""),
    }
    record.owner_unit, record.owner_user, record.due_date = owner_unit, owner_user, due_date
    record.save(update_fields=["owner_unit", "owner_user", "due_date", "updated_at"])
    after = {
        "owner_unit": record.owner_unit_id,
        "owner_user": record.owner_user_id,
        "due_date": str(record.due_date or ""),
    }
    audit_record(
        actor=actor,
        action="recommendation.assign",
        obj=record,
        org_path=record.scope.path,
        changes={k: [before[k], after[k]] for k in after if before[k] != after[k]},
    )
    return record
