"""Writes on mentoring: the scheme of a cohort, its mentors, pairs, goals and sessions.

Keyword-only, atomic, audited. A ValidationError is keyed by the form field it concerns and
says, in Indonesian, what to change.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.audit.services import audit_record
from sieva.development.models import (
    MentoringGoal,
    MentoringPair,
    MentoringScheme,
    MentoringSession,
    PairStatus,
    SchemeMentor,
    SessionStatus,
)
from sieva.development.selectors.mentoring import active_load, enrolled_mentees
from sieva.org.models import Employee
from sieva.programs.models import Cohort, ProgramKind

NOT_MENTORING = _("Skema mentoring hanya untuk angkatan program mentoring/coaching.")
MENTOR_OUTSIDE = _("Mentor harus pegawai aktif di instansi pemilik program.")
ALREADY_MENTOR = _("%(name)s sudah terdaftar sebagai mentor di skema ini.")
NOT_A_MENTOR = _("%(name)s belum terdaftar sebagai mentor di skema ini.")
MENTOR_FULL = _("%(name)s sudah membimbing %(count)d mentee (kapasitas %(capacity)d).")
NOT_ENROLLED = _("%(name)s bukan peserta terdaftar angkatan ini.")
ALREADY_PAIRED = _("%(name)s sudah memiliki mentor di skema ini.")
SELF_MENTOR = _("Mentor dan mentee tidak boleh orang yang sama.")
MENTOR_HAS_PAIRS = _("%(name)s masih membimbing mentee; akhiri pasangannya dahulu.")
PAIR_CLOSED = _("Pasangan ini sudah tidak aktif.")
DATE_IN_FUTURE = _("Tanggal tidak boleh sesudah hari ini.")
DATE_BEFORE_START = _("Tanggal tidak boleh sebelum pasangan dimulai (%(start)s).")
TITLE_REQUIRED = _("Isi judulnya.")
LEVEL_RANGE = _("Capaian harus salah satu dari −2, −1, 0, +1, +2.")


def _date(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")


@transaction.atomic
def scheme_set(
    *,
    actor: Any,
    cohort: Cohort,
    mentor_capacity: int,
    meeting_interval_weeks: int,
    max_gap_weeks: int,
) -> MentoringScheme:
    """Create or change the mentoring scheme of `cohort` (a mentoring program's cohort)."""
    if cohort.program.kind != ProgramKind.MENTORING:
        raise ValidationError(NOT_MENTORING)
    scheme, created = MentoringScheme.objects.get_or_create(cohort=cohort)
    before = {
        "mentor_capacity": scheme.mentor_capacity,
        "meeting_interval_weeks": scheme.meeting_interval_weeks,
        "max_gap_weeks": scheme.max_gap_weeks,
    }
    scheme.mentor_capacity = mentor_capacity
    scheme.meeting_interval_weeks = meeting_interval_weeks
    scheme.max_gap_weeks = max_gap_weeks
    scheme.full_clean()
    scheme.save()
    audit_record(
        actor=actor,
        action="mentoring.scheme_set",
        obj=scheme,
        org_path=cohort.program.owner.path,
        changes={"created": created, "before": before},
    )
    return scheme


@transaction.atomic
def scheme_mentor_add(
    *,
    actor: Any,
    scheme: MentoringScheme,
    employee: Employee,
    field: str = "",
    capacity: int | None = None,
) -> SchemeMentor:
    """Add `employee` to the scheme's mentors (an active employee of the program's owner)."""
    owner = scheme.cohort.program.owner
    if not employee.is_active or not employee.unit.is_within(owner):
        raise ValidationError({"nip": MENTOR_OUTSIDE})
    if scheme.mentors.filter(employee=employee).exists():
        raise ValidationError({"nip": ALREADY_MENTOR % {"name": employee.name}})
    mentor = SchemeMentor.objects.create(
        scheme=scheme, employee=employee, field=field.strip(), capacity=capacity
    )
    audit_record(
        actor=actor,
        action="mentoring.mentor_add",
        obj=mentor,
        org_path=owner.path,
        changes={"employee": employee.pk, "capacity": capacity},
    )
    return mentor


@transaction.atomic
def scheme_mentor_remove(*, actor: Any, mentor: SchemeMentor) -> None:
    """Take a mentor off the scheme; refused while they still have active pairs."""
    active = MentoringPair.objects.filter(
        scheme=mentor.scheme, mentor=mentor.employee, status=PairStatus.ACTIVE
    )
    if active.exists():
        raise ValidationError(MENTOR_HAS_PAIRS % {"name": mentor.employee.name})
    audit_record(
        actor=actor,
        action="mentoring.mentor_remove",
        obj=mentor,
        org_path=mentor.scheme.cohort.program.owner.path,
    )
    mentor.delete()


@transaction.atomic
def pair_create(
    *,
    actor: Any,
    scheme: MentoringScheme,
    mentor: Employee,
    mentee: Employee,
    started_on: dt.date,
) -> MentoringPair:
    """Pair `mentee` (a participant of the cohort) with `mentor` (a mentor of the scheme who
    still has room)."""
    # Lock the scheme so two organisers pairing at once cannot overfill one mentor.
    MentoringScheme.objects.select_for_update().filter(pk=scheme.pk).first()
    errors: dict[str, Any] = {}
    row = scheme.mentors.filter(employee=mentor).select_related("scheme").first()
    if mentor.pk == mentee.pk:
        errors["mentor"] = SELF_MENTOR
    elif row is None:
        errors["mentor"] = NOT_A_MENTOR % {"name": mentor.name}
    else:
        count = active_load(scheme).get(mentor.pk, 0)
        if count >= row.effective_capacity:
            errors["mentor"] = MENTOR_FULL % {
                "name": mentor.name,
                "count": count,
                "capacity": row.effective_capacity,
            }
    if not enrolled_mentees(scheme.cohort).filter(pk=mentee.pk).exists():
        errors["mentee"] = NOT_ENROLLED % {"name": mentee.name}
    elif MentoringPair.objects.filter(scheme=scheme, mentee=mentee).exists():
        errors["mentee"] = ALREADY_PAIRED % {"name": mentee.name}
    if errors:
        raise ValidationError(errors)
    pair = MentoringPair.objects.create(
        scheme=scheme, mentor=mentor, mentee=mentee, started_on=started_on
    )
    audit_record(
        actor=actor,
        action="mentoring.pair_create",
        obj=pair,
        org_path=scheme.cohort.program.owner.path,
        changes={"mentor": mentor.pk, "mentee": mentee.pk, "started_on": started_on},
    )
    return pair


@transaction.atomic
def pair_close(*, actor: Any, pair: MentoringPair, status: str, ended_on: dt.date) -> MentoringPair:
    """End (completed) or stop (broken off) an active pair."""
    if pair.status != PairStatus.ACTIVE:
        raise ValidationError(PAIR_CLOSED)
    if ended_on < pair.started_on:
        raise ValidationError({"ended_on": DATE_BEFORE_START % {"start": _date(pair.started_on)}})
    pair.status, pair.ended_on = PairStatus(status), ended_on
    pair.save(update_fields=["status", "ended_on"])
    audit_record(
        actor=actor,
        action="mentoring.pair_close",
        obj=pair,
        org_path=pair.scheme.cohort.program.owner.path,
        changes={"status": status, "ended_on": ended_on},
    )
    return pair


@transaction.atomic
def goal_add(
    *, actor: Any, pair: MentoringPair, title: str, expected: str, weight: int = 1
) -> MentoringGoal:
    if pair.status != PairStatus.ACTIVE:
        raise ValidationError(PAIR_CLOSED)
    if not title.strip():
        raise ValidationError({"title": TITLE_REQUIRED})
    goal = MentoringGoal(pair=pair, title=title.strip(), expected=expected.strip(), weight=weight)
    goal.full_clean()
    goal.save()
    audit_record(
        actor=actor,
        action="mentoring.goal_add",
        obj=goal,
        org_path=pair.scheme.cohort.program.owner.path,
        changes={"pair": pair.pk, "weight": weight},
    )
    return goal


@transaction.atomic
def goal_score(*, actor: Any, goal: MentoringGoal, level: int) -> MentoringGoal:
    """Score the goal −2…+2 (Goal Attainment Scaling); a later score replaces the earlier."""
    if level not in (-2, -1, 0, 1, 2):
        raise ValidationError({"level": LEVEL_RANGE})
    before = goal.level
    goal.level, goal.scored_at = level, timezone.now()
    goal.scored_by = actor if getattr(actor, "is_authenticated", False) else None
    goal.save(update_fields=["level", "scored_at", "scored_by"])
    audit_record(
        actor=actor,
        action="mentoring.goal_score",
        obj=goal,
        org_path=goal.pair.scheme.cohort.program.owner.path,
        changes={"level": [before, level]},
    )
    return goal


@transaction.atomic
def session_log(
    *,
    actor: Any,
    pair: MentoringPair,
    date: dt.date,
    topic: str,
    duration_minutes: int = 60,
    mode: str = "tatap_muka",
    agreed_actions: str = "",
    status: str = SessionStatus.HELD,
    by_mentor: bool = True,
    today: dt.date | None = None,
) -> MentoringSession:
    """Log a meeting (or one that did not happen) of an active pair, by either side."""
    today = today or timezone.localdate()
    errors: dict[str, Any] = {}
    if pair.status != PairStatus.ACTIVE:
        raise ValidationError(PAIR_CLOSED)
    if date > today:
        errors["date"] = DATE_IN_FUTURE
    elif date < pair.started_on:
        errors["date"] = DATE_BEFORE_START % {"start": _date(pair.started_on)}
    if not topic.strip():
        errors["topic"] = TITLE_REQUIRED
    if errors:
        raise ValidationError(errors)
    session = MentoringSession(
        pair=pair,
        date=date,
        duration_minutes=duration_minutes if status == SessionStatus.HELD else 0,
        mode=mode,
        topic=topic.strip(),
        agreed_actions=agreed_actions.strip(),
        status=status,
        logged_by=actor if getattr(actor, "is_authenticated", False) else None,
        logged_by_mentor=by_mentor,
    )
    session.full_clean()
    session.save()
    audit_record(
        actor=actor,
        action="mentoring.session_log",
        obj=session,
        org_path=pair.scheme.cohort.program.owner.path,
        changes={"pair": pair.pk, "date": date, "status": status, "by_mentor": by_mentor},
    )
    return session
