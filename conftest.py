"""Test-wide set-up: a development key, plain-HTTP cookies for the live server, fast hashing."""

import os

os.environ.setdefault("SIEVA_ALLOW_DEV_KEY", "1")
os.environ.setdefault("SIEVA_HTTPS", "0")
os.environ.setdefault("SIEVA_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
# Playwright drives the browser from an event loop; the live server's ORM calls are synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
