import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD

pytestmark = pytest.mark.e2e


def test_a_user_signs_in_and_sees_the_indonesian_home_page(page, live_server, login, alice):
    login("alice", PASSWORD)
    assert page.locator("html").get_attribute("lang") == "id"
    expect(page.get_by_role("heading", name="Beranda")).to_be_visible()


def test_a_wrong_password_is_refused_with_a_message(page, live_server, alice):
    page.goto(f"{live_server.url}/akun/login/")
    page.get_by_label("Nama pengguna", exact=False).fill("alice")
    page.get_by_label("Sandi", exact=False).fill("salah")
    page.get_by_role("button", name="Masuk").click()
    # expect() waits for the answer page; is_visible() would look before it arrived.
    expect(page.get_by_role("alert").first).to_be_visible()
    assert page.url.startswith(f"{live_server.url}/akun/login/")
