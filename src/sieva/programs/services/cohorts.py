"""Writes on cohorts (angkatan), their sessions and their budget lines."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sieva.audit.services import audit_record, model_changes
from sieva.programs.models import (
    BudgetLine,
    Cohort,
    CohortStatus,
    CostCategory,
    EnrollmentStatus,
    Program,
)
from sieva.programs.services._common import has_more_decimals, snapshot
from sieva.programs.services.programs import NAME_REQUIRED

END_BEFORE_START = _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
CAPACITY_MIN = _("Kapasitas paling sedikit 1 orang.")
CAPACITY_BELOW_TAKEN = _(
    "Kapasitas tidak boleh kurang dari %(taken)s, jumlah peserta yang sudah menempati kursi."
)
SESSIONS_OUTSIDE_DATES = _(
    "%(count)s sesi berada di luar tanggal baru; pindahkan sesi tersebut lebih dahulu."
)
STATUS_INVALID_AT_CREATE = _("Angkatan baru tidak dapat langsung berstatus %(status)s.")
STATUS_TRANSITION = _("Status tidak dapat diubah dari %(old)s menjadi %(new)s.")
COHORT_CANCELLED = _("Angkatan ini dibatalkan; ubah statusnya lebih dahulu.")
CATEGORY_INVALID = _("Kategori biaya tidak dikenal.")
AMOUNT_NEGATIVE = _("Nilai rupiah tidak boleh negatif.")
AMOUNT_WHOLE = _("Nilai rupiah harus bilangan bulat.")
AMOUNT_TOO_LARGE = _("Nilai rupiah terlalu besar.")

S = CohortStatus
# Forward along the life of a cohort, plus one step back to correct a mistaken click
# (a finished cohort reopens to fix attendance; a cancelled one can be planned again).
TRANSITIONS: dict[str, set[str]] = {
    S.PLANNED: {S.OPEN, S.RUNNING, S.CANCELLED},
    S.OPEN: {S.PLANNED, S.RUNNING, S.CANCELLED},
    S.RUNNING: {S.OPEN, S.FINISHED, S.CANCELLED},
    S.FINISHED: {S.RUNNING},
    S.CANCELLED: {S.PLANNED},
}
# Past cohorts are recorded after the fact, so a new one may start at any stage but cancelled.
CREATE_STATUSES = (S.PLANNED, S.OPEN, S.RUNNING, S.FINISHED)
_COHORT_FIELDS = ("name", "start_date", "end_date", "location", "is_online", "capacity", "status")
AMOUNT_MAX = Decimal("999999999999999")


def allowed_statuses(current: str | None) -> list[str]:
    """The statuses a cohort in `current` may take next, `current` first (None = a new cohort)."""
    if current is None:
        return list(CREATE_STATUSES)
    return [current, *[s for s in S.values if s in TRANSITIONS[current]]]


def seats_taken(cohort: Cohort) -> int:
    """Enrollments that hold a place: everyone but those who withdrew."""
    return cohort.enrollments.exclude(status=EnrollmentStatus.WITHDRAWN).count()


def ensure_not_cancelled(cohort: Cohort) -> None:
    if cohort.status == S.CANCELLED:
        raise ValidationError(COHORT_CANCELLED)


def _validate_cohort(
    *, name: str, start_date: dt.date, end_date: dt.date, capacity: int
) -> dict[str, Any]:
    errors: dict[str, Any] = {}
    if not name.strip():
        errors["name"] = NAME_REQUIRED
    if end_date < start_date:
        errors["end_date"] = END_BEFORE_START
    if capacity < 1:
        errors["capacity"] = CAPACITY_MIN
    return errors


@transaction.atomic
def cohort_create(
    *,
    actor: Any,
    program: Program,
    name: str,
    start_date: dt.date,
    end_date: dt.date,
    capacity: int,
    location: str = "",
    is_online: bool = False,
    status: str = S.PLANNED,
) -> Cohort:
    """Open a new angkatan of `program`."""
    errors = _validate_cohort(
        name=name, start_date=start_date, end_date=end_date, capacity=capacity
    )
    if status not in CREATE_STATUSES:
        errors["status"] = ValidationError(
            STATUS_INVALID_AT_CREATE, params={"status": _label(status)}
        )
    if errors:
        raise ValidationError(errors)
    cohort = Cohort.objects.create(
        program=program,
        name=name.strip(),
        start_date=start_date,
        end_date=end_date,
        capacity=capacity,
        location=location,
        is_online=is_online,
        status=status,
    )
    audit_record(
        actor=actor,
        action="cohort.create",
        obj=cohort,
        org_path=program.owner.path,
        changes={k: [None, v] for k, v in snapshot(cohort, _COHORT_FIELDS).items()},
    )
    return cohort


@transaction.atomic
def cohort_update(
    *,
    actor: Any,
    cohort: Cohort,
    name: str,
    start_date: dt.date,
    end_date: dt.date,
    capacity: int,
    location: str = "",
    is_online: bool = False,
    status: str,
) -> Cohort:
    """Change a cohort; its sessions must stay within the dates and its seats within capacity."""
    cohort = Cohort.objects.select_for_update().select_related("program__owner").get(pk=cohort.pk)
    errors = _validate_cohort(
        name=name, start_date=start_date, end_date=end_date, capacity=capacity
    )
    if status != cohort.status and status not in TRANSITIONS.get(cohort.status, set()):
        errors["status"] = ValidationError(
            STATUS_TRANSITION, params={"old": _label(cohort.status), "new": _label(status)}
        )
    if "capacity" not in errors:
        taken = seats_taken(cohort)
        if capacity < taken:
            errors["capacity"] = ValidationError(CAPACITY_BELOW_TAKEN, params={"taken": taken})
    if "end_date" not in errors:
        outside = (
            cohort.sessions.exclude(date__gte=start_date, date__lte=end_date).count()
            if (start_date, end_date) != (cohort.start_date, cohort.end_date)
            else 0
        )
        if outside:
            errors["start_date"] = ValidationError(
                SESSIONS_OUTSIDE_DATES, params={"count": outside}
            )
    if errors:
        raise ValidationError(errors)
    before = snapshot(cohort, _COHORT_FIELDS)
    cohort.name, cohort.start_date, cohort.end_date = name.strip(), start_date, end_date
    cohort.capacity, cohort.location, cohort.is_online = capacity, location, is_online
    cohort.status = status
    cohort.save()
    audit_record(
        actor=actor,
        action="cohort.update",
        obj=cohort,
        org_path=cohort.program.owner.path,
        changes=model_changes(before, snapshot(cohort, _COHORT_FIELDS)),
    )
    return cohort


def _label(status: str) -> str:
    return str(S(status).label) if status in S.values else status


def _validate_amount(value: Decimal, field: str, errors: dict[str, Any]) -> None:
    if value < 0:
        errors[field] = AMOUNT_NEGATIVE
    elif has_more_decimals(value, 0):
        errors[field] = AMOUNT_WHOLE
    elif value > AMOUNT_MAX:
        errors[field] = AMOUNT_TOO_LARGE


@transaction.atomic
def budget_line_set(
    *,
    actor: Any,
    cohort: Cohort,
    category: str,
    planned: Decimal,
    realised: Decimal,
    note: str = "",
) -> BudgetLine:
    """Create or replace the cohort's one line for `category` (whole rupiah, never negative)."""
    errors: dict[str, Any] = {}
    if category not in CostCategory.values:
        errors["category"] = CATEGORY_INVALID
    _validate_amount(planned, "planned", errors)
    _validate_amount(realised, "realised", errors)
    if errors:
        raise ValidationError(errors)
    line = BudgetLine.objects.select_for_update().filter(cohort=cohort, category=category).first()
    names = ("planned", "realised", "note")
    before = snapshot(line, names) if line else dict.fromkeys(names)
    if line is None:
        line = BudgetLine(cohort=cohort, category=category)
    line.planned, line.realised, line.note = planned, realised, note
    line.save()
    audit_record(
        actor=actor,
        action="budget_line.set",
        obj=line,
        org_path=cohort.program.owner.path,
        changes=model_changes(before, snapshot(line, names)),
    )
    return line


@transaction.atomic
def budget_line_delete(*, actor: Any, line: BudgetLine) -> None:
    """Remove one budget line of a cohort."""
    audit_record(
        actor=actor,
        action="budget_line.delete",
        obj=line,
        org_path=line.cohort.program.owner.path,
        changes={"planned": [line.planned, None], "realised": [line.realised, None]},
    )
    line.delete()
