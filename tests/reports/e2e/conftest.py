from tests.e2e.conftest import browser_type_launch_args  # noqa: F401 - Debian's Chromium


def login_as(page, live_server, username: str, password: str) -> None:
    """Sign `username` in through the real login form."""
    page.goto(f"{live_server.url}/akun/login/")
    page.get_by_label("Nama pengguna", exact=False).fill(username)
    page.get_by_label("Sandi", exact=False).fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/")
