"""Expired sign-in sessions and counters are deleted, in bounded batches: at each
sign-in (one batch) and by ``aibudget prune-sessions``."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text, update
from typer.testing import CliRunner

from aibudget.cli import app
from aibudget.store import users
from aibudget.store.db import Database
from aibudget.store.migrate import migrate
from aibudget.store.models import SessionRow, utcnow
from aibudget.web.security import SESSION_SECONDS
from tests.store.factories import user

OLD = utcnow() - timedelta(seconds=SESSION_SECONDS + 60)


def _sessions(url: str) -> int:
    engine = create_engine(url)  # a second connection counts
    with engine.connect() as conn:
        found = conn.scalar(select(func.count()).select_from(SessionRow)) or 0
    engine.dispose()
    return found


def _seed(db: Database, expired: int, live: int) -> None:
    alice = user(db, "alice@example.com")
    with db.write() as s:
        for i in range(expired + live):
            users.start_session(s, alice.id, f"sid-{i}", SESSION_SECONDS)
        s.flush()
        s.execute(
            update(SessionRow)
            .where(
                SessionRow.id.in_(
                    select(SessionRow.id).order_by(SessionRow.id).limit(expired).scalar_subquery()
                )
            )
            .values(created_at=OLD)
        )


def test_pruning_goes_in_bounded_batches_and_keeps_live_sessions(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'p.db'}"
    db = Database.from_url(url)
    migrate(db.engine)
    _seed(db, expired=7, live=3)
    with db.write() as s:
        assert users.prune_sessions(s, SESSION_SECONDS, limit=5) == 5
    assert _sessions(url) == 5
    with db.write() as s:
        assert users.prune_sessions(s, SESSION_SECONDS, limit=5) == 2
        assert users.prune_sessions(s, SESSION_SECONDS, limit=5) == 0
    assert _sessions(url) == 3
    db.dispose()


def test_the_prune_sessions_command_reports_what_it_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    monkeypatch.setenv("AIBUDGET_DATABASE_URL", url)
    monkeypatch.setenv("AIBUDGET_SECRET_KEY", "x" * 48)
    monkeypatch.setenv("AIBUDGET_LOCALE", "zh-TW")
    db = Database.from_url(url)
    migrate(db.engine)
    _seed(db, expired=5, live=2)
    with db.write() as s:  # an expired counter too
        s.execute(text("INSERT INTO limit_counters VALUES ('k', 1, 0, 1)"))
    db.dispose()
    result = CliRunner().invoke(app, ["prune-sessions"])
    assert result.exit_code == 0, result.output
    assert "已刪除 5 個過期的登入狀態與 1 個過期的計數" in result.output
    assert _sessions(url) == 2
