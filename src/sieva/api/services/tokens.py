"""Creating and revoking personal access tokens; both audited."""

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from sieva.api.models import ApiToken, TokenScope
from sieva.api.tokens import new_token, token_hash
from sieva.audit.services import audit_record
from sieva.org.access import user_access


def _org_path(user: Any) -> str:
    access = user_access(user)
    return access.scope_path if access else ""


def token_create(
    *, actor: Any, name: str, scope: str = TokenScope.READ, expires_at: dt.datetime | None = None
) -> tuple[ApiToken, str]:
    """A new token of `actor` and its full text (shown once, never stored)."""
    for _attempt in range(5):  # an 8-character prefix may, rarely, be taken already
        prefix, text = new_token()
        try:
            with transaction.atomic():
                token = ApiToken.objects.create(
                    user=actor,
                    name=name.strip(),
                    prefix=prefix,
                    key_hash=token_hash(text),
                    scope=scope,
                    expires_at=expires_at,
                )
                audit_record(
                    actor=actor,
                    action="api_token.create",
                    obj=token,
                    org_path=_org_path(actor),
                    changes={"scope": [None, scope], "expires_at": [None, expires_at]},
                )
        except IntegrityError:
            continue
        return token, text
    raise RuntimeError("no free token prefix")  # pragma: no cover - 1 in 2**32 five times


@transaction.atomic
def token_revoke(*, actor: Any, token: ApiToken) -> ApiToken:
    """Revoke `token` now; revoking a revoked token changes nothing."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            actor=actor,
            action="api_token.revoke",
            obj=token,
            org_path=_org_path(actor),
            changes={"revoked_at": [None, token.revoked_at]},
        )
    return token
