"""The evaluation engine's entry points give exactly what sieva.analysis gives on the same data."""

import datetime as dt
import random
from decimal import Decimal

import pytest
from django.http import Http404

from sieva.analysis.did import did_2x2, did_twfe
from sieva.analysis.indices.roi import BenefitClaim, roi, roi_monte_carlo
from sieva.indicators.models import IndicatorActual
from sieva.indicators.selectors import before_after, indicator_series, program_roi
from sieva.indicators.selectors.roi import MC_DRAWS, MC_SEED
from sieva.org.access import user_access
from sieva.programs.models import CostCategory
from tests.factories import BudgetLineFactory, CohortFactory, OrgUnitFactory, ProgramFactory
from tests.indicators.factories import BenefitFactory, DefinitionFactory

pytestmark = pytest.mark.django_db

MONTHS = [dt.date(2025, m, 1) for m in range(1, 13)]
CUTOFF = dt.date(2025, 7, 1)
EFFECT = -6.0


@pytest.fixture
def planted(world):
    """Six trained and six comparison units; trained ones drop by 6 minutes from July."""
    rng = random.Random(4)
    definition = DefinitionFactory(owner=world.medan)
    trained = [OrgUnitFactory(parent=world.medan_health) for _ in range(6)]
    others = [OrgUnitFactory(parent=world.medan_health) for _ in range(6)]
    rows = []
    for unit in trained + others:
        level = rng.uniform(30, 50)
        for i, month in enumerate(MONTHS):
            effect = EFFECT if unit in trained and month >= CUTOFF else 0
            value = level - 0.3 * i + effect + rng.gauss(0, 1)
            rows.append(
                IndicatorActual(
                    definition=definition, unit=unit, period=month, value=Decimal(f"{value:.4f}")
                )
            )
    IndicatorActual.objects.bulk_create(rows)
    return definition, trained, others


def test_before_after_with_comparison_units_is_the_libraries_2x2_did(planted):
    definition, trained, others = planted
    result = before_after(trained, definition, CUTOFF, comparison_units=others)
    data = result.data
    direct = did_2x2(
        list(data.y), treated=list(data.treated), post=list(data.post), unit=list(data.unit)
    )
    assert result.design == "did" and not result.caveat
    assert result.did == direct
    assert len(data.y) == 12 * 12 and sum(data.treated) == 6 * 12
    assert result.n_treated_units == 6 and result.n_comparison_units == 6
    assert EFFECT in result.did.ci  # the planted effect is recovered
    assert result.improvement_sign == -1  # lower service time is better
    panel = did_twfe(
        list(data.y), unit=list(data.unit), period=list(data.period), treatment=list(data.treatment)
    )
    assert panel.estimate == pytest.approx(direct.estimate, rel=1e-9)  # one adoption date


def test_without_comparison_units_it_is_a_before_after_with_a_caveat(planted):
    definition, trained, _others = planted
    result = before_after(trained, definition, CUTOFF)
    assert result.design == "before_after" and result.did is None
    assert "pembanding" in result.caveat
    assert result.paired.n == 6
    assert result.paired.mean_diff == pytest.approx(
        result.means["treated_post"] - result.means["treated_pre"]
    )
    with pytest.raises(ValueError):
        before_after([], definition, CUTOFF)


def test_indicator_series_aligns_values_with_periods(planted):
    definition, trained, _others = planted
    wanted = [dt.date(2024, 12, 1), *MONTHS[:2]]
    series = indicator_series([trained[0].pk], definition, wanted)
    values = series.values[trained[0].pk]
    assert values[0] is None and all(isinstance(v, float) for v in values[1:])
    stored = IndicatorActual.objects.get(unit=trained[0], period=MONTHS[0]).value
    assert values[1] == float(stored)


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
    sim = roi_monte_carlo(claims, 100e6, draws=MC_DRAWS, rng=MC_SEED)
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
