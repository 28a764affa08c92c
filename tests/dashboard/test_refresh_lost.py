"""The dashboard's "hitung ulang semua" whose worker died: the dashboard says nothing changed
and its button becomes a retry; the recomputation runs all or nothing."""

import datetime as dt

import pytest
from django.utils import timezone

from sieva.core.models import JobLease
from sieva.dashboard.models import ProgramSummary
from sieva.dashboard.services import summaries
from sieva.dashboard.tasks import refresh_year

URL = "/dasbor/"


def _dead_refresh(user, year):
    long_ago = timezone.now() - dt.timedelta(minutes=10)
    JobLease.objects.create(
        kind="dashboard.refresh_year",
        key=f"{user.pk}:{year}",
        worker="host:1",
        started_at=long_ago,
        heartbeat_at=long_ago,
    )


def test_a_dead_recomputation_is_reported_and_retried(client, olga, rated):
    _dead_refresh(olga, 2026)
    client.force_login(olga)
    page = client.get(URL, {"year": 2026}).content.decode()
    assert 'id="refresh-lost"' in page and "tidak ada ringkasan yang berubah" in page
    assert ProgramSummary.objects.count() == 0

    client.post(URL, {"year": "2026"})
    assert ProgramSummary.objects.filter(period="2026").count() == 2
    assert 'id="refresh-lost"' not in client.get(URL, {"year": 2026}).content.decode()


def test_someone_else_s_dead_recomputation_is_not_reported_to_me(client, olga, alice, rated):
    _dead_refresh(alice, 2026)
    client.force_login(olga)
    assert 'id="refresh-lost"' not in client.get(URL, {"year": 2026}).content.decode()


def test_a_recomputation_that_fails_midway_leaves_no_summary_behind(olga, rated, monkeypatch):
    def fail(**kwargs):
        raise RuntimeError("worker gone")

    monkeypatch.setattr(summaries, "nodes_refresh", fail)
    with pytest.raises(RuntimeError):
        refresh_year.call(olga.pk, 2026)
    assert ProgramSummary.objects.count() == 0 and not JobLease.objects.exists()
