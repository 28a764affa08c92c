"""A deactivated unit's public SKM link says the unit no longer collects answers and stores
nothing, whatever is posted to it (decision 0050)."""

import pytest
from django.urls import reverse

from sieva.satisfaction.models import SkmResponse
from tests.satisfaction.conftest import answers_form

pytestmark = pytest.mark.django_db


def test_the_form_of_an_inactive_unit_says_it_no_longer_collects_answers(client, link):
    link.unit.active = False
    link.unit.save()
    url = reverse("satisfaction:public_form", kwargs={"token": link.token})
    shown = client.get(url)
    assert shown.status_code == 410
    body = shown.content.decode()
    assert "Puskesmas Padang Bulan tidak lagi mengumpulkan jawaban" in body
    assert 'type="radio"' not in body
    posted = client.post(url, answers_form(4))
    assert posted.status_code == 410
    assert not SkmResponse.objects.exists()


def test_the_form_comes_back_when_the_unit_is_reactivated(client, link):
    link.unit.active = False
    link.unit.save()
    link.unit.active = True
    link.unit.save()
    url = reverse("satisfaction:public_form", kwargs={"token": link.token})
    assert client.get(url).status_code == 200
