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


def _sign_in(page, url, username):
    page.goto(f"{url}/akun/login/")
    page.get_by_label("Nama pengguna", exact=False).fill(username)
    page.get_by_label("Sandi", exact=False).fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()


def test_on_a_phone_the_names_stay_in_view_and_the_grid_starts_on_the_first_screen(
    page, live_server, olga, medan
):
    import datetime as dt

    from tests.factories import SessionFactory

    for n in range(8):
        SessionFactory(cohort=medan.cohort, title=f"Modul {n}", date=dt.date(2026, 3, 4), jp=1)
    page.set_viewport_size({"width": 390, "height": 844})
    _sign_in(page, live_server.url, "olga")
    page.goto(f"{live_server.url}/program/angkatan/{medan.cohort.pk}/kehadiran/")
    name = page.get_by_role("rowheader", name="Ani Rahma")
    before = name.bounding_box()
    cards = page.locator("#funnel").bounding_box()
    grid = page.locator("table.attendance").bounding_box()
    assert cards is not None and cards["height"] < 220  # compact: two short rows of cards
    assert grid is not None and grid["y"] < 844  # the grid starts on the first screen
    assert before is not None
    scrolled = page.locator(".table-wrap").evaluate(
        "el => { el.scrollLeft = 600; return el.scrollLeft }"
    )
    assert scrolled > 100  # the sessions did move sideways
    page.wait_for_timeout(100)
    after = name.bounding_box()
    assert after is not None and abs(after["x"] - before["x"]) < 1  # sticky, not scrolled away
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_delete_asks_first_and_cancelling_keeps_the_session(page, live_server, olga, medan):
    from sieva.programs.models import Session

    _sign_in(page, live_server.url, "olga")
    page.goto(f"{live_server.url}/program/angkatan/{medan.cohort.pk}/")
    asked: list[str] = []

    def dismiss(dialog):
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    row = page.get_by_role("row").filter(has_text="Hari kedua")
    row.get_by_role("link", name="Hapus").click()
    page.wait_for_timeout(200)
    assert asked == ["Yakin hapus sesi “Hari kedua”?"]
    assert Session.objects.filter(pk=medan.s2.pk).exists()
    page.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("link", name="Hapus").click()
    expect(page.get_by_text("Sesi dihapus.")).to_be_visible()
    assert not Session.objects.filter(pk=medan.s2.pk).exists()
