"""Writes of training-needs planning: supervisors' nominations, the proposed plan built from
the needs, its edits, officials' comments, consultation and adoption. Keyword-only, atomic,
audited."""

from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sieva.audit.services import audit_record
from sieva.evidence.models import Nomination, PlanComment, PlanItem, PlanStatus, TrainingPlan
from sieva.evidence.selectors.planning import needs_summary
from sieva.org.models import Employee, OrgUnit

NOT_SUBORDINATE = gettext_lazy("%(name)s bukan bawahan langsung Anda.")
ALREADY_NOMINATED = gettext_lazy("%(name)s sudah diusulkan untuk kompetensi ini pada tahun itu.")
NO_NEEDS = gettext_lazy(
    "Belum ada jawaban kuesioner kebutuhan atau usulan atasan untuk tahun %(year)s."
)
ADOPTED = gettext_lazy("Rencana sudah ditetapkan dan tidak dapat diubah lagi.")
TOP_ITEMS = 8


def nomination_add(
    *,
    actor: Any,
    supervisor: Employee,
    employee: Employee,
    competency: str,
    year: int,
    reason: str = "",
) -> Nomination:
    """The supervisor puts a direct subordinate forward for a competency."""
    if employee.supervisor_id != supervisor.pk:
        raise ValidationError({"employee": str(NOT_SUBORDINATE) % {"name": employee.name}})
    with transaction.atomic():
        if Nomination.objects.filter(employee=employee, competency=competency, year=year).exists():
            raise ValidationError(str(ALREADY_NOMINATED) % {"name": employee.name})
        nomination = Nomination.objects.create(
            employee=employee,
            nominated_by=supervisor,
            competency=competency,
            year=year,
            reason=reason[:300],
        )
        audit_record(
            actor=actor,
            action="nomination_add",
            obj=nomination,
            org_path=employee.unit.path,
            changes={"competency": competency, "year": year},
        )
    return nomination


def plan_propose(*, actor: Any, owner: OrgUnit, year: int) -> TrainingPlan:
    """A draft plan for `year` from the needs of `owner`'s subtree: one proposed program per
    most-demanded competency (nominations count double), aimed at the units and grade groups
    that asked most, with JP and cost from the settings for officials to adjust."""
    cells = needs_summary(owner, year)
    if not cells:
        raise ValidationError(str(NO_NEEDS) % {"year": year})
    by_competency: dict[str, list[Any]] = defaultdict(list)
    for cell in cells:
        by_competency[cell.competency].append(cell)
    ranked = sorted(
        by_competency.values(), key=lambda cs: (-sum(c.demand for c in cs), cs[0].label)
    )[:TOP_ITEMS]
    jp = Decimal(settings.SIEVA_PLAN_DEFAULT_JP)
    cost = jp * Decimal(settings.SIEVA_PLAN_COST_PER_JP)
    with transaction.atomic():
        plan = TrainingPlan.objects.create(
            owner=owner,
            year=year,
            title=_("Rencana pengembangan kompetensi %(owner)s %(year)s")
            % {"owner": owner.name, "year": year},
            basis=_(
                "Disusun dari %(answers)d pilihan kompetensi pada kuesioner analisis kebutuhan "
                "tahun %(before)s dan %(nominations)d usulan atasan untuk tahun %(year)s."
            )
            % {
                "answers": sum(c.respondents for c in cells),
                "before": year - 1,
                "nominations": sum(c.nominations for c in cells),
                "year": year,
            },
            created_by=actor,
        )
        for priority, group in enumerate(ranked, start=1):
            units = sorted(
                {c.unit for c in group}, key=lambda u: -sum(c.demand for c in group if c.unit == u)
            )
            grades = sorted({c.grade for c in group if c.grade != "—"})
            respondents = sum(c.respondents for c in group)
            nominations = sum(c.nominations for c in group)
            target = ", ".join(units[:3]) + (
                _(" dan %(n)d unit lain") % {"n": len(units) - 3} if len(units) > 3 else ""
            )
            if grades:
                target += f" · {', '.join(grades)}"
            PlanItem.objects.create(
                plan=plan,
                priority=priority,
                competency=group[0].competency,
                competency_label=group[0].label,
                target_group=target[:300],
                participants=respondents + nominations,
                jp=jp,
                cost_per_participant=cost,
                evidence=_("%(r)d responden memilih, %(n)d usulan atasan")
                % {"r": respondents, "n": nominations},
            )
        audit_record(
            actor=actor,
            action="plan_propose",
            obj=plan,
            org_path=owner.path,
            changes={"year": year, "items": len(ranked)},
        )
    return plan


def _editable(plan: TrainingPlan) -> None:
    if plan.status == PlanStatus.ADOPTED:
        raise ValidationError(str(ADOPTED))


def plan_item_save(*, actor: Any, item: PlanItem, data: dict[str, Any]) -> PlanItem:
    _editable(item.plan)
    fields = ("priority", "target_group", "participants", "jp", "cost_per_participant")
    with transaction.atomic():
        before = {f: getattr(item, f) for f in fields}
        for field in fields:
            setattr(item, field, data[field])
        item.save()
        audit_record(
            actor=actor,
            action="plan_item_update",
            obj=item,
            org_path=item.plan.owner.path,
            changes={
                f: [before[f], getattr(item, f)] for f in fields if before[f] != getattr(item, f)
            },
        )
    return item


def plan_comment_add(
    *, actor: Any, plan: TrainingPlan, text: str, item: PlanItem | None = None
) -> PlanComment:
    """An official's comment on the plan (or one of its programs) before it is adopted."""
    _editable(plan)
    with transaction.atomic():
        comment = PlanComment.objects.create(plan=plan, item=item, author=actor, text=text.strip())
        audit_record(actor=actor, action="plan_comment", obj=plan, org_path=plan.owner.path)
    return comment


def plan_advance(*, actor: Any, plan: TrainingPlan) -> TrainingPlan:
    """Draft → open for comments → adopted (then frozen)."""
    _editable(plan)
    with transaction.atomic():
        if plan.status == PlanStatus.DRAFT:
            plan.status = PlanStatus.CONSULTATION
        else:
            plan.status = PlanStatus.ADOPTED
            plan.adopted_by, plan.adopted_at = actor, timezone.now()
        plan.save()
        audit_record(
            actor=actor,
            action="plan_advance",
            obj=plan,
            org_path=plan.owner.path,
            changes={"status": plan.status},
        )
    return plan
