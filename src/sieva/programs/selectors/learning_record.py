"""An employee's learning record: the cohorts they attended with the JP earned there, JP per
calendar year against their rule, and the current year's figure (the employee, career and
workspace pages). Reads the JP store like every JP figure (decision 0067)."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Sum
from django.utils import timezone

from sieva.org.models import AsnKind, Employee
from sieva.programs.models import Enrollment
from sieva.programs.models import JpYear as StoredJpYear
from sieva.programs.selectors.jp import ZERO, EmployeeJp, jp_compliance


def employee_jp_by_year(employee_id: int) -> list[tuple[int, Decimal]]:
    """(calendar year, JP earned) for every year the employee attended a session, oldest first."""
    return list(
        StoredJpYear.objects.filter(employee_id=employee_id)
        .order_by("year")
        .values_list("year", "jp")
    )


@dataclass(frozen=True)
class TrainingRecord:
    """One cohort the employee was enrolled in, with what they attended of it."""

    enrollment_id: int
    cohort_id: int
    cohort_name: str
    program_id: int
    program_name: str
    program_kind: str
    start_date: dt.date
    end_date: dt.date
    status: str
    status_label: str
    absence_reason_label: str
    sessions_attended: int
    jp: Decimal
    program_kind_code: str = ""


def employee_training_history(employee_id: int) -> list[TrainingRecord]:
    """Every enrollment of the employee, newest cohort first, with JP earned there; one query."""
    enrollments = (
        Enrollment.objects.filter(employee_id=employee_id)
        .select_related("cohort__program")
        .annotate(
            sessions_attended=Count("attendances"),
            jp_earned=Sum("attendances__session__jp"),
        )
        .order_by("-cohort__start_date", "-pk")
    )
    return [
        TrainingRecord(
            enrollment_id=e.pk,
            cohort_id=e.cohort_id,
            cohort_name=e.cohort.name,
            program_id=e.cohort.program_id,
            program_name=e.cohort.program.name,
            program_kind=e.cohort.program.get_kind_display(),
            start_date=e.cohort.start_date,
            end_date=e.cohort.end_date,
            status=e.status,
            status_label=e.get_status_display(),
            absence_reason_label=e.get_absence_reason_display() if e.absence_reason else "",
            sessions_attended=e.sessions_attended,
            jp=e.jp_earned or ZERO,
            program_kind_code=e.cohort.program.kind,
        )
        for e in enrollments
    ]


@dataclass(frozen=True)
class JpYear:
    year: int
    jp: Decimal
    meets_minimum: bool | None  # None for PPPK: their cap counts contract years, not these


@dataclass(frozen=True)
class LearningRecord:
    """An employee's development record: programs attended, JP per year against their rule
    (20 JP minimum for PNS, 24 JP cap per contract year for PPPK) and the current year."""

    training: list[TrainingRecord]
    jp_years: list[JpYear]
    current_jp: EmployeeJp | None
    jp_limit: int


def employee_learning(employee: Employee) -> LearningRecord:
    """The learning part of an employee's page; a fixed number of queries."""
    is_pns = employee.asn_kind == AsnKind.PNS
    minimum = settings.SIEVA_PNS_MIN_JP_PER_YEAR
    jp_years = [
        JpYear(year, jp, (jp >= minimum) if is_pns else None)
        for year, jp in employee_jp_by_year(employee.pk)
    ]
    return LearningRecord(
        training=employee_training_history(employee.pk),
        jp_years=jp_years,
        current_jp=_current_jp(employee, timezone.localdate().year),
        jp_limit=minimum if is_pns else settings.SIEVA_PPPK_MAX_JP_PER_CONTRACT_YEAR,
    )


def _current_jp(employee: Employee, year: int) -> EmployeeJp | None:
    person = Employee.objects.filter(pk=employee.pk)
    records = jp_compliance(person, year)
    if records and records[0].period_start > timezone.localdate():
        # The PPPK contract year starting later this year is not the one running now.
        records = jp_compliance(person, year - 1)
    return records[0] if records else None
