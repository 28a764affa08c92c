"""Writes on careers: appraisals, assessed competency levels, potential, the 9-box placement
(with its evidence), and the IDP filled from remaining gaps. Keyword-only, atomic, audited."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.analysis.indices.appraisal import (
    AxisCutoffs,
    Predikat,
    skp_predikat,
    talent_box_from_levels,
)
from sieva.audit.services import audit_record, model_changes
from sieva.development.models import (
    Appraisal,
    Competency,
    CompetencyAssessment,
    DevelopmentPlan,
    DevelopmentPlanItem,
    JobStandard,
    JobStandardLevel,
    PlanStatus,
    PotentialAssessment,
    ProgramCompetency,
    TalentPlacement,
)
from sieva.development.selectors.careers import closing_programs, person_gaps
from sieva.org.models import Employee

NO_APPRAISAL = _("Belum ada penilaian kinerja tahun %(year)d.")
NO_POTENTIAL = _("Belum ada nilai potensial tahun %(year)d.")
FUTURE = _("Tanggal penilaian tidak boleh sesudah hari ini.")
# Predikat → kinerja axis of the 9-box: Sangat Baik above, Baik as expected, others below.
KINERJA_LEVEL = {Predikat.VERY_GOOD: 2, Predikat.GOOD: 1}


@transaction.atomic
def appraisal_set(
    *,
    actor: Any,
    employee: Employee,
    year: int,
    hasil_kerja: str,
    perilaku: str,
    score: Decimal | None = None,
) -> Appraisal:
    """Record (or correct) a year's appraisal; the predikat follows PermenPANRB 6/2022."""
    appraisal = Appraisal.objects.filter(employee=employee, year=year).first()
    before = (
        {"predikat": appraisal.predikat, "score": appraisal.score} if appraisal is not None else {}
    )
    appraisal = appraisal or Appraisal(employee=employee, year=year)
    appraisal.hasil_kerja, appraisal.perilaku, appraisal.score = hasil_kerja, perilaku, score
    appraisal.predikat = skp_predikat(hasil_kerja, perilaku).predikat.value
    appraisal.entered_by = actor if getattr(actor, "is_authenticated", False) else None
    appraisal.full_clean()
    appraisal.save()
    audit_record(
        actor=actor,
        action="career.appraisal_set",
        obj=appraisal,
        org_path=employee.unit.path,
        changes=model_changes(before, {"predikat": appraisal.predikat, "score": score}),
    )
    return appraisal


@transaction.atomic
def competency_assess(
    *,
    actor: Any,
    employee: Employee,
    competency: Competency,
    level: int,
    assessed_on: dt.date,
    source: str,
) -> CompetencyAssessment:
    if assessed_on > timezone.localdate():
        raise ValidationError({"assessed_on": FUTURE})
    row = CompetencyAssessment(
        employee=employee,
        competency=competency,
        level=level,
        assessed_on=assessed_on,
        source=source,
        entered_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    row.full_clean()
    row.save()
    audit_record(
        actor=actor,
        action="career.competency_assess",
        obj=row,
        org_path=employee.unit.path,
        changes={"competency": competency.pk, "level": level},
    )
    return row


@transaction.atomic
def potential_set(
    *, actor: Any, employee: Employee, year: int, score: Decimal, source: str = ""
) -> PotentialAssessment:
    row, _created = PotentialAssessment.objects.update_or_create(
        employee=employee, year=year, defaults={"score": score, "source": source}
    )
    audit_record(
        actor=actor,
        action="career.potential_set",
        obj=row,
        org_path=employee.unit.path,
        changes={"score": score},
    )
    return row


def _cutoffs() -> AxisCutoffs:
    low, mid = settings.SIEVA_POTENTIAL_CUTOFFS
    return AxisCutoffs(low, mid)


@transaction.atomic
def talent_place(*, actor: Any, employee: Employee, year: int) -> TalentPlacement:
    """Place the employee in the 9-box from the year's SKP predikat (kinerja) and potential
    score (PermenPANRB 3/2020); the evidence is stored with it and the change audited."""
    appraisal = Appraisal.objects.filter(employee=employee, year=year).first()
    potential = PotentialAssessment.objects.filter(employee=employee, year=year).first()
    if appraisal is None:
        raise ValidationError(NO_APPRAISAL % {"year": year})
    if potential is None:
        raise ValidationError(NO_POTENTIAL % {"year": year})
    kinerja = KINERJA_LEVEL.get(appraisal.predikat, 0)
    potensial = _cutoffs().level(float(potential.score))
    box = talent_box_from_levels(kinerja, potensial)
    evidence = {
        "predikat": appraisal.predikat,
        "hasil_kerja": appraisal.hasil_kerja,
        "perilaku": appraisal.perilaku,
        "potensial": str(potential.score),
        "potensial_sumber": potential.source,
        "cutoffs": list(settings.SIEVA_POTENTIAL_CUTOFFS),
        "kinerja_level": box.kinerja,
        "potensial_level": box.potensial,
        "follow_up": box.follow_up,
    }
    before = TalentPlacement.objects.filter(employee=employee, year=year).first()
    placement, _created = TalentPlacement.objects.update_or_create(
        employee=employee,
        year=year,
        defaults={"box": box.box, "evidence": evidence, "computed_at": timezone.now()},
    )
    audit_record(
        actor=actor,
        action="career.talent_place",
        obj=placement,
        org_path=employee.unit.path,
        changes={"box": [before.box if before else None, box.box], "evidence": evidence},
    )
    return placement


def talent_place_many(*, actor: Any, employees: Any, year: int) -> tuple[int, int]:
    """Place everyone of `employees` who has both inputs for `year`; (placed, left out)."""
    ready = set(
        Appraisal.objects.filter(employee__in=employees, year=year).values_list(
            "employee_id", flat=True
        )
    ) & set(
        PotentialAssessment.objects.filter(employee__in=employees, year=year).values_list(
            "employee_id", flat=True
        )
    )
    placed = 0
    for employee in Employee.objects.filter(pk__in=ready).select_related("unit"):
        talent_place(actor=actor, employee=employee, year=year)
        placed += 1
    return placed, employees.count() - placed


@transaction.atomic
def idp_fill(*, actor: Any, employee: Employee, year: int) -> DevelopmentPlan:
    """Create the year's IDP (or add to it) with one item per remaining competency gap, each
    with the program that measurably closes it best (if any)."""
    plan, _created = DevelopmentPlan.objects.get_or_create(employee=employee, year=year)
    _standard, gaps = person_gaps(employee)
    open_gaps = [g for g in gaps if g.gap]
    programs = closing_programs(g.competency.pk for g in open_gaps)
    present = set(plan.items.values_list("competency_id", flat=True))
    added = 0
    for gap in open_gaps:
        if gap.competency.pk in present:
            continue
        best = next(
            (p for p in programs.get(gap.competency.pk, []) if (p.closure.rate or 0) > 0), None
        )
        activity = (
            _("Ikuti %(program)s (menutup %(rate).0f %% kesenjangan, n = %(n)d)")
            % {
                "program": best.program.name,
                "rate": best.closure.rate * 100,  # type: ignore[operator]
                "n": best.participants,
            }
            if best
            else _("Pengembangan %(competency)s (coaching, penugasan atau pelatihan)")
            % {"competency": gap.competency.name}
        )
        DevelopmentPlanItem.objects.create(
            plan=plan,
            competency=gap.competency,
            gap=gap.gap or 0,
            program=best.program if best else None,
            activity=str(activity)[:300],
        )
        added += 1
    audit_record(
        actor=actor,
        action="career.idp_fill",
        obj=plan,
        org_path=employee.unit.path,
        changes={"items_added": added},
    )
    return plan


@transaction.atomic
def idp_approve(*, actor: Any, plan: DevelopmentPlan) -> DevelopmentPlan:
    plan.status = PlanStatus.APPROVED
    plan.approved_by = actor if getattr(actor, "is_authenticated", False) else None
    plan.save(update_fields=["status", "approved_by"])
    audit_record(
        actor=actor, action="career.idp_approve", obj=plan, org_path=plan.employee.unit.path
    )
    return plan


STANDARD_EXISTS = _("Standar untuk jabatan %(name)s sudah ada di instansi ini.")


@transaction.atomic
def standard_create(
    *,
    actor: Any,
    owner: Any,
    position_name: str,
    is_key_position: bool,
    levels: dict[Competency, int],
) -> JobStandard:
    """A jabatan's competency standard in `owner` (an instansi or unit)."""
    name = position_name.strip()
    if JobStandard.objects.filter(owner=owner, position_name__iexact=name).exists():
        raise ValidationError({"position_name": STANDARD_EXISTS % {"name": name}})
    standard = JobStandard.objects.create(
        owner=owner, position_name=name, is_key_position=is_key_position
    )
    JobStandardLevel.objects.bulk_create(
        JobStandardLevel(standard=standard, competency=c, required_level=level)
        for c, level in levels.items()
    )
    audit_record(
        actor=actor,
        action="career.standard_create",
        obj=standard,
        org_path=owner.path,
        changes={"levels": {c.code: level for c, level in levels.items()}},
    )
    return standard


@transaction.atomic
def program_target_add(*, actor: Any, program: Any, competency: Competency) -> ProgramCompetency:
    link, _created = ProgramCompetency.objects.get_or_create(program=program, competency=competency)
    audit_record(
        actor=actor,
        action="career.program_target",
        obj=link,
        org_path=program.owner.path,
        changes={"competency": competency.pk},
    )
    return link
