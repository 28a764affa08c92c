from unittest import mock

import pytest
from django.urls import reverse

from sieva.satisfaction.elements import ELEMENTS, Source
from sieva.satisfaction.models import SkmAggregate, SkmResponse, SkmUnitPeriod
from tests.satisfaction.conftest import answers_form

pytestmark = pytest.mark.django_db


def _url(link, **query):
    url = reverse("satisfaction:public_form", kwargs={"token": link.token})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_a_citizen_sees_the_nine_official_questions_without_logging_in(client, link):
    response = client.get(_url(link))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Puskesmas Padang Bulan" in body
    assert body.count('type="radio"') == 9 * 4
    assert "Sangat sopan dan ramah" in body and "Dikelola dengan baik" in body
    assert "htmx" not in body  # the light public page carries no scripts
    assert "csrfmiddlewaretoken" in body


def test_a_submission_is_stored_with_its_aggregates_and_thanks_the_citizen(client, link):
    data = answers_form(3, waktu=2, gender="P", age_band="30-39", service="Pemeriksaan umum")
    response = client.post(_url(link), data)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "satisfaction:public_thanks", kwargs={"token": link.token}
    )
    stored = SkmResponse.objects.get()
    assert (stored.waktu, stored.sarana, stored.gender, stored.source) == (2, 3, "P", Source.WEB)
    assert str(stored.period) == "2026-05-01"
    waktu = SkmAggregate.objects.get(element="waktu")
    assert (waktu.count, waktu.total, waktu.total_sq, waktu.n2) == (1, 2, 4, 1)
    assert SkmAggregate.objects.count() == 9
    assert SkmUnitPeriod.objects.get().respondents == 1
    assert "Terima kasih" in client.get(response["Location"]).content.decode()


def test_a_response_through_the_qr_code_is_marked_as_such(client, link):
    client.post(_url(link, s="qr"), answers_form(4))
    assert SkmResponse.objects.get().source == Source.QR


def test_a_missing_answer_is_named_in_indonesian_and_nothing_is_stored(client, link):
    data = answers_form(4)
    del data["biaya"]
    data["sarana"] = "5"
    response = client.post(_url(link), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Pilih salah satu jawaban untuk unsur ini." in body
    assert "Pilih salah satu dari empat jawaban yang tersedia." in body
    assert 'id="id_biaya_error"' in body and 'id="id_sarana_error"' in body
    assert SkmResponse.objects.count() == 0 and SkmAggregate.objects.count() == 0


def test_a_failure_while_folding_aggregates_leaves_no_half_stored_response(client, link):
    with (
        mock.patch(
            "sieva.satisfaction.services.submission.tally_fold", side_effect=RuntimeError("disk")
        ),
        pytest.raises(RuntimeError),
    ):
        client.post(_url(link), answers_form(4))
    assert SkmResponse.objects.count() == 0


def test_the_same_browser_cannot_answer_twice_for_a_unit_on_one_day(client, link):
    assert client.post(_url(link), answers_form(4)).status_code == 302
    response = client.post(_url(link), answers_form(2))
    assert response.status_code == 409
    assert "sudah mengisi survei ini" in response.content.decode()
    assert SkmResponse.objects.count() == 1
    assert "sudah mengisi" in client.get(_url(link)).content.decode()


def test_identical_answers_from_one_device_within_minutes_are_refused_even_without_the_cookie(
    client, link
):
    client.post(_url(link), answers_form(3, gender="L"))
    client.cookies.clear()
    response = client.post(_url(link), answers_form(3, gender="L"))
    assert response.status_code == 409
    assert "tidak dihitung dua kali" in response.content.decode()
    assert SkmResponse.objects.count() == 1
    client.cookies.clear()
    assert client.post(_url(link), answers_form(2, gender="L")).status_code == 302


def test_too_many_submissions_to_one_unit_from_one_address_get_a_clear_429(client, link, settings):
    settings.SIEVA_SKM_RATE_LIMIT = 3
    settings.SIEVA_SKM_DEVICE_BURST_LIMIT = 10  # the hard limit alone (bursts: decision 0055)
    for value in (1, 2, 3):
        client.cookies.clear()
        assert client.post(_url(link), answers_form(value)).status_code == 302
    client.cookies.clear()
    response = client.post(_url(link), answers_form(4))
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Terlalu banyak pengiriman" in response.content.decode()
    assert SkmResponse.objects.count() == 3


def test_an_unknown_or_disabled_link_is_404(client, link):
    from sieva.satisfaction.views.public import link_memo_clear

    assert client.get("/skm/isi/tidakada/").status_code == 404
    assert client.get(_url(link)).status_code == 200
    link.is_active = False
    link.save()
    # A submission reads the database: refused at once, even while the form is memoised.
    assert client.post(_url(link), answers_form(4)).status_code == 404
    link_memo_clear()  # the memo's 30 seconds have passed
    assert client.get(_url(link)).status_code == 404


def test_the_public_form_keeps_csrf_protection(link):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(_url(link), answers_form(4))
    assert response.status_code == 403
    assert SkmResponse.objects.count() == 0


def test_every_element_is_stored_by_its_code(client, link):
    data = {code: str(1 + i % 4) for i, code in enumerate(ELEMENTS)}
    client.post(_url(link), data)
    stored = SkmResponse.objects.get()
    assert [getattr(stored, code) for code in ELEMENTS] == [1 + i % 4 for i in range(9)]
