"""Publication and follow-up (issue 9 item 7): the public results page, the hall display,
the staff's rencana tindak lanjut — scoped, audited — and the one formatted figure."""

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from sieva.audit.models import AuditEvent
from sieva.satisfaction import publication
from sieva.satisfaction.elements import ELEMENTS
from sieva.satisfaction.models import SkmFollowUp, SkmResponse
from sieva.satisfaction.periods import parse_period
from sieva.satisfaction.services.follow_ups import follow_up_create, follow_up_update
from sieva.satisfaction.services.submission import skm_response_submit

pytestmark = pytest.mark.django_db
Q2 = parse_period("2026-T2")  # conftest freezes time on 20 May 2026


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def respond(unit, people, *, waktu=2, others=4, start=0):
    """`people` answers: `waktu` (the weak element) and 4 elsewhere, sarana 3."""
    for device in range(start, start + people):
        answers = dict.fromkeys(ELEMENTS, others)
        answers.update(waktu=waktu, sarana=3)
        skm_response_submit(unit=unit, answers=answers, profile={}, fingerprint=f"p{device}")


def record(unit, actor, **overrides):
    values = {
        "period": "2026-T2",
        "element": "waktu",
        "action": "Menambah satu loket pendaftaran pada jam sibuk",
        "owner": "Kepala Tata Usaha",
        "deadline": dt.date(2026, 7, 31),
        "status": "berjalan",
    }
    values.update(overrides)
    return follow_up_create(unit=unit, actor=actor, **values)


def test_results_name_the_weakest_elements_and_their_actions(puskesmas, alice):
    respond(puskesmas, 6)
    action = record(puskesmas, alice)
    results = publication.unit_results(puskesmas, Q2)
    # By hand: NRR 4 for 7 elements, waktu 2, sarana 3 → IKM = (28 + 2 + 3) / 9 = 3.6667,
    # NIK = 3.6667 × 25 = 91.67 (A).
    assert (results.ikm, results.nik, results.grade) == ("3,6667", "91,67", "A")
    assert [e.code for e in results.weakest] == ["waktu", "sarana", "persyaratan"]
    assert results.follow_ups == [action]


def test_a_finished_action_of_an_earlier_period_is_no_longer_published(puskesmas, alice):
    respond(puskesmas, 6)
    record(puskesmas, alice, period="2026-T1", status="selesai", action="Lama, selesai")
    still_open = record(puskesmas, alice, period="2026-T1", status="rencana")
    assert publication.unit_results(puskesmas, Q2).follow_ups == [still_open]


def test_the_public_page_shows_the_figure_the_staff_page_shows(client, puskesmas, link, alice):
    respond(puskesmas, 6)
    record(puskesmas, alice)
    staff = client
    staff.force_login(alice)
    url = reverse("satisfaction:unit_dashboard", kwargs={"pk": puskesmas.pk})
    staff_body = staff.get(url, {"period": "2026-T2"}).content.decode()
    staff.logout()
    body = client.get(reverse("satisfaction:public_results", args=[link.token])).content.decode()
    assert "91,67" in staff_body and "91,67" in body
    assert "3,6667" in staff_body and "3,6667" in body
    assert "Menambah satu loket pendaftaran" in body and "Kepala Tata Usaha" in body


def test_the_public_page_says_not_enough_data_below_five(client, puskesmas, link):
    respond(puskesmas, 4)
    response = client.get(reverse("satisfaction:public_results", args=[link.token]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "belum cukup data" in body
    assert 'id="skm-score"' not in body


def test_public_pages_need_an_active_link_and_a_readable_period(client, puskesmas, link):
    url = reverse("satisfaction:public_results", args=[link.token])
    assert client.get(url, {"periode": "2026-13"}).status_code == 404
    link.is_active = False
    link.save()
    assert client.get(url).status_code == 404
    assert client.get(reverse("satisfaction:hall_display", args=["nope"])).status_code == 404


def test_the_hall_display_refreshes_itself_from_a_static_script(client, puskesmas, link, alice):
    respond(puskesmas, 6)
    record(puskesmas, alice)
    response = client.get(reverse("satisfaction:hall_display", args=[link.token]))
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-refresh="60"' in body and "skm-display.js" in body
    assert "<script>" not in body  # no inline script: the CSP allows only our files
    assert 'id="display-nik">91,67<' in body
    assert "Menambah satu loket pendaftaran" in body


def test_public_results_are_rate_limited(client, puskesmas, link, settings):
    settings.SIEVA_SKM_RESULTS_RATE_LIMIT = 2
    url = reverse("satisfaction:public_results", args=[link.token])
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 429]


def test_a_new_action_shows_at_once_despite_the_cache(
    client, puskesmas, link, alice, django_capture_on_commit_callbacks
):
    respond(puskesmas, 6)
    url = reverse("satisfaction:public_results", args=[link.token])
    assert "Kepala Tata Usaha" not in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        record(puskesmas, alice)
    assert "Kepala Tata Usaha" in client.get(url).content.decode()


def test_the_thank_you_page_links_to_the_results(client, link):
    body = client.get(reverse("satisfaction:public_thanks", args=[link.token])).content.decode()
    assert reverse("satisfaction:public_results", args=[link.token]) in body


def test_an_admin_records_and_changes_an_action_audited(client, puskesmas, alice):
    client.force_login(alice)
    add = reverse("satisfaction:follow_up_add", kwargs={"pk": puskesmas.pk})
    response = client.post(
        add,
        {
            "period": "2026-t2",
            "element": "waktu",
            "action": "Jadwal antrean daring",
            "owner": "Kepala Puskesmas",
            "deadline": "2026-08-15",
            "status": "rencana",
        },
    )
    assert response.status_code == 302
    action = SkmFollowUp.objects.get()
    assert (action.unit, action.period, action.created_by) == (puskesmas, "2026-T2", alice)
    assert AuditEvent.objects.filter(action="skm.follow_up_create").count() == 1
    follow_up_update(follow_up=action, actor=alice, status="selesai")
    event = AuditEvent.objects.get(action="skm.follow_up_update")
    assert event.changes == {"status": ["rencana", "selesai"]}


def test_a_bad_action_is_refused_with_its_field(client, puskesmas, alice):
    client.force_login(alice)
    add = reverse("satisfaction:follow_up_add", kwargs={"pk": puskesmas.pk})
    response = client.post(add, {"period": "kuartal dua", "element": "waktu"})
    assert response.status_code == 400
    assert "Periode kuartal dua tidak dikenal" in response.content.decode()
    assert not SkmFollowUp.objects.exists()


def test_follow_ups_are_scoped_and_only_admins_write(client, puskesmas, alice, bob, evan):
    action = record(puskesmas, alice)
    page = reverse("satisfaction:follow_ups", kwargs={"pk": puskesmas.pk})
    edit = reverse(
        "satisfaction:follow_up_edit", kwargs={"pk": puskesmas.pk, "follow_up_pk": action.pk}
    )
    client.force_login(bob)  # Palembang
    assert client.get(page).status_code == 404
    assert client.post(edit, {"delete": "1"}).status_code == 404
    client.force_login(evan)  # evaluator of Medan: reads, may not write
    body = client.get(page).content.decode()
    assert "Menambah satu loket pendaftaran" in body and "Catat tindak lanjut" not in body
    assert client.post(edit, {"delete": "1"}).status_code == 403
    client.force_login(alice)
    assert client.post(edit, {"delete": "1"}).status_code == 302
    assert not SkmFollowUp.objects.exists()
    assert AuditEvent.objects.filter(action="skm.follow_up_delete").count() == 1


def test_the_unit_pages_lead_to_the_editor_reports_and_public_pages(client, puskesmas, alice):
    respond(puskesmas, 5)
    client.force_login(alice)
    body = client.get(
        reverse("satisfaction:unit_dashboard", kwargs={"pk": puskesmas.pk})
    ).content.decode()
    assert reverse("satisfaction:follow_ups", kwargs={"pk": puskesmas.pk}) in body
    pdf = reverse("reports:skm_download", args=[puskesmas.pk, "pdf"])
    assert re.search(rf'href="{re.escape(pdf)}\?period=[^"]+" download', body)
    link_page = client.get(reverse("satisfaction:unit_link", kwargs={"pk": puskesmas.pk}))
    text = link_page.content.decode()
    assert 'id="results-link"' in text and 'id="display-link"' in text


def test_open_answers_are_summarised_by_element_theme_not_quoted(puskesmas):
    respond(puskesmas, 6)
    texts = [
        "Antrean terlalu lama",
        "mengantre lama sekali",
        "Parkir sempit",
        "Petugas ramah, terima kasih",
        "Toilet kurang bersih",
        "Mantap",
    ]
    for response, text in zip(SkmResponse.objects.order_by("pk"), texts, strict=True):
        response.suggestion = text
        response.save()
    summary = publication.suggestion_summary(puskesmas, Q2)
    names = {str(name): n for name, n in summary.themes}
    assert summary.answers == 6 and not summary.hidden
    assert names["Waktu penyelesaian"] == 2  # "antrean … lama", "mengantre lama"
    assert names["Sarana dan prasarana"] == 2  # parkir; toilet … bersih
    assert names["Perilaku pelaksana"] == 1
    assert summary.other == 1  # "Mantap"


def test_fewer_than_five_open_answers_are_counted_not_summarised(puskesmas):
    respond(puskesmas, 5)
    SkmResponse.objects.filter(pk=SkmResponse.objects.first().pk).update(suggestion="Lama")
    summary = publication.suggestion_summary(puskesmas, Q2)
    assert (summary.answers, summary.themes, summary.hidden) == (1, [], True)
