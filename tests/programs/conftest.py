"""One Medan program with a running cohort, and one Palembang program that Medan never sees.

Medan "Pelatihan Pelayanan Publik" (PPP-01): curriculum 8 + 4 JP; Angkatan I (berjalan,
2-4 March 2026, capacity 10) with sessions of 8 and 4 JP, Ani registered, Budi and Citra
invited, nobody has attended yet; Dodi (health) is not enrolled. Budget: penyelenggaraan
10 000 000 planned, 9 000 000 realised.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest

from sieva.programs.models import CohortStatus, EnrollmentStatus
from tests.factories import (
    BudgetLineFactory,
    CohortFactory,
    EmployeeFactory,
    EnrollmentFactory,
    ProgramFactory,
    SessionFactory,
    SubjectFactory,
)


@dataclass
class Medan:
    program: object
    cohort: object
    s1: object
    s2: object
    ani: object
    budi: object
    citra: object
    dodi: object
    e_ani: object
    e_budi: object
    e_citra: object
    line: object


@dataclass
class Palembang:
    program: object
    cohort: object
    session: object
    employee: object
    enrollment: object
    line: object


@pytest.fixture
def medan(world) -> Medan:
    program = ProgramFactory(
        name="Pelatihan Pelayanan Publik",
        code="PPP-01",
        owner=world.medan,
        objectives="Meningkatkan mutu layanan",
        target_competencies="Komunikasi publik",
    )
    SubjectFactory(program=program, name="Etika pelayanan", jp=Decimal("8"), order=1)
    SubjectFactory(program=program, name="Komunikasi efektif", jp=Decimal("4"), order=2)
    cohort = CohortFactory(
        program=program,
        name="Angkatan I",
        start_date=dt.date(2026, 3, 2),
        end_date=dt.date(2026, 3, 4),
        capacity=10,
        status=CohortStatus.RUNNING,
    )
    s1 = SessionFactory(cohort=cohort, title="Hari pertama", date=dt.date(2026, 3, 2), jp=8)
    s2 = SessionFactory(cohort=cohort, title="Hari kedua", date=dt.date(2026, 3, 3), jp=4)
    ani = EmployeeFactory(name="Ani Rahma", unit=world.medan_health)
    budi = EmployeeFactory(name="Budi Santoso", unit=world.medan_puskesmas)
    citra = EmployeeFactory(name="Citra Dewi", unit=world.medan_transport)
    dodi = EmployeeFactory(name="Dodi Saputra", unit=world.medan_health)
    return Medan(
        program=program,
        cohort=cohort,
        s1=s1,
        s2=s2,
        ani=ani,
        budi=budi,
        citra=citra,
        dodi=dodi,
        e_ani=EnrollmentFactory(cohort=cohort, employee=ani, status=EnrollmentStatus.REGISTERED),
        e_budi=EnrollmentFactory(cohort=cohort, employee=budi),
        e_citra=EnrollmentFactory(cohort=cohort, employee=citra),
        line=BudgetLineFactory(
            cohort=cohort, planned=Decimal("10000000"), realised=Decimal("9000000")
        ),
    )


@pytest.fixture
def palembang(world) -> Palembang:
    program = ProgramFactory(
        name="Pelatihan Kearsipan Sumsel", code="ARS-PLG", owner=world.palembang
    )
    cohort = CohortFactory(program=program, name="Angkatan Sumsel")
    employee = EmployeeFactory(name="Warga Palembang", unit=world.palembang_health)
    return Palembang(
        program=program,
        cohort=cohort,
        session=SessionFactory(cohort=cohort),
        employee=employee,
        enrollment=EnrollmentFactory(cohort=cohort, employee=employee),
        line=BudgetLineFactory(cohort=cohort),
    )
