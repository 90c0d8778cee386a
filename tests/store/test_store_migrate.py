"""Migrations on SQLite files: pragmas, idempotence, and a backup before upgrading."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text

from aibudget.store import migrate as migrations
from aibudget.store.db import make_engine


def test_a_fresh_file_gets_every_table_and_the_safe_pragmas(sqlite_file: Path) -> None:
    engine = make_engine(f"sqlite:///{sqlite_file}")
    assert migrations.migrate(engine) is None  # nothing to back up in a new file
    tables = set(inspect(engine).get_table_names())
    assert {"users", "workspaces", "memberships", "plans", "plan_versions", "audit_log"} <= tables
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    assert migrations.current_revision(engine) == migrations.head_revision(engine)
    assert migrations.migrate(engine) is None  # already at head: nothing to do
    engine.dispose()


def test_a_backup_is_taken_before_migrating_an_existing_file(sqlite_file: Path) -> None:
    engine = make_engine(f"sqlite:///{sqlite_file}")
    command.upgrade(migrations.alembic_config(engine), "0001")  # an older installation
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO workspaces (id, name, created_at) VALUES ('w1', 'kept', '2027-01-01')"
            )
        )
    backup = migrations.migrate(engine)
    assert backup is not None and backup.exists() and backup.parent == sqlite_file.parent
    assert "assessments" in inspect(engine).get_table_names()  # the newer revision ran
    copy = make_engine(f"sqlite:///{backup}")
    assert "assessments" not in inspect(copy).get_table_names()  # the copy is the old file
    with copy.connect() as conn:
        assert conn.execute(text("SELECT name FROM workspaces")).scalar() == "kept"
    copy.dispose()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM workspaces")).scalar() == "kept"
    engine.dispose()
