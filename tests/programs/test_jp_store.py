"""The JP store (decision 0067) equals a recomputation from attendance after any sequence of
the writes that change JP, and the rebuild command finds and repairs a drifted row."""

import datetime as dt
import random
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sieva.org.models import AsnKind, Employee, OrgKind
from sieva.programs import services
from sieva.programs.models import Attendance, JpDay, JpYear
from sieva.programs.selectors.jp import jp_compliance, pppk_contract_jp, same_day_overlaps
from sieva.programs.selectors.learning_record import employee_jp_by_year
from sieva.programs.services import CompletionRecord, jp_store_compare
from sieva.programs.services.external import external_learning_record
from tests.evaluation.factories import employee_with_jp
from tests.factories import (
    CohortFactory,
    EmployeeFactory,
    EnrollmentFactory,
    OrgUnitFactory,
    ProgramFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db


def _recomputed_jp(employee: Employee, year: int) -> Decimal:
    """The 20 JP rule by hand, straight from attendance: per day the largest cohort's JP."""
    per_cohort_day: dict[tuple[dt.date, int], Decimal] = {}
    for row in Attendance.objects.filter(
        enrollment__employee=employee, session__date__year=year
    ).select_related("session"):
        key = (row.session.date, row.session.cohort_id)
        per_cohort_day[key] = per_cohort_day.get(key, Decimal(0)) + row.session.jp
    best: dict[dt.date, Decimal] = {}
    for (day, _cohort), jp in per_cohort_day.items():
        best[day] = max(best.get(day, Decimal(0)), jp)
    return sum(best.values(), Decimal(0))


def _world(rng: random.Random):
    agency = OrgUnitFactory(kind=OrgKind.AGENCY)
    unit = OrgUnitFactory(parent=agency)
    people = [EmployeeFactory(unit=unit) for _ in range(4)]
    program = ProgramFactory(owner=agency)
    cohorts, sessions, enrollments = [], [], []
    for index in range(3):
        # Cohorts over the same weeks so that the same-day rule is exercised.
        start = dt.date(2025, 12, 29) + dt.timedelta(days=index)
        cohort = CohortFactory(
            program=program, start_date=start, end_date=start + dt.timedelta(days=6)
        )
        cohorts.append(cohort)
        for day in range(4):
            sessions.append(
                SessionFactory(
                    cohort=cohort,
                    date=start + dt.timedelta(days=day),
                    jp=Decimal(rng.choice(["1", "2.5", "4", "8"])),
                )
            )
        enrollments += [EnrollmentFactory(cohort=cohort, employee=p) for p in people]
    return people, cohorts, sessions, enrollments


@pytest.mark.parametrize("seed", range(6))
def test_the_store_equals_a_recomputation_after_random_writes(seed):
    rng = random.Random(seed)  # noqa: S311 - a reproducible test sequence
    people, cohorts, sessions, enrollments = _world(rng)
    for _step in range(25):
        move = rng.choice(["tick", "tick", "untick", "session", "lms", "external"])
        if move in ("tick", "untick"):
            enrollment = rng.choice(enrollments)
            session = rng.choice([s for s in sessions if s.cohort_id == enrollment.cohort_id])
            services.attendance_set(
                actor=None, session=session, enrollment=enrollment, present=move == "tick"
            )
        elif move == "session":
            session = rng.choice(sessions)
            cohort = session.cohort
            services.session_update(
                actor=None,
                session=session,
                title=session.title,
                date=cohort.start_date + dt.timedelta(days=rng.randrange(7)),
                jp=Decimal(rng.choice(["1", "3", "6.5"])),
            )
        elif move == "lms":
            cohort = rng.choice(cohorts)
            chosen = rng.sample(people, 2)
            own = [s.pk for s in sessions if s.cohort_id == cohort.pk]
            services.learning_records_apply(
                actor=None,
                records=[
                    CompletionRecord(p.pk, cohort.pk, tuple(rng.sample(own, 2))) for p in chosen
                ],
                source="test",
            )
        else:
            external_learning_record(
                actor=None,
                employee=rng.choice(people),
                title="Webinar",
                ended_on=dt.date(2026, 1, rng.randrange(1, 5)),
                jp=Decimal(rng.choice(["2", "3.5"])),
            )
        assert jp_store_compare() == []
    for person in people:
        for year in (2025, 2026):
            (record,) = jp_compliance(Employee.objects.filter(pk=person.pk), year)
            assert record.jp == _recomputed_jp(person, year)


def test_overlaps_and_years_come_from_the_store():
    people, _cohorts, sessions, enrollments = _world(random.Random(1))
    person = people[0]
    own = [e for e in enrollments if e.employee_id == person.pk]
    day = dt.date(2026, 1, 1)  # every cohort has a session that day
    for enrollment in own:
        session = next(s for s in sessions if s.cohort_id == enrollment.cohort_id and s.date == day)
        services.attendance_set(actor=None, session=session, enrollment=enrollment, present=True)
    everyone = Employee.objects.filter(pk=person.pk)
    assert same_day_overlaps(everyone, 2026) == (1, 1)
    assert employee_jp_by_year(person.pk) == [(2026, _recomputed_jp(person, 2026))]


def test_the_rebuild_command_reports_a_drifted_row_and_fixes_it_on_request(capsys):
    people, _cohorts, sessions, enrollments = _world(random.Random(2))
    enrollment = enrollments[0]
    session = next(s for s in sessions if s.cohort_id == enrollment.cohort_id)
    services.attendance_set(actor=None, session=session, enrollment=enrollment, present=True)
    call_command("rebuild_jp")  # no difference: exits normally
    JpYear.objects.filter(employee_id=enrollment.employee_id).update(jp=Decimal("99"))
    JpDay.objects.create(
        employee=people[1], date=dt.date(2026, 2, 2), month_day=202, jp=1, cohorts=1
    )
    with pytest.raises(CommandError) as failure:
        call_command("rebuild_jp")
    assert failure.value.returncode == 1
    out = capsys.readouterr().out
    assert f"pegawai {enrollment.employee_id} {session.date.year}: tersimpan 99.0 JP" in out
    assert f"pegawai {people[1].pk} 2026-02-02: tersimpan 1.0 JP (1), seharusnya —" in out
    call_command("rebuild_jp", "--fix")
    assert jp_store_compare() == []


@pytest.mark.parametrize(
    "contract_start",
    [None, dt.date(2024, 2, 29), dt.date(2023, 3, 1), dt.date(2025, 12, 31), dt.date(2026, 1, 1)],
)
@pytest.mark.parametrize("year", [2026, 2027])
def test_the_pppk_contract_year_in_the_database_equals_the_records(world, contract_start, year):
    """`pppk_contract_jp` (the 20 JP page's count) gives each PPPK the JP that
    `jp_compliance` (recap, API) gives: one number, one value — 29 February included."""
    days = ["2026-02-28", "2026-03-01", "2026-12-31", "2027-01-01", "2027-02-28", "2028-02-28"]
    person = employee_with_jp(
        world.medan_health,
        *[(dt.date.fromisoformat(day), str(i + 1)) for i, day in enumerate(days)],
        asn_kind=AsnKind.PPPK,
        contract_start=contract_start,
    )
    everyone = Employee.objects.filter(pk=person.pk)
    records = jp_compliance(everyone, year)
    in_db = [jp for _pk, _path, jp in pppk_contract_jp(everyone, year)]
    assert in_db == [r.jp for r in records]
    assert len(in_db) == 1 and in_db[0] > 0
