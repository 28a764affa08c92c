"""Owners find the scheduled reports made for them on their home page."""

import datetime as dt

import pytest

from sieva.dashboard.services.schedule import evaluate_due, schedule_set


@pytest.fixture
def reported(rated, world, alice):
    schedule = schedule_set(
        actor=alice,
        program=rated.training,
        frequency="triwulan",
        owner_unit=world.medan,
        today=dt.date(2026, 6, 15),
    )
    (run,) = evaluate_due(today=dt.date(2026, 7, 1))
    return schedule, run


def test_readers_in_the_owners_scope_see_the_new_report(client, lina, reported):
    _schedule, run = reported
    client.force_login(lina)
    page = client.get("/").content.decode()
    assert "Laporan evaluasi terjadwal untuk Anda" in page
    assert f"/laporan/{run.snapshot_id}/" in page and "2026-Q2" in page
    assert "/dasbor/" in page


def test_another_region_and_participants_do_not(client, bob, pia, reported):
    for user in (bob, pia):
        client.force_login(user)
        page = client.get("/").content.decode()
        assert "Laporan evaluasi terjadwal" not in page


def test_a_report_addressed_to_one_user_goes_to_that_user_only(client, lina, evan, alice, reported):
    schedule, _run = reported
    schedule_set(
        actor=alice,
        program=schedule.program,
        frequency="triwulan",
        owner_unit=schedule.owner_unit,
        owner_user=evan,
        today=dt.date(2026, 7, 2),
    )
    client.force_login(evan)
    assert "Laporan evaluasi terjadwal" in client.get("/").content.decode()
    client.force_login(lina)
    assert "Laporan evaluasi terjadwal" not in client.get("/").content.decode()
