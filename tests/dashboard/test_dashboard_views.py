"""The leaders' dashboard: scoped, aggregates only, bounded queries; refresh and schedule."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sieva.dashboard.models import EvaluationSchedule, ProgramSummary
from sieva.dashboard.services.summaries import program_summary_refresh, year_refresh
from sieva.recommendations.models import TrackedRecommendation
from tests.factories import CohortFactory, EnrollmentFactory, ProgramFactory

URL = "/dasbor/"


def _recommendation(scope, program, priority, status="diusulkan", text="Sediakan modul daring."):
    return TrackedRecommendation.objects.create(
        scope=scope,
        scope_key=f"program={program.pk}",
        period="2026",
        finding_key=f"participation_below_target:{priority}",
        rule="participation_below_target",
        code=f"t{priority}",
        rules_version="test",
        level="L0",
        statement="Partisipasi rendah.",
        text=text,
        priority=priority,
        severity=2,
        strength="kuat",
        status=status,
    )


def test_the_url_name_is_the_dashboard():
    assert reverse("dashboard:dashboard") == URL


def test_a_leader_sees_key_figures_portfolio_and_recommendations_without_names(client, lina, rated):
    program_summary_refresh(actor=None, program=rated.training, period="2026")
    _recommendation(rated.training.owner, rated.training, 1, text="Tambah modul mandiri Medan.")
    _recommendation(rated.training.owner, rated.training, 2, status="dilaksanakan")
    client.force_login(lina)
    response = client.get(URL, {"year": 2026})
    assert response.status_code == 200
    page = response.content.decode()
    assert "50,0 %" in page  # participation of the scope: 3 of 6 (no other Medan 2026 cohort)
    assert "Pelatihan Pelayanan Prima" in page  # a program: an aggregate, not a person
    assert "Tambah modul mandiri Medan." in page
    assert f"/rekomendasi/{TrackedRecommendation.objects.get(priority=1).pk}/" in page
    assert f"/dasbor/program/{rated.training.pk}/?year=2026" in page  # the one-page summary
    for person in rated.medan_employees:
        assert person.name not in page and person.nip not in page
    assert "Hitung ulang" not in page  # leaders read; they do not recompute
    assert "Seminar Transformasi Digital" in page  # listed as not yet summarised


def test_palembangs_admin_sees_nothing_of_medan(client, bob, rated):
    program_summary_refresh(actor=None, program=rated.training, period="2026")
    _recommendation(rated.training.owner, rated.training, 1, text="Rekomendasi Medan.")
    client.force_login(bob)
    page = client.get(URL, {"year": 2026}).content.decode()
    assert "Medan" not in page and "Pelayanan Prima" not in page
    assert "Pelatihan Kearsipan Sumsel" in page  # control: their own program


def test_a_national_admin_compares_instansi_with_a_funnel_plot(client, nadia, rated):
    year_refresh(actor=None, year=2026)
    client.force_login(nadia)
    page = client.get(URL, {"year": 2026}).content.decode()
    assert "Partisipasi per instansi" in page
    assert "Pemerintah Kota Medan" in page and "Pemerintah Kota Palembang" in page
    assert "<svg" in page and "batas kendali" in page
    # Participation by instansi sums the programs' stored counts: Medan 3 of 6 invited.
    medan_row = page.split("Pemerintah Kota Medan</a></th>")[1].split("</tr>")[0]
    assert ">6<" in medan_row and ">3<" in medan_row and "50,0 %" in medan_row


def test_the_20_jp_compliance_is_read_from_the_stored_counts(client, alice, rated, world):
    from sieva.dashboard.models import JpComplianceSummary

    year_refresh(actor=None, year=2026)
    stored = JpComplianceSummary.objects.get(unit=world.medan, year=2026)
    assert (stored.pns, stored.meeting) == (12, 0)  # e1 has 16 JP: nobody reaches 20
    client.force_login(alice)
    page = client.get(URL, {"year": 2026}).content.decode()
    assert "Pemenuhan 20 JP tahun 2026" in page and "0,0 %" in page


def test_refreshing_every_summary_of_the_year_runs_as_a_task(client, olga, rated):
    client.force_login(olga)
    response = client.post(URL, {"year": "2026"})
    assert response.status_code == 302 and response["Location"] == f"{URL}?year=2026"
    periods = set(ProgramSummary.objects.values_list("program__name", "period"))
    assert periods == {
        ("Pelatihan Pelayanan Prima", "2026"),
        ("Seminar Transformasi Digital", "2026"),
    }


def test_a_node_outside_the_scope_is_refused(client, bob, world, rated):
    client.force_login(bob)
    response = client.get(URL, {"year": 2026, "node": world.medan.pk})
    assert response.status_code == 200
    assert "Medan" not in response.content.decode()
    assert "Filter tidak valid" in response.content.decode()


def test_a_participant_cannot_open_the_dashboard(client, pia):
    client.force_login(pia)
    assert client.get(URL).status_code == 403


def test_the_query_count_does_not_grow_with_programs(client, lina, rated, world):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(URL, {"year": 2026}).status_code == 200
        return len(ctx)

    client.force_login(lina)
    program_summary_refresh(actor=None, program=rated.training, period="2026")
    before = count()
    for n in range(4):
        program = ProgramFactory(owner=world.medan, name=f"Program Tambahan {n}")
        cohort = CohortFactory(program=program, start_date=dt.date(2026, 2, 2))
        EnrollmentFactory(cohort=cohort)
        program_summary_refresh(actor=None, program=program, period="2026")
        _recommendation(world.medan, program, 3)
    assert count() == before
    assert before < 60


def test_an_organiser_recomputes_a_summary_and_returns_to_the_dashboard(client, olga, rated):
    client.force_login(olga)
    url = reverse("dashboard:summary_refresh", kwargs={"pk": rated.seminar.pk})
    back = f"{URL}?year=2026"
    response = client.post(url, {"period": "2026", "next": back})
    assert response.status_code == 302 and response["Location"] == back
    assert ProgramSummary.objects.filter(program=rated.seminar, period="2026").exists()
    page = client.get(back).content.decode()
    assert "Hitung ulang" in page and "Dihitung" in page


def test_a_bad_period_is_refused_and_nothing_is_stored(client, olga, rated):
    client.force_login(olga)
    url = reverse("dashboard:summary_refresh", kwargs={"pk": rated.training.pk})
    response = client.post(url, {"period": "2026-Q9", "next": "https://evil.example/"}, follow=True)
    assert "Periode 2026-Q9 tidak dikenal" in response.content.decode()
    assert response.redirect_chain[-1][0] == URL  # never off-site
    assert not ProgramSummary.objects.exists()


def test_a_leader_cannot_refresh_the_year(client, lina, rated):
    client.force_login(lina)
    assert client.post(URL, {"year": "2026"}).status_code == 403
    assert not ProgramSummary.objects.exists()


@pytest.mark.parametrize("user", ["lina", "bob"])
def test_only_organisers_in_scope_may_recompute(client, request, user, rated):
    client.force_login(request.getfixturevalue(user))
    url = reverse("dashboard:summary_refresh", kwargs={"pk": rated.training.pk})
    assert client.post(url, {"period": "2026"}).status_code == (403 if user == "lina" else 404)
    assert not ProgramSummary.objects.exists()


def test_an_organiser_schedules_a_program(client, olga, rated, world):
    client.force_login(olga)
    url = reverse("dashboard:schedule_edit", kwargs={"pk": rated.training.pk})
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"frequency": "semester", "next_due": "", "owner_unit": world.medan.pk, "active": "on"}
    )
    assert response.status_code == 302
    schedule = EvaluationSchedule.objects.get(program=rated.training)
    assert schedule.next_due == dt.date(2026, 7, 1)  # frozen on 15 June 2026
    page = client.get(reverse("dashboard:schedule_list")).content.decode()
    assert "Setiap semester" in page


def test_a_schedule_addressed_to_an_unrelated_unit_is_refused(client, olga, rated, world):
    client.force_login(olga)
    url = reverse("dashboard:schedule_edit", kwargs={"pk": rated.training.pk})
    # Medan's organiser cannot even pick Palembang: the picker holds her subtree only.
    response = client.post(url, {"frequency": "tahunan", "owner_unit": world.palembang.pk})
    assert response.status_code == 200
    assert not EvaluationSchedule.objects.exists()


def test_a_chart_is_rendered_once_for_the_same_numbers(monkeypatch):
    from sieva.dashboard import charts

    calls = []

    def fake(bars, *, axis_title):
        calls.append(bars)
        return f"<svg>{len(calls)}</svg>"

    fake.__name__ = "bar_chart"
    first = charts._memoised(fake, [("Medan", 40.0)], axis_title="%")
    again = charts._memoised(fake, [("Medan", 40.0)], axis_title="%")
    other = charts._memoised(fake, [("Medan", 41.0)], axis_title="%")
    assert first == again == "<svg>1</svg>" and other == "<svg>2</svg>"
    assert len(calls) == 2
