"""The engine's L0 (participation) and L5 (cost) figures against hand counts and statsmodels."""

from decimal import Decimal

import pytest
from statsmodels.stats.proportion import proportion_confint

from sieva.evaluation.engine import Scope, evaluate
from sieva.evaluation.engine.figures import CaveatKind, Design
from sieva.org.access import user_access
from sieva.programs.models import AbsenceReason, CostCategory, EnrollmentStatus
from tests.evaluation.factories import attend
from tests.factories import (
    BudgetLineFactory,
    CohortFactory,
    EmployeeFactory,
    EnrollmentFactory,
    ProgramFactory,
    SessionFactory,
)


@pytest.fixture
def medan_cohort(world):
    """20 invited; 12 attended (8 passed); 6 gave 'benturan tugas', 2 'sakit'."""
    program = ProgramFactory(owner=world.medan, name="Layanan Prima")
    cohort = CohortFactory(program=program)
    day1 = SessionFactory(cohort=cohort, jp=Decimal("4"))
    day2 = SessionFactory(cohort=cohort, jp=Decimal("6"))
    for i in range(20):
        status = EnrollmentStatus.PASSED if i < 8 else EnrollmentStatus.REGISTERED
        reason = ""
        if i >= 12:
            status = EnrollmentStatus.WITHDRAWN
            reason = AbsenceReason.DUTY_CLASH if i < 18 else AbsenceReason.SICK
        enrollment = EnrollmentFactory(
            cohort=cohort,
            employee=EmployeeFactory(unit=world.medan_health),
            status=status,
            absence_reason=reason,
        )
        if i < 12:
            attend(enrollment, day1, *([day2] if i < 8 else []))
    BudgetLineFactory(
        cohort=cohort,
        category=CostCategory.DELIVERY,
        planned=Decimal("30000000"),
        realised=Decimal("24000000"),
    )
    return cohort


def test_participation_rate_is_a_wilson_interval_over_the_invited(alice, medan_cohort):
    result = evaluate(user_access(alice), Scope(program_id=medan_cohort.program_id))
    rate = result.l0.participation
    assert (rate.n, rate.value) == (20, pytest.approx(60.0))
    # statsmodels proportion_confint(12, 20, method="wilson") = (0.3866, 0.7812)
    low, high = proportion_confint(12, 20, alpha=0.05, method="wilson")
    assert rate.ci == (pytest.approx(low * 100, abs=1e-6), pytest.approx(high * 100, abs=1e-6))
    assert rate.design is Design.RECORDS
    assert result.l0.completion.value == pytest.approx(8 / 12 * 100)


def test_reasons_below_the_minimum_cell_are_hidden(alice, medan_cohort):
    reasons = {r.code: r.count for r in evaluate(user_access(alice), Scope()).l0.reasons}
    # 6 clashes with main duties can be shown; 2 sick cannot, and hiding only that cell
    # would let anyone subtract it from the total, so the engine hides a second one too.
    assert reasons[AbsenceReason.SICK] is None
    assert reasons[AbsenceReason.DUTY_CLASH] is None


def test_unit_costs_divide_realised_budget_by_people_and_jp(alice, medan_cohort):
    l5 = evaluate(user_access(alice), Scope()).l5
    assert l5.realisation.value == pytest.approx(80.0)
    assert l5.per_participant.value == pytest.approx(24_000_000 / 12)
    assert l5.per_completer.value == pytest.approx(24_000_000 / 8)
    assert l5.per_jp.value == pytest.approx(24_000_000 / 10)  # 4 + 6 JP delivered
    # 12 attended day 1 (4 JP) and 8 of them day 2 (6 JP): 48 + 48 = 96 participant-JP
    assert l5.per_participant_jp.value == pytest.approx(24_000_000 / 96)


def test_small_cohorts_are_suppressed_not_shown(alice, world):
    cohort = CohortFactory(program=ProgramFactory(owner=world.medan))
    for _ in range(3):
        EnrollmentFactory(cohort=cohort, employee=EmployeeFactory(unit=world.medan_health))
    rate = evaluate(user_access(alice), Scope(cohort_id=cohort.pk)).l0.participation
    assert rate.value is None and rate.ci is None and rate.n == 3
    assert [c.kind for c in rate.caveats] == [CaveatKind.SUPPRESSED]


def test_another_region_evaluates_nothing_of_medan(bob, medan_cohort):
    result = evaluate(user_access(bob), Scope(program_id=medan_cohort.program_id))
    assert result.cohort_count == 0
    assert result.l0.funnel.invited == 0
    assert result.l5.realised == 0
