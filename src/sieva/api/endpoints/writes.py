"""Writes (a token with the write scope): enrollments, attendance, campaign responses and SKM
submissions — each through the owning app's service, so the rules of the pages hold."""

import datetime as dt
import uuid
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.responses import Status
from pydantic import field_validator

from sieva.api.auth import caller_of, write_auth
from sieva.api.endpoints.programs import EnrollmentOut
from sieva.api.endpoints.programs import router as programs_router
from sieva.api.errors import (
    ERRORS,
    FORBIDDEN_SKM,
    NIP_UNKNOWN,
    NOT_INVITED,
    ApiError,
    invalid,
)
from sieva.api.pagination import Id, PathId
from sieva.core.text import control_character, control_character_message
from sieva.instruments.campaigns.access import get_campaign_for_user
from sieva.instruments.campaigns.submission import LinkUnusable, response_submit
from sieva.instruments.models import Invitation
from sieva.org.access import Capability, scope_queryset
from sieva.org.models import Employee
from sieva.programs import services as programs
from sieva.programs.access import (
    get_cohort_for_user,
    get_enrollment_for_user,
    get_session_for_user,
)
from sieva.programs.models import Enrollment, EnrollmentStatus
from sieva.satisfaction.elements import Source
from sieva.satisfaction.forms import SkmPublicForm
from sieva.satisfaction.selectors import get_service_unit_for_user
from sieva.satisfaction.services.submission import DuplicateResponse, skm_response_submit

# Paths shared with a read (GET /enrollments/ and POST /enrollments/) must sit on one router.
router = Router(tags=["Tulis"], auth=write_auth)


def employee_by_nip(request: HttpRequest, nip: str, field: str) -> Employee:
    """The employee with `nip` in the caller's subtree; 422 naming `field` otherwise (an
    employee elsewhere is reported exactly like an unknown one)."""
    access = caller_of(request).access
    employee = (
        scope_queryset(Employee.objects.select_related("unit"), access, "unit")
        .filter(nip=nip.strip())
        .first()
    )
    if employee is None:
        raise invalid([{"field": field, "message": str(NIP_UNKNOWN) % {"nip": nip}}])
    return employee


class EnrollmentIn(Schema):
    cohort_id: Id
    nip: str = Field(..., description="NIP / NI PPPK 18 angka.", max_length=40)
    status: str = Field(EnrollmentStatus.INVITED, description="diundang atau terdaftar.")


class EnrollmentPatch(Schema):
    status: str
    absence_reason: str = ""
    absence_note: str = Field("", max_length=300)

    @field_validator("absence_reason", "absence_note")
    @classmethod
    def _visible(cls, value: str) -> str:
        """Invisible control characters are refused here as on the pages (decision 0065)."""
        if (character := control_character(value)) is not None:
            raise ValueError(control_character_message(character))
        return value


class AttendanceIn(Schema):
    session_id: Id
    enrollment_id: int
    present: bool = True


def _enrollment(pk: int) -> Enrollment:
    return Enrollment.objects.select_related("employee").get(pk=pk)


@programs_router.post(
    "/enrollments/",
    response={201: EnrollmentOut, **ERRORS},
    summary="Tambah peserta",
    auth=write_auth,
)
def enrollment_create(request: HttpRequest, data: EnrollmentIn) -> Status:
    caller = caller_of(request)
    cohort = get_cohort_for_user(caller.access, data.cohort_id, write=True)
    employee = employee_by_nip(request, data.nip, "body.data.nip")
    enrollment = programs.enrollment_add(
        actor=caller.user,
        access=caller.access,
        cohort=cohort,
        employee=employee,
        status=data.status,
    )
    return Status(201, _enrollment(enrollment.pk))


@programs_router.patch(
    "/enrollments/{enrollment_id}/",
    response={200: EnrollmentOut, **ERRORS},
    summary="Ubah status peserta",
    auth=write_auth,
)
def enrollment_update(
    request: HttpRequest, enrollment_id: PathId, data: EnrollmentPatch
) -> Enrollment:
    caller = caller_of(request)
    enrollment = get_enrollment_for_user(caller.access, enrollment_id, write=True)
    programs.enrollment_set_status(
        actor=caller.user,
        enrollment=enrollment,
        status=data.status,
        absence_reason=data.absence_reason,
        absence_note=data.absence_note,
    )
    return _enrollment(enrollment.pk)


@programs_router.put(
    "/attendance/",
    response={200: EnrollmentOut, **ERRORS},
    summary="Catat kehadiran",
    auth=write_auth,
)
def attendance_put(request: HttpRequest, data: AttendanceIn) -> Enrollment:
    """Present or absent at one session; repeating the call changes nothing."""
    caller = caller_of(request)
    session = get_session_for_user(caller.access, data.session_id, write=True)
    enrollment = get_enrollment_for_user(caller.access, data.enrollment_id, write=True)
    programs.attendance_set(
        actor=caller.user, session=session, enrollment=enrollment, present=data.present
    )
    return _enrollment(enrollment.pk)


class ResponseIn(Schema):
    respondent_nip: str = Field(..., max_length=40)
    subject_nip: str | None = Field(
        None, max_length=40, description="Untuk survei atasan/rekan: peserta yang dinilai."
    )
    answers: dict[str, Any] = Field(..., description="Jawaban per kode butir.")


class ResponseOut(Schema):
    campaign_id: int
    answered_at: dt.datetime


@router.post(
    "/campaigns/{campaign_id}/responses/",
    response={201: ResponseOut, **ERRORS},
    summary="Kirim jawaban seorang responden yang diundang",
)
def response_create(request: HttpRequest, campaign_id: PathId, data: ResponseIn) -> Status:
    caller = caller_of(request)
    campaign = get_campaign_for_user(caller.access, campaign_id, write=True)
    respondent = employee_by_nip(request, data.respondent_nip, "body.data.respondent_nip")
    invitations = Invitation.objects.select_related(
        "campaign__version__instrument", "campaign__owner", "employee__unit", "subject"
    ).filter(campaign=campaign, employee=respondent)
    if data.subject_nip:
        subject = employee_by_nip(request, data.subject_nip, "body.data.subject_nip")
        invitations = invitations.filter(subject=subject)
    invitation = invitations.first()
    if invitation is None:
        raise ApiError(404, "not_invited", str(NOT_INVITED))
    try:
        submitted = response_submit(invitation=invitation, answers=data.answers)
    except LinkUnusable as exc:
        raise ApiError(409, "not_open", str(exc)) from None
    return Status(201, ResponseOut(campaign_id=campaign.pk, answered_at=submitted.answered_at))


class SkmIn(Schema):
    unit_id: Id
    answers: dict[str, int] = Field(
        ..., description="Jawaban 1–4 untuk kesembilan unsur, per kode unsur."
    )
    gender: str = ""
    age_band: str = ""
    education: str = ""
    occupation: str = ""
    service: str = Field("", max_length=200)
    respondent_ref: str | None = Field(
        None,
        max_length=100,
        description="Kunci unik per responden di sistem Anda: jawaban sama dengan kunci sama "
        "dalam 10 menit tidak dihitung dua kali.",
    )


class SkmOutId(Schema):
    id: int
    unit_id: Id
    period: dt.date


@router.post(
    "/skm/submissions/", response={201: SkmOutId, **ERRORS}, summary="Kirim satu jawaban SKM"
)
def skm_create(request: HttpRequest, data: SkmIn) -> Status:
    caller = caller_of(request)
    if not caller.access.can(Capability.EDIT_PROGRAMS):
        raise ApiError(403, "forbidden", str(FORBIDDEN_SKM))
    unit = get_service_unit_for_user(caller.access, data.unit_id)
    fields = {
        **{code: str(value) for code, value in data.answers.items()},
        **data.dict(exclude={"unit_id", "answers", "respondent_ref"}),
    }
    form = SkmPublicForm(fields)
    if not form.is_valid():
        raise invalid(
            [
                {"field": f"body.data.{name}", "message": str(m)}
                for name, ms in form.errors.items()
                for m in ms
            ]
        )
    reference = data.respondent_ref or uuid.uuid4().hex
    try:
        response = skm_response_submit(
            unit=unit,
            answers=form.answers(),
            profile=form.profile(),
            source=Source.IMPORT,
            fingerprint=f"api:{caller.user.pk}:{reference}",
        )
    except DuplicateResponse as exc:
        raise ApiError(409, "duplicate", str(exc)) from None
    return Status(201, SkmOutId(id=response.pk, unit_id=unit.pk, period=response.period))
