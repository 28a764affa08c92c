"""Programs, cohorts, sessions, enrollments and attendance (reads), scoped by the program's
owner exactly as the program pages are (`sieva.programs.access`)."""

import datetime as dt
from decimal import Decimal

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from sieva.api.auth import caller_of, covers_everything, require
from sieva.api.errors import ERRORS
from sieva.api.pagination import Id, Page, PathId, UpdatedSince, changed_since
from sieva.org.access import Capability
from sieva.programs.access import (
    get_cohort_for_user,
    get_enrollment_for_user,
    get_program_for_user,
    get_session_for_user,
    programs_for_user,
)
from sieva.programs.models import Attendance, Cohort, Enrollment, Program, Session

router = Router(tags=["Program"])


class ProgramOut(Schema):
    id: int
    code: str
    name: str
    kind: str
    mode: str
    owner_id: int
    participation_target: int
    updated_at: dt.datetime


class CohortOut(Schema):
    id: int
    program_id: Id
    name: str
    start_date: dt.date
    end_date: dt.date
    location: str
    is_online: bool
    capacity: int
    status: str
    updated_at: dt.datetime


class SessionOut(Schema):
    id: int
    cohort_id: Id
    subject_id: int | None
    title: str
    date: dt.date
    jp: Decimal
    updated_at: dt.datetime


class EnrollmentOut(Schema):
    id: int
    cohort_id: Id
    employee_id: int
    nip: str = Field(..., alias="employee.nip")
    status: str
    absence_reason: str
    absence_note: str
    updated_at: dt.datetime


class AttendanceOut(Schema):
    id: int
    session_id: Id
    enrollment_id: int
    employee_id: int = Field(..., alias="enrollment.employee_id")
    nip: str = Field(..., alias="enrollment.employee.nip")
    date: dt.date = Field(..., alias="session.date")
    jp: Decimal = Field(..., alias="session.jp")
    recorded_at: dt.datetime


class CohortFilter(UpdatedSince):
    program_id: Id | None = None


class SessionFilter(UpdatedSince):
    cohort_id: Id | None = None


class EnrollmentFilter(UpdatedSince):
    cohort_id: Id | None = None
    employee_id: Id | None = None


class AttendanceFilter(UpdatedSince):
    cohort_id: Id | None = None
    session_id: Id | None = None


def _in_scope(
    request: HttpRequest, queryset: QuerySet, program: str, *, personal: bool = False
) -> QuerySet:  # type: ignore[type-arg]
    """`queryset` limited to rows whose `program` (a relation path ending at Program, or ""
    for programs themselves) the caller sees; 403 without the capability.

    The filter is a subquery on the programs in scope (a few hundred rows), not a chain of
    joins to the owner's path: counting 300,000 attendance rows through four joins costs
    several times more. A scope over every root of the tree needs no filter at all."""
    access = require(request, Capability.VIEW_PROGRAMS)
    if personal:
        require(request, Capability.VIEW_PERSONAL_DATA)
    if covers_everything(access):
        return queryset
    programs = programs_for_user(access).values("pk")
    if program == "session__cohort__program":  # attendance: by its own indexed session_id
        sessions = Session.objects.filter(cohort__program__in=programs).values("pk")
        return queryset.filter(session__in=sessions)
    return queryset.filter(**{f"{program}__in" if program else "pk__in": programs})


@router.get("/programs/", response={200: list[ProgramOut], **ERRORS}, summary="Program")
@paginate(Page)
def program_list(request: HttpRequest, filters: Query[UpdatedSince]) -> object:
    require(request, Capability.VIEW_PROGRAMS)
    programs = programs_for_user(caller_of(request).access)
    return changed_since(programs, filters.updated_since).order_by("pk")


@router.get("/programs/{program_id}/", response={200: ProgramOut, **ERRORS}, summary="Satu program")
def program_detail(request: HttpRequest, program_id: PathId) -> Program:
    return get_program_for_user(caller_of(request).access, program_id)


@router.get("/cohorts/", response={200: list[CohortOut], **ERRORS}, summary="Angkatan")
@paginate(Page)
def cohort_list(request: HttpRequest, filters: Query[CohortFilter]) -> object:
    cohorts = _in_scope(request, Cohort.objects.all(), "program")
    if filters.program_id is not None:
        cohorts = cohorts.filter(
            program=get_program_for_user(caller_of(request).access, filters.program_id)
        )
    return changed_since(cohorts, filters.updated_since).order_by("pk")


@router.get("/cohorts/{cohort_id}/", response={200: CohortOut, **ERRORS}, summary="Satu angkatan")
def cohort_detail(request: HttpRequest, cohort_id: PathId) -> Cohort:
    return get_cohort_for_user(caller_of(request).access, cohort_id)


@router.get("/sessions/", response={200: list[SessionOut], **ERRORS}, summary="Sesi")
@paginate(Page)
def session_list(request: HttpRequest, filters: Query[SessionFilter]) -> object:
    sessions = _in_scope(request, Session.objects.all(), "cohort__program")
    if filters.cohort_id is not None:
        sessions = sessions.filter(
            cohort=get_cohort_for_user(caller_of(request).access, filters.cohort_id)
        )
    return changed_since(sessions, filters.updated_since).order_by("pk")


@router.get("/sessions/{session_id}/", response={200: SessionOut, **ERRORS}, summary="Satu sesi")
def session_detail(request: HttpRequest, session_id: PathId) -> Session:
    return get_session_for_user(caller_of(request).access, session_id)


@router.get(
    "/enrollments/", response={200: list[EnrollmentOut], **ERRORS}, summary="Peserta angkatan"
)
@paginate(Page)
def enrollment_list(request: HttpRequest, filters: Query[EnrollmentFilter]) -> object:
    enrollments = _in_scope(
        request,
        Enrollment.objects.select_related("employee"),
        "cohort__program__owner",
        personal=True,
    )
    access = caller_of(request).access
    if filters.cohort_id is not None:
        enrollments = enrollments.filter(cohort=get_cohort_for_user(access, filters.cohort_id))
    if filters.employee_id is not None:
        enrollments = enrollments.filter(employee_id=filters.employee_id)
    return changed_since(enrollments, filters.updated_since).order_by("pk")


@router.get(
    "/enrollments/{enrollment_id}/", response={200: EnrollmentOut, **ERRORS}, summary="Satu peserta"
)
def enrollment_detail(request: HttpRequest, enrollment_id: PathId) -> Enrollment:
    return get_enrollment_for_user(caller_of(request).access, enrollment_id)


@router.get("/attendance/", response={200: list[AttendanceOut], **ERRORS}, summary="Kehadiran")
@paginate(Page)
def attendance_list(request: HttpRequest, filters: Query[AttendanceFilter]) -> object:
    rows = _in_scope(
        request,
        Attendance.objects.select_related("session", "enrollment__employee"),
        "session__cohort__program",
        personal=True,
    )
    access = caller_of(request).access
    if filters.cohort_id is not None:
        rows = rows.filter(session__cohort=get_cohort_for_user(access, filters.cohort_id))
    if filters.session_id is not None:
        rows = rows.filter(session=get_session_for_user(access, filters.session_id))
    return changed_since(rows, filters.updated_since, "recorded_at").order_by("pk")
