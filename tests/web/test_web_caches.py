"""What the app remembers per process (rendered plan pages, checked session cookies) is
never served stale: every change in the database, made by this process or another one,
shows at once, and access rules hold as without the caches."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete

from aibudget.engine.simulate import evaluate_and_simulate
from aibudget.planfile import load_plan
from aibudget.service import evaluation
from aibudget.settings import Settings
from aibudget.store import plans, users, workspaces
from aibudget.store.db import Database
from aibudget.store.models import MembershipRow
from aibudget.store.records import Role, Status
from aibudget.web import security
from aibudget.web.api import evaluation_json
from aibudget.web.plan_views import HISTORY_ON_PAGE
from aibudget.web.security import COOKIE, Sessions
from aibudget.web.state import PAGE_CHARS, PAGES_KEPT, WebState
from tests.web.helpers import CSRF_RE, EXAMPLE, csrf, import_plan, new_workspace, sign_up


@pytest.fixture
def other_process(settings: Settings) -> Iterator[Database]:
    """The same database as another worker process (or the CLI) sees it."""
    db = Database.from_url(settings.database_url)
    yield db
    db.dispose()


def _web(client: TestClient) -> WebState:
    web: WebState = client.app.state.web  # type: ignore[attr-defined]
    return web


def _ids(db: Database, email: str) -> str:
    with db.write() as s:
        found = users.authenticate(s, email, "correct horse battery")
    assert found is not None
    return found.id


def _plan(client: TestClient) -> tuple[str, str, str]:
    sign_up(client, "alice@example.com", "Alice")
    ws = new_workspace(client)
    plan_id = import_plan(client, ws)
    return ws, plan_id, f"/w/{ws}/p/{plan_id}"


def _join(db: Database, owner_id: str, ws: str, user_id: str, email: str, role: Role) -> None:
    with db.write() as s:
        token = workspaces.invite(s, owner_id, ws, email, role)
        workspaces.accept_invite(s, user_id, token)


def test_a_remembered_plan_page_is_the_page_rendered_afresh(client: TestClient) -> None:
    _ws, _plan_id, page = _plan(client)
    first = client.get(page)
    assert first.status_code == 200
    assert len(_web(client).pages) == 1
    again = client.get(page)
    _web(client).pages.clear()  # as a fresh process renders it
    fresh = client.get(page)
    assert first.text == again.text == fresh.text
    tokens = set(CSRF_RE.findall(first.text)) | set(
        re.findall(r'"X-CSRF-Token": "(\w+)"', first.text)
    )
    assert tokens == {csrf(client, "/workspaces")}  # the viewer's own token everywhere
    assert _web(client).csrf_slot not in first.text


def test_another_viewer_gets_their_own_name_token_and_buttons(
    client: TestClient, other_process: Database
) -> None:
    ws, _plan_id, page = _plan(client)
    alice_page = client.get(page).text
    alice_id = _ids(other_process, "alice@example.com")
    with TestClient(client.app, base_url="http://127.0.0.1") as bob:
        sign_up(bob, "bob@example.com", "Bob")
        bob_id = _ids(other_process, "bob@example.com")
        _join(other_process, alice_id, ws, bob_id, "bob@example.com", Role.OWNER)
        bob_page = bob.get(page).text  # the same page and role as Alice's
        assert ">Bob</a>" in bob_page and ">Alice</a>" not in bob_page
        assert CSRF_RE.findall(bob_page)[0] == csrf(bob, "/workspaces")
        assert CSRF_RE.findall(bob_page)[0] != CSRF_RE.findall(alice_page)[0]
    with TestClient(client.app, base_url="http://127.0.0.1") as carol:
        sign_up(carol, "carol@example.com", "Carol")
        carol_id = _ids(other_process, "carol@example.com")
        _join(other_process, alice_id, ws, carol_id, "carol@example.com", Role.VIEWER)
        assert f"{page}/edit" in alice_page and f"{page}/edit" not in carol.get(page).text
        _join(other_process, alice_id, ws, carol_id, "carol@example.com", Role.EDITOR)
        assert f"{page}/edit" in carol.get(page).text  # the raised role shows at once


def test_changes_by_another_process_show_on_a_remembered_page(
    client: TestClient, other_process: Database
) -> None:
    ws, plan_id, page = _plan(client)
    before = client.get(page).text
    assert "badge-approved" not in before
    alice = _ids(other_process, "alice@example.com")
    with other_process.write() as s:
        plans.set_status(s, alice, ws, plan_id, 1, Status.APPROVED)
    approved = client.get(page).text
    assert "badge-approved" in approved
    changed = load_plan(EXAMPLE).model_copy(deep=True)
    changed.company.name = "新店名咖啡"
    with other_process.write() as s:
        plans.save(s, alice, ws, plan_id, changed, "renamed the shop")
        plans.rename(s, alice, ws, plan_id, "Plan B")
    newest = client.get(page).text
    assert "新店名咖啡" in newest and "renamed the shop" in newest and "<h1>Plan B</h1>" in newest
    assert "新店名咖啡" not in client.get(page + "?v=1").text  # the old version as it was


def test_an_old_version_beyond_the_history_shows_its_new_status(
    client: TestClient, other_process: Database
) -> None:
    ws, plan_id, page = _plan(client)
    alice = _ids(other_process, "alice@example.com")
    with other_process.write() as s:
        for _ in range(HISTORY_ON_PAGE + 1):
            plans.save(s, alice, ws, plan_id, load_plan(EXAMPLE))
    title = re.compile(r"<p>v1 <span class=\"badge badge-(\w+)\"")
    found = title.search(client.get(page + "?v=1").text)
    assert found and found.group(1) == "draft"
    with other_process.write() as s:
        plans.set_status(s, alice, ws, plan_id, 1, Status.LIVE)
    found = title.search(client.get(page + "?v=1").text)
    assert found and found.group(1) == "live"


def test_a_removed_member_is_refused_although_the_page_was_remembered(
    client: TestClient, other_process: Database
) -> None:
    ws, plan_id, page = _plan(client)
    with TestClient(client.app, base_url="http://127.0.0.1") as bob:
        sign_up(bob, "bob@example.com", "Bob")
        alice_id, bob_id = (
            _ids(other_process, "alice@example.com"),
            _ids(other_process, "bob@example.com"),
        )
        _join(other_process, alice_id, ws, bob_id, "bob@example.com", Role.EDITOR)
        evaluate = f"/api/v1/workspaces/{ws}/plans/{plan_id}/versions/1/evaluate"
        headers = {"X-CSRF-Token": csrf(bob, "/workspaces")}
        assert bob.get(page).status_code == 200
        assert bob.post(evaluate, json={"trials": 1000}, headers=headers).status_code == 200
        with other_process.write() as s:
            s.execute(delete(MembershipRow).where(MembershipRow.user_id == bob_id))
        assert bob.get(page).status_code == 404
        assert bob.post(evaluate, json={"trials": 1000}, headers=headers).status_code == 404
    assert client.get(page).status_code == 200  # the owner still sees it


def test_signing_out_everywhere_ends_a_session_whose_cookie_was_checked(
    client: TestClient, other_process: Database
) -> None:
    _ws, _plan_id, page = _plan(client)
    assert client.get(page).status_code == 200
    with other_process.write() as s:
        users.end_all_sessions(s, _ids(other_process, "alice@example.com"))
    gone = client.get(page, follow_redirects=False)
    assert gone.status_code == 303 and gone.headers["location"].startswith("/login")


def test_the_language_and_a_form_shown_again_are_part_of_the_page(client: TestClient) -> None:
    ws, plan_id, page = _plan(client)
    assert 'lang="zh-Hant-TW"' in client.get(page).text
    client.post("/lang", data={"csrf_token": csrf(client, page), "lang": "en", "next": page})
    assert '<html lang="en">' in client.get(page).text
    form = {"csrf_token": csrf(client, page), "name": "Too early", "kpi": "conversion_rate"}
    form["deadline"] = "2020-01"
    shown = client.post(f"/w/{ws}/p/{plan_id}/add/goals", data=form)
    assert shown.status_code == 422 and 'value="Too early"' in shown.text
    assert 'value="Too early"' not in client.get(page).text  # not remembered with the form


def test_remembered_pages_are_bounded_in_entries_and_in_text(client: TestClient) -> None:
    """The bounds themselves are the memo's (tests/service/test_memo.py)."""
    pages = _web(client).pages
    for i in range(PAGES_KEPT + 5):
        pages.put(("page", i), "x")
    assert len(pages) == PAGES_KEPT and pages.get(("page", 0)) is None
    pages.put(("huge",), "z" * (PAGE_CHARS + 1))
    assert pages.get(("huge",)) is None


def test_a_cookie_is_refused_once_expired(monkeypatch: pytest.MonkeyPatch) -> None:
    sessions = Sessions("k" * 48)
    cookie = sessions.dump({"sid": "abc", "uid": "u1", "ep": 0})
    first = sessions.load(cookie)
    assert first["uid"] == "u1"
    first["uid"] = "someone else"  # a handler's change stays in its own copy
    assert sessions.load(cookie)["uid"] == "u1"
    later = time.time() + security.SESSION_SECONDS + 5
    monkeypatch.setattr(time, "time", lambda: later)
    assert "uid" not in sessions.load(cookie)  # too old now


def test_a_tampered_cookie_is_refused() -> None:
    sessions = Sessions("k" * 48)
    cookies = [sessions.dump({"sid": f"s{i}", "uid": f"u{i}"}) for i in range(4)]
    assert [sessions.load(c)["uid"] for c in cookies] == ["u0", "u1", "u2", "u3"]
    forged = Sessions("f" * 48).dump({"sid": "x", "uid": "u0"})
    assert "uid" not in sessions.load(forged)
    assert "uid" not in sessions.load(cookies[0][:-2] + "xx")


def test_the_session_cookie_is_written_only_when_needed(client: TestClient) -> None:
    _ws, _plan_id, page = _plan(client)
    assert "set-cookie" not in client.get(page).headers  # an unchanged session
    assert client.get(page).headers["x-content-type-options"] == "nosniff"
    client.cookies.clear()
    assert COOKIE in client.get("/login").headers["set-cookie"]  # a new visitor


def test_viewers_of_a_new_version_at_once_share_one_simulation(
    client: TestClient, other_process: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, plan_id, _page = _plan(client)
    alice = _ids(other_process, "alice@example.com")
    with other_process.session() as s:
        version = plans.version(s, alice, ws, plan_id, 1)
    runs: list[int] = []

    def slow_simulate(*args: Any, **kwargs: Any) -> Any:
        runs.append(1)
        time.sleep(0.2)  # long enough for the others to arrive meanwhile
        return evaluate_and_simulate(*args, **kwargs)

    monkeypatch.setattr(evaluation, "evaluate_and_simulate", slow_simulate)
    web = _web(client)
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda _: evaluation_json(web, alice, version, 1000), range(4)))
    assert len(runs) == 1 and len(set(answers)) == 1
    assert web.results.in_flight == 0  # nothing left behind
    evaluation_json(web, alice, version, 2000)  # other trials: a simulation of its own
    assert len(runs) == 2
