"""L4: the IKM of trained service units against untrained ones, with a planted effect."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf

from sieva.analysis.indices.ikm import STANDARD_ELEMENTS
from sieva.evaluation.engine import Scope, evaluate
from sieva.evaluation.engine.figures import CaveatKind, Design
from sieva.org.access import user_access
from sieva.org.models import OrgKind
from sieva.programs.models import EnrollmentStatus
from sieva.satisfaction.models import SkmAggregate, SkmUnitPeriod
from tests.factories import (
    CohortFactory,
    EmployeeFactory,
    EnrollmentFactory,
    OrgUnitFactory,
    ProgramFactory,
)

MONTHS = [dt.date(2025 + (m // 12), m % 12 + 1, 1) for m in range(24)]  # 2025-01 … 2026-12
RESPONDENTS = 20


def _record(unit, month, answer_sum_per_element: int) -> None:
    """A month of SKM for `unit`: every element summed to `answer_sum_per_element` over 20."""
    SkmUnitPeriod.objects.create(unit=unit, period=month, respondents=RESPONDENTS)
    SkmAggregate.objects.bulk_create(
        SkmAggregate(
            unit=unit, period=month, element=e, count=RESPONDENTS, total=answer_sum_per_element
        )
        for e in STANDARD_ELEMENTS
    )


@pytest.fixture
def puskesmas_panel(world):
    """Six puskesmas of Medan; three sent staff to a course ending 2025-12-15, whose IKM then
    rose by 4 answer points per element over 20 respondents (+5 NIK)."""
    program = ProgramFactory(owner=world.medan, name="Layanan Prima")
    cohort = CohortFactory(
        program=program, start_date=dt.date(2025, 12, 8), end_date=dt.date(2025, 12, 15)
    )
    units = [
        OrgUnitFactory(
            kind=OrgKind.SERVICE_UNIT,
            parent=world.medan_health,
            code=f"PKM-{i}",
            name=f"Puskesmas {i}",
        )
        for i in range(6)
    ]
    rng = np.random.default_rng(5)
    truth = []
    for i, unit in enumerate(units):
        trained = i < 3
        if trained:
            EnrollmentFactory(
                cohort=cohort, employee=EmployeeFactory(unit=unit), status=EnrollmentStatus.PASSED
            )
        base = 60 + 2 * i
        for k, month in enumerate(MONTHS):
            after = trained and month >= dt.date(2026, 1, 1)
            total = base + k // 6 + (4 if after else 0) + int(rng.integers(-1, 2))
            _record(unit, month, total)
            truth.append(
                {"unit": unit.pk, "month": k, "d": int(after), "nik": total / RESPONDENTS * 25}
            )
    return cohort, pd.DataFrame(truth)


def test_difference_in_differences_recovers_the_planted_effect(alice, puskesmas_panel):
    cohort, truth = puskesmas_panel
    ikm = evaluate(user_access(alice), Scope(program_id=cohort.program_id)).l4.ikm
    assert (ikm.trained_units, ikm.comparison_units) == (3, 3)
    effect = ikm.effect
    assert effect.design is Design.PRE_POST_COMPARISON
    # Reference: OLS with unit and month dummies, errors clustered by unit (statsmodels).
    fit = smf.ols("nik ~ d + C(unit) + C(month)", truth).fit(
        cov_type="cluster", cov_kwds={"groups": truth["unit"]}
    )
    assert effect.value == pytest.approx(fit.params["d"], abs=1e-6)
    assert effect.ci[0] < 5.0 < effect.ci[1]  # the planted +4/20 × 25 = +5 NIK
    assert CaveatKind.FEW_CLUSTERS in {c.kind for c in effect.caveats}  # 6 units < 30
    # The quarterly lead test ran (3 leads < 6 units − 1) and its verdict drives the caveat.
    assert ikm.pretrend is not None and len(ikm.pretrend.leads) == 3
    flagged = CaveatKind.PRE_TREND in {c.kind for c in effect.caveats}
    assert flagged == (ikm.pretrend.p < 0.10)


def test_a_trend_that_began_before_training_is_flagged(alice, world):
    """Trained units were already improving a point a month before the course: the lead
    test must see it."""
    program = ProgramFactory(owner=world.medan)
    rng = np.random.default_rng(9)
    cohort = CohortFactory(
        program=program, start_date=dt.date(2025, 12, 8), end_date=dt.date(2025, 12, 15)
    )
    for i in range(8):
        unit = OrgUnitFactory(kind=OrgKind.SERVICE_UNIT, parent=world.medan_health, code=f"PKT-{i}")
        trained = i < 4
        if trained:
            EnrollmentFactory(
                cohort=cohort, employee=EmployeeFactory(unit=unit), status=EnrollmentStatus.PASSED
            )
        for k, month in enumerate(MONTHS):
            drift = k if trained else 0
            _record(unit, month, min(80, 40 + i + drift + int(rng.integers(-2, 3))))
    effect = evaluate(user_access(alice), Scope(program_id=program.pk)).l4.ikm
    assert effect.pretrend is not None and effect.pretrend.p < 0.10
    assert CaveatKind.PRE_TREND in {c.kind for c in effect.effect.caveats}


def test_without_comparison_units_it_is_before_after_with_a_caveat(alice, world, puskesmas_panel):
    cohort, _truth = puskesmas_panel
    # Every other puskesmas now also sends someone, so nothing is left to compare with.
    others = CohortFactory(
        program=cohort.program, start_date=dt.date(2027, 3, 1), end_date=dt.date(2027, 3, 5)
    )
    for unit in world.medan_health.children.filter(code__in=["PKM-3", "PKM-4", "PKM-5"]):
        EnrollmentFactory(
            cohort=others, employee=EmployeeFactory(unit=unit), status=EnrollmentStatus.REGISTERED
        )
    ikm = evaluate(user_access(alice), Scope(cohort_id=cohort.pk)).l4.ikm
    assert ikm.comparison_units == 0
    assert ikm.effect.design is Design.PRE_POST
    assert CaveatKind.NO_COMPARISON in {c.kind for c in ikm.effect.caveats}
    assert ikm.effect.value == pytest.approx(ikm.after.value - ikm.before.value)
