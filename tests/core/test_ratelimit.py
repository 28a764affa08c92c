"""The one rate limiter: counts per key in the shared cache; the client's address behind a proxy."""

import pytest
from django.test import RequestFactory

from sieva.core.ratelimit import RateLimit, client_ip

LIMIT = RateLimit("test", "TEST_RATE_LIMIT", "TEST_RATE_WINDOW")


@pytest.fixture
def limits(settings):
    settings.TEST_RATE_LIMIT = 2
    settings.TEST_RATE_WINDOW = 600


def test_a_key_is_refused_after_its_limit_and_other_keys_are_not(db, limits):
    assert LIMIT.hit("a") and LIMIT.hit("a")
    assert not LIMIT.hit("a")
    assert LIMIT.hit("b")
    assert 0 < LIMIT.retry_after() <= 601


def test_forwarded_for_counts_only_from_a_trusted_proxy():
    factory = RequestFactory()
    direct = factory.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip(direct) == "203.0.113.9"  # a client cannot choose its own address
    proxied = factory.get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7"
    )
    assert client_ip(proxied) == "198.51.100.7"  # the entry our proxy appended
