"""The shared limit counters in Redis (the hosted set-up: every worker on every machine
asks the same server). Each counter is a hash that Redis forgets when it expires.

Atomic by optimistic transactions (WATCH, then MULTI/EXEC): the rule stays the pure
function of :mod:`aibudget.store.counters`, the same one the database applies.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import redis
from redis.exceptions import RedisError, WatchError

from aibudget.store.counters import PRUNE_BATCH, CountersUnavailable, Result, State, Step

# Each try that loses a race means another request's change went through, so a key can
# only make a request retry as often as there are requests for it at once.
MAX_TRIES = 200
TIMEOUT_SECONDS = 2.0


class RedisCounters:
    def __init__(
        self,
        url: str,
        prefix: str = "aibudget:",
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.client = redis.Redis.from_url(
            url, socket_timeout=TIMEOUT_SECONDS, socket_connect_timeout=TIMEOUT_SECONDS
        )
        self.prefix, self.clock = prefix, clock

    def apply(self, key: str, step: Step[Result]) -> Result:
        name = self.prefix + key
        try:
            with self.client.pipeline() as pipe:
                for _ in range(MAX_TRIES):
                    try:
                        return self._try(pipe, name, step)
                    except WatchError:
                        continue
        except RedisError as exc:
            raise CountersUnavailable() from exc
        raise CountersUnavailable()  # the key was never quiet long enough to change it

    def _try(self, pipe: redis.client.Pipeline, name: str, step: Step[Result]) -> Result:
        pipe.watch(name)  # type: ignore[no-untyped-call]
        count, until, expires = pipe.hmget(name, "count", "until", "expires")
        state = State(int(count or 0), float(until or 0.0), float(expires or 0.0))
        new, result = step(state, self.clock())
        pipe.multi()
        if new.count == 0 and new.until == 0.0:
            pipe.delete(name)
        else:
            fields = {"count": new.count, "until": new.until, "expires": new.expires}
            pipe.hset(name, mapping=fields)  # type: ignore[arg-type]
            pipe.pexpireat(name, int(new.expires * 1000) + 1)
        pipe.execute()
        return result

    def prune(self, limit: int = PRUNE_BATCH) -> int:
        """Redis forgets expired counters by itself."""
        return 0

    def close(self) -> None:
        self.client.close()
