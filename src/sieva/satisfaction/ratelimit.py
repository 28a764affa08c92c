"""Per-IP rate limit of public submissions, counted in Django's cache (fixed windows).

Production must use a cache shared by all app servers (e.g. Redis or the database cache);
with the default per-process memory cache each server counts on its own.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

DEFAULT_LIMIT = 10
DEFAULT_WINDOW_SECONDS = 600


def _limits() -> tuple[int, int]:
    limit = int(getattr(settings, "SIEVA_SKM_RATE_LIMIT", DEFAULT_LIMIT))
    window = int(getattr(settings, "SIEVA_SKM_RATE_WINDOW", DEFAULT_WINDOW_SECONDS))
    return limit, window


def client_ip(request: HttpRequest) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is client-controlled unless a trusted proxy sets it.
    return str(request.META.get("REMOTE_ADDR", ""))


def allow_submission(request: HttpRequest) -> bool:
    """Count one submission attempt from the request's IP; False once over the limit."""
    limit, window = _limits()
    ip_hash = hashlib.sha256(client_ip(request).encode()).hexdigest()[:24]
    key = f"skm-rate:{ip_hash}:{int(time.time() // window)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit


def retry_after_seconds() -> int:
    _, window = _limits()
    return int(window - time.time() % window) + 1
