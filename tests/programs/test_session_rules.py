"""Sessions must fit the clock (1 JP = SIEVA_JP_MINUTES), the cohort's dates and each other;
the cohort form reports every mistake at once."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse

from sieva.programs import services
from sieva.programs.models import CohortStatus, Session
from sieva.programs.services.sessions import max_jp
from tests.factories import SessionFactory

pytestmark = pytest.mark.django_db


def _url(name, pk):
    return reverse(f"programs:{name}", kwargs={"pk": pk})


def _session(alice, medan, **overrides):
    data = {
        "title": "Pagi",
        "date": dt.date(2026, 3, 4),
        "jp": Decimal("1"),
        "start_time": dt.time(8, 0),
        "end_time": dt.time(9, 0),
    }
    return services.session_create(actor=alice, cohort=medan.cohort, **{**data, **overrides})


def _errors(exc_info) -> dict:
    return {k: " ".join(v) for k, v in exc_info.value.message_dict.items()}


def test_one_hour_holds_one_jp_not_forty(alice, medan):
    with pytest.raises(ValidationError) as exc:
        _session(alice, medan, jp=Decimal("40"))
    assert "paling banyak 1 JP" in _errors(exc)["jp"]
    assert "08:00–09:00 hanya 60 menit" in _errors(exc)["jp"]
    assert _session(alice, medan).jp == 1


def test_the_limit_moves_in_half_jp_steps_and_follows_the_setting():
    assert max_jp(dt.time(8, 0), dt.time(9, 30)) == 2
    assert max_jp(dt.time(8, 0), dt.time(9, 10)) == Decimal("1.5")
    assert max_jp(dt.time(8, 0), dt.time(8, 20)) == 0
    with override_settings(SIEVA_JP_MINUTES=60):
        assert max_jp(dt.time(8, 0), dt.time(9, 30)) == Decimal("1.5")


def test_a_session_without_times_is_not_limited(alice, medan):
    session = _session(alice, medan, jp=Decimal("8"), start_time=None, end_time=None)
    assert session.jp == 8


def test_overlapping_sessions_of_the_cohort_are_refused_naming_the_other(alice, medan):
    _session(alice, medan, title="Etika pagi")
    with pytest.raises(ValidationError) as exc:
        _session(alice, medan, title="Tumpang", start_time=dt.time(8, 30), end_time=dt.time(9, 15))
    assert "“Etika pagi” (08:00–09:00)" in _errors(exc)["start_time"]
    # Back to back is fine, and so is another day or another cohort.
    _session(alice, medan, title="Lanjut", start_time=dt.time(9, 0), end_time=dt.time(9, 45))
    _session(alice, medan, title="Besok", date=dt.date(2026, 3, 3))
    assert Session.objects.filter(cohort=medan.cohort, date=dt.date(2026, 3, 4)).count() == 2


def test_moving_a_session_does_not_collide_with_itself(alice, medan):
    session = _session(alice, medan)
    services.session_update(
        actor=alice,
        session=session,
        title="Pagi",
        date=session.date,
        jp=Decimal("1"),
        start_time=dt.time(8, 15),
        end_time=dt.time(9, 0),
    )
    session.refresh_from_db()
    assert session.start_time == dt.time(8, 15)


def test_a_session_outside_the_cohort_dates_is_refused(alice, medan):
    with pytest.raises(ValidationError) as exc:
        _session(alice, medan, date=dt.date(2026, 3, 9))
    assert "02-03-2026 dan 04-03-2026" in _errors(exc)["date"]


def test_the_session_form_shows_the_jp_and_time_errors_together(client, olga, medan):
    client.force_login(olga)
    data = {"title": "", "date": "2026-03-04", "start_time": "08:00", "end_time": "09:00"}
    response = client.post(_url("session_create", medan.cohort.pk), {**data, "jp": "40"})
    errors = response.context["form"].errors
    assert "title" in errors and "paling banyak 1 JP" in " ".join(errors["jp"])
    assert not Session.objects.filter(title="").exists()


def test_the_cohort_page_warns_when_sessions_exceed_the_curriculum(client, alice, medan):
    client.force_login(alice)
    url = _url("cohort_detail", medan.cohort.pk)
    assert "melebihi JP kurikulum" not in client.get(url).content.decode()
    SessionFactory(cohort=medan.cohort, title="Tambahan", date=dt.date(2026, 3, 4), jp=2)
    page = client.get(url).content.decode()
    assert "JP sesi terjadwal (14) melebihi JP kurikulum (12)" in page


def test_the_cohort_form_reports_every_mistake_at_once(client, olga, medan):
    client.force_login(olga)
    data = {
        "name": "Angkatan II",
        "start_date": "2026-08-07",
        "end_date": "2026-08-03",
        "capacity": "-5",
        "status": CohortStatus.PLANNED,
    }
    errors = client.post(_url("cohort_create", medan.program.pk), data).context["form"].errors
    assert set(errors) >= {"end_date", "capacity"}
    assert "sebelum tanggal mulai" in " ".join(errors["end_date"])


def test_the_created_message_quotes_the_name(client, olga, medan):
    client.force_login(olga)
    data = {
        "name": "Angkatan QA",
        "start_date": "2026-08-03",
        "end_date": "2026-08-07",
        "capacity": "20",
        "status": CohortStatus.PLANNED,
    }
    page = client.post(_url("cohort_create", medan.program.pk), data, follow=True)
    text = page.content.decode()
    assert "Angkatan “Angkatan QA” dibuat." in text and "Angkatan Angkatan QA dibuat" not in text
