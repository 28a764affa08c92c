import datetime as dt
from decimal import Decimal

import pytest

from sieva.org.models import AsnKind, Employee
from sieva.programs.models import AbsenceReason, EnrollmentStatus
from sieva.programs.selectors.jp import (
    add_years,
    contract_year,
    jp_compliance,
    pns_meeting_minimum,
    same_day_overlaps,
)
from sieva.programs.selectors.learning_record import employee_jp_by_year, employee_training_history
from tests.evaluation.factories import attend, date, employee_with_jp
from tests.factories import CohortFactory, EmployeeFactory, EnrollmentFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _jp(employee, year):
    (record,) = jp_compliance(Employee.objects.filter(pk=employee.pk), year)
    return record


def test_a_session_on_31_december_counts_for_that_year_and_1_january_for_the_next(world):
    person = employee_with_jp(
        world.medan_health, (date("2025-12-31"), "4"), (date("2026-01-01"), "6")
    )
    assert employee_jp_by_year(person.pk) == [(2025, Decimal("4")), (2026, Decimal("6"))]
    assert _jp(person, 2025).jp == Decimal("4")
    assert _jp(person, 2026).jp == Decimal("6")


def test_jp_of_one_year_adds_up_every_session_attended(world):
    person = employee_with_jp(
        world.medan_health, (date("2026-02-01"), "12.5"), (date("2026-09-30"), "7.5")
    )
    record = _jp(person, 2026)
    assert record.jp == Decimal("20.0")
    assert record.meets_minimum


def test_a_session_not_attended_earns_nothing(world):
    person = EmployeeFactory(unit=world.medan_health)
    cohort = CohortFactory()
    present, absent = SessionFactory(cohort=cohort, jp=8), SessionFactory(cohort=cohort, jp=8)
    attend(EnrollmentFactory(cohort=cohort, employee=person), present)
    assert absent.attendances.count() == 0
    assert _jp(person, 2026).jp == Decimal("8")


def test_an_active_pns_without_any_training_is_reported_with_zero_jp(world):
    idle = EmployeeFactory(unit=world.medan_transport)
    EmployeeFactory(unit=world.medan_transport, is_active=False)
    records = jp_compliance(Employee.objects.filter(is_active=True), 2026)
    assert [(r.employee_id, r.jp, r.meets_minimum) for r in records] == [(idle.pk, 0, False)]


@pytest.mark.parametrize(
    ("sessions", "expected"),
    [
        # Contract from 1 July 2024: the contract year beginning in 2026 is 1 Jul 2026 - 30 Jun 2027.
        ([("2026-06-30", "30")], Decimal("0")),
        ([("2026-07-01", "20"), ("2027-06-30", "5")], Decimal("25")),
        ([("2027-07-01", "30")], Decimal("0")),
    ],
)
def test_a_pppk_is_measured_over_the_contract_year_beginning_in_the_report_year(
    world, sessions, expected
):
    days = [(date(day), jp) for day, jp in sessions]
    person = employee_with_jp(
        world.medan_health, *days, asn_kind=AsnKind.PPPK, contract_start=date("2024-07-01")
    )
    record = _jp(person, 2026)
    assert (record.period_start, record.period_last_day) == (date("2026-07-01"), date("2027-06-30"))
    assert record.jp == expected
    assert record.exceeds_cap is (expected > 24)


def test_24_jp_is_allowed_and_24_5_is_over_the_pppk_cap(world):
    kwargs = {"asn_kind": AsnKind.PPPK, "contract_start": date("2026-01-01")}
    at_cap = employee_with_jp(world.medan_health, (date("2026-03-01"), "24"), **kwargs)
    over = employee_with_jp(world.medan_health, (date("2026-03-01"), "24.5"), **kwargs)
    assert not _jp(at_cap, 2026).exceeds_cap
    assert _jp(over, 2026).exceeds_cap


def test_a_pppk_without_contract_start_is_measured_over_the_calendar_year(world):
    person = employee_with_jp(
        world.medan_health,
        (date("2025-12-31"), "20"),
        (date("2026-01-01"), "25"),
        asn_kind=AsnKind.PPPK,
    )
    record = _jp(person, 2026)
    assert (record.period_start, record.period_end) == (date("2026-01-01"), date("2027-01-01"))
    assert record.jp == Decimal("25")


def test_a_pppk_whose_contract_starts_later_is_left_out_of_that_year(world):
    EmployeeFactory(
        unit=world.medan_health, asn_kind=AsnKind.PPPK, contract_start=date("2027-01-02")
    )
    assert jp_compliance(Employee.objects.all(), 2026) == []


def test_a_contract_starting_on_29_february_restarts_on_28_february_in_common_years():
    assert contract_year(date("2024-02-29"), 2026) == (date("2026-02-28"), date("2027-02-28"))
    assert contract_year(date("2024-02-29"), 2028) == (date("2028-02-29"), date("2029-02-28"))
    assert add_years(date("2024-02-29"), 4) == date("2028-02-29")


def test_it_counts_pns_meeting_the_minimum_in_the_database(world, django_assert_num_queries):
    employee_with_jp(world.medan_health, (date("2026-05-05"), "20"))
    employee_with_jp(world.medan_health, (date("2026-05-05"), "19.5"))
    EmployeeFactory(unit=world.medan_health)
    employee_with_jp(world.medan_health, (date("2026-05-05"), "40"), asn_kind=AsnKind.PPPK)
    with django_assert_num_queries(2):
        assert pns_meeting_minimum(Employee.objects.all(), 2026) == (3, 1)


def test_the_compliance_queries_do_not_grow_with_the_number_of_employees(
    world, django_assert_max_num_queries
):
    def build(n):
        for i in range(n):
            employee_with_jp(world.medan_health, (date("2026-04-01"), "8"))
            employee_with_jp(
                world.medan_transport, (dt.date(2026, 8, 1 + i % 20), "8"), asn_kind=AsnKind.PPPK,
                contract_start=date("2025-08-01"),
            )  # fmt: skip

    build(2)
    with django_assert_max_num_queries(3):
        assert len(jp_compliance(Employee.objects.all(), 2026)) == 4
    build(20)
    with django_assert_max_num_queries(3):
        assert len(jp_compliance(Employee.objects.all(), 2026)) == 44


def test_the_training_history_lists_each_cohort_with_the_jp_earned_there(
    world, django_assert_num_queries
):
    person = EmployeeFactory(unit=world.medan_health)
    recent = CohortFactory(
        program__name="Pelatihan Kepemimpinan", name="Angkatan II", start_date=date("2026-04-06"),
        end_date=date("2026-04-07"),
    )  # fmt: skip
    older = CohortFactory(start_date=date("2025-02-03"), end_date=date("2025-02-03"))
    first, second = SessionFactory(cohort=recent, jp=8), SessionFactory(cohort=recent, jp=7.5)
    attend(EnrollmentFactory(cohort=recent, employee=person, status=EnrollmentStatus.PASSED),
           first, second)  # fmt: skip
    EnrollmentFactory(cohort=older, employee=person, status=EnrollmentStatus.WITHDRAWN,
                      absence_reason=AbsenceReason.SICK)  # fmt: skip
    with django_assert_num_queries(1):
        history = employee_training_history(person.pk)
    assert [(h.program_name, h.cohort_name, h.sessions_attended, h.jp) for h in history] == [
        ("Pelatihan Kepemimpinan", "Angkatan II", 2, Decimal("15.5")),
        (older.program.name, older.name, 0, Decimal("0")),
    ]
    assert (history[0].status_label, history[1].absence_reason_label) == (
        "Selesai / lulus", "Sakit",
    )  # fmt: skip


def test_two_cohorts_on_the_same_days_count_once_and_are_a_data_quality_problem(world):
    """Ani is recorded in two four-day cohorts over the same days (8 JP a day in one, 7,5 in
    the other): she earns 4 × 8 = 32 JP, not 62, and the four days are reported."""
    person = EmployeeFactory(unit=world.medan_health, name="Ani")
    for daily in ("8", "7.5"):
        cohort = CohortFactory(start_date=date("2026-03-02"), end_date=date("2026-03-05"))
        enrollment = EnrollmentFactory(cohort=cohort, employee=person)
        for day in range(2, 6):
            attend(
                enrollment,
                SessionFactory(cohort=cohort, date=dt.date(2026, 3, day), jp=Decimal(daily)),
            )
    assert _jp(person, 2026).jp == Decimal("32")
    assert employee_jp_by_year(person.pk) == [(2026, Decimal("32"))]
    everyone = Employee.objects.filter(pk=person.pk)
    assert pns_meeting_minimum(everyone, 2026) == (1, 1)
    assert same_day_overlaps(everyone, 2026) == (1, 4)


def test_jp_of_no_employees_at_all_is_an_empty_result_not_an_error(db):
    # Found by the API's schema tests: a page past the last employee asked for JP of nobody.
    from sieva.org.models import Employee
    from sieva.programs.selectors.jp import jp_compliance, jp_per_employee

    assert jp_per_employee(Employee.objects.none(), 2026) == {}
    assert jp_compliance(Employee.objects.filter(pk__in=[]), 2026) == []
