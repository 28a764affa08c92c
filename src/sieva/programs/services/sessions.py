"""Writes on the sessions of a cohort: dated within the cohort, JP that fit the clock, no overlap.

JP rule (decision 0004): when a session has both times, its JP may not exceed its duration
divided by the length of one JP (`SIEVA_JP_MINUTES`, 45 minutes by default), so 08:00-09:30
holds at most 2 JP. Sessions of one cohort with times may not overlap on the same day.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sieva.audit.services import audit_record, model_changes
from sieva.org.models import Employee
from sieva.programs.models import Cohort, Session, Subject
from sieva.programs.services._common import snapshot
from sieva.programs.services.cohorts import ensure_not_cancelled
from sieva.programs.services.jp_store import jp_refresh_session
from sieva.programs.services.participation_store import participation_refresh
from sieva.programs.services.programs import NAME_REQUIRED, validate_jp

SESSION_OUTSIDE_COHORT = _("Tanggal sesi harus di antara %(start)s dan %(end)s.")
SESSION_TIMES = _("Jam selesai harus setelah jam mulai.")
SESSION_JP_TOO_MANY = _(
    "%(start)s–%(end)s hanya %(minutes)s menit, paling banyak %(max)s JP "
    "(1 JP = %(jp_minutes)s menit)."
)
SESSION_OVERLAP = _(
    "Bertumpang tindih dengan sesi “%(title)s” (%(start)s–%(end)s) di hari yang sama."
)
SUBJECT_OTHER_PROGRAM = _("Mata pelatihan itu bukan bagian dari kurikulum program ini.")
SESSION_HAS_ATTENDANCE = _(
    "Sesi ini sudah memiliki %(count)s catatan kehadiran dan tidak dapat dihapus."
)
_SESSION_FIELDS = (
    "title",
    "date",
    "start_time",
    "end_time",
    "jp",
    "subject_id",
    "facilitator_id",
    "facilitator_name",
    "facilitator_role",
)
FACILITATOR_ROLE_REQUIRED = _("Pilih peran fasilitator (widyaiswara, narasumber atau coach).")
ONE_FACILITATOR = _("Isi NIP fasilitator atau nama narasumber luar, tidak keduanya.")


def _minutes(time: dt.time) -> int:
    return time.hour * 60 + time.minute


def max_jp(start_time: dt.time, end_time: dt.time) -> Decimal:
    """The most JP a session from `start_time` to `end_time` can hold, in steps of 0.5 JP."""
    duration = _minutes(end_time) - _minutes(start_time)
    halves = (duration * 2) // settings.SIEVA_JP_MINUTES
    return Decimal(halves) / 2


def check_session_times(
    errors: dict[str, Any], jp: Decimal, start_time: dt.time, end_time: dt.time
) -> None:
    if end_time <= start_time:
        errors["end_time"] = SESSION_TIMES
        return
    limit = max_jp(start_time, end_time)
    if "jp" not in errors and jp > limit:
        errors["jp"] = ValidationError(
            SESSION_JP_TOO_MANY,
            params={
                "start": f"{start_time:%H:%M}",
                "end": f"{end_time:%H:%M}",
                "minutes": _minutes(end_time) - _minutes(start_time),
                "max": f"{limit.normalize():f}",
                "jp_minutes": settings.SIEVA_JP_MINUTES,
            },
        )


def _check_overlap(
    errors: dict[str, Any],
    cohort: Cohort,
    date: dt.date,
    times: tuple[dt.time, dt.time],
    exclude: int | None,
) -> None:
    others = cohort.sessions.filter(
        date=date, start_time__lt=times[1], end_time__gt=times[0]
    ).exclude(pk=exclude)
    other = others.order_by("start_time").first()
    if other is not None:
        errors["start_time"] = ValidationError(
            SESSION_OVERLAP,
            params={
                "title": other.title,
                "start": f"{other.start_time:%H:%M}",
                "end": f"{other.end_time:%H:%M}",
            },
        )


def _validate_session(
    *,
    cohort: Cohort,
    title: str,
    date: dt.date,
    jp: Decimal,
    subject: Subject | None,
    start_time: dt.time | None,
    end_time: dt.time | None,
    facilitator: Employee | None = None,
    facilitator_name: str = "",
    facilitator_role: str = "",
    exclude: int | None = None,
) -> None:
    ensure_not_cancelled(cohort)
    errors: dict[str, Any] = {}
    if facilitator is not None and facilitator_name.strip():
        errors["facilitator_name"] = ONE_FACILITATOR
    elif (facilitator is not None or facilitator_name.strip()) and not facilitator_role:
        errors["facilitator_role"] = FACILITATOR_ROLE_REQUIRED
    if not title.strip():
        errors["title"] = NAME_REQUIRED
    if not cohort.start_date <= date <= cohort.end_date:
        errors["date"] = ValidationError(
            SESSION_OUTSIDE_COHORT,
            params={
                "start": cohort.start_date.strftime("%d-%m-%Y"),
                "end": cohort.end_date.strftime("%d-%m-%Y"),
            },
        )
    try:
        validate_jp(jp)
    except ValidationError as exc:
        errors.update(exc.error_dict)
    if subject is not None and subject.program_id != cohort.program_id:
        errors["subject"] = SUBJECT_OTHER_PROGRAM
    if start_time and end_time:
        check_session_times(errors, jp, start_time, end_time)
        if "end_time" not in errors:
            _check_overlap(errors, cohort, date, (start_time, end_time), exclude)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def session_create(
    *,
    actor: Any,
    cohort: Cohort,
    title: str,
    date: dt.date,
    jp: Decimal,
    subject: Subject | None = None,
    start_time: dt.time | None = None,
    end_time: dt.time | None = None,
    facilitator: Employee | None = None,
    facilitator_name: str = "",
    facilitator_role: str = "",
) -> Session:
    """Schedule a session of `cohort` on a day within the cohort's dates."""
    people = {
        "facilitator": facilitator,
        "facilitator_name": facilitator_name,
        "facilitator_role": facilitator_role,
    }
    _validate_session(
        cohort=cohort,
        title=title,
        date=date,
        jp=jp,
        subject=subject,
        start_time=start_time,
        end_time=end_time,
        **people,
    )
    session = Session.objects.create(
        cohort=cohort,
        title=title.strip(),
        date=date,
        jp=jp,
        subject=subject,
        start_time=start_time,
        end_time=end_time,
        facilitator=facilitator,
        facilitator_name=facilitator_name.strip(),
        facilitator_role=facilitator_role if (facilitator or facilitator_name.strip()) else "",
    )
    audit_record(
        actor=actor,
        action="session.create",
        obj=session,
        org_path=cohort.program.owner.path,
        changes={k: [None, v] for k, v in snapshot(session, _SESSION_FIELDS).items()},
    )
    return session


@transaction.atomic
def session_update(
    *,
    actor: Any,
    session: Session,
    title: str,
    date: dt.date,
    jp: Decimal,
    subject: Subject | None = None,
    start_time: dt.time | None = None,
    end_time: dt.time | None = None,
    facilitator: Employee | None = None,
    facilitator_name: str = "",
    facilitator_role: str = "",
) -> Session:
    """Move, retitle, re-weigh or re-staff a session (attendance already recorded stays)."""
    _validate_session(
        cohort=session.cohort,
        title=title,
        date=date,
        jp=jp,
        subject=subject,
        start_time=start_time,
        end_time=end_time,
        facilitator=facilitator,
        facilitator_name=facilitator_name,
        facilitator_role=facilitator_role,
        exclude=session.pk,
    )
    before = snapshot(session, _SESSION_FIELDS)
    session.title, session.date, session.jp, session.subject = title.strip(), date, jp, subject
    session.start_time, session.end_time = start_time, end_time
    session.facilitator, session.facilitator_name = facilitator, facilitator_name.strip()
    session.facilitator_role = facilitator_role if (facilitator or session.facilitator_name) else ""
    session.save()
    if (before["date"], before["jp"]) != (session.date, session.jp):
        jp_refresh_session(session)  # what its attendees earned moved or changed
    if before["jp"] != session.jp:
        participation_refresh(cohort_ids=[session.cohort_id])  # the JP its attendees earned
    audit_record(
        actor=actor,
        action="session.update",
        obj=session,
        org_path=session.cohort.program.owner.path,
        changes=model_changes(before, snapshot(session, _SESSION_FIELDS)),
    )
    return session


@transaction.atomic
def session_delete(*, actor: Any, session: Session) -> None:
    """Remove a session that nobody attended; recorded attendance is evidence and is kept."""
    attended = session.attendances.count()
    if attended:
        raise ValidationError(SESSION_HAS_ATTENDANCE, params={"count": attended})
    audit_record(
        actor=actor,
        action="session.delete",
        obj=session,
        org_path=session.cohort.program.owner.path,
        changes={k: [v, None] for k, v in snapshot(session, _SESSION_FIELDS).items()},
    )
    session.delete()
