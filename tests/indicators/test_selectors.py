"""A program's ROI page gives exactly what sieva.analysis gives on the same data."""

from decimal import Decimal

import pytest
from django.http import Http404

from sieva.analysis.indices.roi import BenefitClaim, roi, roi_monte_carlo
from sieva.indicators.selectors import program_roi
from sieva.org.access import user_access
from sieva.programs.models import CostCategory
from tests.factories import BudgetLineFactory, CohortFactory, ProgramFactory
from tests.indicators.factories import BenefitFactory

pytestmark = pytest.mark.django_db


def test_program_roi_equals_the_library_on_the_same_inputs(world, alice):
    program = ProgramFactory(owner=world.medan)
    cohort = CohortFactory(program=program)
    BudgetLineFactory(cohort=cohort, category=CostCategory.DELIVERY, realised=Decimal("60000000"))
    BudgetLineFactory(
        cohort=cohort, category=CostCategory.PARTICIPANT_TIME, realised=Decimal("40000000")
    )
    BenefitFactory(
        program=program,
        annual_value=Decimal("200000000"),
        attribution=Decimal("0.5"),
        confidence=Decimal("0.8"),
        attribution_low=Decimal("0.3"),
        attribution_high=Decimal("0.7"),
    )
    BenefitFactory(
        program=program,
        annual_value=Decimal("50000000"),
        attribution=Decimal("0.95"),
        confidence=Decimal("0.6"),
    )
    got = program_roi(program, user_access(alice))
    claims = [
        BenefitClaim(
            200e6,
            attribution=0.5,
            confidence=0.8,
            attribution_range=(0.3, 0.7),
            confidence_range=(0.7, 0.9),
        ),
        BenefitClaim(
            50e6,
            attribution=0.95,
            confidence=0.6,
            attribution_range=(0.85, 1.0),
            confidence_range=(0.5, 0.7),
        ),
    ]
    assert got.costs == Decimal("100000000")
    assert got.benefits_adjusted == pytest.approx(80e6 + 28.5e6)
    assert got.result == roi(80e6 + 28.5e6, 100e6)
    sim = roi_monte_carlo(claims, 100e6, draws=10_000, rng=0)
    assert got.simulation.roi_percent_ci.low == pytest.approx(sim.roi_percent_ci.low, rel=1e-12)
    assert got.simulation.roi_percent_ci.high == pytest.approx(sim.roi_percent_ci.high, rel=1e-12)
    assert got.result.roi_percent == pytest.approx(8.5)
    assert dict(got.costs_by_category)["Waktu peserta"] == Decimal("40000000")


def test_program_roi_warns_without_costs_or_benefits_and_hides_other_regions(world, alice, bob):
    program = ProgramFactory(owner=world.medan)
    got = program_roi(program, user_access(alice))
    assert got.result is None and len(got.warnings) == 2
    with pytest.raises(Http404):
        program_roi(program, user_access(bob))
