"""Reports the schedule produced for the signed-in user, for their home page."""

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from sieva.dashboard.models import ScheduledRun
from sieva.org.access import Access, Capability, scope_queryset

RECENT_DAYS = 90
SHOWN = 5


def _paths_up_to(scope_path: str) -> list[str]:
    """The user's scope node and its ancestors, as paths ("/1/", "/1/4/", …)."""
    ids = [part for part in scope_path.strip("/").split("/") if part]
    return ["/" + "/".join(ids[: i + 1]) + "/" for i in range(len(ids))] or ["/"]


def reports_for_owner(access: Access) -> list[ScheduledRun]:
    """The latest scheduled reports addressed to this user: to them by name, or to a unit
    whose subtree holds the user's scope; only reports the user may open (VIEW_REPORTS)."""
    if not access.can(Capability.VIEW_REPORTS):
        return []
    addressed = Q(schedule__owner_user_id=access.user_id) | Q(
        schedule__owner_user__isnull=True,
        schedule__owner_unit__path__in=_paths_up_to(access.scope_path),
    )
    since = timezone.now() - dt.timedelta(days=RECENT_DAYS)
    runs = ScheduledRun.objects.filter(addressed, snapshot__isnull=False, created_at__gte=since)
    runs = scope_queryset(runs, access, "snapshot__owner")
    return list(
        runs.select_related("schedule__program", "snapshot").order_by("-created_at", "-pk")[:SHOWN]
    )
