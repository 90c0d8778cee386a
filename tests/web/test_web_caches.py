"""What the app remembers per process (checked session cookies) is never served stale:
every change in the database, made by this process or another one, shows at once, and
access rules hold as without the caches."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from aibudget.settings import Settings
from aibudget.store import users
from aibudget.store.db import Database
from aibudget.web import security
from aibudget.web.security import COOKIE, Sessions
from tests.web.helpers import import_plan, new_workspace, sign_up


@pytest.fixture
def other_process(settings: Settings) -> Iterator[Database]:
    """The same database as another worker process (or the CLI) sees it."""
    db = Database.from_url(settings.database_url)
    yield db
    db.dispose()


def _ids(db: Database, email: str) -> str:
    with db.session() as s:
        found = users.authenticate(s, email, "correct horse battery")
    assert found is not None
    return found.id


def _plan(client: TestClient) -> tuple[str, str, str]:
    sign_up(client, "alice@example.com", "Alice")
    ws = new_workspace(client)
    plan_id = import_plan(client, ws)
    return ws, plan_id, f"/w/{ws}/p/{plan_id}"


def test_signing_out_everywhere_ends_a_session_whose_cookie_was_checked(
    client: TestClient, other_process: Database
) -> None:
    _ws, _plan_id, page = _plan(client)
    assert client.get(page).status_code == 200
    with other_process.session() as s:
        users.end_all_sessions(s, _ids(other_process, "alice@example.com"))
    gone = client.get(page, follow_redirects=False)
    assert gone.status_code == 303 and gone.headers["location"].startswith("/login")


def test_a_checked_cookie_is_still_refused_once_expired(monkeypatch: pytest.MonkeyPatch) -> None:
    sessions = Sessions("k" * 48)
    cookie = sessions.dump({"sid": "abc", "uid": "u1", "ep": 0})
    first = sessions.load(cookie)
    assert first["uid"] == "u1"
    first["uid"] = "someone else"  # a handler's change stays in its own copy
    assert sessions.load(cookie)["uid"] == "u1"
    later = security.time.time() + security.SESSION_SECONDS + 5
    monkeypatch.setattr(security.time, "time", lambda: later)
    assert "uid" not in sessions.load(cookie)  # remembered as checked, but too old now


def test_a_tampered_cookie_is_refused_and_checked_cookies_are_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(security, "VERIFIED_COOKIES", 2)
    sessions = Sessions("k" * 48)
    cookies = [sessions.dump({"sid": f"s{i}", "uid": f"u{i}"}) for i in range(4)]
    assert [sessions.load(c)["uid"] for c in cookies] == ["u0", "u1", "u2", "u3"]
    assert len(sessions._verified) == 2
    forged = Sessions("f" * 48).dump({"sid": "x", "uid": "u0"})
    assert "uid" not in sessions.load(forged)
    assert "uid" not in sessions.load(cookies[0][:-2] + "xx")


def test_the_session_cookie_is_written_only_when_needed(client: TestClient) -> None:
    _ws, _plan_id, page = _plan(client)
    assert "set-cookie" not in client.get(page).headers  # an unchanged session
    assert client.get(page).headers["x-content-type-options"] == "nosniff"
    client.cookies.clear()
    assert COOKIE in client.get("/login").headers["set-cookie"]  # a new visitor
