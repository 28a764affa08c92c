"""Learning records from another system (an LMS): attendance, completion and JP in bulk.

An LMS reports facts — this person finished this module — so a record enrols the person if
needed (registered; capacity limits bookings, not facts), ticks the sessions attended and may
set the final status. JP is never written directly: it is `Session.jp` summed over attendance
rows, and one row per participant and session (a unique constraint) makes a repeated record
count once; the JP store of the people concerned is recomputed in the same transaction
(`jp_store`, decision 0067).

Everything is checked before anything is written; one problem rejects the whole batch and
names the record by its position (decision 0042).
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sieva.audit.services import audit_record
from sieva.org.models import Employee
from sieva.programs.models import (
    Attendance,
    Cohort,
    CohortStatus,
    Enrollment,
    EnrollmentStatus,
    Session,
)
from sieva.programs.services.jp_store import jp_refresh
from sieva.programs.services.participation_store import participation_refresh

E = EnrollmentStatus
RECORD_COHORT_CANCELLED = _("Angkatan %(cohort)s dibatalkan.")
RECORD_OUTSIDE_PROGRAM = _("%(name)s bukan pegawai %(owner)s, pemilik program ini.")
RECORD_SESSION_ELSEWHERE = _("Sesi %(session)s bukan bagian dari angkatan %(cohort)s.")
RECORD_SESSION_FUTURE = _("Sesi “%(session)s” baru berlangsung pada %(date)s.")
RECORD_WITHDRAWN = _("%(name)s telah mengundurkan diri dari angkatan %(cohort)s.")
FINAL_STATUSES = (E.PASSED, E.FAILED)
_NOT_YET_CAME = (E.INVITED, E.REGISTERED)


@dataclass(frozen=True)
class CompletionRecord:
    """What an LMS says one employee did in one cohort: the sessions attended and, for a
    finished course, the result (`E.PASSED` or `E.FAILED`; "" leaves the status to the
    attendance)."""

    employee_id: int
    cohort_id: int
    session_ids: tuple[int, ...] = ()
    result: str = ""


class RecordsRejected(ValidationError):
    """The batch was refused; `problems` lists (position of the record, message)."""

    def __init__(self, problems: list[tuple[int, str]]) -> None:
        super().__init__([message for _index, message in problems])
        self.problems = problems


class Person(NamedTuple):
    name: str
    unit_path: str


@dataclass
class Applied:
    enrollments_added: int = 0
    attendance_added: int = 0
    finished: int = 0


def _check(
    records: Sequence[CompletionRecord],
    cohorts: dict[int, Cohort],
    employees: dict[int, Person],
    sessions: dict[int, Session],
    enrollments: dict[tuple[int, int], Enrollment],
) -> list[tuple[int, str]]:
    today = timezone.localdate()
    problems: list[tuple[int, str]] = []
    for index, record in enumerate(records):
        cohort, person = cohorts[record.cohort_id], employees[record.employee_id]
        owner = cohort.program.owner
        params = {"cohort": cohort.name, "name": person.name, "owner": owner.name}
        if cohort.status == CohortStatus.CANCELLED:
            problems.append((index, gettext(RECORD_COHORT_CANCELLED) % params))
        if not person.unit_path.startswith(owner.path):
            problems.append((index, gettext(RECORD_OUTSIDE_PROGRAM) % params))
        for session in (sessions[pk] for pk in record.session_ids):
            details = {**params, "session": session.title, "date": f"{session.date:%d-%m-%Y}"}
            if session.cohort_id != cohort.pk:
                problems.append((index, gettext(RECORD_SESSION_ELSEWHERE) % details))
            elif session.date > today:
                problems.append((index, gettext(RECORD_SESSION_FUTURE) % details))
        enrollment = enrollments.get((cohort.pk, record.employee_id))
        if enrollment is not None and enrollment.status == E.WITHDRAWN:
            problems.append((index, gettext(RECORD_WITHDRAWN) % params))
    return problems


@transaction.atomic
def learning_records_apply(
    *, actor: Any, records: Sequence[CompletionRecord], source: str
) -> Applied:
    """Enrol, tick attendance and set final statuses for `records`, all or nothing.

    Raises RecordsRejected (nothing written) when a cohort is cancelled, a person is not an
    employee of the program's owner, a session belongs elsewhere or lies in the future, or a
    participant withdrew. A fixed number of queries per batch, whatever its size.
    """
    applied = Applied()
    if not records:
        return applied
    cohorts = Cohort.objects.select_related("program__owner").in_bulk(
        {r.cohort_id for r in records}
    )
    employees = {
        pk: Person(name, path)
        for pk, name, path in Employee.objects.filter(
            pk__in={r.employee_id for r in records}
        ).values_list("pk", "name", "unit__path")
    }
    sessions = Session.objects.in_bulk({pk for r in records for pk in r.session_ids})
    enrollments = {
        (e.cohort_id, e.employee_id): e
        for e in Enrollment.objects.select_for_update().filter(
            cohort_id__in=cohorts, employee_id__in=employees
        )
    }
    problems = _check(records, cohorts, employees, sessions, enrollments)
    if problems:
        raise RecordsRejected(problems)
    missing = {
        (r.cohort_id, r.employee_id)
        for r in records
        if (r.cohort_id, r.employee_id) not in enrollments
    }
    new = Enrollment.objects.bulk_create(
        [Enrollment(cohort_id=c, employee_id=e, status=E.REGISTERED) for c, e in sorted(missing)]
    )
    enrollments.update({(e.cohort_id, e.employee_id): e for e in new})
    applied.enrollments_added = len(new)
    wanted = {
        (session_id, enrollments[r.cohort_id, r.employee_id].pk)
        for r in records
        for session_id in r.session_ids
    }
    attended = _attendance_pairs({pk for _s, pk in wanted} | {e.pk for e in enrollments.values()})
    fresh = wanted - attended
    Attendance.objects.bulk_create(
        [Attendance(session_id=s, enrollment_id=e) for s, e in sorted(fresh)],
        ignore_conflicts=True,
    )
    applied.attendance_added = len(fresh)
    employee_of = {e.pk: e.employee_id for e in enrollments.values()}
    jp_refresh(employee_ids={employee_of[pk] for _s, pk in fresh})
    present = {pk for _s, pk in attended | fresh}
    changed = _new_statuses(records, enrollments, present, applied)
    cohort_of = {e.pk: e.cohort_id for e in enrollments.values()}
    counts: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for enrollment in new:
        counts[enrollment.cohort_id]["enrolled"].append(enrollment.employee_id)
    for session_id, enrollment_id in fresh:
        counts[cohort_of[enrollment_id]]["attended"].append(session_id)
    for enrollment in changed:
        counts[enrollment.cohort_id]["status_changed"].append(enrollment.pk)
    participation_refresh(cohort_ids=counts)
    for cohort in cohorts.values():
        audit_record(
            actor=actor,
            action="attendance.record_learning",
            obj=cohort,
            org_path=cohort.program.owner.path,
            changes={
                "source": source,
                "employees_enrolled": sorted(counts[cohort.pk]["enrolled"]),
                "attendance_added": len(counts[cohort.pk]["attended"]),
                "status_changed": sorted(counts[cohort.pk]["status_changed"]),
            },
        )
    return applied


def _attendance_pairs(enrollment_ids: set[int]) -> set[tuple[int, int]]:
    return set(
        Attendance.objects.filter(enrollment_id__in=enrollment_ids).values_list(
            "session_id", "enrollment_id"
        )
    )


def _new_statuses(
    records: Sequence[CompletionRecord],
    enrollments: dict[tuple[int, int], Enrollment],
    present: set[int],
    applied: Applied,
) -> list[Enrollment]:
    """Move each enrollment on: attended -> hadir; a result -> lulus / tidak lulus (a result
    needs attendance behind it, as on the pages). Saved in one bulk update."""
    now = timezone.now()
    changed: dict[int, Enrollment] = {}
    for record in records:
        enrollment = enrollments[record.cohort_id, record.employee_id]
        status = enrollment.status
        if enrollment.pk in present and status in _NOT_YET_CAME:
            status = E.ATTENDING
        if record.result in FINAL_STATUSES and enrollment.pk in present:
            status = record.result
        if status != enrollment.status:
            if status in FINAL_STATUSES:
                applied.finished += 1
            if status == E.PASSED:
                enrollment.absence_reason, enrollment.absence_note = "", ""
            enrollment.status, enrollment.updated_at = status, now
            changed[enrollment.pk] = enrollment
    # One UPDATE per new status (at most three), not one CASE over every row.
    by_status: dict[str, list[int]] = defaultdict(list)
    for enrollment in changed.values():
        by_status[enrollment.status].append(enrollment.pk)
    for status, ids in by_status.items():
        cleared = {"absence_reason": "", "absence_note": ""} if status == E.PASSED else {}
        Enrollment.objects.filter(pk__in=ids).update(status=status, updated_at=now, **cleared)
    return list(changed.values())
