"""Writes on attendance: one tick per participant x session, moving the status along.

A session in the future cannot be ticked (decision 0004): presence is a fact about the past.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.audit.services import audit_record
from sieva.programs.models import Attendance, Enrollment, EnrollmentStatus, Session
from sieva.programs.services.cohorts import ensure_not_cancelled
from sieva.programs.services.jp_store import jp_refresh
from sieva.programs.services.participation_store import participation_refresh

E = EnrollmentStatus
_NOT_YET_CAME = (E.INVITED, E.REGISTERED)
ATTENDANCE_OTHER_COHORT = _("Sesi dan peserta berasal dari angkatan yang berbeda.")
ATTENDANCE_WITHDRAWN = _(
    "%(name)s telah mengundurkan diri; ubah statusnya lebih dahulu sebelum mencatat kehadiran."
)
LAST_ATTENDANCE_OF_COMPLETED = _(
    "Ini kehadiran terakhir peserta berstatus %(status)s; ubah statusnya lebih dahulu."
)
ATTENDANCE_FUTURE = _(
    "Sesi “%(title)s” baru berlangsung pada %(date)s; kehadiran dapat dicatat mulai hari itu."
)


def is_future(session: Session) -> bool:
    """True while the session's day has not come yet (server's local date)."""
    return session.date > timezone.localdate()


@transaction.atomic
def attendance_set(
    *, actor: Any, session: Session, enrollment: Enrollment, present: bool
) -> Enrollment:
    """Record whether the participant attended `session`; repeating a call changes nothing.

    Marking present moves an invited or registered participant to hadir; removing the last
    attendance of a hadir participant moves them back to terdaftar. Returns the enrollment
    with its current status.
    """
    if session.cohort_id != enrollment.cohort_id:
        raise ValidationError(ATTENDANCE_OTHER_COHORT)
    enrollment = (
        Enrollment.objects.select_for_update()
        .select_related("cohort__program__owner", "employee")
        .get(pk=enrollment.pk)
    )
    ensure_not_cancelled(enrollment.cohort)
    old_status = enrollment.status
    rows = Attendance.objects.filter(session=session, enrollment=enrollment)
    if present:
        if is_future(session):
            raise ValidationError(
                ATTENDANCE_FUTURE,
                params={"title": session.title, "date": session.date.strftime("%d-%m-%Y")},
            )
        if enrollment.status == E.WITHDRAWN:
            raise ValidationError(ATTENDANCE_WITHDRAWN, params={"name": enrollment.employee.name})
        _row, changed = Attendance.objects.get_or_create(session=session, enrollment=enrollment)
        if changed and enrollment.status in _NOT_YET_CAME:
            enrollment.status = E.ATTENDING
    else:
        changed = rows.exists()
        if changed:
            last = not enrollment.attendances.exclude(session=session).exists()
            if last and enrollment.status in (E.PASSED, E.FAILED):
                raise ValidationError(
                    LAST_ATTENDANCE_OF_COMPLETED, params={"status": E(enrollment.status).label}
                )
            rows.delete()
            if last and enrollment.status == E.ATTENDING:
                enrollment.status = E.REGISTERED
    if not changed:
        return enrollment
    jp_refresh(employee_ids=[enrollment.employee_id])
    if enrollment.status != old_status:
        enrollment.save(update_fields=["status", "updated_at"])
    participation_refresh(cohort_ids=[enrollment.cohort_id])
    changes: dict[str, Any] = {"session": [None, session.pk], "present": [not present, present]}
    if enrollment.status != old_status:
        changes["status"] = [old_status, enrollment.status]
    audit_record(
        actor=actor,
        action="attendance.set",
        obj=enrollment,
        org_path=enrollment.cohort.program.owner.path,
        changes=changes,
    )
    return enrollment
