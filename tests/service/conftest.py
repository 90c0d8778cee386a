"""A migrated SQLite store for the use cases that read and write it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from aibudget.store.db import Database, make_engine
from aibudget.store.migrate import migrate


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(make_engine(f"sqlite:///{tmp_path / 'store.db'}"))
    migrate(database.engine)
    yield database
    database.dispose()
