"""Token authentication for ``/api/``: who is calling, with what access, and may they write.

Only a bearer token is accepted on the API (never the session cookie, so CSRF does not arise);
the browsable documentation page is the one place that uses the session. Each token has its
own rate limit (`SIEVA_API_RATE_LIMIT` requests per `SIEVA_API_RATE_WINDOW` seconds).
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from sieva.api.errors import READ_ONLY_TOKEN, ApiError, too_many
from sieva.api.models import ApiToken
from sieva.api.tokens import matches, prefix_of
from sieva.core.ratelimit import RateLimit
from sieva.org.access import Access, Capability, user_access
from sieva.org.models import OrgUnit

API_LIMIT = RateLimit("api-token", "SIEVA_API_RATE_LIMIT", "SIEVA_API_RATE_WINDOW")
# Writing last_used_at on every request would turn every read into a write.
LAST_USED_STEP = dt.timedelta(minutes=1)


@dataclass(frozen=True)
class Caller:
    """The authenticated side of an API request."""

    token: ApiToken
    user: Any
    access: Access


def _caller(token_text: str) -> Caller | None:
    prefix = prefix_of(token_text)
    if prefix is None:
        return None
    token = ApiToken.objects.select_related("user").filter(prefix=prefix).first()
    if token is None or not matches(token_text, token.key_hash) or not token.is_usable():
        return None
    if not token.user.is_active:
        return None
    access = user_access(token.user)
    if access is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_STEP:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return Caller(token, token.user, access)


class TokenAuth(HttpBearer):
    """Bearer token with at least read scope; `write=True` also needs the write scope."""

    def __init__(self, *, write: bool = False) -> None:
        super().__init__()
        self.write = write

    def authenticate(self, request: HttpRequest, token: str) -> Caller | None:
        caller = _caller(token.strip())
        if caller is None:
            return None
        if not API_LIMIT.hit(f"token:{caller.token.pk}"):
            raise too_many(API_LIMIT.retry_after())
        if self.write and not caller.token.can_write:
            raise ApiError(403, "token_scope", str(READ_ONLY_TOKEN))
        request.user = caller.user
        return caller


read_auth = TokenAuth()
write_auth = TokenAuth(write=True)


def caller_of(request: HttpRequest) -> Caller:
    return request.auth  # type: ignore[attr-defined,no-any-return]


def require(request: HttpRequest, capability: Capability) -> Access:
    """The caller's access, or 403 when their role lacks `capability`."""
    access = caller_of(request).access
    if not access.can(capability):
        raise PermissionDenied
    return access


def covers_everything(access: Access) -> bool:
    """True when the caller's subtree holds every root of the organisation tree (a national
    admin), so lists need no scope filter; one small query."""
    if access.scope_path == "/":
        return True
    return not OrgUnit.objects.filter(parent__isnull=True).exclude(path=access.scope_path).exists()
