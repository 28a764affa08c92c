"""Background runs of the schedule (django-tasks: a periodic `sieva evaluate_due` from cron,
or this task enqueued by whatever scheduler the site runs)."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from sieva.core import jobs
from sieva.dashboard.services.schedule import evaluate_due
from sieva.dashboard.services.summaries import year_refresh
from sieva.org.access import user_access


@task()
def run_due_evaluations(today: str = "") -> int:
    """Run the due schedules as of `today` (ISO date; default the local date); the number
    of runs made."""
    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    return len(evaluate_due(today=day))


REFRESH_KIND = "dashboard.refresh_year"


def refresh_key(user_id: int, year: int) -> str:
    """The lease of one user's recomputation of one year (the dashboard asks after it)."""
    return f"{user_id}:{year}"


@task()
def refresh_year(user_id: int, year: int) -> int:
    """Recompute `year`'s summaries in the subtree of user `user_id` (who asked for it), all
    or nothing: a worker that dies midway leaves the previous summaries as they were."""
    user = get_user_model().objects.get(pk=user_id)
    access = user_access(user)
    if access is None:
        return 0
    with jobs.leased(REFRESH_KIND, refresh_key(user_id, year)), transaction.atomic():
        return year_refresh(actor=user, year=year, access=access)
