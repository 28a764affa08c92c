"""Journey (issue 9 item 7): a unit admin records a tindak lanjut from the unit's SKM page,
the public results page shows it, and the hall display renders — every page axe-checked."""

import pytest
from playwright.sync_api import expect

from sieva.analysis.indices.ikm import STANDARD_ELEMENTS
from sieva.satisfaction.services.submission import skm_response_submit
from tests.factories import PASSWORD

pytestmark = pytest.mark.e2e


def test_staff_record_an_action_and_citizens_see_it_on_the_results_and_the_hall_screen(
    page, new_context, live_server, login, alice, world
):
    unit = world.medan_puskesmas
    for device in range(6):
        answers = dict.fromkeys(STANDARD_ELEMENTS, 4)
        answers["waktu"] = 2
        skm_response_submit(unit=unit, answers=answers, profile={}, fingerprint=f"e{device}")

    login(alice.username, PASSWORD)
    page.goto(f"{live_server.url}/skm/unit/{unit.pk}/")
    page.get_by_role("link", name="Rencana tindak lanjut").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rencana tindak lanjut SKM")
    # The form offers the weakest element first; the admin writes what will be done.
    expect(page.get_by_label("Unsur")).to_have_value("waktu")
    page.get_by_label("Kegiatan tindak lanjut").fill("Membuka loket tambahan pada jam sibuk")
    page.get_by_label("Penanggung jawab").fill("Kepala Tata Usaha")
    page.get_by_label("Batas waktu").fill("2027-02-28")
    page.get_by_role("button", name="Simpan tindak lanjut").click()
    expect(page.get_by_role("cell", name="Membuka loket tambahan pada jam sibuk")).to_be_visible()

    page.goto(f"{live_server.url}/skm/unit/{unit.pk}/tautan/")
    results_url = page.locator("#results-link").get_attribute("href")
    display_url = page.locator("#display-link").get_attribute("href")

    citizen = new_context().new_page()  # a citizen: not signed in, axe-checked too
    citizen.goto(f"{live_server.url}{results_url}")
    expect(citizen.get_by_role("heading", level=1)).to_have_text("Hasil Survei Kepuasan Masyarakat")
    expect(citizen.locator("#skm-score")).to_contain_text("A")
    expect(citizen.get_by_text("Membuka loket tambahan pada jam sibuk")).to_be_visible()
    expect(citizen.get_by_text("Kepala Tata Usaha", exact=False)).to_be_visible()

    citizen.goto(f"{live_server.url}{display_url}")
    expect(citizen.locator("#display-nik")).to_be_visible()
    assert int(citizen.locator("body").get_attribute("data-refresh")) > 0
    pause = citizen.get_by_role("button", name="Jeda pembaruan otomatis")
    pause.click()  # the reload can be paused by someone reading up close (WCAG 2.2.1)
    expect(pause).to_have_attribute("aria-pressed", "true")
    expect(citizen.get_by_text("Membuka loket tambahan pada jam sibuk")).to_be_visible()
