"""The rate limiter on the Redis cache production uses (REDIS_URL): the counts live in Redis,
where every process reads the same ones. CI starts Redis on 127.0.0.1:6379; without it this
test fails, it never skips (db 9 is this test's)."""

import pytest
import redis
from django.core.cache import caches

from sieva.core.ratelimit import RateLimit

REDIS_URL = "redis://127.0.0.1:6379/9"
LIMIT = RateLimit("redis-test", "TEST_RATE_LIMIT", "TEST_RATE_WINDOW")


@pytest.fixture
def redis_cache(settings):
    server = redis.Redis.from_url(REDIS_URL)
    try:
        server.flushdb()
    except redis.ConnectionError:
        pytest.fail("Redis is not reachable on 127.0.0.1:6379; CI starts it (see README).")
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    settings.TEST_RATE_LIMIT = 3
    settings.TEST_RATE_WINDOW = 600
    yield server
    server.flushdb()


def test_the_limit_counts_in_redis_where_every_process_sees_it(redis_cache):
    assert type(caches["default"]).__name__ == "RedisCache"
    assert all(LIMIT.hit("203.0.113.9") for _ in range(3))
    assert not LIMIT.hit("203.0.113.9")
    assert LIMIT.hit("198.51.100.7")
    keys = redis_cache.keys("*rate:redis-test:*")
    counts = sorted(int(redis_cache.get(k)) for k in keys)
    assert counts == [1, 4]  # another connection, as another process would be: the same counts
    assert all(0 < redis_cache.ttl(k) <= 600 for k in keys)
