"""The Redis server the shared-counter tests run against (127.0.0.1:6379, or
AIBUDGET_TEST_REDIS_URL).

Absent, the Redis tests are skipped with the reason, except under CI=true, where absence
is a failure. Each test gets its own key prefix, and its keys are deleted afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
import redis

REDIS_URL = os.environ.get("AIBUDGET_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def _redis_reason() -> str | None:
    try:
        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2, socket_timeout=2)
        client.ping()
        client.close()
    except redis.RedisError as exc:
        return f"Redis is not answering at {REDIS_URL}: {str(exc).strip()[:200]}"
    return None


def require_redis() -> None:
    """Skip (with the reason) when Redis is absent; under CI=true it must be there."""
    reason = _redis_reason()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true needs Redis. {reason}")
        pytest.skip(reason)


@pytest.fixture
def redis_prefix() -> Iterator[str]:
    """A key prefix of this test alone (its keys are deleted afterwards)."""
    require_redis()
    prefix = f"aibudget-test:{uuid.uuid4().hex[:12]}:"
    yield prefix
    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(match=prefix + "*", count=1000))
    if keys:
        client.delete(*keys)
    client.close()
