"""L5 — cost: planned against realised budget and the unit costs (per participant, completer,
JP delivered and participant-JP). ROI joins here once monetised benefits are recorded."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from sieva.analysis.indices.roi import BenefitClaim, cost_efficiency, roi_estimate
from sieva.evaluation.engine import adapters
from sieva.evaluation.engine.figures import Caveat, CaveatKind, Design, Figure
from sieva.programs.models import Cohort


@dataclass(frozen=True)
class CostLevel:
    planned: Decimal
    realised: Decimal
    realisation: Figure
    per_participant: Figure
    per_completer: Figure
    per_jp: Figure
    per_participant_jp: Figure
    roi: Figure | None = None  # ROI %, with the Monte Carlo interval over attribution/confidence
    bcr: float | None = None
    payback_months: float | None = None
    benefits_adjusted: float | None = None
    probability_positive: float | None = None


def _money(key: str, label: str, value: float | None, n: int, caveats=()) -> Figure:
    return Figure(key, label, value, n, "Rp", caveats=tuple(caveats), source="/partisipasi/")


def cost_level(cohorts: QuerySet[Cohort], *, cohort_level_only: bool = False) -> CostLevel:
    records = adapters.cost_records(cohorts)
    planned, realised, funnel = records.planned, records.realised, records.funnel
    program_jp, participant_jp = records.program_jp, records.participant_jp
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
        **_roi(adapters.benefit_claims_for(cohorts, cohort_level_only=cohort_level_only), realised),
    )


def _roi(claims: list[BenefitClaim], costs: Decimal) -> dict[str, Any]:
    """ROI of the recorded benefit claims against the realised costs (Phillips), with the
    Monte Carlo interval over each claim's attribution and confidence ranges."""
    if not claims or costs <= 0:
        return {}
    estimate = roi_estimate(claims, float(costs))
    point, simulation = estimate.point, estimate.simulation
    figure = Figure(
        "l5.roi",
        _("ROI (manfaat bersih / biaya)"),
        point.roi_percent,
        len(claims),
        "%",
        ci=(simulation.roi_percent_ci.low, simulation.roi_percent_ci.high),
        design=Design.POST_ONLY,
        caveats=(
            Caveat(
                CaveatKind.ESTIMATED_BENEFITS,
                _(
                    "Manfaat adalah taksiran nilai × atribusi × keyakinan; interval mencerminkan "
                    "ketidakpastian atribusi dan keyakinan, bukan sampel."
                ),
            ),
        ),
        source="/indikator/",
    )
    return {
        "roi": figure,
        "bcr": point.bcr,
        "payback_months": point.payback_months,
        "benefits_adjusted": point.benefits,
        "probability_positive": simulation.probability_positive,
    }
