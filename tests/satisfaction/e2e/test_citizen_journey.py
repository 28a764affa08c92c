import pytest
from playwright.sync_api import expect

from sieva.analysis.indices.ikm import STANDARD_ELEMENTS
from sieva.satisfaction.models import SkmLink
from sieva.satisfaction.services.submission import skm_response_submit
from tests.factories import PASSWORD

pytestmark = pytest.mark.e2e


def test_a_citizen_answers_the_skm_on_a_phone_and_the_dashboard_counts_it(
    new_context, page, live_server, alice, world
):
    unit = world.medan_puskesmas
    link = SkmLink.objects.create(unit=unit, token="e2e-medan-01")
    for device in range(5):
        answers = dict.fromkeys(STANDARD_ELEMENTS, 3)
        skm_response_submit(unit=unit, answers=answers, profile={}, fingerprint=f"d{device}")

    phone = new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    citizen = phone.new_page()
    errors = []
    citizen.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    citizen.goto(f"{live_server.url}/skm/isi/{link.token}/?s=qr")
    expect(citizen.get_by_text("Puskesmas Padang Bulan").first).to_be_visible()
    width = citizen.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # no sideways scrolling on a phone
    citizen.get_by_role("button", name="Kirim jawaban").click()
    expect(citizen.get_by_role("alert").first).to_be_visible()  # nothing chosen yet: errors shown
    for group in citizen.locator("fieldset.skm-q").all():
        group.locator("label.skm-answer").nth(3).click()
    citizen.get_by_label("Jenis kelamin").select_option("P")
    citizen.get_by_role("button", name="Kirim jawaban").click()
    citizen.wait_for_url("**/terima-kasih/")
    expect(citizen.get_by_role("heading", name="Terima kasih!")).to_be_visible()
    assert errors == []
    phone.close()

    staff = page
    staff.goto(f"{live_server.url}/akun/login/")
    staff.get_by_label("Nama pengguna", exact=False).fill(alice.username)
    staff.get_by_label("Sandi", exact=False).fill(PASSWORD)
    staff.get_by_role("button", name="Masuk").click()
    staff.goto(f"{live_server.url}/skm/unit/{unit.pk}/")
    assert staff.locator("#respondents").inner_text() == "6"
