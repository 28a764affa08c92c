from tests.e2e.conftest import browser_type_launch_args  # noqa: F401 - Debian's Chromium
