"""Run the Alembic migrations shipped in this package; back up a SQLite file first."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from aibudget.store.db import sqlite_path


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(files("aibudget.store") / "migrations"))
    config.attributes["engine"] = engine
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def backup_sqlite(path: Path, revision: str | None) -> Path:
    """A consistent copy (SQLite backup API, safe with WAL) next to the database file."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = path.with_name(f"{path.name}.{revision or 'empty'}.{stamp}.bak")
    source = sqlite3.connect(path)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return target


def migrate(engine: Engine) -> Path | None:
    """Bring the schema to the newest revision. Returns the backup taken, if any."""
    current = current_revision(engine)
    if current == head_revision(engine):
        return None
    backup = None
    path = sqlite_path(str(engine.url))
    if path is not None and path.exists() and current is not None:
        backup = backup_sqlite(path, current)
    command.upgrade(alembic_config(engine), "head")
    return backup
