"""Adopting the optimiser's allocation in the browser: a confirmation page in words, a
new version on confirmation whose own figures are the allocation's."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from aibudget.engine.cashflow import evaluate
from aibudget.engine.optimize import optimize
from aibudget.planfile import load_plan, plan_from_text
from tests.web.helpers import EXAMPLE, csrf, import_plan, new_workspace, sign_up


def _plan(client: TestClient) -> tuple[str, str]:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    return ws, import_plan(client, ws)


def _confirm(client: TestClient, ws: str, plan_id: str, version: int) -> int:
    token = csrf(client, f"/w/{ws}/p/{plan_id}/adopt")
    response = client.post(
        f"/w/{ws}/p/{plan_id}/adopt",
        data={"csrf_token": token, "version": str(version)},
        follow_redirects=False,
    )
    return response.status_code


def test_the_allocation_page_offers_to_adopt_a_proposal(client: TestClient) -> None:
    ws, plan_id = _plan(client)
    page = client.get(f"/w/{ws}/p/{plan_id}/v/1/allocation").text
    assert "建議配置（尚未採用）" in page and f"/w/{ws}/p/{plan_id}/adopt" in page


def test_the_confirmation_page_lists_the_changes_in_words(client: TestClient) -> None:
    ws, plan_id = _plan(client)
    page = client.get(f"/w/{ws}/p/{plan_id}/adopt").text
    changes = re.findall(r"<li>([^<]*)</li>", page.split('data-testid="adopt-changes"')[1])
    assert "Canva Pro：開始月份 由 1 改為 4" in changes
    assert "Mailchimp Standard：開始月份 由 4 改為 1" in changes
    assert any(c.startswith("訓練：增加 NT$") for c in changes)
    assert _version_count(client, ws, plan_id) == 1  # looking changes nothing


def _version_count(client: TestClient, ws: str, plan_id: str) -> int:
    n = 1
    while client.get(f"/w/{ws}/p/{plan_id}/v/{n + 1}.yaml").status_code == 200:
        n += 1
    return n


def test_confirming_saves_a_version_that_spends_what_the_allocation_said(
    client: TestClient,
) -> None:
    ws, plan_id = _plan(client)
    assert _confirm(client, ws, plan_id, 1) == 303
    assert _version_count(client, ws, plan_id) == 2
    page = client.get(f"/w/{ws}/p/{plan_id}").text
    assert re.search(r'<p class="note">採用建議配置：[^<]*Canva Pro：開始月份 由 1 改為 4', page)

    result = optimize(load_plan(EXAMPLE), explain=False)
    adopted = plan_from_text(client.get(f"/w/{ws}/p/{plan_id}/v/2.yaml").text)
    spent = evaluate(adopted).costs_by_line
    for line, amount in result.line_items.items():
        if line != "reserve":
            assert abs(spent[line] - amount) < 1, line
    chosen = {t.id: (t.chosen_plan().id, t.start_month) for t in adopted.tools}  # type: ignore[union-attr]
    assert chosen == {s.tool: (s.plan, s.start_month) for s in result.selected}

    allocation = client.get(f"/w/{ws}/p/{plan_id}/v/2/allocation").text
    assert "建議配置（尚未採用）" not in allocation and "計畫已採用此配置" in allocation
    again = client.get(f"/w/{ws}/p/{plan_id}/adopt").text
    assert "計畫已經和這個配置一致" in again


def test_a_confirmation_from_an_older_version_saves_nothing(client: TestClient) -> None:
    ws, plan_id = _plan(client)
    assert _confirm(client, ws, plan_id, 1) == 303
    status = _confirm(client, ws, plan_id, 1)  # the page was opened before v2 was saved
    assert status == 200 and _version_count(client, ws, plan_id) == 2
