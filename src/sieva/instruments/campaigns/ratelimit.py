"""A light per-IP limit on link submissions, counted in Django's cache (fixed windows).

Tokens carry 192 random bits, so guessing is hopeless anyway; the limit only keeps a script
from hammering the form. With the default per-process cache each server counts on its own;
production should point CACHES at a shared backend.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

DEFAULT_LIMIT = 30
DEFAULT_WINDOW_SECONDS = 600


def allow(request: HttpRequest, scope: str = "respond") -> bool:
    """Count one attempt from the request's IP; False once over the limit in this window."""
    limit = int(getattr(settings, "SIEVA_RESPOND_RATE_LIMIT", DEFAULT_LIMIT))
    window = int(getattr(settings, "SIEVA_RESPOND_RATE_WINDOW", DEFAULT_WINDOW_SECONDS))
    # REMOTE_ADDR only: X-Forwarded-For is client-controlled unless a trusted proxy sets it.
    ip = hashlib.sha256(str(request.META.get("REMOTE_ADDR", "")).encode()).hexdigest()[:24]
    key = f"{scope}-rate:{ip}:{int(time.time() // window)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit
