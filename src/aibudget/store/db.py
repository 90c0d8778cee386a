"""Engines and sessions. SQLite: WAL, foreign keys on, synchronous FULL. PostgreSQL: psycopg 3.

Two kinds of transaction, so that every write the app acknowledges is kept:

- ``db.session()`` reads. It is a real transaction on both engines (one consistent
  snapshot), and it refuses to change anything: a change there would race.
- ``db.write()`` changes. On SQLite it starts with ``BEGIN IMMEDIATE``: the database's
  write lock is taken before the first read, so a read-modify-write (a plan's actuals
  document, the next version number, a catalog) cannot interleave with another writer;
  others wait for it (``busy_timeout``). PostgreSQL lets writers run side by side, so the
  repositories lock the rows they read to change (:func:`locked`, ``FOR UPDATE``).

A write that still cannot go through (the lock not had in time, a deadlock, a
serialisation failure) is a :class:`~aibudget.store.errors.Conflict` ("try again"),
never a success that is lost afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Executable, Result, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, sessionmaker

from aibudget.domain.texts import N_
from aibudget.store.errors import Conflict

_WRITE = "aibudget_write"  # execution option of the engine behind write sessions
# PostgreSQL SQLSTATEs of a write that lost a race for a lock: retry it later.
_PG_BUSY = {"40001", "40P01", "55P03"}  # serialization_failure, deadlock, lock_not_available
Row = TypeVar("Row")


def normalise_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` mean psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL (None for memory databases and other engines)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()
    # The driver's own transactions begin only at the first INSERT/UPDATE/DELETE, so the
    # reads before it would see no snapshot and a read-modify-write could overwrite a
    # concurrent write. Turn them off; _sqlite_begin starts every transaction instead.
    dbapi_connection.isolation_level = None


def _sqlite_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get(_WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str, **options: Any) -> Engine:
    url = normalise_url(url)
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False}, **options)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, **options)


def read(session: Session, statement: Executable, **params: Any) -> Result[Any]:
    """A plain SQL read (a Core statement, built once) in the session's transaction.

    Rows come back as named tuples, without the ORM's per-object bookkeeping (a lookup by
    id costs a third of ``session.get``). The session flushes pending changes first, for
    plain statements as for ORM queries, so a read after a change in the same session
    sees it (a store test checks this).
    """
    return session.execute(statement, params)


def locked(session: Session, model: type[Row], key: Any) -> Row | None:
    """The row with primary key ``key``, read afresh and locked until the transaction
    ends (``FOR UPDATE`` on PostgreSQL; SQLite's write session holds the database)."""
    return session.get(model, key, with_for_update=True, populate_existing=True)


def _refuse_flush(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    if session.new or session.deleted or any(session.is_modified(o) for o in session.dirty):
        raise RuntimeError("a change in a read-only session: use Database.write()")


def _refuse_statement(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        raise RuntimeError("a change in a read-only session: use Database.write()")


def _busy(error: DBAPIError) -> bool:
    """A write that lost a race for a lock (as opposed to a broken statement)."""
    code = getattr(error.orig, "sqlstate", None)
    if code is not None:
        return code in _PG_BUSY
    return "database is locked" in str(error.orig)


class Database:
    """One engine and its session factories: ``with db.session() as s`` reads, ``with
    db.write() as s`` changes; both commit at the end or roll back on an error."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._factory = sessionmaker(engine, expire_on_commit=False)
        event.listen(self._factory, "before_flush", _refuse_flush)
        event.listen(self._factory, "do_orm_execute", _refuse_statement)
        self._writer = sessionmaker(
            engine.execution_options(**{_WRITE: True}), expire_on_commit=False
        )

    @classmethod
    def from_url(cls, url: str, **options: Any) -> Database:
        return cls(make_engine(url, **options))

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read-only transaction (a change in it raises RuntimeError)."""
        with self._factory() as session, _conflicts(), session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that may change data: serialised with other writers (see the
        module's docstring); Conflict when the lock cannot be had."""
        with self._writer() as session, _conflicts(), session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


@contextmanager
def _conflicts() -> Iterator[None]:
    try:
        yield
    except DBAPIError as error:
        if _busy(error):
            raise Conflict(N_("store.busy")) from None
        raise
