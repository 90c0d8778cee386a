"""The JSON API corrects (PUT) and deletes (DELETE) one entry by its fingerprint, with the
page's rules and messages: 409 for an entry no longer there, 422 naming each bad field."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from aibudget.i18n import Translator
from aibudget.store import audit
from tests.web.test_web_api import _shape
from tests.web.test_web_api_monitor import _setup

T = Translator("zh_TW")
ENTRY = {"month": "2027-02", "tool": "chatgpt", "line": "subscription", "amount": "1,600"}


def _records(client: TestClient, url: str, auth: dict[str, str]) -> list[dict[str, Any]]:
    return list(client.get(f"{url}/actuals", headers=auth).json()["records"])


def _log(client: TestClient, url: str) -> list[tuple[str, dict[str, Any]]]:
    ws = url.split("/workspaces/", 1)[1].split("/", 1)[0]
    web = client.app.state.web  # type: ignore[attr-defined]
    with web.db.session() as s:
        return [(e.action, e.detail) for e in audit.entries(s, ws)]


def _two_entries(client: TestClient, url: str, auth: dict[str, str]) -> list[dict[str, Any]]:
    for month in ("2027-02", "2027-03"):
        made = client.post(f"{url}/actuals", json={**ENTRY, "month": month}, headers=auth)
        assert made.status_code == 201, made.text
    return _records(client, url, auth)


def test_put_replaces_exactly_that_entry_and_is_audited(client: TestClient, tmp_path: Path) -> None:
    auth, url, _ = _setup(client, tmp_path)
    first, second = _two_entries(client, url, auth)
    body = {**ENTRY, "amount": 1750, "hours_saved": "8", "note": "發票更正"}
    done = client.put(f"{url}/actuals/{first['fingerprint']}", json=body, headers=auth)
    assert done.status_code == 200, done.text
    record = done.json()["record"]
    assert Decimal(record["amount"]) == 1750 and record["note"] == "發票更正"
    assert record["fingerprint"] != first["fingerprint"]
    assert _records(client, url, auth) == [record, second]
    assert done.json()["actuals"]["records"] == [record, second]
    action, detail = _log(client, url)[0]
    assert action == "actuals.corrected"
    assert (detail["before"]["amount"], detail["after"]["amount"]) == ("1600", "1750")
    stale = client.put(f"{url}/actuals/{first['fingerprint']}", json=body, headers=auth)
    error = _shape(stale, 409, "actuals.entry_gone")
    assert error["message"] == T("actuals.entry_gone")
    assert _records(client, url, auth) == [record, second]


def test_delete_removes_that_entry_once(client: TestClient, tmp_path: Path) -> None:
    auth, url, _ = _setup(client, tmp_path)
    first, second = _two_entries(client, url, auth)
    gone = client.delete(f"{url}/actuals/{first['fingerprint']}", headers=auth)
    assert gone.status_code == 204
    assert _records(client, url, auth) == [second]
    action, detail = _log(client, url)[0]
    assert action == "actuals.deleted" and detail["before"]["month"] == "2027-02"
    _shape(client.delete(f"{url}/actuals/{first['fingerprint']}", headers=auth), 409)
    assert _records(client, url, auth) == [second]
    assert [a for a, _ in _log(client, url)].count("actuals.deleted") == 1


def test_impossible_values_are_422_naming_the_field_and_write_nothing(
    client: TestClient, tmp_path: Path
) -> None:
    auth, url, _ = _setup(client, tmp_path)  # the plan covers 2027-01 to 2027-12
    covers = {"first": "2027-01", "last": "2027-12", "setup": "2026-12"}
    for month in ("2025-01", "2028-01"):
        bad = client.post(f"{url}/actuals", json={**ENTRY, "month": month}, headers=auth)
        error = _shape(bad, 422, "monitor.api.entry_invalid")
        assert error["fields"] == [
            {"path": "month", "message": T("actuals.month_outside", month=month, **covers),
             "line": None},
        ]  # fmt: skip
    negative = {**ENTRY, "amount": -500, "hours_saved": "-2"}
    error = _shape(client.post(f"{url}/actuals", json=negative, headers=auth), 422)
    assert {f["path"]: f["message"] for f in error["fields"]} == {
        "amount": T("actuals.negative_amount"),
        "hours_saved": T("actuals.negative_hours"),
    }
    assert _records(client, url, auth) == []
    first, second = _two_entries(client, url, auth)
    put = client.put(
        f"{url}/actuals/{first['fingerprint']}",
        json={**ENTRY, "month": "2031-01", "amount": "-1"},
        headers=auth,
    )
    error = _shape(put, 422, "monitor.api.entry_invalid")
    assert {f["path"] for f in error["fields"]} == {"month", "amount"}
    clash = client.put(
        f"{url}/actuals/{first['fingerprint']}", json={**ENTRY, "month": "2027-03"}, headers=auth
    )
    _shape(clash, 409, "monitor.web.correction_conflict")
    assert _records(client, url, auth) == [first, second]
    assert _log(client, url)[0][0] == "actuals.entered"


def test_viewers_and_strangers_cannot_change_entries(client: TestClient, tmp_path: Path) -> None:
    auth, url, _ = _setup(client, tmp_path)
    [first, _] = _two_entries(client, url, auth)
    client.cookies.clear()
    other, _, _ = _setup(client, tmp_path, "mallory@example.com")
    _shape(client.delete(f"{url}/actuals/{first['fingerprint']}", headers=other), 404)
    put = client.put(f"{url}/actuals/{first['fingerprint']}", json=ENTRY, headers=other)
    _shape(put, 404)
    assert len(_records(client, url, auth)) == 2
