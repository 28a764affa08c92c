"""The leader's one screen: a verdict card per program on the dashboard, and a one-page
program summary between the dashboard and the statistics page."""

from django.urls import reverse

from sieva.dashboard.services.summaries import program_summary_refresh


def test_the_dashboard_shows_each_programs_verdict_money_and_decision(client, lina, rated):
    summary = program_summary_refresh(actor=None, program=rated.training, period="2026")
    assert summary.verdict in {"efektif", "belum_terbukti", "perlu_perbaikan"}
    assert summary.decision["id"] and summary.decision["en"]
    client.force_login(lina)
    page = client.get(reverse("dashboard:dashboard"), {"year": 2026}).content.decode()
    assert "Putusan per program 2026" in page
    assert "Rp 10.500.000 terpakai dari Rp 12.000.000" in page  # planned vs spent, in rupiah
    assert summary.decision["id"] in page


def test_the_program_page_states_verdict_decision_and_the_figures_behind(client, lina, rated):
    summary = program_summary_refresh(actor=None, program=rated.training, period="2026")
    client.force_login(lina)
    url = reverse("dashboard:program", args=[rated.training.pk])
    page = client.get(url, {"year": 2026}).content.decode()
    assert "Keputusan yang diminta" in page and summary.decision["id"] in page
    assert "terpakai dari rencana Rp 12.000.000" in page
    assert "50,0 %" in page  # participation, 3 of 6
    assert f"/evaluasi/?program={rated.training.pk}&amp;year=2026" in page
    client.cookies["django_language"] = "en"
    english = client.get(url, {"year": 2026}).content.decode()
    assert summary.decision["en"] in english


def test_palembangs_admin_cannot_open_a_medan_program_page(client, bob, rated):
    client.force_login(bob)
    response = client.get(reverse("dashboard:program", args=[rated.training.pk]))
    assert response.status_code == 404
