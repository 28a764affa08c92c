"""Factories for tests: build exactly the rows a test needs, no shared JSON fixtures."""

import datetime as dt
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from sieva.org.hooks import units_changed
from sieva.org.models import (
    AsnKind,
    Employee,
    Gender,
    OrgKind,
    OrgUnit,
    PositionKind,
    RoleAssignment,
)
from sieva.programs.models import (
    BudgetLine,
    Cohort,
    CohortStatus,
    CostCategory,
    DeliveryMode,
    Enrollment,
    Program,
    ProgramKind,
    Session,
    Subject,
)
from sieva.programs.services import participation_refresh

PASSWORD = "rahasia-uji-123"


class OrgUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrgUnit

    kind = OrgKind.DEPARTMENT
    code = factory.Sequence(lambda n: f"U{n:05d}")
    name = factory.Sequence(lambda n: f"Unit {n}")
    parent = None


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee
        skip_postgeneration_save = True

    nip = factory.Sequence(lambda n: f"{19700101 + (n // 999) * 10000:08d}2000011{n % 999 + 1:03d}")
    name = factory.Sequence(lambda n: f"Pegawai {n}")
    asn_kind = AsnKind.PNS
    gender = Gender.MALE
    birth_date = factory.LazyAttribute(
        lambda o: dt.date(int(o.nip[:4]), int(o.nip[4:6]), int(o.nip[6:8]))
    )
    grade = "III/a"
    position_kind = PositionKind.PELAKSANA
    unit = factory.SubFactory(OrgUnitFactory)

    @factory.post_generation
    def counted(self, create: bool, extracted: object, **kwargs: object) -> None:
        """A new employee changes their unit's 20 JP counts, as `employee_create` says."""
        if create:
            units_changed([self.unit_id])


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or PASSWORD)
        if create:
            obj.save(update_fields=["password"])


def user_with_role(username: str, role: str, scope: OrgUnit, employee: Employee | None = None):
    user = UserFactory(username=username)
    RoleAssignment.objects.create(user=user, role=role, scope=scope, employee=employee)
    return user


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    name = factory.Sequence(lambda n: f"Pelatihan {n}")
    code = factory.Sequence(lambda n: f"PRG{n:04d}")
    kind = ProgramKind.TRAINING
    mode = DeliveryMode.CLASSROOM
    owner = factory.SubFactory(OrgUnitFactory, kind=OrgKind.AGENCY)


class SubjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subject

    program = factory.SubFactory(ProgramFactory)
    name = factory.Sequence(lambda n: f"Mata pelatihan {n}")
    jp = Decimal("4")


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    program = factory.SubFactory(ProgramFactory)
    name = factory.Sequence(lambda n: f"Angkatan {n}")
    start_date = dt.date(2026, 3, 2)
    end_date = dt.date(2026, 3, 6)
    capacity = 30
    status = CohortStatus.FINISHED


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    cohort = factory.SubFactory(CohortFactory)
    title = factory.Sequence(lambda n: f"Sesi {n}")
    date = factory.LazyAttribute(lambda o: o.cohort.start_date)
    jp = Decimal("4")


class EnrollmentFactory(factory.django.DjangoModelFactory):
    """An enrollment written directly, with the participation store kept as every service
    that writes enrollment keeps it (decision 0069)."""

    class Meta:
        model = Enrollment
        skip_postgeneration_save = True

    cohort = factory.SubFactory(CohortFactory)
    employee = factory.SubFactory(EmployeeFactory)

    @factory.post_generation
    def stored(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            participation_refresh(cohort_ids=[self.cohort_id])


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    cohort = factory.SubFactory(CohortFactory)
    category = CostCategory.DELIVERY
    planned = Decimal("10000000")
    realised = Decimal("9000000")
