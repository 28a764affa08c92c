"""People development fixtures: a mentoring cohort in Medan with mentors and mentees, and the
people around Pia (her supervisor Adi, her mentor Mara) with their logins."""

import datetime as dt
from dataclasses import dataclass

import pytest

from sieva.development.models import MentoringScheme, SchemeMentor
from sieva.org.models import Employee, PositionKind, Role
from sieva.programs.models import Cohort, CohortStatus, EnrollmentStatus, ProgramKind
from tests.factories import (
    CohortFactory,
    EmployeeFactory,
    EnrollmentFactory,
    ProgramFactory,
    user_with_role,
)


@dataclass
class Mentoring:
    cohort: Cohort
    scheme: MentoringScheme
    mentors: list[Employee]
    mentees: list[Employee]


@pytest.fixture
def adi(world):
    """Pia's supervisor (atasan) with his own login."""
    return EmployeeFactory(
        name="Adi Nugroho",
        unit=world.medan_health,
        grade="III/d",
        position_kind=PositionKind.PENGAWAS,
        position_name="Kepala Seksi Pelayanan",
    )


@pytest.fixture
def pia_employee(pia, adi):
    employee = Employee.objects.get(pk=pia.role_assignment.employee_id)
    employee.supervisor = adi
    employee.position_name = "Perawat"
    employee.grade = "II/c"
    employee.save()
    return employee


@pytest.fixture
def adi_user(adi, world):
    return user_with_role("adi", Role.SUPERVISOR, world.medan_health, employee=adi)


@pytest.fixture
def mara_employee(world):
    return EmployeeFactory(
        name="Mara Siregar",
        unit=world.medan_health,
        grade="III/c",
        position_kind=PositionKind.FUNCTIONAL_EXPERT,
        position_name="Perawat Ahli Muda",
    )


@pytest.fixture
def mara(world, mara_employee):
    """A mentor with a login."""
    return user_with_role("mara", Role.MENTOR, world.medan, employee=mara_employee)


@pytest.fixture
def mentoring(world, pia_employee, mara_employee) -> Mentoring:
    program = ProgramFactory(
        owner=world.medan, name="Mentoring ASN Baru Medan", kind=ProgramKind.MENTORING
    )
    cohort = CohortFactory(
        program=program,
        name="Angkatan Mentoring I",
        start_date=dt.date(2026, 2, 2),
        end_date=dt.date(2026, 10, 30),
        status=CohortStatus.RUNNING,
    )
    scheme = MentoringScheme.objects.create(cohort=cohort, mentor_capacity=2, max_gap_weeks=4)
    other_mentor = EmployeeFactory(
        name="Rudi Mentor", unit=world.medan_transport, grade="IV/a", position_name="Analis"
    )
    for mentor in (mara_employee, other_mentor):
        SchemeMentor.objects.create(scheme=scheme, employee=mentor)
    mentees = [pia_employee] + [
        EmployeeFactory(name=f"Mentee {i}", unit=world.medan_health, grade="II/a") for i in range(3)
    ]
    for mentee in mentees:
        EnrollmentFactory(cohort=cohort, employee=mentee, status=EnrollmentStatus.ATTENDING)
    return Mentoring(cohort, scheme, [mara_employee, other_mentor], mentees)
