"""Level 5: a program's fully loaded costs against its monetised benefits (Phillips ROI)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from sieva.analysis.indices.roi import (
    BenefitClaim,
    RoiResult,
    RoiSimulation,
    adjusted_benefits,
    roi_estimate,
)
from sieva.indicators.models import MonetisedBenefit
from sieva.org.access import Access
from sieva.programs.models import BudgetLine, CostCategory, Program

__all__ = ["DEFAULT_SPREAD", "ProgramRoi", "benefit_claims", "program_roi"]

# Without stated bounds, attribution and confidence are taken as ± 0.1 around the estimate
# (clipped to 0–1), so the interval shows that they are judgements (decision 0011).
DEFAULT_SPREAD = 0.1
NO_COSTS = _("Belum ada realisasi anggaran: ROI tidak dapat dihitung.")
NO_BENEFITS = _("Belum ada manfaat moneter yang dicatat untuk program ini.")


@dataclass(frozen=True)
class ProgramRoi:
    """Costs (realised budget lines), benefits and, when both exist, ROI with its interval."""

    program_id: int
    costs: Decimal
    costs_by_category: tuple[tuple[str, Decimal], ...]
    benefits: tuple[MonetisedBenefit, ...]
    claims: tuple[BenefitClaim, ...]
    benefits_gross: float
    benefits_adjusted: float
    result: RoiResult | None
    simulation: RoiSimulation | None
    warnings: tuple[str, ...]


def _span(point: Decimal, low: Decimal | None, high: Decimal | None) -> tuple[float, float]:
    p = float(point)
    lo = float(low) if low is not None else max(0.0, p - DEFAULT_SPREAD)
    hi = float(high) if high is not None else min(1.0, p + DEFAULT_SPREAD)
    return lo, hi


def benefit_claims(benefits: list[MonetisedBenefit]) -> list[BenefitClaim]:
    """The analysis-library claims of `benefits`, with their (default) uncertainty ranges."""
    return [
        BenefitClaim(
            float(b.annual_value),
            attribution=float(b.attribution),
            confidence=float(b.confidence),
            attribution_range=_span(b.attribution, b.attribution_low, b.attribution_high),
            confidence_range=_span(b.confidence, b.confidence_low, b.confidence_high),
            label=b.description,
        )
        for b in benefits
    ]


def program_roi(program: Program, access: Access) -> ProgramRoi:
    """ROI %, BCR, payback and a Monte Carlo interval of `program` (404 outside the scope).

    Costs = realised budget lines of every cohort (fully loaded: they include participants'
    time); benefits = Σ yearly value × attribution × confidence of its recorded claims.
    """
    if not access.covers(program.owner):
        raise Http404
    by_category = dict(
        BudgetLine.objects.filter(cohort__program=program)
        .values_list("category")
        .annotate(total=Sum("realised"))
        .order_by()
    )
    costs = sum(by_category.values(), Decimal(0))
    benefits = list(
        MonetisedBenefit.objects.filter(program=program).select_related("cohort", "unit")
    )
    claims = benefit_claims(benefits)
    warnings = []
    result = simulation = None
    if costs <= 0:
        warnings.append(str(NO_COSTS))
    if not claims:
        warnings.append(str(NO_BENEFITS))
    adjusted = adjusted_benefits(claims)
    if costs > 0 and claims:
        estimate = roi_estimate(claims, float(costs))
        result, simulation = estimate.point, estimate.simulation
    return ProgramRoi(
        program_id=program.pk,
        costs=costs,
        costs_by_category=tuple(
            (str(c.label), by_category[c.value]) for c in CostCategory if c.value in by_category
        ),
        benefits=tuple(benefits),
        claims=tuple(claims),
        benefits_gross=float(sum(c.value for c in claims)),
        benefits_adjusted=adjusted,
        result=result,
        simulation=simulation,
        warnings=tuple(warnings),
    )
