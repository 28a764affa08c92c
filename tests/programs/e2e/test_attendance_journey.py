import pytest
from playwright.sync_api import expect

from sieva.programs.models import Attendance
from tests.factories import PASSWORD

pytestmark = pytest.mark.e2e


def test_an_organiser_ticks_attendance_on_a_phone_and_the_rate_follows(
    page, live_server, olga, medan
):
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{live_server.url}/akun/login/")
    page.get_by_label("Nama pengguna", exact=False).fill("olga")
    page.get_by_label("Sandi", exact=False).fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.goto(f"{live_server.url}/program/angkatan/{medan.cohort.pk}/kehadiran/")
    page.evaluate("window.siteMarker = 1")
    rate = page.locator("#participation-rate")
    expect(rate).to_have_text("0,0 %")

    page.get_by_label("Ani Rahma hadir di Hari pertama").check()
    expect(rate).to_have_text("33,3 %")
    assert page.get_by_label("Ani Rahma hadir di Hari pertama").is_checked()
    expect(page.locator("#att-totals td").first).to_have_text("1")
    assert Attendance.objects.filter(enrollment=medan.e_ani).count() == 1

    page.get_by_label("Ani Rahma hadir di Hari pertama").uncheck()
    expect(rate).to_have_text("0,0 %")
    assert not Attendance.objects.exists()
    assert page.evaluate("window.siteMarker") == 1  # updated in place, no page load
    # The grid scrolls inside its wrapper; the page itself never scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert errors == []
