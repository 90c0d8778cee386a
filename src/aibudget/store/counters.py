"""Shared limit counters: sign-in back-off and quotas on costly work, counted in one
place that every worker process sees.

The rules are pure functions of a counter's :class:`State` and the time; a back-end only
has to apply one atomically (read, apply, write, with nobody in between):

- :class:`DatabaseCounters`: the laptop default, a row of ``limit_counters``: on a SQLite
  file read and written in turns taken on a lock file (:class:`CounterFile`); on
  PostgreSQL locked in a write transaction (``FOR UPDATE``).
- :class:`RedisCounters` (``counters_redis``): the hosted set-up.

A counter is asked *before* the work it guards (the password check, the evaluation), so
requests arriving at the same moment cannot all slip under the limit.
"""

from __future__ import annotations

import hashlib
import math
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

from sqlalchemy import delete, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from aibudget.domain.errors import AibudgetError
from aibudget.domain.texts import N_
from aibudget.store.db import Database, locked, sqlite_path
from aibudget.store.models_accounts import LimitCounterRow

try:
    import fcntl
except ImportError:  # Windows: the thread lock alone
    fcntl = None  # type: ignore[assignment]

Result = TypeVar("Result")
PRUNE_BATCH = 500


class CountersUnavailable(AibudgetError):
    """The shared counter store did not answer: the guarded work is refused."""

    message_id = N_("accounts.counters_unavailable")
    http_status = 503


@dataclass(frozen=True)
class State:
    count: int = 0
    until: float = 0.0  # back-off: refused before this time; quota: the window's end
    expires: float = 0.0  # forgotten from this time on


Step = Callable[[State, float], tuple[State, Result]]


@dataclass(frozen=True)
class Backoff:
    """``free`` attempts go ahead at once; from then on each attempt waits twice as long
    as the one before (``first_wait`` seconds, at most ``longest_wait``). Counts are
    forgotten ``memory`` seconds after the last wait ends."""

    free: int
    first_wait: float
    longest_wait: float
    memory: float

    def wait_after(self, count: int) -> float:
        if count < self.free:
            return 0.0
        doublings = min(count - self.free, 40)  # 2**40 waits are far past any cap
        return min(self.longest_wait, self.first_wait * float(2**doublings))

    def attempt(self, state: State, now: float) -> tuple[State, float]:
        """Count one attempt: (new state, seconds to wait; 0 means go ahead)."""
        state = fresh(state, now)
        if state.until > now:
            return state, state.until - now
        count = state.count + 1
        until = now + self.wait_after(count) if count >= self.free else 0.0
        return State(count, until, max(until, now) + self.memory), 0.0

    def forgive(self, state: State, now: float) -> tuple[State, float]:
        """Take back one attempt that turned out right (a successful sign-in)."""
        state = fresh(state, now)
        count = max(0, state.count - 1)
        until = now + self.wait_after(count) if count >= self.free else 0.0
        return State(count, until, max(until, now) + self.memory), 0.0


@dataclass(frozen=True)
class Quota:
    """At most ``limit`` uses per ``window`` seconds (a fixed window from the first use)."""

    limit: int
    window: float

    def use(self, state: State, now: float) -> tuple[State, float]:
        """Count one use: (new state, seconds to wait; 0 means go ahead)."""
        state = fresh(state, now)
        if state.count == 0:
            end = now + self.window
            return State(1, end, end), 0.0
        if state.count >= self.limit:
            return state, state.until - now
        return State(state.count + 1, state.until, state.expires), 0.0


def fresh(state: State, now: float) -> State:
    return State() if state.expires <= now else state


def clear(_state: State, _now: float) -> tuple[State, float]:
    return State(), 0.0


def counter_key(kind: str, *parts: str) -> str:
    """A fixed-length key: what is counted (an e-mail, an address) is not kept in plain."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"{kind}:{digest}"


def wait_seconds(wait: float) -> int:
    """A wait as whole seconds, never 0 while there is something to wait."""
    return max(1, math.ceil(wait))


class Counters(Protocol):
    def apply(self, key: str, step: Step[Result]) -> Result:
        """Apply ``step`` to the counter ``key`` atomically (across processes)."""
        ...

    def prune(self, limit: int = PRUNE_BATCH) -> int:
        """Forget up to ``limit`` expired counters; how many went."""
        ...


class Turns:
    """One writer at a time across threads and processes: a thread lock, then an
    exclusive lock on ``path`` (flock; where there is none, the thread lock alone)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._thread = threading.Lock()
        self._fd: int | None = None

    def __enter__(self) -> None:
        self._thread.acquire()
        if fcntl is not None:
            if self._fd is None:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            fcntl.flock(self._fd, fcntl.LOCK_EX)

    def __exit__(self, *_exc: object) -> None:
        if fcntl is not None and self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        self._thread.release()


_TABLE = LimitCounterRow.__tablename__
_READ = f"SELECT count, until, expires FROM {_TABLE} WHERE key = ?"
_WRITE = (
    f"INSERT INTO {_TABLE} (key, count, until, expires) VALUES (?, ?, ?, ?) ON CONFLICT (key)"
    " DO UPDATE SET count = excluded.count, until = excluded.until, expires = excluded.expires"
)


class CounterFile:
    """The counters of a SQLite file, stepped in two statements on a connection of their own.

    The writers of every process take turns on a lock file beside the database, and only
    they write counters, so a counter cannot change between the read and the write of a
    turn: each statement is its own transaction. (``prune`` may delete an expired counter
    meanwhile; read a moment before, it was expired, so its step started afresh anyway.)

    The turn is kept short on purpose, because every costly request of every process
    waits for it: two statements whose compiled form the driver keeps, rather than a
    session's begin, read, lock, flush and commit. Each call into SQLite lets the other
    threads of the process run, and getting the interpreter back can take a few ms while
    they compute; under 20 clients' evaluations that made the turn 2-25 ms and the wait
    for it up to 0.3 s. Commits skip the sync (synchronous=NORMAL: in WAL mode a power cut
    may forget the last counts but never damages the file).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._turns = Turns(path.with_name(path.name + ".counters.lock"))
        self._connection: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self.path, timeout=10.0, isolation_level=None, check_same_thread=False
        )
        connection.execute("PRAGMA synchronous=NORMAL")
        return connection

    def apply(self, key: str, step: Step[Result], now: float) -> Result:
        with self._turns:  # the one user of the connection at a time
            try:
                if self._connection is None:
                    self._connection = self._connect()
                row = self._connection.execute(_READ, (key,)).fetchone()
                new, result = step(State(*row) if row is not None else State(), now)
                self._connection.execute(_WRITE, (key, new.count, new.until, new.expires))
            except sqlite3.Error as exc:
                raise CountersUnavailable() from exc
        return result


class DatabaseCounters:
    """Counters in the ``limit_counters`` table of the app's database."""

    def __init__(self, db: Database, clock: Callable[[], float] = time.time) -> None:
        self.db, self.clock = db, clock
        self._postgresql = db.engine.dialect.name == "postgresql"
        self._insert = pg_insert if self._postgresql else sqlite_insert
        # A SQLite file: writers of every process take turns on a lock file rather than
        # in SQLite's busy handler, which retries after growing sleeps (up to 100 ms each)
        # while the file is free again: 20 evaluations at once waited up to a second for
        # a 2 ms write. PostgreSQL waits on the row lock itself, in order.
        path = sqlite_path(db.engine.url.render_as_string(hide_password=False))
        self._file = None if path is None else CounterFile(path)

    def apply(self, key: str, step: Step[Result]) -> Result:
        now = self.clock()
        if self._file is not None:
            return self._file.apply(key, step, now)
        with self.db.write() as s:
            if self._postgresql:  # a crash may forget the last counts, never mix them up
                s.execute(text("SET LOCAL synchronous_commit = off"))
            s.execute(
                self._insert(LimitCounterRow)
                .values(key=key, count=0, until=0.0, expires=0.0)
                .on_conflict_do_nothing(index_elements=["key"])
            )
            row = locked(s, LimitCounterRow, key)
            assert row is not None  # inserted above, never deleted while locked
            new, result = step(State(row.count, row.until, row.expires), now)
            row.count, row.until, row.expires = new.count, new.until, new.expires
        return result

    def prune(self, limit: int = PRUNE_BATCH) -> int:
        with self.db.write() as s:
            keys = s.scalars(
                select(LimitCounterRow.key)
                .where(LimitCounterRow.expires <= self.clock())
                .limit(limit)
            ).all()
            if keys:
                s.execute(
                    delete(LimitCounterRow).where(
                        LimitCounterRow.key.in_(keys), LimitCounterRow.expires <= self.clock()
                    )
                )
        return len(keys)
