import pytest
from playwright.sync_api import expect

from tests.e2e.accessibility import assert_accessible
from tests.factories import PASSWORD

pytestmark = pytest.mark.e2e


def _unexpected(message) -> bool:
    """Any console error: a CSP violation, a 404 asset, a script error."""
    return message.type == "error"


def test_an_admin_narrows_the_participation_report_without_a_page_load(
    page, live_server, alice, programs
):
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if _unexpected(message) else None
    )
    page.goto(f"{live_server.url}/akun/login/")
    page.get_by_label("Nama pengguna", exact=False).fill("alice")
    page.get_by_label("Sandi", exact=False).fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.get_by_role("link", name="Partisipasi", exact=True).click()
    expect(page.get_by_role("heading", name="Partisipasi per angkatan")).to_be_visible()
    page.evaluate("window.siteMarker = 1")
    page.get_by_label("Tahun (mulai angkatan)").select_option("2025")
    page.get_by_role("button", name="Tampilkan").click()
    page.wait_for_url("**year=2025**")
    cohorts = page.get_by_role("region", name="Partisipasi per angkatan")
    expect(cohorts.get_by_role("cell", name="Angkatan Lama")).to_be_visible()
    assert cohorts.get_by_role("cell", name="Angkatan I", exact=True).count() == 0
    assert page.evaluate("window.siteMarker") == 1  # swapped in by htmx, not a new page
    assert_accessible(page)  # the watch checked the page as loaded; this is the swapped state
    assert errors == []
