"""The 20 JP counts per unit and year (decision 0070) stay equal to a recomputation after any
sequence of the writes that change them — attendance, sessions, outside learning, and
employees joining, leaving, moving or changing kind or contract, by form or by import — and
a list of people read unit by unit pages exactly like the whole list."""

import datetime as dt
import random
from contextlib import suppress
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test.utils import override_settings

from sieva.org.access import user_access
from sieva.org.models import AsnKind, Employee
from sieva.org.services import employee_create, employee_update
from sieva.programs import services
from sieva.programs.models import JpUnitYear
from sieva.programs.selectors.jp_report import jp_report
from sieva.programs.selectors.jp_units import jp_units_compare
from sieva.programs.services.external import external_learning_record
from tests.evaluation.factories import employee_with_jp
from tests.factories import (
    CohortFactory,
    EmployeeFactory,
    EnrollmentFactory,
    ProgramFactory,
    SessionFactory,
)
from tests.org.test_import_employees import row as import_row
from tests.org.test_import_employees import run as run_import

pytestmark = pytest.mark.django_db

YEARS = (2025, 2026)


def _world(world, rng):
    units = [world.medan_health, world.medan_transport, world.medan_puskesmas]
    people = [
        EmployeeFactory(
            unit=rng.choice(units),
            asn_kind=kind,
            contract_start=dt.date(2024, rng.randrange(1, 13), 1) if kind == AsnKind.PPPK else None,
        )
        for kind in [AsnKind.PNS] * 4 + [AsnKind.PPPK] * 2
    ]
    cohort = CohortFactory(
        program=ProgramFactory(owner=world.medan),
        start_date=dt.date(2025, 12, 30),
        end_date=dt.date(2026, 1, 9),
    )
    sessions = [
        SessionFactory(cohort=cohort, date=cohort.start_date + dt.timedelta(days=d), jp=Decimal(8))
        for d in range(0, 10, 2)
    ]
    enrollments = [EnrollmentFactory(cohort=cohort, employee=p) for p in people]
    return units, people, sessions, enrollments


def _update(alice, person: Employee, **changes) -> None:
    person.refresh_from_db()
    fields = {
        "nip": person.nip,
        "name": person.name,
        "asn_kind": person.asn_kind,
        "unit": person.unit,
        "position_kind": person.position_kind,
        "grade": person.grade,
        "position_level": person.position_level,
        "position_name": person.position_name,
        "education": person.education,
        "contract_start": person.contract_start,
        "is_active": person.is_active,
    }
    with suppress(ValidationError):  # e.g. a grade that does not fit the new kind
        employee_update(
            actor=alice, access=user_access(alice), employee=person, **{**fields, **changes}
        )


def _step(rng, alice, units, people, sessions, enrollments) -> None:
    move = rng.choice(["tick", "tick", "tick", "session", "external", "move", "leave", "new"])
    if move == "tick":
        enrollment = rng.choice(enrollments)
        with suppress(ValidationError):
            services.attendance_set(
                actor=alice,
                session=rng.choice(sessions),
                enrollment=enrollment,
                present=rng.random() < 0.8,
            )
    elif move == "session":
        session = rng.choice(sessions)
        services.session_update(
            actor=alice, session=session, title=session.title, date=session.date,
            jp=Decimal(rng.choice(["2", "6", "9"])),
        )  # fmt: skip
    elif move == "external":
        external_learning_record(
            actor=alice,
            employee=rng.choice(people),
            title="Webinar",
            ended_on=dt.date(rng.choice(YEARS), rng.randrange(1, 13), 3),
            jp=Decimal(rng.choice(["4", "12"])),
        )
    elif move == "move":
        _update(alice, rng.choice(people), unit=rng.choice(units))
    elif move == "leave":
        _update(alice, rng.choice(people), is_active=rng.random() < 0.5)
    else:
        people.append(
            employee_create(
                actor=alice,
                access=user_access(alice),
                nip=f"1990{rng.randrange(1, 13):02d}152015031{rng.randrange(100, 999)}",
                name=f"Baru {len(people)}",
                asn_kind=AsnKind.PNS,
                unit=rng.choice(units),
                position_kind="pelaksana",
                grade="III/a",
            )
        )


@pytest.mark.parametrize("seed", range(4))
def test_the_counts_equal_a_recomputation_after_random_writes(seed, world, alice):
    rng = random.Random(seed)  # noqa: S311 - a reproducible test sequence
    units, people, sessions, enrollments = _world(world, rng)
    for year in YEARS:
        jp_report(user_access(alice), year)  # the page makes the rows of every unit
    assert JpUnitYear.objects.count() > 2 * len(units)
    for _ in range(30):
        with suppress(ValidationError):  # a NIP drawn twice: refused, nothing written
            _step(rng, alice, units, people, sessions, enrollments)
        assert jp_units_compare() == []


def test_an_import_counts_the_people_it_adds_and_moves(world, alice):
    report = jp_report(user_access(alice), 2026)
    before = report.summary.pns
    moved = EmployeeFactory(unit=world.medan_transport, nip="199002152015032004")
    assert jp_report(user_access(alice), 2026).summary.pns == before + 1
    result = run_import(
        alice,
        [
            import_row(KODE_UNIT=world.medan_health.code),  # the nurse moves
            import_row(NIP="198503102010011002", NAMA="Andi Baru", KODE_UNIT="MDN-PKM-01"),
        ],
    )
    assert result.errors == [] and (result.created, result.updated) == (1, 1)
    assert jp_units_compare() == []
    assert jp_report(user_access(alice), 2026).summary.pns == before + 2
    assert Employee.objects.get(pk=moved.pk).unit == world.medan_health


def test_a_row_made_with_another_minimum_is_made_again(world, alice):
    employee_with_jp(world.medan_health, (dt.date(2026, 1, 5), "4"))
    first = jp_report(user_access(alice), 2026).summary.pns_meeting
    with override_settings(SIEVA_PNS_MIN_JP_PER_YEAR=1):
        assert jp_report(user_access(alice), 2026).summary.pns_meeting > first
    assert jp_report(user_access(alice), 2026).summary.pns_meeting == first


@pytest.mark.parametrize("page_size", [1, 2, 3, 7])
def test_the_people_below_the_minimum_page_like_the_whole_list(world, alice, page_size):
    for unit in (world.medan_health, world.medan_transport, world.medan_puskesmas):
        for _ in range(3):
            EmployeeFactory(unit=unit)
    rows = jp_report(user_access(alice), 2026).tables["pns_below"].rows
    everyone = list(rows)
    assert len(rows) == len(everyone) >= 9
    pages = [rows[i : i + page_size] for i in range(0, len(rows), page_size)]
    assert [row for page in pages for row in page] == everyone
    assert rows[len(rows) - 1] == everyone[-1] and rows[0] == everyone[0]


def test_the_rebuild_command_reports_a_drifted_unit_and_fixes_it(world, alice, capsys):
    EmployeeFactory(unit=world.medan_health)
    jp_report(user_access(alice), 2026)
    JpUnitYear.objects.filter(unit=world.medan_health).update(pns=99)
    with pytest.raises(CommandError):
        call_command("rebuild_jp")
    assert f"unit {world.medan_health.pk} 2026: tersimpan (99," in capsys.readouterr().out
    call_command("rebuild_jp", "--fix")
    assert jp_units_compare() == []
