"""Personal phones (decision 0055): shared addresses tolerated, bursts held for staff review."""

import pytest
from django.urls import reverse

from sieva.audit.models import AuditEvent
from sieva.satisfaction.models import (
    HeldStatus,
    SkmAggregate,
    SkmHeldResponse,
    SkmResponse,
    SkmUnitPeriod,
)
from tests.satisfaction.conftest import answers_form

pytestmark = pytest.mark.django_db

PHONE_A = "Mozilla/5.0 (Linux; Android 14; SM-A155F)"
PHONE_B = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)"


def _url(link):
    return reverse("satisfaction:public_form", kwargs={"token": link.token})


def _post(client, link, value, agent, address="10.0.0.7"):
    client.cookies.clear()  # a fresh browser each time
    return client.post(_url(link), answers_form(value), HTTP_USER_AGENT=agent, REMOTE_ADDR=address)


def test_many_citizens_behind_one_carrier_address_are_all_counted(client, link):
    # Twelve phones (different browsers) on one carrier address: far above the old 10.
    for i in range(12):
        assert _post(client, link, 1 + i % 4, f"{PHONE_A} build/{i}").status_code == 302
    assert SkmResponse.objects.count() == 12 and SkmHeldResponse.objects.count() == 0


def test_a_fresh_browser_on_the_same_phone_is_held_not_counted_nor_refused(client, link):
    codes = [_post(client, link, value, PHONE_A).status_code for value in (4, 3, 2, 1)]
    assert codes == [302] * 4  # the citizen is thanked each time, never blocked
    assert SkmResponse.objects.count() == 2  # SIEVA_SKM_DEVICE_BURST_LIMIT = 2
    held = SkmHeldResponse.objects.order_by("pk")
    assert [h.answers["waktu"] for h in held] == [2, 1]
    assert {h.reason for h in held} == {
        "perangkat"
    } and SkmUnitPeriod.objects.get().respondents == 2


def test_a_burst_from_one_address_is_held(client, link, settings):
    settings.SIEVA_SKM_ADDRESS_BURST_LIMIT = 3
    for i in range(5):
        _post(client, link, 1 + i % 4, f"{PHONE_B} n{i}")
    assert SkmResponse.objects.count() == 3
    assert list(SkmHeldResponse.objects.values_list("reason", flat=True)) == ["alamat", "alamat"]


def test_other_units_are_not_slowed_by_one_units_burst(client, link, palembang_puskesmas):
    from sieva.satisfaction.models import SkmLink

    other = SkmLink.objects.create(unit=palembang_puskesmas, token="tokenplg0001")
    for value in (4, 3, 2):
        _post(client, link, value, PHONE_A)
    assert _post(client, other, 4, PHONE_A).status_code == 302
    assert SkmResponse.objects.filter(unit=palembang_puskesmas).count() == 1


def _held_burst(client, link):
    for value in (4, 3, 2, 1):
        _post(client, link, value, PHONE_A)
    return list(SkmHeldResponse.objects.order_by("pk"))


def test_staff_accept_held_responses_and_they_join_the_aggregates(client, alice, link):
    held = _held_burst(client, link)
    assert len(held) == 2
    client.force_login(alice)
    dashboard = client.get(reverse("satisfaction:unit_dashboard", kwargs={"pk": link.unit.pk}))
    assert "2 menunggu tinjauan" in dashboard.content.decode()
    url = reverse("satisfaction:held_review", kwargs={"pk": link.unit.pk})
    page = client.get(url).content.decode()
    assert "Banyak kiriman dari satu perangkat" in page
    response = client.post(url, {"ids": [held[0].pk], "decision": "accept"})
    assert response.status_code == 302
    assert SkmResponse.objects.count() == 3
    assert SkmUnitPeriod.objects.get().respondents == 3
    waktu = SkmAggregate.objects.get(element="waktu")
    assert (waktu.count, waktu.total) == (3, 4 + 3 + 2)
    # A second click on the same row (a stale page) counts nothing twice.
    client.post(url, {"ids": [held[0].pk], "decision": "accept"})
    assert SkmResponse.objects.count() == 3
    client.post(url, {"ids": [held[1].pk], "decision": "reject"})
    statuses = list(SkmHeldResponse.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == [HeldStatus.ACCEPTED, HeldStatus.REJECTED]
    assert SkmResponse.objects.count() == 3
    assert "Tidak ada kiriman yang menunggu" in client.get(url).content.decode()
    actions = list(AuditEvent.objects.order_by("pk").values_list("action", flat=True))
    assert actions[-2:] == ["skm.held_accept", "skm.held_reject"]


def test_review_is_scoped_and_needs_a_role_that_edits(client, bob, lina, alice, link):
    held = _held_burst(client, link)
    url = reverse("satisfaction:held_review", kwargs={"pk": link.unit.pk})
    client.force_login(bob)
    assert client.get(url).status_code == 404
    assert client.post(url, {"ids": [held[0].pk], "decision": "accept"}).status_code == 404
    client.force_login(lina)
    assert client.get(url).status_code == 403
    assert SkmResponse.objects.count() == 2


def test_held_ids_of_another_unit_are_ignored(client, alice, link, palembang_puskesmas):
    held = _held_burst(client, link)
    from sieva.satisfaction.services.review import held_responses_decide

    changed = held_responses_decide(
        unit=palembang_puskesmas, ids=[h.pk for h in held], accept=True, actor=alice
    )
    assert changed == 0 and SkmResponse.objects.count() == 2
