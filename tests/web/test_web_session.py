"""One read transaction per request where a handler takes ``ReadSession``: the signed-in
user and every record of the plan page are read in it, each fact once, and it is closed
before the answer goes out; it refuses changes like any read session."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import event, text

from aibudget.settings import Settings
from aibudget.store.db import Database
from aibudget.web.app import create_app
from aibudget.web.context import ReadSession
from tests.web.helpers import csrf, import_plan, new_workspace, sign_up

# The plan page's reads, each asked once: the user's session; membership; versions (with
# the plan's facts); the workspace catalog; the learning log; the readiness answers; the
# nightly check (live version, last check, last failure); the actuals.
PLAN_PAGE_READS = 10


class Statements:
    """The SQL statements and transactions an engine runs (as the database sees them)."""

    def __init__(self, db: Database) -> None:
        self.sql: list[str] = []
        self.begins = 0
        self.checkouts = 0
        event.listen(db.engine, "before_cursor_execute", self._statement)
        event.listen(db.engine, "begin", self._begin)
        event.listen(db.engine.pool, "checkout", self._checkout)

    def _statement(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA")):
            self.sql.append(statement)

    def _begin(self, _conn: Any) -> None:
        self.begins += 1

    def _checkout(self, *_args: Any) -> None:
        self.checkouts += 1

    def reset(self) -> None:
        self.sql.clear()
        self.begins = self.checkouts = 0


@pytest.fixture
def watched(client: TestClient) -> Iterator[Statements]:
    yield Statements(client.app.state.web.db)  # type: ignore[attr-defined]


def test_the_plan_page_reads_each_fact_once_in_one_transaction(
    client: TestClient, watched: Statements
) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    page = f"/w/{ws}/p/{import_plan(client, ws)}"
    assert client.get(page).status_code == 200
    watched.reset()
    assert client.get(page).status_code == 200
    assert watched.begins == 1 and watched.checkouts == 1, watched.sql
    assert len(watched.sql) == PLAN_PAGE_READS, "\n\n".join(watched.sql)


def _probe_app(settings: Settings) -> tuple[FastAPI, list[Any]]:
    """The real app with one more route that keeps what its read session did."""
    app = create_app(settings)
    seen: list[Any] = []

    @app.get("/probe/{change}")
    def probe(s: ReadSession, change: int) -> dict[str, int]:
        seen.append(s)
        if change:
            s.execute(text("DELETE FROM users"))
        return {"users": s.execute(text("SELECT count(*) FROM users")).scalar_one()}

    return app, seen


def test_the_read_session_is_closed_after_the_handler_and_refuses_changes(
    settings: Settings,
) -> None:
    app, seen = _probe_app(settings)
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as probe:
        sign_up(probe, "alice@example.com")
        assert probe.get("/probe/0").json() == {"users": 1}
        assert not seen[0].in_transaction()  # closed (its connection back in the pool)
        assert probe.get("/probe/1").status_code == 500  # a change in a read session
        assert not seen[1].in_transaction()
        assert probe.get("/probe/0").json() == {"users": 1}  # nothing was deleted
    app.state.web.db.dispose()


def test_no_database_work_runs_on_the_event_loop(client: TestClient) -> None:
    """Forms that used to be read by ``async`` handlers (compare, learning log, readiness)
    and the pages on the request's read session: every statement from a worker thread."""
    on_loop: list[str] = []

    def watch(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return
        on_loop.append(statement)

    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan = f"/w/{ws}/p/{import_plan(client, ws)}"
    event.listen(client.app.state.web.db.engine, "before_cursor_execute", watch)  # type: ignore[attr-defined]
    token = csrf(client, plan)
    posts = {
        f"{plan}/compare": {"w-cost": "3"},
        f"{plan}/learning": {"minutes_saved": "not a number"},
        f"/w/{ws}/readiness": {"page": "1", "go": "back"},
    }
    for path, form in posts.items():
        answer = client.post(path, data={"csrf_token": token, **form}, follow_redirects=False)
        assert answer.status_code in (303, 422), (path, answer.status_code)
    for page in (plan, f"{plan}/compare", "/workspaces", f"/w/{ws}/readiness"):
        assert client.get(page).status_code == 200
    assert on_loop == []
