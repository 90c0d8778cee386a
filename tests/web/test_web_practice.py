"""The team learning log, its agenda, the review beside it, the comparison and the
worries answered, driven through the web app; every "saved" checked by a second
connection to the database file."""

from __future__ import annotations

import re
import sqlite3
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import yaml
from fastapi.testclient import TestClient

from aibudget.catalog import readiness_questionnaire
from aibudget.engine.cashflow import evaluate
from aibudget.engine.optimize import optimize
from aibudget.i18n import Translator
from aibudget.planfile import load_plan
from aibudget.settings import Settings
from aibudget.store import assessments, plans
from aibudget.store.db import Database, make_engine
from tests.web.helpers import EXAMPLE, csrf, import_plan, new_workspace, sign_up

ACTUALS = EXAMPLE.parent / "taipei-cafe-actuals.csv"


def _db(settings: Settings) -> sqlite3.Connection:
    return sqlite3.connect(settings.database_url.removeprefix("sqlite:///"))


def _rows(settings: Settings, sql: str) -> list[tuple[object, ...]]:
    with _db(settings) as conn:
        return conn.execute(sql).fetchall()


def _setup(client: TestClient) -> tuple[str, str]:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    return ws, import_plan(client, ws)


def _add(client: TestClient, ws: str, plan_id: str, **values: str) -> tuple[int, str]:
    base = f"/w/{ws}/p/{plan_id}/learning"
    data = {"csrf_token": csrf(client, base), "tool": "chatgpt", "who": "小陳"} | values
    response = client.post(base, data=data, follow_redirects=True)
    return response.status_code, response.text


def test_an_entry_typed_on_the_page_is_stored_audited_and_shown(
    client: TestClient, settings: Settings
) -> None:
    ws, plan_id = _setup(client)
    status, page = _add(
        client, ws, plan_id, tried="用它寫三篇貼文", minutes_saved="45", tip="先給範例", on=""
    )
    assert status == 200 and "已存入學習紀錄" in page and "用它寫三篇貼文" in page
    stored = _rows(settings, 'SELECT tool, who, tried, minutes_saved, tip, "on" FROM learning_log')
    assert stored == [
        ("chatgpt", "小陳", "用它寫三篇貼文", 45, "先給範例", date.today().isoformat())
    ]
    actions = [r[0] for r in _rows(settings, "SELECT action FROM audit_log")]
    assert actions.count("learning.added") == 1
    plan_page = client.get(f"/w/{ws}/p/{plan_id}").text
    assert "小陳用 ChatGPT Business 省下了 45 分鐘" in plan_page  # a small win, as it happens


def test_bad_entries_name_each_field_and_store_nothing(
    client: TestClient, settings: Settings
) -> None:
    ws, plan_id = _setup(client)
    status, page = _add(
        client, ws, plan_id, tool="nope", who=" ", tried="", minutes_saved="1.5", on="2999-01-01"
    )
    assert status == 422
    for text in ("請選擇計畫中的一個工具", "請填寫這一欄", "整數分鐘數", "不晚於今天"):
        assert text in page
    assert _rows(settings, "SELECT count(*) FROM learning_log") == [(0,)]


def test_the_agenda_names_the_tool_that_saved_most_this_month(client: TestClient) -> None:
    ws, plan_id = _setup(client)
    today = date.today().isoformat()
    for tool, minutes in (("chatgpt", "30"), ("canva", "50"), ("chatgpt", "40")):
        _add(client, ws, plan_id, tool=tool, tried="試用", minutes_saved=minutes, on=today)
    page = client.get(f"/w/{ws}/p/{plan_id}/learning/agenda").text
    top = re.search(r'data-testid="agenda-top">([^<]+)<', page)
    assert top and top.group(1) == "ChatGPT Business：這個月共省下 70 分鐘。"  # 30 + 40 > 50
    assert "ChatGPT Business 為什麼最省時間" in page
    older = client.get(f"/w/{ws}/p/{plan_id}/learning/agenda?month=2020-01").text
    assert "這個月還沒有紀錄" in older
    assert client.get(f"/w/{ws}/p/{plan_id}/learning/agenda?month=13-2020").status_code == 400


def test_the_review_shows_minutes_logged_beside_the_hours_recorded(
    client: TestClient, settings: Settings
) -> None:
    ws, plan_id = _setup(client)
    base = f"/w/{ws}/p/{plan_id}"
    preview = client.post(
        f"{base}/actuals/preview",
        data={"csrf_token": csrf(client, f"{base}/actuals"), "format": ""},
        files={"upload": (ACTUALS.name, ACTUALS.read_bytes(), "text/csv")},
    )
    import_id = re.search(r'name="import_id" value="([0-9a-f]+)"', preview.text)
    assert import_id
    client.post(
        f"{base}/actuals/confirm",
        data={"csrf_token": csrf(client, f"{base}/actuals"), "import_id": import_id.group(1)},
    )
    _add(client, ws, plan_id, tried="商品文案", minutes_saved="90")
    page = client.get(f"{base}/review").text
    assert 'data-testid="learning-review"' in page
    cell = re.search(r'data-testid="logged-chatgpt">([^<]+)<', page)
    assert cell and cell.group(1) == "1.5 小時（省下 90 分鐘）"
    recorded = sum(  # the hours saved in the file, summed here independently
        Decimal(line.split(",")[8])
        for line in ACTUALS.read_text(encoding="utf-8").splitlines()[1:]
        if line.split(",")[1] == "chatgpt" and line.split(",")[8]
    )
    row = re.search(r"<th scope=\"row\">ChatGPT Business</th><td>([^<]+)</td>", page)
    assert row and row.group(1) == f"{Translator('zh_TW').number(recorded, 1)} 小時"
    wins = client.get(base).text.split('data-testid="small-wins"', 1)[1].split("</ul>", 1)[0]
    assert "首度累積節省 10 小時" in wins and "小陳用 ChatGPT Business 省下了 90 分鐘" in wins
    assert "進展中" in wins  # the example's KPIs move towards their targets


def test_comparison_weights_are_saved_with_the_plan_and_change_the_ranking(
    client: TestClient,
) -> None:
    ws, plan_id = _setup(client)
    base = f"/w/{ws}/p/{plan_id}/compare"

    def ranking() -> list[str]:
        page = client.get(base).text
        block = page.split('data-testid="ranking"', 1)[1].split("</ol>", 1)[0]
        return re.findall(r"<strong>([^<]+)</strong>", block)

    weights = {f"w-{c}": "0" for c in ("features", "ease", "chinese", "integration", "support")}
    # only cost counts: Canva (cheapest) first, then against only the features ...
    client.post(base, data={"csrf_token": csrf(client, base), "w-cost": "5", **weights})
    by_cost = ranking()
    own = {"s-mailchimp-cost": "5", "s-chatgpt-cost": "1", "s-canva-cost": "1"}
    saved = client.post(
        base, data={"csrf_token": csrf(client, base), "w-cost": "5", **weights, **own}
    )
    assert "已儲存為計畫的新版本" in saved.text
    assert by_cost[0] == "Canva Pro"  # free: the best cost score
    assert ranking()[0] == "Mailchimp Standard"  # the owner's own cost scores win
    versions = client.get(f"/w/{ws}/p/{plan_id}").text
    assert "調整了工具比較的重要程度與分數" in versions


def test_the_stack_is_edited_in_the_builder(client: TestClient) -> None:
    ws, plan_id = _setup(client)
    address = f"/w/{ws}/p/{plan_id}/edit/stack"
    form = client.get(address)
    assert form.status_code == 200 and "網站或商店平台" in form.text
    client.post(
        address,
        data={
            "csrf_token": csrf(client, address), "base": "1", "stack.website": "SHOPLINE",
            "stack.social": "Facebook、Instagram", "stack.line_oa": "on",
        },
    )  # fmt: skip
    compare = client.get(f"/w/{ws}/p/{plan_id}/compare").text
    assert "您現在使用的工具：SHOPLINE、Facebook、Instagram、LINE。" in compare


def test_the_evaluation_opens_with_a_summary_and_answers_every_worry(
    client: TestClient,
) -> None:
    ws, plan_id = _setup(client)
    page = client.get(f"/w/{ws}/p/{plan_id}/v/1/evaluate?trials=500").text
    assert 'data-testid="plain-summary"' in page
    plan = load_plan(EXAMPLE)
    result = evaluate(plan)  # the most the pilot can lose: months 0..pilot of costs
    most = sum(result.monthly_costs[: plan.budget.pilot.months + 1])
    assert f"最多損失 {Translator('zh_TW').money(most, 'TWD')}" in page
    prob = re.search(r'data-testid="prob-loss">([^<]+)<', page)
    assert prob
    # the same chance in the summary as in the headline (one computation)
    assert (
        f"{prob.group(1).split('.')[0].rstrip('%')}" in page.split('data-testid="plain-summary"')[1]
    )
    for title in ("錢會回來嗎？", "AI 會取代員工嗎？", "會不會太難學？"):
        assert title in page  # no readiness check yet: every worry answered
    allocation = client.get(f"/w/{ws}/p/{plan_id}/v/1/allocation").text
    assert 'data-testid="plain-summary"' in allocation and "為什麼選這些工具？" in allocation
    chosen = optimize(plan).selected  # the optimiser's phases, as the page words them
    pilot = [s.name for s in chosen if s.phase == "pilot"]
    later = [s.name for s in chosen if s.phase == "scale"]
    assert pilot and later
    assert f"先試用 {len(pilot)} 個：{'、'.join(pilot)}。" in allocation
    assert f"試行順利後才加入：{'、'.join(later)}。" in allocation


def test_api_adds_lists_and_removes_entries(client: TestClient, settings: Settings) -> None:
    ws, plan_id = _setup(client)
    page = client.post(
        "/account/tokens", data={"csrf_token": csrf(client, "/account"), "name": "script"}
    )
    token = re.search(r'data-testid="api-token">([^<]+)<', page.text)
    assert token
    auth = {"Authorization": f"Bearer {token.group(1)}"}
    url = f"/api/v1/workspaces/{ws}/plans/{plan_id}/learning"
    bad = client.post(url, json={"tool": "nope", "who": "", "tried": "x"}, headers=auth)
    assert bad.status_code == 422
    assert {f["path"] for f in bad.json()["error"]["fields"]} == {"tool", "who"}
    made = client.post(
        url,
        json={"tool": "canva", "who": "阿芳", "tried": "做海報", "minutes_saved": 20},
        headers=auth,
    )
    assert made.status_code == 201
    assert [e["minutes_saved"] for e in client.get(url, headers=auth).json()] == [20]
    assert client.delete(f"{url}/{made.json()['id']}", headers=auth).status_code == 204
    assert _rows(settings, "SELECT count(*) FROM learning_log") == [(0,)]
    assert client.delete(f"{url}/{made.json()['id']}", headers=auth).status_code == 404


def test_the_owners_ai_skill_sets_the_new_tools_ramp_and_training(
    client: TestClient, settings: Settings
) -> None:
    ws, plan_id = _setup(client)
    base = f"/w/{ws}/p/{plan_id}"
    for owner in ("manager", "editor"):  # AI skill: none, intermediate (the example's team)
        added = client.post(
            f"{base}/add-tool",
            data={"csrf_token": csrf(client, base), "catalog_id": "chatgpt-plus", "owner": owner},
            follow_redirects=False,
        )
        assert added.status_code == 303, added.text
    second = Database(make_engine(settings.database_url))  # a second connection
    with second.session() as session:
        (user_id,) = _rows(settings, "SELECT id FROM users")[0]
        plan = plans.version(session, str(user_id), ws, plan_id).plan
    second.dispose()
    tools = {
        t.owner: t.model_dump(mode="json") for t in plan.tools if t.catalog_id == "chatgpt-plus"
    }
    assert tools["manager"]["ramp_months"] == 6
    assert Decimal(tools["manager"]["training"]["hours_per_person"]) == 8
    assert tools["editor"]["ramp_months"] == 3
    assert Decimal(tools["editor"]["training"]["hours_per_person"]) == 0


def test_the_pdf_opens_with_the_summary_and_has_the_learning_log(
    client: TestClient, tmp_path: Path
) -> None:
    ws, plan_id = _setup(client)
    _add(client, ws, plan_id, tried="商品文案", minutes_saved="90", tip="先給範例再請它改寫")
    response = client.get(f"/w/{ws}/p/{plan_id}/v/1/report.pdf")
    assert response.status_code == 200
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(  # read back by poppler, independently of the writer
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    flat = re.sub(r"\s+", "", text)
    for expected in (
        "這份計畫在24個月內預計花費",
        "回應您的擔心",
        "錢會回來嗎？",
        "團隊學習紀錄",
        "ChatGPTBusiness：90分鐘",
        "先給範例再請它改寫",
    ):
        assert re.sub(r"\s+", "", expected) in flat, expected


def _assess(settings: Settings, ws: str, lowest: bool) -> None:
    """Store a readiness check through a second connection: every answer the least
    ready (weak skills and culture, no worries) or the most (no weakness, every worry)."""
    q = readiness_questionnaire()
    pick = min if lowest else max
    answers = {
        x.id: pick(range(len(x.options)), key=lambda i, x=x: x.options[i].score) + 1
        for x in q.questions
    }
    second = Database(make_engine(settings.database_url))
    (user_id,) = _rows(settings, "SELECT id FROM users")[0]
    with second.write() as session:
        assessments.save(session, str(user_id), ws, answers)
    second.dispose()


def test_weak_skills_suggest_outside_help_added_in_one_click(
    client: TestClient, settings: Settings
) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    document = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    document["lines"] = [x for x in document["lines"] if x.get("line") != "advice"]
    plan_id = import_plan(client, ws, yaml.safe_dump(document, allow_unicode=True))
    base = f"/w/{ws}/p/{plan_id}"
    assert 'data-testid="outside-help"' not in client.get(base).text  # no readiness check
    _assess(settings, ws, lowest=True)
    page = client.get(base).text
    assert "準備度檢查顯示AI 技能、團隊文化還比較弱" in page
    client.post(f"{base}/outside-help", data={"csrf_token": csrf(client, base)})
    client.post(f"{base}/outside-help", data={"csrf_token": csrf(client, base)})  # again
    second = Database(make_engine(settings.database_url))
    (user_id,) = _rows(settings, "SELECT id FROM users")[0]
    with second.session() as session:
        plan = plans.version(session, str(user_id), ws, plan_id).plan
    second.dispose()
    advice = [line for line in plan.lines if line.line.value == "advice"]
    assert len(advice) == 1  # the second click added nothing
    assert advice[0].amounts[0] == (plan.annual_budget() * Decimal("0.05")).quantize(
        Decimal("0.01")
    )
    assert len(advice[0].amounts) == 2  # a 24-month plan: two years
    assert 'data-testid="outside-help"' not in client.get(base).text  # answered


def test_only_the_worries_the_owner_has_are_answered(
    client: TestClient, settings: Settings
) -> None:
    ws, plan_id = _setup(client)
    _assess(settings, ws, lowest=True)  # no worry is strong
    page = client.get(f"/w/{ws}/p/{plan_id}/v/1/evaluate?trials=500").text
    assert 'data-testid="plain-summary"' in page and 'data-testid="worries"' not in page
    _assess(settings, ws, lowest=False)  # a newer check: every worry strong
    page = client.get(f"/w/{ws}/p/{plan_id}/v/1/evaluate?trials=500").text
    assert "錢會回來嗎？" in page and "會不會太難學？" in page
