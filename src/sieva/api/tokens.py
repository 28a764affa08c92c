"""Making, hashing and recognising personal access tokens (decision 0040).

A token reads ``sieva_<prefix>_<secret>``: the prefix finds the row, the SHA-256 of the whole
token proves it. The secret carries 256 random bits, so a fast hash is enough (no password
stretching: nobody can guess their way to a 256-bit value).
"""

import hashlib
import hmac
import secrets

PREFIX_BYTES = 4  # 8 hex characters, shown in the token list
SECRET_BYTES = 32
LEAD = "sieva_"


def new_token() -> tuple[str, str]:
    """A fresh (prefix, full token) pair."""
    prefix = secrets.token_hex(PREFIX_BYTES)
    return prefix, f"{LEAD}{prefix}_{secrets.token_urlsafe(SECRET_BYTES)}"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def prefix_of(token: str) -> str | None:
    """The prefix written in `token`, or None when it is not shaped like a SIEVA token."""
    if not token.startswith(LEAD):
        return None
    prefix, sep, secret = token[len(LEAD) :].partition("_")
    if not sep or len(prefix) != 2 * PREFIX_BYTES or not secret:
        return None
    return prefix


def matches(token: str, stored_hash: str) -> bool:
    return hmac.compare_digest(token_hash(token), stored_hash)
