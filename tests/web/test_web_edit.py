"""Editing a plan step by step: each change is a new version, checked like an import."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from aibudget.catalog import tool_catalog
from aibudget.i18n import Translator
from tests.web.helpers import csrf, import_plan, new_workspace, sign_up

T = Translator("zh_TW")


def _plan(client: TestClient) -> tuple[str, str]:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    return ws, import_plan(client, ws)


def _history(client: TestClient, ws: str, plan_id: str) -> list[str]:
    return re.findall(r">v(\d+)</a></td>", client.get(f"/w/{ws}/p/{plan_id}").text)


def test_a_goal_added_in_the_form_is_a_new_version(client: TestClient) -> None:
    ws, plan_id = _plan(client)
    token = csrf(client, f"/w/{ws}/p/{plan_id}")
    form = {
        "csrf_token": token,
        "name": "電子報開信率從 18% 提升到 25%",
        "kpi": "email_open_rate",
        "baseline": "18",
        "target": "25",
        "deadline": "2027-12",
        "priority": "2",
    }
    done = client.post(f"/w/{ws}/p/{plan_id}/add/goals", data=form)
    assert done.status_code == 200, done.text
    assert "電子報開信率從 18% 提升到 25%" in done.text
    assert _history(client, ws, plan_id) == ["2", "1"]
    assert T("web.note_added", what="電子報開信率從 18% 提升到 25%") in done.text


def test_a_bad_goal_shows_the_cli_message_beside_its_field(client: TestClient) -> None:
    ws, plan_id = _plan(client)
    token = csrf(client, f"/w/{ws}/p/{plan_id}")
    form = {
        "csrf_token": token,
        "name": "太早的目標",
        "kpi": "conversion_rate",
        "deadline": "2020-01",
    }
    page = client.post(f"/w/{ws}/p/{plan_id}/add/goals", data=form)
    assert page.status_code == 422
    expected = T("ref.deadline_before_start", deadline="2020-01", start="2027-01")
    assert re.search(r'id="goals-deadline-p">' + re.escape(expected), page.text)
    assert 'value="太早的目標"' in page.text  # what was typed is kept
    assert _history(client, ws, plan_id) == ["1"]


def test_team_members_are_added_and_an_owner_cannot_be_removed(client: TestClient) -> None:
    ws, plan_id = _plan(client)
    token = csrf(client, f"/w/{ws}/p/{plan_id}")
    form = {
        "csrf_token": token,
        "name": "Mei",
        "role": "designer",
        "hourly_cost": "300",
        "free_hours_per_month": "10",
        "ai_skill": "beginner",
    }
    assert client.post(f"/w/{ws}/p/{plan_id}/add/team", data=form).status_code == 200
    refused = client.post(f"/w/{ws}/p/{plan_id}/remove/team/editor", data={"csrf_token": token})
    assert refused.status_code == 422
    assert "小陳 仍負責或參與 ChatGPT Business" in refused.text  # by name, not "editor"
    removed = client.post(f"/w/{ws}/p/{plan_id}/remove/team/Mei", data={"csrf_token": token})
    assert removed.status_code == 200 and T("web.note_removed", what="Mei") in removed.text
    assert _history(client, ws, plan_id) == ["3", "2", "1"]
    missing = client.post(f"/w/{ws}/p/{plan_id}/remove/team/nobody", data={"csrf_token": token})
    assert missing.status_code == 404


def test_the_catalog_is_searched_filtered_and_adds_a_tool(client: TestClient) -> None:
    ws, plan_id = _plan(client)
    catalog = tool_catalog()
    entry = next(e for e in catalog.values() if e.category.value == "chatbot")
    url = f"/w/{ws}/p/{plan_id}/catalog"
    found = client.get(url, params={"q": entry.name.lower()})
    assert entry.name in found.text and "<html" in found.text
    partial = client.get(url, params={"category": "chatbot"}, headers={"HX-Request": "true"})
    assert "<html" not in partial.text and entry.name in partial.text
    others = [e.name for e in catalog.values() if e.category.value != "chatbot"]
    assert not any(f"<h2>{name} " in partial.text for name in others)
    token = csrf(client, url)
    added = client.post(
        f"/w/{ws}/p/{plan_id}/add-tool",
        data={"csrf_token": token, "catalog_id": entry.id, "owner": "editor"},
    )
    assert added.status_code == 200 and entry.name in added.text
    assert _history(client, ws, plan_id) == ["2", "1"]
    again = client.get(url, params={"q": entry.name.lower()})
    assert T("web.in_plan") in again.text
