"""Browser journeys: Debian's Chromium driven by Playwright against pytest-django's live server."""

import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(CHROMIUM):
        # Not a skip: the journeys are part of the suite, so a machine without Chromium fails.
        pytest.fail(f"{CHROMIUM} is missing; run `make test` (it installs Debian's chromium).")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture
def login(page, live_server):
    """Sign `username` in through the real login form."""

    def _login(username: str, password: str) -> None:
        page.goto(f"{live_server.url}/akun/login/")
        page.get_by_label("Nama pengguna", exact=False).fill(username)
        page.get_by_label("Sandi", exact=False).fill(password)
        page.get_by_role("button", name="Masuk").click()
        page.wait_for_url(f"{live_server.url}/")

    return _login
