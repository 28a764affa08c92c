"""Issue 3's journey: a participant answers a reaction survey through a personal link, is told
about a missing answer next to the question, sends it, and cannot use the link twice."""

import pytest
from playwright.sync_api import Page, expect

from sieva.instruments.models import Response
from tests.instruments.campaign_setup import links, make_campaign, medan_setting

pytestmark = pytest.mark.e2e
__all__ = ["medan_setting"]


def test_a_participant_answers_through_a_token_link_once(page: Page, live_server, medan_setting):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    campaign = make_campaign(medan_setting)
    person = medan_setting.participants[0]
    link = f"{live_server.url}/instrumen/isi/{links(campaign)[person.pk]}/"

    page.goto(link)
    expect(page.get_by_role("heading", name=campaign.version.instrument.title)).to_be_visible()
    # The "Daring" section shows only once the online mode is chosen (display condition).
    expect(page.get_by_label("Koneksi?")).to_be_hidden()
    page.get_by_role("group", name="Moda").get_by_role("radio", name="Daring").check()
    expect(page.get_by_label("Koneksi?")).to_be_visible()
    page.get_by_role("group", name="Moda").get_by_role("radio", name="Kelas").check()
    expect(page.get_by_label("Koneksi?")).to_be_hidden()
    page.get_by_label("Umur").fill("34")
    page.get_by_role("button", name="Kirim jawaban").click()

    # "Saya puas." was left empty: the message sits next to that question, nothing is stored.
    puas = page.locator("#f-puas-box")
    expect(puas.get_by_role("alert")).to_have_text("Wajib diisi.")
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.get_by_label("Umur")).to_have_value("34")
    assert not Response.objects.exists()

    page.get_by_role("group", name="Saya puas.").get_by_role("radio", name="4 – Setuju").check()
    page.get_by_role("button", name="Kirim jawaban").click()
    expect(page.get_by_role("heading", name="Terima kasih")).to_be_visible()
    response = Response.objects.get()
    assert response.respondent == person and response.campaign == campaign

    page.goto(link)
    expect(page.get_by_text("Tautan ini sudah dipakai pada")).to_be_visible()
    expect(page.get_by_role("button", name="Kirim jawaban")).to_have_count(0)
    assert Response.objects.count() == 1
    # Only script or CSP errors count; 400 and 410 answers are logged by Chromium as well.
    assert [e for e in errors if not e.startswith("Failed to load resource")] == []
