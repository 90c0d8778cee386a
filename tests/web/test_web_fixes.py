"""One-click fixes of the health check in the browser: the button saves a new version
with a note in words, the finding is gone, and a fix that has nothing left to do changes
nothing."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from aibudget.planfile import plan_from_text
from tests.web.helpers import EXAMPLE, csrf, import_plan, new_workspace, sign_up

NO_RESERVE = EXAMPLE.read_text(encoding="utf-8").replace(
    "min_reserve_share: 0.1", "min_reserve_share: 0"
)


def _setup(client: TestClient) -> tuple[str, str]:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    assert "min_reserve_share: 0\n" in NO_RESERVE
    return ws, import_plan(client, ws, NO_RESERVE)


def _fix(client: TestClient, ws: str, plan_id: str, key: str) -> str:
    token = csrf(client, f"/w/{ws}/p/{plan_id}")
    response = client.post(
        f"/w/{ws}/p/{plan_id}/health/fix",
        data={"csrf_token": token, "finding": key},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return response.headers["location"]


def _version(client: TestClient, ws: str, plan_id: str, number: int) -> str | None:
    response = client.get(f"/w/{ws}/p/{plan_id}/v/{number}.yaml")
    return response.text if response.status_code == 200 else None


def test_the_button_saves_a_new_version_and_the_finding_is_gone(client: TestClient) -> None:
    ws, plan_id = _setup(client)
    page = client.get(f"/w/{ws}/p/{plan_id}").text
    assert 'data-rule="no_reserve"' in page
    assert 'name="finding" value="lint.no_reserve"' in page
    assert "套用修正" in page and "一鍵修正：預備金設為預算的 10.0%" in page

    assert _fix(client, ws, plan_id, "lint.no_reserve") == f"/w/{ws}/p/{plan_id}#health"

    saved = _version(client, ws, plan_id, 2)
    assert saved is not None
    assert str(plan_from_text(saved).budget.min_reserve_share) in ("0.1", "0.10")
    page = client.get(f"/w/{ws}/p/{plan_id}").text
    notes = re.findall(r'<p class="note">([^<]*)</p>', page)
    assert "健康檢查修正：預備金設為預算的 10.0%" in notes
    assert 'data-rule="no_reserve"' not in page


def test_a_fix_that_has_nothing_left_to_do_changes_nothing(client: TestClient) -> None:
    ws, plan_id = _setup(client)
    _fix(client, ws, plan_id, "lint.no_reserve")
    gone = _fix(client, ws, plan_id, "lint.no_reserve")  # pressed again, e.g. in another tab
    assert gone.startswith(f"/w/{ws}/p/{plan_id}/health/gone")
    assert _version(client, ws, plan_id, 3) is None
    page = client.get(gone).text
    assert "這個問題已經不在計畫中了" in page and 'data-testid="fix-notice"' in page
    _fix(client, ws, plan_id, "lint.no_such_rule~nothing")
    assert _version(client, ws, plan_id, 3) is None


def test_findings_name_the_item_and_never_show_a_path(client: TestClient) -> None:
    ws, plan_id = _setup(client)
    page = client.get(f"/w/{ws}/p/{plan_id}").text
    assert not re.search(r"(tools|goals|team)\[\d+\]", page)
    assert '<code class="where">' not in page
    assert (
        "budget.min_reserve_share" not in page and "YAML" not in page.split('id="health"')[1][:4000]
    )


def test_a_reader_sees_the_fix_in_words_without_a_button(client: TestClient) -> None:
    ws, plan_id = _setup(client)
    old = client.get(f"/w/{ws}/p/{plan_id}?v=1").text
    assert "套用修正" in old
    _fix(client, ws, plan_id, "lint.no_reserve")
    older = client.get(f"/w/{ws}/p/{plan_id}?v=1").text  # an old version is read, not fixed
    assert 'data-rule="no_reserve"' in older and 'data-testid="apply-fix"' not in older
