"""Writes through the JSON API at the same moment: every 2xx is kept.

Thirty actuals entries and thirty plan saves are posted from threads released together
(the app runs them on its worker threads, each with its own connection to the SQLite
file). Afterwards a second, independent connection to the file recounts what is stored.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from aibudget.settings import Settings
from tests.web.test_web_api_monitor import _document, _setup

WRITERS = 30


def _at_once(count: int, send: Callable[[int], Any]) -> list[Any]:
    start = threading.Barrier(count)

    def one(i: int) -> Any:
        start.wait()
        return send(i)

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(one, range(count)))


def _recount(settings: Settings, sql: str, *params: str) -> list[tuple[Any, ...]]:
    path = settings.database_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, params).fetchall()


def test_every_acknowledged_entry_and_save_is_stored(
    client: TestClient, settings: Settings, tmp_path: Path
) -> None:
    auth, url, plan_file = _setup(client, tmp_path)
    plan_id = url.rsplit("/", 1)[-1]
    months = [f"2027-{m:02d}" for m in range(1, 13)]  # the plan's first year
    lines = ["subscription", "training", "integration"]
    entries = [
        {"month": months[i % 12], "tool": "chatgpt", "line": lines[i // 12], "amount": 100 + i}
        for i in range(WRITERS)
    ]
    answers = _at_once(
        WRITERS, lambda i: client.post(f"{url}/actuals", json=entries[i], headers=auth)
    )
    assert {a.status_code for a in answers} <= {201, 409}
    acknowledged = {
        (e["month"], e["line"], e["amount"])
        for e, a in zip(entries, answers, strict=True)
        if a.status_code == 201
    }
    (document,) = _recount(settings, "SELECT document FROM plan_actuals WHERE plan_id = ?", plan_id)
    records = json.loads(document[0])["records"]
    assert {(r["month"], r["line"], int(r["amount"])) for r in records} == acknowledged
    assert len(acknowledged) == WRITERS  # the write lock queues them: none was refused

    document_in = _document(plan_file)
    saves = _at_once(
        WRITERS,
        lambda i: client.post(
            f"{url}/versions", json={"document": document_in, "note": f"save {i}"}, headers=auth
        ),
    )
    assert {a.status_code for a in saves} <= {201, 409}
    saved = sorted((a.json()["number"], a.json()["note"]) for a in saves if a.status_code == 201)
    rows = _recount(
        settings,
        "SELECT number, note FROM plan_versions WHERE plan_id = ? ORDER BY number",
        plan_id,
    )
    assert rows[1:] == saved
    assert len(saved) == WRITERS
