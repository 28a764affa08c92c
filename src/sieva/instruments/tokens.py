"""Single-use invitation tokens: random, shown once, stored only as a SHA-256 digest.

A token is the respondent's only credential, so a copy of the database must not yield
working links: the table keeps `token_hash(token)`, and a link can be shown again only by
issuing a new token (which invalidates the old one).
"""

import hashlib
import secrets

TOKEN_BYTES = 24  # 192 bits of randomness, 32 URL-safe characters


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """Hex SHA-256 of `token`; an unsalted hash is enough for a 192-bit random secret."""
    return hashlib.sha256(token.encode()).hexdigest()


def looks_like_token(text: str) -> bool:
    """Cheap shape check so junk in the URL never reaches the database."""
    return 20 <= len(text) <= 64 and all(c.isalnum() or c in "-_" for c in text)
