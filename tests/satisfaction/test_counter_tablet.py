"""Counter tablets (decision 0055): registered and revoked by staff, one citizen after another."""

import pytest
import time_machine
from django.urls import reverse

from sieva.audit.models import AuditEvent
from sieva.satisfaction.elements import Source
from sieva.satisfaction.models import CounterDevice, SkmHeldResponse, SkmResponse, SkmUnitPeriod
from sieva.satisfaction.services.kiosk import counter_device_from_token, counter_device_register
from tests.satisfaction.conftest import answers_form

pytestmark = pytest.mark.django_db


def _register(client, user, unit, name="Tablet loket 1"):
    client.force_login(user)
    url = reverse("satisfaction:device_register", kwargs={"pk": unit.pk})
    return client.post(url, {"name": name})


def _kiosk_url(response):
    body = response.content.decode()
    start = body.index('id="kiosk-link">') + len('id="kiosk-link">')
    return body[start : body.index("</a>", start)].replace("http://testserver", "")


def test_staff_register_a_tablet_from_the_link_page_and_see_its_address_once(
    client, alice, puskesmas
):
    response = _register(client, alice, puskesmas)
    assert response.status_code == 200
    url = _kiosk_url(response)
    assert url.startswith("/skm/loket/")
    device = CounterDevice.objects.get()
    assert (device.unit, device.name, device.created_by) == (puskesmas, "Tablet loket 1", alice)
    assert url.split("/")[3] not in device.secret_hash  # only a hash of the secret is stored
    page = client.get(reverse("satisfaction:unit_link", kwargs={"pk": puskesmas.pk}))
    body = page.content.decode()
    assert "Tablet loket 1" in body and 'id="kiosk-link"' not in body
    assert AuditEvent.objects.filter(action="skm.kiosk_register").count() == 1


def test_a_tablet_needs_a_name(client, alice, puskesmas):
    response = _register(client, alice, puskesmas, name="  ")
    assert "Beri nama perangkat" in response.content.decode()
    assert CounterDevice.objects.count() == 0


def test_the_tablet_takes_one_citizen_after_another_and_counts_each(client, alice, puskesmas):
    url = _kiosk_url(_register(client, alice, puskesmas))
    client.logout()
    form = client.get(url)
    assert form.status_code == 200 and "Tablet loket" in form.content.decode()
    # Four citizens a minute apart; identical answers are different people here.
    for minute, value in enumerate((4, 3, 4, 4)):
        with time_machine.travel(f"2026-05-20 10:0{minute}:30 +0700", tick=False):
            response = client.post(url, answers_form(value))
            assert response.status_code == 302
            assert client.get(response["Location"]).status_code == 200
    assert SkmResponse.objects.filter(source=Source.KIOSK).count() == 4
    assert SkmUnitPeriod.objects.get().respondents == 4


def test_a_double_tap_on_the_tablet_counts_once(client, alice, puskesmas, settings):
    url = _kiosk_url(_register(client, alice, puskesmas))
    assert client.post(url, answers_form(4)).status_code == 302
    assert client.post(url, answers_form(4)).status_code == 302  # thanked, not counted again
    assert SkmResponse.objects.count() == 1


def test_a_tablet_faster_than_any_counter_is_held_for_review(client, alice, puskesmas, settings):
    settings.SIEVA_SKM_KIOSK_BURST_LIMIT = 2
    url = _kiosk_url(_register(client, alice, puskesmas))
    for value in (1, 2, 3):
        assert client.post(url, answers_form(value)).status_code == 302
    assert SkmResponse.objects.count() == 2
    held = SkmHeldResponse.objects.get()
    assert (held.reason, held.answers["waktu"], held.source) == ("loket", 3, Source.KIOSK)


def test_a_revoked_tablet_stops_at_once_and_is_audited(client, alice, puskesmas):
    url = _kiosk_url(_register(client, alice, puskesmas))
    device = CounterDevice.objects.get()
    revoke = reverse(
        "satisfaction:device_revoke", kwargs={"pk": puskesmas.pk, "device_pk": device.pk}
    )
    assert client.post(revoke).status_code == 302
    device.refresh_from_db()
    assert device.revoked_at is not None and device.revoked_by == alice
    response = client.post(url, answers_form(4))
    assert response.status_code == 404
    assert "tidak dikenal atau sudah dicabut" in response.content.decode()
    assert SkmResponse.objects.count() == 0
    assert AuditEvent.objects.filter(action="skm.kiosk_revoke").count() == 1


def test_a_forged_or_altered_token_opens_nothing(puskesmas, alice):
    device, token = counter_device_register(unit=puskesmas, name="T1", actor=alice)
    assert counter_device_from_token(token) == device
    pk_secret, signature = token.rsplit(":", 1)
    assert counter_device_from_token(f"{pk_secret}x:{signature}") is None
    assert counter_device_from_token(f"{device.pk}.guess:{signature}") is None
    assert counter_device_from_token("nonsense") is None


def test_other_instansi_and_read_only_roles_cannot_manage_tablets(
    client, bob, lina, alice, puskesmas
):
    assert _register(client, bob, puskesmas).status_code == 404
    assert _register(client, lina, puskesmas).status_code == 403
    device, _token = counter_device_register(unit=puskesmas, name="T1", actor=alice)
    revoke = reverse(
        "satisfaction:device_revoke", kwargs={"pk": puskesmas.pk, "device_pk": device.pk}
    )
    client.force_login(bob)
    assert client.post(revoke).status_code == 404
    device.refresh_from_db()
    assert device.active
    client.force_login(lina)  # a leader sees the link page, without the tablet forms
    body = client.get(reverse("satisfaction:unit_link", kwargs={"pk": puskesmas.pk})).content
    assert b"T1" in body and b"device-name" not in body
