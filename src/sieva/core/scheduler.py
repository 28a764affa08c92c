"""Periodic tasks: enqueue each task of `settings.SIEVA_PERIODIC_TASKS` once per interval.

The worker runs what is enqueued; this loop only decides *when*. The claim for a period is a
`cache.add` in the shared cache (Redis or the database), so two schedulers on two app servers
never enqueue the same run twice.
"""

import logging
import time
from collections.abc import Callable, Mapping

from django.conf import settings
from django.core.cache import cache
from django.utils.module_loading import import_string

__all__ = ["due_now", "tick"]

log = logging.getLogger(__name__)


def due_now(path: str, interval: int, now: float) -> bool:
    """Claim the current period of `path` (every `interval` seconds); True for the one caller
    that got the claim."""
    period = int(now // interval)
    return bool(cache.add(f"periodic:{path}:{period}", 1, timeout=interval * 2))


def tick(
    tasks: Mapping[str, int] | None = None,
    *,
    now: float | None = None,
    load: Callable[[str], object] = import_string,
) -> list[str]:
    """Enqueue every task that is due; the dotted paths enqueued."""
    tasks = settings.SIEVA_PERIODIC_TASKS if tasks is None else tasks
    now = time.time() if now is None else now
    enqueued = []
    for path, interval in tasks.items():
        if due_now(path, interval, now):
            load(path).enqueue()  # type: ignore[attr-defined]
            enqueued.append(path)
            log.info("enqueued %s", path)
    return enqueued
