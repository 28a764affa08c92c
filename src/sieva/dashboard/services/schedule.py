"""The evaluation schedule: set it per program, and run every schedule that is due.

`evaluate_due` is idempotent: a period already run for a schedule (one `ScheduledRun` per
schedule and period) is never evaluated or reported twice, and the due date only moves
forward, so running it twice a day, or after a missed day, gives the same rows.
"""

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from sieva.audit.services import audit_record, model_changes
from sieva.dashboard.models import EvaluationSchedule, ScheduledRun
from sieva.dashboard.periods import advance, next_due_after, period_due_on
from sieva.dashboard.services.summaries import (
    jp_compliance_refresh,
    owner_access,
    program_scope,
    program_summary_refresh,
)
from sieva.org.models import OrgKind, OrgUnit
from sieva.programs.models import Program
from sieva.reports.services import snapshot_create

OWNER_OUTSIDE = _(
    "Unit penerima laporan harus berada di atas atau di bawah instansi pemilik program."
)


def schedule_set(
    *,
    actor: Any,
    program: Program,
    frequency: str,
    owner_unit: OrgUnit,
    owner_user: Any = None,
    next_due: dt.date | None = None,
    active: bool = True,
    today: dt.date,
) -> EvaluationSchedule:
    """Create or change the schedule of `program`; without `next_due`, the first report is
    due the day after the current period ends. ValueError when the owner is unrelated."""
    owner = program.owner
    if not (owner_unit.is_within(owner) or owner.is_within(owner_unit)):
        raise ValueError(str(OWNER_OUTSIDE))
    with transaction.atomic():
        schedule = EvaluationSchedule.objects.select_for_update().filter(program=program).first()
        before = _state(schedule) if schedule else {}
        if schedule is None:
            schedule = EvaluationSchedule(program=program)
        schedule.frequency = frequency
        schedule.owner_unit = owner_unit
        schedule.owner_user = owner_user
        schedule.active = active
        schedule.next_due = next_due or next_due_after(today, frequency)
        schedule.save()
        audit_record(
            actor=actor,
            action="evaluation.schedule_set",
            obj=schedule,
            org_path=owner.path,
            changes=model_changes(before, _state(schedule)),
        )
    return schedule


def _state(schedule: EvaluationSchedule) -> dict[str, Any]:
    return {
        "frequency": schedule.frequency,
        "next_due": schedule.next_due.isoformat(),
        "owner_unit": schedule.owner_unit_id,
        "owner_user": schedule.owner_user_id,
        "active": schedule.active,
    }


def due_schedules(today: dt.date) -> list[EvaluationSchedule]:
    return list(
        EvaluationSchedule.objects.filter(active=True, next_due__lte=today)
        .select_related("program", "program__owner")
        .order_by("next_due", "pk")
    )


def evaluate_due(*, today: dt.date, with_report: bool = True) -> list[ScheduledRun]:
    """Run every due schedule for each period that has come due up to `today`; returns the
    runs made now (none when everything was already done)."""
    made = []
    for schedule in due_schedules(today):
        while schedule.next_due <= today:
            run = _run_once(schedule, with_report=with_report)
            if run is not None:
                made.append(run)
    return made


def _run_once(schedule: EvaluationSchedule, *, with_report: bool) -> ScheduledRun | None:
    period = period_due_on(schedule.next_due, schedule.frequency)
    with transaction.atomic():
        locked = EvaluationSchedule.objects.select_for_update().get(pk=schedule.pk)
        if locked.next_due != schedule.next_due:  # another worker got here first
            schedule.next_due = locked.next_due
            return None
        run = None
        if not ScheduledRun.objects.filter(schedule=locked, period=period).exists():
            program = schedule.program
            summary = program_summary_refresh(actor=None, program=program, period=period)
            agency = program.owner.ancestor_of_kind(OrgKind.AGENCY)
            if agency is not None:  # the dashboard's 20 JP figure for the period's year
                jp_compliance_refresh(unit=agency, year=summary.period_start.year)
            snapshot = _report(program, period) if with_report else None
            run = ScheduledRun.objects.create(
                schedule=locked, period=period, summary=summary, snapshot=snapshot
            )
            audit_record(
                actor=None,
                action="evaluation.scheduled_run",
                obj=run,
                org_path=program.owner.path,
                changes={"period": period, "snapshot": snapshot.pk if snapshot else None},
            )
        locked.next_due = advance(locked.next_due, locked.frequency)
        locked.save(update_fields=["next_due", "updated_at"])
        schedule.next_due = locked.next_due
    return run


def _report(program: Program, period: str) -> Any:
    """The period's report through the report app (in the site's default language)."""
    with translation.override(settings.LANGUAGE_CODE):
        return snapshot_create(
            actor=None,
            access=owner_access(program),
            scope=program_scope(program, period),
            query={"program": program.pk, "period": period},
        )
