"""Rate limits counted in Django's cache, in fixed windows.

The counts live in the `default` cache, which settings make shared by every process (Redis in
production, the database otherwise), so a limit means the same on four workers as on one.
"""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

__all__ = ["RateLimit", "client_ip"]


def client_ip(request: HttpRequest) -> str:
    """The client's address. X-Forwarded-For is client-controlled, so it is read only when the
    request came from a trusted reverse proxy, and then only its last entry (the one that proxy
    appended); otherwise REMOTE_ADDR."""
    remote = str(request.META.get("REMOTE_ADDR", ""))
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    if forwarded and remote in settings.SIEVA_TRUSTED_PROXIES:
        return forwarded.split(",")[-1].strip() or remote
    return remote


@dataclass(frozen=True)
class RateLimit:
    """`limit` attempts per `window` seconds for one key, both read from settings by name so
    an office can tune them without a code change."""

    name: str
    limit_setting: str
    window_setting: str

    def _limits(self) -> tuple[int, int]:
        limit = int(getattr(settings, self.limit_setting))
        window = int(getattr(settings, self.window_setting))
        return limit, window

    def hit(self, key: str) -> bool:
        """Count one attempt for `key`; False once `key` is over the limit in this window."""
        limit, window = self._limits()
        digest = hashlib.sha256(key.encode()).hexdigest()[:24]
        cache_key = f"rate:{self.name}:{digest}:{int(time.time() // window)}"
        cache.add(cache_key, 0, timeout=window)
        try:
            count = cache.incr(cache_key)
        except ValueError:  # the key expired between add and incr
            cache.set(cache_key, 1, timeout=window)
            count = 1
        return count <= limit

    def hit_request(self, request: HttpRequest) -> bool:
        """`hit` keyed on the request's address."""
        return self.hit(client_ip(request))

    def retry_after(self) -> int:
        """Seconds until the current window ends, for a Retry-After header."""
        _, window = self._limits()
        return int(window - time.time() % window) + 1
