"""Leases of background jobs (`sieva.core.jobs`): held while a job runs, released when it ends,
reaped once unrenewed for the lease time, and each reaped job handed to its kind once."""

import datetime as dt
import time

import pytest
from django.test import override_settings
from django.utils import timezone

from sieva.core import jobs
from sieva.core.models import JobLease

pytestmark = pytest.mark.django_db


@pytest.fixture
def ended():
    calls: list[str] = []
    jobs.register(jobs.JobKind("test.kind", lost=calls.append))
    yield calls
    jobs._KINDS.pop("test.kind")


def test_a_lease_is_held_while_the_job_runs_and_released_even_when_it_raises():
    with jobs.leased("test.kind", 7):
        assert JobLease.objects.filter(kind="test.kind", key="7", lost_at=None).exists()
    assert not JobLease.objects.exists()
    with pytest.raises(RuntimeError), jobs.leased("test.kind", 7):
        raise RuntimeError
    assert not JobLease.objects.exists()


@override_settings(SIEVA_JOB_LEASE_SECONDS=60)
def test_only_a_lease_unrenewed_for_the_whole_lease_time_is_reaped_and_only_once(ended):
    now = timezone.now()
    JobLease.objects.create(
        kind="test.kind",
        key="1",
        worker="w:1",
        started_at=now,
        heartbeat_at=now - dt.timedelta(seconds=61),
    )
    JobLease.objects.create(
        kind="test.kind",
        key="2",
        worker="w:2",
        started_at=now,
        heartbeat_at=now - dt.timedelta(seconds=59),
    )
    assert jobs.reap(now=now) == [("test.kind", "1")]
    assert ended == ["1"]
    assert jobs.lost("test.kind", 1) == now and jobs.lost("test.kind", 2) is None
    assert jobs.reap(now=now) == [] and ended == ["1"]  # a second reaper finds nothing left


def test_a_lost_lease_stays_until_the_job_is_retried_and_a_new_run_replaces_it(ended):
    now = timezone.now()
    JobLease.objects.create(
        kind="test.kind", key="3", worker="w:1", started_at=now, heartbeat_at=now, lost_at=now
    )
    with jobs.leased("test.kind", 3):
        assert jobs.lost("test.kind", 3) is None
    assert not JobLease.objects.exists()


@override_settings(SIEVA_JOB_HEARTBEAT_SECONDS=0.05)
def test_the_heartbeat_renews_the_lease_while_the_job_runs(transactional_db):
    with jobs.leased("test.kind", 4):
        first = JobLease.objects.get().heartbeat_at
        deadline = timezone.now() + dt.timedelta(seconds=10)
        while JobLease.objects.get().heartbeat_at == first and timezone.now() < deadline:
            time.sleep(0.01)
        assert JobLease.objects.get().heartbeat_at > first
