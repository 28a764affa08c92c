"""L5 ROI in the engine equals the library's roi() and roi_monte_carlo() on the same claims."""

import datetime as dt
from decimal import Decimal

import pytest

from sieva.analysis.indices.roi import BenefitClaim, roi, roi_monte_carlo
from sieva.evaluation.engine import Scope, evaluate
from sieva.indicators.models import MonetisedBenefit
from sieva.org.access import user_access
from tests.factories import BudgetLineFactory, CohortFactory, ProgramFactory


def _benefit(program, cohort=None, **fields) -> MonetisedBenefit:
    values = {
        "description": "Waktu tunggu berkurang",
        "annual_value": Decimal("90000000"),
        "attribution": Decimal("0.5"),
        "confidence": Decimal("0.8"),
        "basis": "Selisih waktu layanan × jumlah layanan × biaya per jam",
        "period_start": dt.date(2026, 1, 1),
        "period_end": dt.date(2026, 12, 31),
    }
    return MonetisedBenefit.objects.create(program=program, cohort=cohort, **{**values, **fields})


def test_roi_uses_adjusted_benefits_against_realised_costs(alice, world):
    program = ProgramFactory(owner=world.medan)
    cohort = CohortFactory(program=program)
    BudgetLineFactory(cohort=cohort, planned=Decimal("30000000"), realised=Decimal("24000000"))
    _benefit(program, attribution_low=Decimal("0.3"), attribution_high=Decimal("0.7"))
    l5 = evaluate(user_access(alice), Scope(program_id=program.pk)).l5
    # 90 M × 0.5 × 0.8 = 36 M adjusted benefits; ROI = (36 − 24) / 24 = 50 %
    assert l5.roi.value == pytest.approx(50.0)
    assert l5.bcr == pytest.approx(1.5)
    claim = BenefitClaim(
        90_000_000,
        attribution=0.5,
        confidence=0.8,
        attribution_range=(0.3, 0.7),
        confidence_range=(0.7, 0.9),
    )
    assert l5.roi.value == pytest.approx(roi(36_000_000, 24_000_000).roi_percent)
    simulated = roi_monte_carlo([claim], 24_000_000, draws=10_000, rng=0)
    assert l5.roi.ci == (
        pytest.approx(simulated.roi_percent_ci.low),
        pytest.approx(simulated.roi_percent_ci.high),
    )


def test_a_cohort_alone_does_not_borrow_program_wide_benefits(alice, world):
    program = ProgramFactory(owner=world.medan)
    cohort = CohortFactory(program=program)
    BudgetLineFactory(cohort=cohort, realised=Decimal("10000000"))
    _benefit(program)  # recorded for the whole program, not this cohort
    result = evaluate(user_access(alice), Scope(cohort_id=cohort.pk))
    assert result.l5.roi is None
    _benefit(program, cohort=cohort, annual_value=Decimal("20000000"))
    assert evaluate(user_access(alice), Scope(cohort_id=cohort.pk)).l5.roi.value == pytest.approx(
        (20_000_000 * 0.4 - 10_000_000) / 10_000_000 * 100
    )
