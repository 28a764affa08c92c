"""Keyed pseudonyms for anonymous campaigns (decision 0010).

``pseudonym = HMAC-SHA256(key_series, employee id)`` with ``key_series`` itself
``HMAC-SHA256(master key, "sieva-pseudonym:" + series)``. The same person gets the same
pseudonym in every campaign of one series (a program's pre and post test, its L3 survey), so
answers pair up; a different series gives unrelated pseudonyms, and without the master key
nobody can tell whose answers they are. The master key is `SIEVA_PSEUDONYM_KEY`, falling back
to `SECRET_KEY`; changing it breaks pairing with earlier answers, so it must be kept stable.
"""

import hashlib
import hmac

from django.conf import settings


def _master_key() -> bytes:
    key = getattr(settings, "SIEVA_PSEUDONYM_KEY", "") or settings.SECRET_KEY
    return str(key).encode()


def series_key(series: str) -> bytes:
    return hmac.new(_master_key(), f"sieva-pseudonym:{series}".encode(), hashlib.sha256).digest()


def pseudonym(series: str, employee_id: int) -> str:
    """64 hex characters, stable for (`series`, `employee_id`) while the master key is."""
    return hmac.new(series_key(series), str(employee_id).encode(), hashlib.sha256).hexdigest()
