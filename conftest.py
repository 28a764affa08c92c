"""Test-wide set-up that must happen before Django starts."""

import os

# Playwright drives the browser from an event loop; the live server's ORM calls are synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
