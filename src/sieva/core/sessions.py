"""Idle sessions: a signed-in session ends SESSION_COOKIE_AGE after the user's last request.

Each save of a session moves its expiry forward. Saving on every request would write the
session row on every page; renewing only when the last renewal is over a minute old keeps the
timeout accurate to a minute. Sign-in records the first renewal in the session it creates.
"""

import time
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse

RENEW_AFTER_SECONDS = 60
RENEWED_KEY = "_sieva_renewed"


def mark_renewed(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    """`user_logged_in` receiver: the new session counts as renewed now."""
    request.session[RENEWED_KEY] = int(time.time())


class IdleSessionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            if now - int(request.session.get(RENEWED_KEY, 0)) >= RENEW_AFTER_SECONDS:
                request.session[RENEWED_KEY] = now
        return self.get_response(request)
