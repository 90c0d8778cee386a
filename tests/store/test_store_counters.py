"""Shared limit counters: the back-off and quota rules, and their atomicity on every
back-end (SQLite, PostgreSQL, Redis) when many requests arrive at once."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import redis
from sqlalchemy import delete, func, select

from aibudget.store.counters import (
    Backoff,
    Counters,
    DatabaseCounters,
    Quota,
    State,
    Turns,
    clear,
    counter_key,
)
from aibudget.store.counters_redis import RedisCounters
from aibudget.store.db import Database, make_engine
from aibudget.store.migrate import migrate
from aibudget.store.models_accounts import LimitCounterRow
from tests.redis_server import REDIS_URL, redis_prefix  # noqa: F401  (a fixture)
from tests.store.conftest import PG_URL

RULE = Backoff(free=5, first_wait=30, longest_wait=600, memory=3600)


class Clock:
    """A clock the test moves by hand, starting now (Redis expires keys by its own)."""

    def __init__(self) -> None:
        self.now = self.start = time.time()

    def __call__(self) -> float:
        return self.now


@pytest.fixture(params=["sqlite", "postgresql", "redis"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Counters, Clock]]:
    clock = Clock()
    if request.param == "redis":
        counters = RedisCounters(REDIS_URL, request.getfixturevalue("redis_prefix"), clock)
        yield counters, clock
        counters.close()
        return
    if request.param == "sqlite":
        database = Database(make_engine(f"sqlite:///{tmp_path / 'counters.db'}"))
    else:
        schema = request.getfixturevalue("pg_schema")
        options = {"options": f"-csearch_path={schema}"}
        database = Database(make_engine(PG_URL, connect_args=options, pool_size=20))
    migrate(database.engine)
    yield DatabaseCounters(database, clock), clock
    with database.write() as s:
        s.execute(delete(LimitCounterRow))
    database.dispose()


def test_the_first_attempts_go_ahead_then_each_waits_twice_as_long() -> None:
    state, now, waits = State(), 0.0, []
    for _ in range(9):
        state, wait = RULE.attempt(state, now)
        waits.append(wait)
        now = max(now, state.until)  # the caller waits until it may try again
    assert waits == [0.0] * 9  # waiting out each back-off lets the next try go ahead
    gaps = [RULE.wait_after(count) for count in range(1, 10)]
    assert gaps == [0, 0, 0, 0, 30, 60, 120, 240, 480]
    assert RULE.wait_after(40) == 600  # capped


def test_an_attempt_during_the_wait_is_refused_with_the_time_left() -> None:
    state = State()
    for _ in range(5):
        state, wait = RULE.attempt(state, 100.0)
        assert wait == 0.0
    state, wait = RULE.attempt(state, 110.0)
    assert wait == pytest.approx(20.0)  # 30 s from the fifth attempt at 100
    assert state.count == 5  # a refused attempt is not counted again


def test_counts_are_forgotten_after_the_memory() -> None:
    state = State()
    for _ in range(6):
        state, _ = RULE.attempt(state, 0.0 if state.until == 0 else state.until)
    state, wait = RULE.attempt(state, state.expires + 1)
    assert wait == 0.0 and state.count == 1


def test_forgiving_a_right_attempt_lifts_a_wait_it_started() -> None:
    state = State()
    for _ in range(5):
        state, _ = RULE.attempt(state, 0.0)
    assert state.until == 30.0
    state, _ = RULE.forgive(state, 0.0)
    assert (state.count, state.until) == (4, 0.0)


def test_a_quota_allows_the_limit_per_window() -> None:
    quota, state, answers = Quota(limit=3, window=60), State(), []
    for now in (0, 1, 2, 3, 59.5, 60):
        state, wait = quota.use(state, now)
        answers.append(wait)
    assert answers == [0, 0, 0, 57, 0.5, 0]


def test_a_scripted_sequence_gives_the_same_answers_on_every_backend(
    backend: tuple[Counters, Clock],
) -> None:
    counters, clock = backend
    key = counter_key("test", "alice@example.com", "10.0.0.1")
    answers = []
    for step_at in (0, 1, 2, 3, 4, 10, 34, 35, 94):
        clock.now = clock.start + step_at
        answers.append(round(counters.apply(key, RULE.attempt), 3))
    assert answers == [0, 0, 0, 0, 0, 24, 0, 59, 0]  # 5th at 4: 30 s; 6th at 34: 60 s
    counters.apply(key, clear)
    assert counters.apply(key, RULE.attempt) == 0


def _race(counters: Counters, key: str, step: object, threads: int = 40) -> list[float]:
    start = threading.Barrier(threads)

    def one(_: int) -> float:
        start.wait()
        return counters.apply(key, step)  # type: ignore[arg-type]

    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(one, range(threads)))


def test_forty_attempts_at_once_let_exactly_the_free_ones_through(
    backend: tuple[Counters, Clock],
) -> None:
    counters, _ = backend
    waits = _race(counters, counter_key("test", "race"), RULE.attempt)
    assert sum(1 for wait in waits if wait == 0) == RULE.free
    assert all(wait > 0 for wait in waits if wait != 0)


def test_forty_uses_at_once_stay_within_the_quota(backend: tuple[Counters, Clock]) -> None:
    counters, _ = backend
    waits = _race(counters, counter_key("test", "quota"), Quota(limit=7, window=60).use)
    assert sum(1 for wait in waits if wait == 0) == 7


def test_expired_counters_are_pruned_and_live_ones_kept(db: Database) -> None:
    clock = Clock()
    counters = DatabaseCounters(db, clock)
    for name in ("old-1", "old-2", "live"):
        counters.apply(counter_key("test", name), Quota(limit=1, window=60).use)
        clock.now += 30
    clock.now += 10  # the first two windows are over, the last one is not
    assert counters.prune(limit=1) == 1  # a bounded batch
    assert counters.prune() == 1
    assert counters.prune() == 0
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(LimitCounterRow)) == 1


def test_redis_keys_expire_by_themselves(redis_prefix: str) -> None:  # noqa: F811
    counters = RedisCounters(REDIS_URL, redis_prefix)
    counters.apply(counter_key("test", "expiring"), Quota(limit=2, window=60).use)
    client = redis.Redis.from_url(REDIS_URL)
    (name,) = client.scan_iter(match=redis_prefix + "*")
    assert 0 < client.pttl(name) <= 60_001
    client.close()
    counters.close()


def test_an_unreachable_redis_refuses_with_a_clear_error() -> None:
    from aibudget.store.counters import CountersUnavailable

    counters = RedisCounters("redis://127.0.0.1:1/0")  # nothing listens on port 1
    with pytest.raises(CountersUnavailable):
        counters.apply(counter_key("test", "x"), RULE.attempt)


def test_two_processes_counters_on_one_sqlite_file_stay_within_the_quota(
    tmp_path: Path,
) -> None:
    """Two server processes each have their own counters on one file: their writers take
    turns on the lock file beside it, and the quota still holds exactly."""
    database = Database(make_engine(f"sqlite:///{tmp_path / 'shared.db'}"))
    migrate(database.engine)
    first, second = DatabaseCounters(database), DatabaseCounters(database)
    start = threading.Barrier(40)
    step = Quota(limit=9, window=60).use

    def one(i: int) -> float:
        start.wait()
        return (first if i % 2 else second).apply(counter_key("test", "two"), step)

    with ThreadPoolExecutor(40) as pool:
        waits = list(pool.map(one, range(40)))
    assert sum(1 for wait in waits if wait == 0) == 9
    database.dispose()


def test_turns_on_one_lock_file_exclude_each_other(tmp_path: Path) -> None:
    """Two holders of the same lock file (as two processes would be): the second waits
    until the first lets go."""
    path = tmp_path / "x.counters.lock"
    first, second = Turns(path), Turns(path)
    order: list[str] = []
    entered = threading.Event()

    def later() -> None:
        entered.wait()
        with second:
            order.append("second")

    waiting = threading.Thread(target=later)
    waiting.start()
    with first:
        entered.set()
        time.sleep(0.2)  # the other thread is blocked meanwhile
        order.append("first")
    waiting.join(timeout=10)
    assert order == ["first", "second"]


def test_a_sqlite_file_that_cannot_count_refuses_with_a_clear_error(tmp_path: Path) -> None:
    """A failure inside SQLite (here: a file without the counters' table) is the same
    refusal as an unreachable Redis, not a driver error."""
    from aibudget.store.counters import CountersUnavailable

    counters = DatabaseCounters(Database(make_engine(f"sqlite:///{tmp_path / 'empty.db'}")))
    with pytest.raises(CountersUnavailable):
        counters.apply(counter_key("test", "x"), RULE.attempt)
