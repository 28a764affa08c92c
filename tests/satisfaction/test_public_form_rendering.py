"""The blank form rendered once per unit and language (decision 0056), saran dan masukan, and the
focus on the first unanswered question."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from sieva.satisfaction.models import SkmResponse
from sieva.satisfaction.views import form_page, public
from tests.satisfaction.conftest import answers_form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_memo():
    form_page.memo_clear()
    yield
    form_page.memo_clear()


def _url(link):
    return reverse("satisfaction:public_form", kwargs={"token": link.token})


def _token(body):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)


def test_every_visitor_gets_a_working_token_of_their_own_from_one_rendering(link, monkeypatch):
    calls = []
    real = form_page.render_to_string
    monkeypatch.setattr(
        form_page, "render_to_string", lambda *a, **k: calls.append(1) or real(*a, **k)
    )
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    body_1 = first.get(_url(link)).content.decode()
    body_2 = second.get(_url(link)).content.decode()
    assert len(calls) == 1  # the second visitor was served from the memo
    assert "__sieva_csrf_token__" not in body_1 + body_2
    token_1, token_2 = _token(body_1), _token(body_2)
    assert token_1 != token_2
    data = {**answers_form(4), "csrfmiddlewaretoken": token_1}
    assert first.post(_url(link), data).status_code == 302
    # Another browser's token is refused: the token is really per visitor.
    data = {**answers_form(3), "csrfmiddlewaretoken": token_1}
    assert second.post(_url(link), data).status_code == 403
    assert SkmResponse.objects.count() == 1


def test_a_renamed_unit_or_another_language_is_a_new_rendering(client, link):
    assert "Puskesmas Padang Bulan" in client.get(_url(link)).content.decode()
    link.unit.name = "Puskesmas Padang Bulan Baru"
    link.unit.save()
    public.link_memo_clear()  # the link memo's 30 seconds have passed
    assert "Puskesmas Padang Bulan Baru" in client.get(_url(link)).content.decode()
    client.cookies["django_language"] = "en"
    assert "How was the service you received?" in client.get(_url(link)).content.decode()


def test_saran_dan_masukan_is_optional_and_stored_with_the_response(client, link):
    body = client.get(_url(link)).content.decode()
    assert "Saran dan masukan" in body and "<textarea" in body
    client.post(_url(link), {**answers_form(4), "suggestion": "  Antrean terlalu panjang.  "})
    assert SkmResponse.objects.get().suggestion == "Antrean terlalu panjang."


def test_a_suggestion_too_long_is_refused_with_its_message(client, link):
    response = client.post(_url(link), {**answers_form(4), "suggestion": "x" * 2001})
    body = response.content.decode()
    assert response.status_code == 200 and "paling banyak 2000" in body
    assert re.search(r"<textarea[^>]*autofocus", body)
    assert SkmResponse.objects.count() == 0


def test_after_an_error_the_first_unanswered_question_has_the_focus(client, link):
    data = answers_form(4)
    del data["waktu"], data["sarana"]  # questions 3 and 8
    body = client.post(_url(link), data).content.decode()
    focused = re.findall(r'<input type="radio"[^>]*autofocus[^>]*>', body)
    assert len(focused) == 1 and 'name="waktu"' in focused[0]
    assert 'aria-describedby="id_waktu_error"' in focused[0]
    assert 'href="#waktu-q"' in body
