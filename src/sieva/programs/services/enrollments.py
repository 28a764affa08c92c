"""Writes on who takes part in a cohort (enrollment, status, attendance)."""

import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sieva.audit.services import audit_record
from sieva.org.access import Access
from sieva.org.models import Employee, OrgUnit
from sieva.org.nip import NipError, parse_nip
from sieva.programs.models import (
    AbsenceReason,
    Cohort,
    Enrollment,
    EnrollmentStatus,
)
from sieva.programs.services.cohorts import ensure_not_cancelled, seats_taken
from sieva.programs.services.participation_store import participation_refresh

E = EnrollmentStatus
EMPLOYEE_OUT_OF_SCOPE = _("Pegawai tidak ditemukan dalam cakupan Anda.")
EMPLOYEE_OUTSIDE_PROGRAM = _("%(name)s bukan pegawai %(owner)s, pemilik program ini.")
EMPLOYEE_INACTIVE = _("%(name)s tidak lagi berstatus aktif.")
ALREADY_ENROLLED = _("%(name)s sudah menjadi peserta angkatan ini.")
COHORT_FULL = _(
    "Kapasitas angkatan %(capacity)s orang; tersisa %(free)s kursi, sedangkan %(count)s "
    "pegawai akan ditambahkan."
)
INITIAL_STATUS = _("Peserta baru hanya dapat berstatus diundang atau terdaftar.")
BULK_SOURCE = _("Pilih satu unit kerja atau tempelkan daftar NIP.")
UNIT_OUT_OF_SCOPE = _("Unit kerja itu tidak berada dalam cakupan Anda.")
UNIT_OUTSIDE_PROGRAM = _("Unit kerja itu tidak berada di bawah %(owner)s, pemilik program ini.")
NOBODY_TO_ADD = _("Tidak ada pegawai aktif baru yang dapat ditambahkan.")
BULK_REJECTED = _("Tidak ada yang disimpan. Perbaiki daftar berikut lalu kirim ulang.")
NIPS_INVALID = _("Bukan NIP 18 angka: %(items)s")
NIPS_NOT_FOUND = _("Tidak ditemukan dalam cakupan Anda: %(items)s")
NIPS_OUTSIDE_PROGRAM = _("Bukan pegawai %(owner)s: %(items)s")
NIPS_INACTIVE = _("Tidak aktif: %(items)s")
NIP_IMPOSSIBLE = _("NIP %(nip)s tidak valid: %(reason)s")
STATUS_INVALID = _("Status peserta tidak dikenal.")
REASON_INVALID = _("Alasan tidak dikenal.")
REASON_REQUIRED = _("Alasan wajib diisi bila peserta mengundurkan diri.")
NOTE_REQUIRED = _("Tuliskan keterangan bila alasannya 'Lainnya'.")
NEEDS_ATTENDANCE = _("Status %(status)s memerlukan paling sedikit satu kehadiran.")
HAS_ATTENDANCE = _("Peserta yang sudah memiliki catatan kehadiran tidak dapat dihapus.")

NIP_PATTERN = re.compile(r"^\d{18}$")
_SEPARATORS = re.compile(r"[\n\r,;]+")
# Statuses that say the person took part, so they need an attendance row behind them.
_TOOK_PART = (E.ATTENDING, E.PASSED, E.FAILED)
_NOT_YET_CAME = (E.INVITED, E.REGISTERED)


def parse_nips(text: str) -> tuple[list[str], list[str]]:
    """Split pasted text into (18-digit NIPs, other items), both deduplicated, in order.

    Items are separated by new lines, commas or semicolons; spaces and dots inside an item are
    ignored, as NIPs are often written "19860926 201505 1 001". A line of several 18-digit
    numbers separated by spaces counts as several NIPs.
    """
    nips: dict[str, None] = {}
    invalid: dict[str, None] = {}
    for chunk in _SEPARATORS.split(text):
        words = chunk.split()
        if not words:
            continue
        if len(words) > 1 and all(NIP_PATTERN.match(w) for w in words):
            items = words
        else:
            items = [re.sub(r"[\s.\-]", "", chunk)]
        for item in items:
            (nips if NIP_PATTERN.match(item) else invalid)[item] = None
    return list(nips), list(invalid)


def _nip_problem(number: str) -> str:
    """Why `number` cannot be an NIP or NI PPPK (translated), or "" when it could be one."""
    try:
        parse_nip(number)
    except NipError as error:
        return gettext(error.template) % error.params if error.params else gettext(error.template)
    return ""


def _check_capacity(cohort: Cohort, adding: int) -> None:
    free = max(cohort.capacity - seats_taken(cohort), 0)
    if adding > free:
        raise ValidationError(
            COHORT_FULL, params={"capacity": cohort.capacity, "free": free, "count": adding}
        )


def _locked(cohort: Cohort) -> Cohort:
    # Serialises enrollments of one cohort so two organisers cannot both take the last seat.
    return Cohort.objects.select_for_update().select_related("program__owner").get(pk=cohort.pk)


@transaction.atomic
def enrollment_add(
    *,
    actor: Any,
    access: Access,
    cohort: Cohort,
    employee: Employee,
    status: str = E.INVITED,
) -> Enrollment:
    """Invite (or register) one active employee of the program owner's subtree."""
    cohort = _locked(cohort)
    ensure_not_cancelled(cohort)
    owner = cohort.program.owner
    params = {"name": employee.name, "owner": owner.name}
    if not access.covers(employee.unit):
        raise ValidationError(EMPLOYEE_OUT_OF_SCOPE)
    if not employee.unit.is_within(owner):
        raise ValidationError(EMPLOYEE_OUTSIDE_PROGRAM, params=params)
    if not employee.is_active:
        raise ValidationError(EMPLOYEE_INACTIVE, params=params)
    if status not in _NOT_YET_CAME:
        raise ValidationError(INITIAL_STATUS)
    if cohort.enrollments.filter(employee=employee).exists():
        raise ValidationError(ALREADY_ENROLLED, params=params)
    _check_capacity(cohort, 1)
    enrollment = Enrollment.objects.create(cohort=cohort, employee=employee, status=status)
    participation_refresh(cohort_ids=[cohort.pk])
    audit_record(
        actor=actor,
        action="enrollment.add",
        obj=enrollment,
        org_path=owner.path,
        changes={"employee": [None, employee.pk], "status": [None, status]},
    )
    return enrollment


@dataclass
class BulkResult:
    """What a bulk add did: the new enrollments and the people who were already in."""

    added: list[Enrollment] = field(default_factory=list)
    already: list[Employee] = field(default_factory=list)


class BulkEnrollmentError(ValidationError):
    """A rejected bulk add; nothing was written. Attributes list the offending NIPs."""

    def __init__(
        self,
        messages: list[Any],
        *,
        invalid: list[str] | None = None,
        not_found: list[str] | None = None,
        outside_program: list[str] | None = None,
        inactive: list[str] | None = None,
    ) -> None:
        super().__init__(messages)
        self.invalid = invalid or []
        self.not_found = not_found or []
        self.outside_program = outside_program or []
        self.inactive = inactive or []


def _employees_of_unit(access: Access, owner: OrgUnit, unit: OrgUnit) -> list[Employee]:
    if not access.covers(unit):
        raise ValidationError(UNIT_OUT_OF_SCOPE)
    if not unit.is_within(owner):
        raise ValidationError(UNIT_OUTSIDE_PROGRAM, params={"owner": owner.name})
    return list(
        Employee.objects.filter(unit__path__startswith=unit.path, is_active=True)
        .select_related("unit")
        .order_by("name", "nip")
    )


def _employees_of_nips(access: Access, owner: OrgUnit, text: str) -> list[Employee]:
    nips, invalid = parse_nips(text)
    found = {e.nip: e for e in Employee.objects.filter(nip__in=nips).select_related("unit")}
    # An unknown number that cannot be an NIP at all (say a 13th month) says why.
    impossible = {n: reason for n in nips if n not in found and (reason := _nip_problem(n))}
    # Outside the user's scope is reported exactly like an unknown NIP: no disclosure.
    not_found = [
        n
        for n in nips
        if n not in impossible and (n not in found or not access.covers(found[n].unit))
    ]
    reachable = [n for n in nips if n not in impossible and n not in not_found]
    outside = [n for n in reachable if not found[n].unit.is_within(owner)]
    inactive = [n for n in reachable if n not in outside and not found[n].is_active]
    messages = [
        ValidationError(message, params={"items": ", ".join(items), "owner": owner.name})
        for message, items in (
            (NIPS_INVALID, invalid),
            (NIPS_NOT_FOUND, not_found),
            (NIPS_OUTSIDE_PROGRAM, outside),
            (NIPS_INACTIVE, inactive),
        )
        if items
    ]
    messages += [
        ValidationError(NIP_IMPOSSIBLE, params={"nip": n, "reason": reason})
        for n, reason in impossible.items()
    ]
    if messages:
        raise BulkEnrollmentError(
            [ValidationError(BULK_REJECTED), *messages],
            invalid=[*invalid, *impossible],
            not_found=not_found,
            outside_program=outside,
            inactive=inactive,
        )
    return [found[n] for n in nips]


@transaction.atomic
def enrollments_add_bulk(
    *,
    actor: Any,
    access: Access,
    cohort: Cohort,
    unit: OrgUnit | None = None,
    nips: str = "",
    status: str = E.INVITED,
) -> BulkResult:
    """Enrol every active employee under `unit`, or the pasted `nips`, all or nothing.

    People already in the cohort are skipped (and reported); any unknown, out-of-scope,
    foreign or inactive NIP, or a lack of seats, rejects the whole batch.
    """
    if (unit is None) == (not nips.strip()):
        raise ValidationError(BULK_SOURCE)
    if status not in _NOT_YET_CAME:
        raise ValidationError(INITIAL_STATUS)
    cohort = _locked(cohort)
    ensure_not_cancelled(cohort)
    owner = cohort.program.owner
    if unit is not None:
        candidates = _employees_of_unit(access, owner, unit)
    else:
        candidates = _employees_of_nips(access, owner, nips)
    enrolled = set(cohort.enrollments.values_list("employee_id", flat=True))
    result = BulkResult(already=[e for e in candidates if e.pk in enrolled])
    new = [e for e in candidates if e.pk not in enrolled]
    if not new:
        raise ValidationError(NOBODY_TO_ADD)
    _check_capacity(cohort, len(new))
    result.added = Enrollment.objects.bulk_create(
        [Enrollment(cohort=cohort, employee=e, status=status) for e in new]
    )
    participation_refresh(cohort_ids=[cohort.pk])
    audit_record(
        actor=actor,
        action="enrollment.add_bulk",
        obj=cohort,
        org_path=owner.path,
        changes={
            "employees": [None, [e.pk for e in new]],
            "source": [None, f"unit:{unit.pk}" if unit else "nip"],
            "status": [None, status],
        },
    )
    return result


@transaction.atomic
def enrollment_set_status(
    *,
    actor: Any,
    enrollment: Enrollment,
    status: str,
    absence_reason: str = "",
    absence_note: str = "",
) -> Enrollment:
    """Change a participant's status; withdrawing needs a reason, taking part needs attendance."""
    enrollment = (
        Enrollment.objects.select_for_update()
        .select_related("cohort__program__owner", "employee")
        .get(pk=enrollment.pk)
    )
    cohort = enrollment.cohort
    ensure_not_cancelled(cohort)
    errors: dict[str, Any] = {}
    if status not in E.values:
        errors["status"] = STATUS_INVALID
    if absence_reason and absence_reason not in AbsenceReason.values:
        errors["absence_reason"] = REASON_INVALID
    elif status == E.WITHDRAWN and not absence_reason:
        errors["absence_reason"] = REASON_REQUIRED
    elif absence_reason == AbsenceReason.OTHER and not absence_note.strip():
        errors["absence_note"] = NOTE_REQUIRED
    if status in _TOOK_PART and not enrollment.attendances.exists():
        errors["status"] = ValidationError(NEEDS_ATTENDANCE, params={"status": E(status).label})
    if errors:
        raise ValidationError(errors)
    if enrollment.status == E.WITHDRAWN and status != E.WITHDRAWN:
        _check_capacity(cohort, 1)  # coming back takes a seat again
    if status == E.PASSED:
        # A completed participant has no absence to explain.
        absence_reason, absence_note = "", ""
    before = {
        "status": enrollment.status,
        "absence_reason": enrollment.absence_reason,
        "absence_note": enrollment.absence_note,
    }
    enrollment.status, enrollment.absence_reason = status, absence_reason
    enrollment.absence_note = absence_note.strip()
    enrollment.save(update_fields=["status", "absence_reason", "absence_note", "updated_at"])
    participation_refresh(cohort_ids=[cohort.pk])
    after = {"status": status, "absence_reason": absence_reason, "absence_note": absence_note}
    audit_record(
        actor=actor,
        action="enrollment.set_status",
        obj=enrollment,
        org_path=cohort.program.owner.path,
        changes={k: [before[k], v] for k, v in after.items() if before[k] != v},
    )
    return enrollment


@transaction.atomic
def enrollment_remove(*, actor: Any, enrollment: Enrollment) -> None:
    """Undo an enrollment made by mistake; anyone with attendance stays (withdraw them instead)."""
    ensure_not_cancelled(enrollment.cohort)
    if enrollment.attendances.exists():
        raise ValidationError(HAS_ATTENDANCE)
    audit_record(
        actor=actor,
        action="enrollment.remove",
        obj=enrollment,
        org_path=enrollment.cohort.program.owner.path,
        changes={"employee": [enrollment.employee_id, None], "status": [enrollment.status, None]},
    )
    enrollment.delete()
    participation_refresh(cohort_ids=[enrollment.cohort_id])
