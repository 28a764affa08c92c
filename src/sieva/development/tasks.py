"""The daily reminders as a django-tasks task run by the worker (`sieva db_worker`).

Like the evaluation schedule (`sieva evaluate_due`, `sieva.dashboard.tasks`), the work itself
is idempotent and can be triggered by cron (`sieva send_reminders`). Where the task backend
can defer (django-tasks-db), each run also queues the next one for 07:00 WIB the following
day, so a running worker keeps the reminders going on its own; `sieva schedule_reminders`
queues the first run (`make run` does it before starting the worker).
"""

import datetime as dt

from django.utils import timezone
from django_tasks import default_task_backend, task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from sieva.development.services.notifications import reminders_send

RUN_AT = dt.time(7, 0)  # WIB, before the working day


def next_run(now: dt.datetime) -> dt.datetime:
    """07:00 WIB of the next day on which it has not yet passed."""
    local = timezone.localtime(now)
    at = local.replace(hour=RUN_AT.hour, minute=RUN_AT.minute, second=0, microsecond=0)
    return at if at > local else at + dt.timedelta(days=1)


def schedule_next(now: dt.datetime | None = None) -> bool:
    """Queue the next run unless one is already waiting; False when the backend cannot
    defer (the immediate backend of the tests) or a run is already queued."""
    if not default_task_backend.supports_defer:
        return False
    queued = DBTaskResult.objects.filter(
        task_path=send_reminders.module_path,
        status=TaskResultStatus.READY,
    ).exists()
    if queued:
        return False
    send_reminders.using(run_after=next_run(now or timezone.now())).enqueue()
    return True


@task()
def send_reminders(today: str = "") -> int:
    """Notify everything newly waiting (as of `today`, ISO date; default the local date) and
    queue tomorrow's run; the number of notifications created."""
    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    created = reminders_send(today=day).created
    schedule_next()
    return created
