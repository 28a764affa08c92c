"""Recommendation pages and threshold settings: scoped, and writes only for those allowed."""

from django.urls import reverse

from sieva.audit.models import AuditEvent
from sieva.evaluation.models import ThresholdOverride
from sieva.recommendations.models import RecommendationStatus


def test_the_list_shows_recommendations_in_scope_with_filters(client, alice, bob, saved):
    client.force_login(alice)
    page = client.get(reverse("recommendations:list"))
    assert page.status_code == 200 and saved[0].text in page.content.decode()
    filtered = client.get(reverse("recommendations:list"), {"status": "dilaksanakan"})
    assert saved[0].text not in filtered.content.decode()
    client.force_login(bob)
    assert saved[0].text not in client.get(reverse("recommendations:list")).content.decode()


def test_an_organiser_moves_the_status_from_the_detail_page(client, olga, saved):
    client.force_login(olga)
    url = reverse("recommendations:advance", args=[saved[0].pk])
    response = client.post(url, {"to": "diterima"})
    assert response.status_code == 302
    saved[0].refresh_from_db()
    assert saved[0].status == RecommendationStatus.ACCEPTED
    detail = client.get(reverse("recommendations:detail", args=[saved[0].pk]))
    assert "Dilaksanakan" in detail.content.decode()  # the next step is offered


def test_a_leader_reads_but_cannot_move_the_status(client, lina, saved):
    client.force_login(lina)
    assert client.get(reverse("recommendations:detail", args=[saved[0].pk])).status_code == 200
    url = reverse("recommendations:advance", args=[saved[0].pk])
    assert client.post(url, {"to": "diterima"}).status_code == 403


def test_another_regions_admin_gets_404(client, bob, saved, world):
    client.force_login(bob)
    assert client.get(reverse("recommendations:detail", args=[saved[0].pk])).status_code == 404
    url = reverse("evaluation:threshold_node", args=[world.medan.pk])
    assert client.post(url, {"min_alpha": "0.5"}).status_code == 404
    assert not ThresholdOverride.objects.exists()


def test_an_admin_sets_a_threshold_for_a_node(client, alice, world):
    client.force_login(alice)
    url = reverse("evaluation:threshold_node", args=[world.medan.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"min_alpha": "0.6"})
    assert response.status_code == 302
    assert ThresholdOverride.objects.get(scope=world.medan, key="min_alpha").value == 0.6
    assert AuditEvent.objects.filter(action="threshold.set").count() == 1
    listing = client.get(reverse("evaluation:thresholds"))
    assert "Pemerintah Kota Medan" in listing.content.decode()


def test_an_out_of_range_threshold_is_refused_with_a_message(client, alice, world):
    client.force_login(alice)
    url = reverse("evaluation:threshold_node", args=[world.medan.pk])
    response = client.post(url, {"min_alpha": "3"})
    assert response.status_code == 200 and "field-error" in response.content.decode()
    assert not ThresholdOverride.objects.exists()


def test_the_threshold_pages_are_for_admins_only(client, olga, world):
    client.force_login(olga)
    assert client.get(reverse("evaluation:thresholds")).status_code == 403
    url = reverse("evaluation:threshold_node", args=[world.medan.pk])
    assert client.get(url).status_code == 403


def test_picking_a_node_leads_to_its_settings(client, alice, world):
    client.force_login(alice)
    response = client.get(reverse("evaluation:thresholds"), {"node": world.medan.pk})
    assert response.url == reverse("evaluation:threshold_node", args=[world.medan.pk])
