"""The counter tablet journey (decision 0055): staff register a tablet, then citizen after citizen
answers on it at phone size; a validation error lands on the first unanswered question."""

import re

import pytest
from playwright.sync_api import expect

from sieva.satisfaction.elements import Source
from sieva.satisfaction.models import SkmResponse
from tests.factories import PASSWORD

pytestmark = pytest.mark.e2e


def _answer_all(citizen, option, skip=()):
    for group in citizen.locator("fieldset.skm-q").all():
        if group.get_attribute("id").removesuffix("-q") not in skip:
            group.locator("label.skm-answer").nth(option).click()


def test_a_counter_tablet_takes_one_citizen_after_another(
    new_context, page, live_server, login, alice, world
):
    unit = world.medan_puskesmas
    login(alice.username, PASSWORD)
    page.goto(f"{live_server.url}/skm/unit/{unit.pk}/")
    page.get_by_role("link", name=re.compile("tablet loket")).click()
    page.get_by_label("Nama tablet baru").fill("Tablet loket 1")
    page.get_by_role("button", name="Daftarkan tablet loket").click()
    kiosk_url = page.locator("#kiosk-link").get_attribute("href")
    assert "/skm/loket/" in kiosk_url
    expect(page.get_by_role("row", name=re.compile("Tablet loket 1"))).to_contain_text("Aktif")

    tablet = new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    counter = tablet.new_page()
    counter.goto(kiosk_url)
    expect(counter.get_by_text("Tablet loket: setelah Anda mengirim")).to_be_visible()

    # Citizen 1 forgets question 3: the page opens on it, focused, with its message.
    _answer_all(counter, 3, skip=("waktu",))
    counter.get_by_role("button", name="Kirim jawaban").click()
    counter.wait_for_load_state()
    focused = counter.locator(":focus")
    assert counter.evaluate("document.activeElement.name") == "waktu"
    expect(focused).to_be_in_viewport()
    expect(counter.locator("#id_waktu_error")).to_have_text(
        "Pilih salah satu jawaban untuk unsur ini."
    )
    expect(counter.locator("#persyaratan-q input").nth(3)).to_be_checked()  # answers kept
    counter.locator("#waktu-q label.skm-answer").nth(2).click()
    counter.get_by_role("button", name="Kirim jawaban").click()
    counter.wait_for_url("**/terima-kasih/")
    expect(counter.get_by_role("heading", name="Terima kasih!")).to_be_visible()

    # The tablet resets itself for citizen 2: a blank form, nothing of citizen 1 left.
    counter.wait_for_url(kiosk_url, timeout=15_000)
    expect(counter.locator("input[type=radio]:checked")).to_have_count(0)
    _answer_all(counter, 1)
    counter.get_by_label("Saran dan masukan").fill("Ruang tunggu perlu kipas angin.")
    counter.get_by_role("button", name="Kirim jawaban").click()
    counter.wait_for_url("**/terima-kasih/")
    counter.get_by_role("link", name="Isi untuk warga berikutnya").click()
    counter.wait_for_url(kiosk_url)
    tablet.close()

    stored = list(SkmResponse.objects.filter(unit=unit).order_by("pk"))
    assert [(r.source, r.persyaratan, r.waktu) for r in stored] == [
        (Source.KIOSK, 4, 3),
        (Source.KIOSK, 2, 2),
    ]
    assert stored[1].suggestion == "Ruang tunggu perlu kipas angin."
    page.goto(f"{live_server.url}/skm/unit/{unit.pk}/")
    assert page.locator("#respondents").inner_text() == "2"
