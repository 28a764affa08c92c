"""Tokens for the personas, and a client that sends them."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from sieva.api.models import TokenScope
from sieva.api.services.tokens import token_create
from tests.test_every_url_is_scoped import estate  # noqa: F401 - Medan's objects, for the API walk


@dataclass
class ApiClient:
    """A Django test client that sends one bearer token (or none)."""

    client: Client
    token: str | None

    def _headers(self, extra: dict[str, str]) -> dict[str, str]:
        headers = dict(extra)
        if self.token is not None:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def get(self, url: str, params: dict[str, Any] | None = None, **headers: str):
        return self.client.get(url, params or {}, headers=self._headers(headers))

    def post(self, url: str, data: Any = None, **headers: str):
        return self.client.post(
            url, data, content_type="application/json", headers=self._headers(headers)
        )

    def upload(self, url: str, **files: Any):
        """A multipart POST of `files` (name -> SimpleUploadedFile)."""
        return self.client.post(url, files, headers=self._headers({}))

    def send(self, method: str, url: str, data: Any = None, **headers: str):
        call = getattr(self.client, method.lower())
        if method.upper() in ("GET", "DELETE", "HEAD"):
            return call(url, headers=self._headers(headers))
        return call(url, data, content_type="application/json", headers=self._headers(headers))


def make_token(user, scope: str = TokenScope.READ, **kwargs) -> str:
    _token, text = token_create(actor=user, name=f"{user.username} {scope}", scope=scope, **kwargs)
    return text


@pytest.fixture
def api_as():
    """api_as(user, scope) -> ApiClient with a fresh token of `user`."""

    def build(user, scope: str = TokenScope.READ, **kwargs) -> ApiClient:
        return ApiClient(Client(), make_token(user, scope, **kwargs))

    return build


@pytest.fixture
def anonymous_api() -> ApiClient:
    return ApiClient(Client(), None)


def yesterday() -> dt.datetime:
    return timezone.now() - dt.timedelta(days=1)
