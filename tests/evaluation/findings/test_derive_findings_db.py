"""derive_findings through the engine and the database: the adapter's facts and thresholds."""

import datetime as dt

import pytest
from django.utils import timezone

from sieva.evaluation.engine import Scope, evaluate
from sieva.evaluation.findings import derive_findings
from sieva.evaluation.models import ThresholdOverride
from sieva.evaluation.selectors import thresholds_for
from sieva.org.access import user_access
from sieva.programs.models import AbsenceReason, EnrollmentStatus
from tests.evaluation.engine.builders import campaign, standard_version
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
def program(world):
    program = ProgramFactory(owner=world.medan, name="Layanan Prima Medan")
    cohort = CohortFactory(
        program=program, start_date=dt.date(2025, 5, 5), end_date=dt.date(2025, 5, 9)
    )
    session = SessionFactory(cohort=cohort)
    for i in range(20):
        enrollment = EnrollmentFactory(
            cohort=cohort,
            employee=EmployeeFactory(unit=world.medan_health),
            status=EnrollmentStatus.PASSED if i < 10 else EnrollmentStatus.WITHDRAWN,
            absence_reason="" if i < 10 else AbsenceReason.DUTY_CLASH,
        )
        if i < 10:
            attend(enrollment, session)
    return program


def rules_of(user, **scope):
    access = user_access(user)
    return {f.rule for f in derive_findings(evaluate(access, Scope(**scope)), access=access)}


def test_a_program_with_low_participation_and_no_follow_up(alice, program):
    found = rules_of(alice, program_id=program.pk)
    assert {
        "participation_below_target",
        "no_behaviour_evaluation",
        "planning_without_participants",
    } <= found


def test_a_needs_survey_before_the_first_cohort_and_an_l3_campaign_clear_those_findings(
    alice, world, program
):
    cohort = program.cohorts.get()
    opens = timezone.make_aware(dt.datetime(2025, 3, 1, 8))
    from sieva.instruments.models import Campaign

    Campaign.objects.create(
        name="AKP Medan",
        version=standard_version("STD-AKP"),
        target_unit=world.medan,
        owner=world.medan,
        opens_at=opens,
        closes_at=opens + dt.timedelta(days=14),
        series="akp",
    )
    campaign(cohort, "STD-L3-ATASAN", rater_kind="atasan")
    found = rules_of(alice, program_id=program.pk)
    assert "planning_without_participants" not in found
    assert "no_behaviour_evaluation" not in found


def test_a_needs_survey_after_the_first_cohort_does_not_count(alice, world, program):
    opens = timezone.make_aware(dt.datetime(2025, 6, 1, 8))
    from sieva.instruments.models import Campaign

    Campaign.objects.create(
        name="AKP terlambat",
        version=standard_version("STD-AKP"),
        target_unit=world.medan,
        owner=world.medan,
        opens_at=opens,
        closes_at=opens + dt.timedelta(days=14),
        series="akp",
    )
    assert "planning_without_participants" in rules_of(alice, program_id=program.pk)


def test_the_nearest_ancestors_override_wins_over_the_file_default(world, alice, program):
    assert thresholds_for(world.medan_health)["follow_up_months"] == 6.0
    ThresholdOverride.objects.create(scope=world.national, key="follow_up_months", value=12.0)
    ThresholdOverride.objects.create(scope=world.medan, key="follow_up_months", value=24.0)
    assert thresholds_for(world.medan_health)["follow_up_months"] == 24.0
    assert thresholds_for(world.palembang)["follow_up_months"] == 12.0
    assert thresholds_for(None)["follow_up_months"] == 6.0
    # The program belongs to Medan, whose 24 months have not passed since May 2025.
    assert "no_behaviour_evaluation" not in rules_of(alice, program_id=program.pk)


def test_peer_unit_costs_come_from_other_programs_in_the_users_scope(alice, bob, world, program):
    BudgetLineFactory(cohort=program.cohorts.get(), planned=50_000_000, realised=50_000_000)
    for _ in range(3):
        cohort = CohortFactory(program=ProgramFactory(owner=world.medan))
        attend(
            EnrollmentFactory(cohort=cohort, status=EnrollmentStatus.PASSED),
            SessionFactory(cohort=cohort),
        )
        BudgetLineFactory(cohort=cohort, realised=1_000_000)
    access = user_access(alice)
    finding = next(
        f
        for f in derive_findings(evaluate(access, Scope(program_id=program.pk)), access=access)
        if f.rule == "unit_cost_high"
    )
    assert finding.subject == "per_participant"
    assert finding.threshold == 1_000_000.0
    assert rules_of(bob) == set()  # Palembang sees none of Medan's programs
