"""Personal access tokens: created on the account page, shown once, stored hashed, revoked,
expired, scoped to read or write, rate-limited, audited."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from sieva.api.models import ApiToken, TokenScope
from sieva.api.tokens import token_hash
from sieva.audit.models import AuditEvent
from tests.api.conftest import ApiClient, make_token

UNITS = "/api/v1/units/"


def test_the_account_page_creates_a_token_shown_once_and_stored_hashed(client, alice):
    client.force_login(alice)
    page = client.post(reverse("tokens:list"), {"name": "Moodle", "scope": "write"})
    assert page.status_code == 200
    text = page.context["created"]
    assert text.startswith("sieva_") and text in page.content.decode()
    token = ApiToken.objects.get(user=alice)
    assert token.key_hash == token_hash(text) and text not in token.key_hash
    assert token.scope == TokenScope.WRITE
    assert AuditEvent.objects.filter(action="api_token.create", actor=alice).exists()
    again = client.get(reverse("tokens:list")).content.decode()
    assert text not in again and f"sieva_{token.prefix}_" in again


def test_an_expiry_in_the_past_is_refused(client, alice):
    client.force_login(alice)
    yesterday = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    page = client.post(
        reverse("tokens:list"), {"name": "x", "scope": "read", "expires_on": yesterday}
    )
    assert "Tanggal berlaku harus sesudah hari ini." in page.content.decode()
    assert not ApiToken.objects.exists()


def test_a_revoked_token_is_refused(client, alice, world):
    text = make_token(alice)
    token = ApiToken.objects.get(user=alice)
    assert ApiClient(client, text).get(UNITS).status_code == 200
    client.force_login(alice)
    client.post(reverse("tokens:revoke", kwargs={"pk": token.pk}))
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
    assert AuditEvent.objects.filter(action="api_token.revoke").exists()
    assert ApiClient(client, text).get(UNITS).status_code == 401


def test_nobody_revokes_another_users_token(client, alice, bob, world):
    make_token(alice)
    token = ApiToken.objects.get(user=alice)
    client.force_login(bob)
    assert client.post(reverse("tokens:revoke", kwargs={"pk": token.pk})).status_code == 404
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


def test_an_expired_token_is_refused(client, alice, world, time_machine):
    text = make_token(alice, expires_at=timezone.now() + dt.timedelta(days=1))
    assert ApiClient(client, text).get(UNITS).status_code == 200
    time_machine.move_to(timezone.now() + dt.timedelta(days=2))
    assert ApiClient(client, text).get(UNITS).status_code == 401


def test_a_wrong_secret_with_a_real_prefix_is_refused(client, alice, world):
    text = make_token(alice)
    assert ApiClient(client, text[:-3] + "xyz").get(UNITS).status_code == 401
    assert ApiClient(client, "garbage").get(UNITS).status_code == 401


def test_the_session_cookie_is_not_a_credential_for_the_api(client, alice, world):
    client.force_login(alice)
    assert client.get(UNITS).status_code == 401


def test_a_token_over_its_rate_limit_gets_429_with_retry_after(client, alice, world, settings):
    settings.SIEVA_API_RATE_LIMIT = 2
    api = ApiClient(client, make_token(alice))
    assert [api.get(UNITS).status_code for _ in range(2)] == [200, 200]
    response = api.get(UNITS)
    assert response.status_code == 429
    assert response.json()["code"] == "rate_limited"
    assert int(response["Retry-After"]) >= 1


def test_the_schema_is_openapi_3_json(client):
    schema = client.get("/api/v1/schema/").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/units/" in schema["paths"]


def test_the_docs_page_needs_a_session_and_keeps_the_csp(client, alice):
    assert client.get("/api/v1/docs/").status_code == 302
    client.force_login(alice)
    page = client.get("/api/v1/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "https://" not in html.split("</head>")[0]  # no CDN
    assert "<script>" not in html  # no inline script
    policy = page["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
