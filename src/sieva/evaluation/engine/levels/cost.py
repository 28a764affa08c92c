"""L5 — cost: planned against realised budget and the unit costs (per participant, completer,
JP delivered and participant-JP). ROI joins here once monetised benefits are recorded."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet, Sum
from django.utils.translation import gettext as _

from sieva.analysis.indices.roi import cost_efficiency
from sieva.evaluation.engine.figures import Caveat, CaveatKind, Figure
from sieva.evaluation.participation import funnel_total
from sieva.programs.models import Attendance, BudgetLine, Cohort, Enrollment, Session


@dataclass(frozen=True)
class CostLevel:
    planned: Decimal
    realised: Decimal
    realisation: Figure
    per_participant: Figure
    per_completer: Figure
    per_jp: Figure
    per_participant_jp: Figure


def _money(key: str, label: str, value: float | None, n: int, caveats=()) -> Figure:
    return Figure(key, label, value, n, "Rp", caveats=tuple(caveats), source="/partisipasi/")


def cost_level(cohorts: QuerySet[Cohort]) -> CostLevel:
    ids = cohorts.values("pk")
    # Only cohorts with budget lines count towards unit costs: a cohort without any is
    # unknown, not free (decision 0005).
    budgeted = BudgetLine.objects.filter(cohort__in=ids)
    sums = budgeted.aggregate(planned=Sum("planned"), realised=Sum("realised"))
    planned = sums["planned"] or Decimal("0")
    realised = sums["realised"] or Decimal("0")
    budgeted_ids = budgeted.values("cohort_id")
    funnel = funnel_total(Enrollment.objects.filter(cohort__in=budgeted_ids))
    program_jp = Session.objects.filter(cohort__in=budgeted_ids).aggregate(jp=Sum("jp"))["jp"]
    participant_jp = Attendance.objects.filter(enrollment__cohort__in=budgeted_ids).aggregate(
        jp=Sum("session__jp")
    )["jp"]
    no_budget = (Caveat(CaveatKind.NO_DATA, _("Belum ada anggaran tercatat.")),)
    realisation = Figure(
        "l5.realisation",
        _("Realisasi anggaran"),
        float(realised / planned * 100) if planned else None,
        int(funnel.invited),
        "%",
        caveats=() if planned else no_budget,
        source="/partisipasi/",
    )
    if not realised:
        empty = _money("l5.none", "", None, 0, no_budget)
        return CostLevel(planned, realised, realisation, *(4 * [empty]))
    unit_costs = cost_efficiency(
        float(realised),
        participants=funnel.attended,
        completers=min(funnel.completed, funnel.attended),
        program_jp=float(program_jp or 0),
        participant_jp=float(participant_jp or 0),
    )
    return CostLevel(
        planned,
        realised,
        realisation,
        _money(
            "l5.per_participant",
            _("Biaya per peserta hadir"),
            unit_costs.per_participant,
            funnel.attended,
        ),
        _money(
            "l5.per_completer", _("Biaya per lulusan"), unit_costs.per_completer, funnel.completed
        ),
        _money("l5.per_jp", _("Biaya per JP diselenggarakan"), unit_costs.per_jp, funnel.attended),
        _money(
            "l5.per_participant_jp",
            _("Biaya per JP peserta"),
            unit_costs.per_participant_jp,
            funnel.attended,
        ),
    )
