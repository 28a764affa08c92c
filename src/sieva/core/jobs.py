"""Background jobs that survive a dead worker: a lease renewed by a heartbeat, and a reaper.

    jobs.register(JobKind("skm.import", lost=skm_import_lost))   # in the app's ready()
    with jobs.leased("skm.import", job.pk):                       # in the task
        ...                                                        # all or nothing

While a job runs, a thread of the worker renews its lease every `SIEVA_JOB_HEARTBEAT_SECONDS`.
A worker killed mid-job (kill -9, out of memory, a machine lost) stops renewing; once the lease
is older than `SIEVA_JOB_LEASE_SECONDS`, `reap` (run by `sieva scheduler` on every check and by
the job pages) marks it lost and calls the kind's `lost` callback, which ends the job as failed
and deletes its upload. The job's own transaction died with the worker, so nothing of it was
stored; the app's page offers a retry. Core knows no domain: apps register their kinds.
Decision 0064.
"""

import logging
import os
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, connections, transaction
from django.utils import timezone

from sieva.core.models import JobLease

__all__ = [
    "JobKind",
    "forget",
    "heartbeat_seconds",
    "lease_seconds",
    "leased",
    "lost",
    "reap",
    "register",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JobKind:
    """`lost(key)` ends the job `key` as failed and deletes its upload; it runs inside the
    reaper's transaction and must only touch a job that is still running."""

    name: str
    lost: Callable[[str], None]


_KINDS: dict[str, JobKind] = {}


def register(kind: JobKind) -> None:
    _KINDS[kind.name] = kind


def heartbeat_seconds() -> float:
    return float(getattr(settings, "SIEVA_JOB_HEARTBEAT_SECONDS", 5))


def lease_seconds() -> float:
    return float(getattr(settings, "SIEVA_JOB_LEASE_SECONDS", 60))


def _worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:120]


@contextmanager
def leased(kind: str, key: object) -> Iterator[None]:
    """Hold the lease of job (`kind`, `key`) while the block runs, renewed by a heartbeat
    thread; released when the block ends, whether it returns or raises."""
    now = timezone.now()
    JobLease.objects.update_or_create(
        kind=kind,
        key=str(key),
        defaults={
            "worker": _worker_name(),
            "started_at": now,
            "heartbeat_at": now,
            "lost_at": None,
        },
    )
    stop = threading.Event()
    beat = threading.Thread(
        target=_beat, args=(kind, str(key), stop), name=f"lease {kind}:{key}", daemon=True
    )
    beat.start()
    try:
        yield
    finally:
        stop.set()
        beat.join()
        JobLease.objects.filter(kind=kind, key=str(key), lost_at__isnull=True).delete()


def _beat(kind: str, key: str, stop: threading.Event) -> None:
    """Renew the lease until `stop`; a failed renewal (a locked SQLite file) is retried at the
    next beat, and only a lease unrenewed for the whole lease time counts as lost."""
    try:
        while not stop.wait(heartbeat_seconds()):
            try:
                JobLease.objects.filter(kind=kind, key=key, lost_at__isnull=True).update(
                    heartbeat_at=timezone.now()
                )
            except DatabaseError:
                log.warning("could not renew the lease of %s:%s", kind, key, exc_info=True)
    finally:
        connections.close_all()  # this thread's own connections


def reap(*, now: datetime | None = None) -> list[tuple[str, str]]:
    """Mark every lease unrenewed for longer than the lease time as lost and let its kind end
    the job; the (kind, key) pairs reaped. Safe to run in several processes at once."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=lease_seconds())
    reaped = []
    for lease in JobLease.objects.filter(heartbeat_at__lt=cutoff, lost_at__isnull=True):
        with transaction.atomic():
            claimed = JobLease.objects.filter(
                pk=lease.pk, heartbeat_at__lt=cutoff, lost_at__isnull=True
            ).update(lost_at=now)
            if not claimed:
                continue  # renewed meanwhile, or another reaper took it
            kind = _KINDS.get(lease.kind)
            if kind is not None:
                kind.lost(lease.key)
        log.warning("job %s:%s lost its worker %s", lease.kind, lease.key, lease.worker)
        reaped.append((lease.kind, lease.key))
    return reaped


def lost(kind: str, key: object) -> datetime | None:
    """When the job's worker was found dead, None when it was not (or it was retried since)."""
    lease = JobLease.objects.filter(kind=kind, key=str(key), lost_at__isnull=False).first()
    return lease.lost_at if lease else None


def forget(kind: str, key: object) -> None:
    """Drop a lost lease (the job is being retried)."""
    JobLease.objects.filter(kind=kind, key=str(key), lost_at__isnull=False).delete()
