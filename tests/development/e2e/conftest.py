"""Reuse the browser set-up of tests/e2e (Debian's Chromium, headless)."""

from tests.e2e.conftest import browser_type_launch_args

__all__ = ["browser_type_launch_args"]
