"""The same store tests run on SQLite and on PostgreSQL.

PostgreSQL: 127.0.0.1:5432, user postgres, database ``test`` (or AIBUDGET_TEST_PG_URL);
each test run works in a fresh schema that is dropped afterwards. When the server is
absent the PostgreSQL tests are skipped with the reason, except under CI=true, where
absence is a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from argon2 import PasswordHasher, profiles
from sqlalchemy import delete

from aibudget.store import users
from aibudget.store.db import Database, make_engine
from aibudget.store.migrate import migrate
from aibudget.store.models import Base

PG_URL = os.environ.get("AIBUDGET_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")


def _pg_reason() -> str | None:
    try:
        psycopg.connect(PG_URL, connect_timeout=3).close()
    except psycopg.Error as exc:
        return f"PostgreSQL is not answering at {PG_URL}: {str(exc).strip()[:200]}"
    return None


@pytest.fixture(scope="session")
def pg_schema() -> Iterator[str]:
    reason = _pg_reason()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true needs PostgreSQL. {reason}")
        pytest.skip(reason)
    schema = f"aibudget_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield schema
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def _database(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Database:
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("db") / "store.db"
        return Database(make_engine(f"sqlite:///{path}"))
    schema = request.getfixturevalue("pg_schema")
    return Database(make_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"}))


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def migrated(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    database = _database(request, tmp_path_factory)
    migrate(database.engine)
    yield database
    database.dispose()


@pytest.fixture
def db(migrated: Database) -> Iterator[Database]:
    """A migrated, empty database (tables are emptied after each test)."""
    yield migrated
    with migrated.write() as session:
        for table in reversed(Base.metadata.sorted_tables):
            session.execute(delete(table))


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id still, with the cheapest parameters, to keep the suite fast."""
    cheap = PasswordHasher.from_parameters(profiles.CHEAPEST)
    monkeypatch.setattr(users, "password_hasher", lambda: cheap)


@pytest.fixture
def sqlite_file(tmp_path: Path) -> Path:
    return tmp_path / "aibudget.db"
