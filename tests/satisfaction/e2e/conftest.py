import pytest

from tests.e2e.conftest import browser_type_launch_args  # noqa: F401 - Debian's Chromium


@pytest.fixture(autouse=True)
def _may_2026():
    """The browser runs on real time: a frozen clock would stall the live server's timers."""
    yield
