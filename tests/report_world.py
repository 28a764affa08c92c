"""A small, hand-countable set of Medan programs (and one of Palembang) for the reports.

Imported by the conftest of each test folder that reads them (participation, JP, evaluation,
dashboard), so one world serves them all."""

from dataclasses import dataclass
from decimal import Decimal

import pytest
import time_machine

from sieva.org.models import OrgKind
from sieva.programs.models import AbsenceReason, CostCategory, EnrollmentStatus, ProgramKind
from tests.evaluation.factories import attend, date
from tests.factories import (
    BudgetLineFactory,
    CohortFactory,
    EmployeeFactory,
    EnrollmentFactory,
    ProgramFactory,
    SessionFactory,
)


@pytest.fixture(autouse=True)
def _mid_2026():
    with time_machine.travel("2026-06-15 10:00 +0700", tick=False):
        yield


@dataclass
class Programs:
    training: object  # Pelatihan Pelayanan Prima (Medan)
    seminar: object  # Seminar Transformasi Digital (Medan)
    palembang: object  # Pelatihan Kearsipan Palembang
    cohort_2026: object
    cohort_2025: object
    seminar_cohort: object
    palembang_cohort: object
    medan_employees: list


@pytest.fixture
def programs(world):
    """Cohort 2026 of the training: 6 invited, 4 registered, 3 attended, 2 completed.

    Health: e1 lulus (16 JP), e2 lulus (8 JP), e3 mundur (benturan tugas).
    Puskesmas (rolls up to health): e4 tidak lulus (8 JP), e5 diundang (tidak diizinkan).
    Transport: e6 terdaftar, never came (benturan tugas).
    Budget 2026: planned 12 000 000, realised 10 500 000. Cohort 2025: e1 again, 4 JP, no budget.
    """
    health, puskesmas, transport = world.medan_health, world.medan_puskesmas, world.medan_transport
    training = ProgramFactory(
        name="Pelatihan Pelayanan Prima", owner=world.medan, kind=ProgramKind.TRAINING
    )
    seminar = ProgramFactory(
        name="Seminar Transformasi Digital", owner=world.medan, kind=ProgramKind.SEMINAR
    )
    palembang = ProgramFactory(name="Pelatihan Kearsipan Sumsel", owner=world.palembang)
    c26 = CohortFactory(
        program=training,
        name="Angkatan I",
        start_date=date("2026-03-02"),
        end_date=date("2026-03-03"),
    )
    c25 = CohortFactory(
        program=training,
        name="Angkatan Lama",
        start_date=date("2025-11-03"),
        end_date=date("2025-11-03"),
    )
    sem = CohortFactory(
        program=seminar,
        name="Angkatan Seminar",
        start_date=date("2026-05-04"),
        end_date=date("2026-05-04"),
    )
    plg = CohortFactory(
        program=palembang,
        name="Angkatan Sumsel",
        start_date=date("2026-04-06"),
        end_date=date("2026-04-06"),
    )
    s1 = SessionFactory(cohort=c26, date=date("2026-03-02"), jp=Decimal("8"))
    s2 = SessionFactory(cohort=c26, date=date("2026-03-03"), jp=Decimal("8"))
    old = SessionFactory(cohort=c25, date=date("2025-11-03"), jp=Decimal("4"))
    people = [
        EmployeeFactory(name=f"Warga Medan {n}", unit=unit)
        for n, unit in enumerate([health, health, health, puskesmas, puskesmas, transport], 1)
    ]
    e1, e2, e3, e4, e5, e6 = people
    S = EnrollmentStatus
    attend(EnrollmentFactory(cohort=c26, employee=e1, status=S.PASSED), s1, s2)
    attend(EnrollmentFactory(cohort=c26, employee=e2, status=S.PASSED), s1)
    EnrollmentFactory(
        cohort=c26, employee=e3, status=S.WITHDRAWN, absence_reason=AbsenceReason.DUTY_CLASH
    )
    attend(EnrollmentFactory(cohort=c26, employee=e4, status=S.FAILED), s1)
    EnrollmentFactory(
        cohort=c26, employee=e5, status=S.INVITED, absence_reason=AbsenceReason.NO_APPROVAL
    )
    EnrollmentFactory(
        cohort=c26, employee=e6, status=S.REGISTERED, absence_reason=AbsenceReason.DUTY_CLASH
    )
    attend(EnrollmentFactory(cohort=c25, employee=e1, status=S.PASSED), old)
    BudgetLineFactory(
        cohort=c26,
        category=CostCategory.DELIVERY,
        planned=Decimal("10000000"),
        realised=Decimal("9000000"),
    )
    BudgetLineFactory(
        cohort=c26,
        category=CostCategory.VENUE,
        planned=Decimal("2000000"),
        realised=Decimal("1500000"),
    )
    sumsel_person = EmployeeFactory(name="Warga Sumsel", unit=world.palembang_health)
    plg_session = SessionFactory(cohort=plg, jp=Decimal("6"))
    attend(EnrollmentFactory(cohort=plg, employee=sumsel_person, status=S.PASSED), plg_session)
    BudgetLineFactory(cohort=plg, planned=Decimal("5000000"), realised=Decimal("5000000"))
    assert world.medan.parent.kind == OrgKind.CITY
    return Programs(training, seminar, palembang, c26, c25, sem, plg, people)
