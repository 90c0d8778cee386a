"""An owner makes and edits a plan with forms only: no YAML, every save a new version."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from fastapi.testclient import TestClient

from aibudget.catalog import readiness_questionnaire, tool_catalog
from aibudget.engine.readiness import score
from tests.web.helpers import csrf, import_plan, new_workspace, sign_up
from tests.web.test_web_readiness import answer_every_page


def _new_plan(client: TestClient, ws: str, **fields: str | list[str]) -> str:
    token = csrf(client, f"/w/{ws}/new-plan")
    form = {
        "csrf_token": token,
        "company.name": "高雄衣著小舖",
        "company.industry": "網路服飾店",
        "company.employees": "4",
        "company.annual_revenue": "8,000,000",
        "company.annual_marketing_budget": "600,000",
        "budget.share_of_marketing": "10",
        "company.currency": "TWD",
        "horizon.start": "2027-01",
        "horizon.months": "24",
        **fields,
    }
    made = client.post(f"/w/{ws}/new-plan", data=form, follow_redirects=False)
    assert made.status_code == 303, made.text
    return made.headers["location"].split("/p/")[1].split("?")[0]


def _notes(client: TestClient, ws: str, plan_id: str) -> list[str]:
    page = client.get(f"/w/{ws}/p/{plan_id}").text
    return re.findall(r'<p class="note">([^<]*)</p>', page)


def test_a_plan_is_made_from_the_short_form_without_yaml(client: TestClient) -> None:
    sign_up(client, "alice@example.com", "林小姐")
    ws = new_workspace(client)
    workspace = client.get(f"/w/{ws}").text
    assert f'href="/w/{ws}/new-plan"' in workspace
    form = client.get(f"/w/{ws}/new-plan").text
    assert 'value="2' in form  # next month as the default first month
    plan_id = _new_plan(client, ws)
    page = client.get(f"/w/{ws}/p/{plan_id}").text
    assert "高雄衣著小舖" in page and "NT$60,000" in page  # 10% of the marketing budget
    assert "林小姐" in page  # the owner is the first team member
    owner_view = page.split('<details class="advanced"')[0]
    assert "YAML" not in owner_view and 'name="document"' not in owner_view


def test_the_short_form_names_each_problem_beside_its_field(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    token = csrf(client, f"/w/{ws}/new-plan")
    bad = client.post(
        f"/w/{ws}/new-plan",
        data={"csrf_token": token, "company.name": "店", "company.annual_revenue": "很多"},
    )
    assert bad.status_code == 422
    assert "「很多」不是數字" in bad.text
    assert 'id="f-company-employees-p"' in bad.text  # required, left empty
    assert "plans" not in client.get(f"/api/v1/workspaces/{ws}/plans").text or (
        client.get(f"/api/v1/workspaces/{ws}/plans").json() == []
    )


def test_each_part_is_edited_in_place_as_a_new_version(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan_id = import_plan(client, ws)  # the cafe: goals, team and tools to edit
    base = f"/w/{ws}/p/{plan_id}"
    page = client.get(f"{base}/edit/tools/chatgpt").text
    assert 'name="training.hours_per_person"' in page and 'value="6"' in page
    token = csrf(client, f"{base}/edit/tools/chatgpt")
    saved = client.post(
        f"{base}/edit/tools/chatgpt",
        data={
            "csrf_token": token,
            "training.hours_per_person": "8",
            "training.trainees": ["editor", "owner"],  # ticked boxes are sent, as a browser does
            "kpis": "content_output",
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert _notes(client, ws, plan_id) == ["ChatGPT Business：每人訓練時數改為 8"]
    again = client.get(f"{base}/edit/tools/chatgpt").text
    assert 'value="8"' in again
    client.post(f"{base}/edit/goals/online-sales", data={"csrf_token": token, "target": "320000"})
    client.post(f"{base}/edit/budget", data={"csrf_token": token, "budget.min_reserve_share": "15"})
    plan = client.get(f"/api/v1/workspaces/{ws}/plans/{plan_id}/versions/4").json()["document"]
    assert plan["goals"][0]["target"] == "320000"
    assert plan["budget"]["min_reserve_share"] == "0.15"
    assert plan["tools"][0]["training"]["hours_per_person"] == "8"


def test_a_refused_edit_says_why_beside_the_field_and_saves_nothing(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan_id = import_plan(client, ws)
    base = f"/w/{ws}/p/{plan_id}"
    token = csrf(client, f"{base}/edit/tools/chatgpt")
    refused = client.post(
        f"{base}/edit/tools/chatgpt", data={"csrf_token": token, "start_month": "40"}
    )
    assert refused.status_code == 422
    assert 'id="f-start_month-p"' in refused.text
    assert "tools[" not in refused.text and "start_month:" not in refused.text
    assert client.get(f"/api/v1/workspaces/{ws}/plans/{plan_id}/versions").json()[0]["number"] == 1


def test_benefit_estimates_are_added_and_removed(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan_id = import_plan(client, ws)
    base = f"/w/{ws}/p/{plan_id}"
    token = csrf(client, f"{base}/edit/tools/chatgpt")
    added = client.post(
        f"{base}/parts/benefits/chatgpt/add",
        data={"csrf_token": token, "kind": "cost_avoided"},
        follow_redirects=False,
    )
    assert added.status_code == 303
    page = client.get(added.headers["location"]).text
    assert 'name="monthly.likely"' in page
    client.post(
        added.headers["location"],
        data={
            "csrf_token": token,
            "monthly.low": "0",
            "monthly.likely": "2000",
            "monthly.high": "5000",
        },
    )
    client.post(f"{base}/parts/benefits/chatgpt/2/remove", data={"csrf_token": token})
    notes = [
        v["note"] for v in client.get(f"/api/v1/workspaces/{ws}/plans/{plan_id}/versions").json()
    ]
    assert notes[:3] == [
        "移除：ChatGPT Business 的效益估計",
        "ChatGPT Business 的效益估計：最可能改為 2000、樂觀改為 5000",
        "ChatGPT Business：新增「省下的費用」",
    ]


def test_a_missing_item_is_not_found(client: TestClient) -> None:
    """(Viewers and other workspaces: tests/web/test_web_access.py covers these routes.)"""
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan_id = import_plan(client, ws)
    base = f"/w/{ws}/p/{plan_id}"
    assert client.get(f"{base}/edit/tools/nope").status_code == 404
    assert client.get(f"{base}/edit/nonsense").status_code == 404
    assert client.get(f"{base}/edit/benefits/chatgpt/9").status_code == 404


def test_a_tool_priced_in_usd_is_added_with_a_default_rate_the_owner_can_change(
    client: TestClient,
) -> None:
    sign_up(client, "alice@example.com", "林小姐")
    ws = new_workspace(client)
    plan_id = _new_plan(client, ws)
    base = f"/w/{ws}/p/{plan_id}"
    token = csrf(client, f"{base}/catalog")
    added = client.post(
        f"{base}/add-tool",
        data={"csrf_token": token, "catalog_id": "chatgpt-business", "owner": "owner"},
        follow_redirects=False,
    )
    assert added.status_code == 303, added.text
    note = _notes(client, ws, plan_id)[0]
    assert "匯率 1 USD = 31.5 TWD" in note and "可修改" in note
    business = client.get(f"{base}/edit/business").text
    assert 'name="fx.USD"' in business and "1 USD 的匯率" in business
    client.post(f"{base}/edit/business", data={"csrf_token": token, "fx.USD": "30.2"})
    assert _notes(client, ws, plan_id) == ["公司與規劃期間：1 USD 的匯率改為 30.2"]
    page = client.get(base).text
    assert "1 USD = 30.20 TWD" in page


def test_a_priority_goal_without_a_tool_points_to_the_tools_for_its_kpi(
    client: TestClient,
) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan_id = _new_plan(client, ws)
    base = f"/w/{ws}/p/{plan_id}"
    token = csrf(client, base)
    client.post(
        f"{base}/add/goals",
        data={"csrf_token": token, "name": "首次回覆更快", "kpi": "first_response_time",
              "baseline": "120", "target": "30", "deadline": "2027-12", "priority": "1"},
    )  # fmt: skip
    page = client.get(base).text
    assert "優先目標「首次回覆更快」還沒有工具對應" in page
    assert f'href="{base}/catalog?kpi=first_response_time"' in page
    catalog = client.get(f"{base}/catalog?kpi=first_response_time").text
    cards = catalog.split('data-testid="catalog-results"')[1]
    assert cards.count('class="card"') >= 1
    assert cards.count("首次回覆時間") == cards.count('class="card"')  # each serves the KPI
    chatbot = next(
        e.id for e in tool_catalog().values() if "first_response_time" in e.kpis and e.plans
    )
    client.post(
        f"{base}/add-tool", data={"csrf_token": token, "catalog_id": chatbot, "owner": "owner"}
    )
    assert "還沒有工具對應" not in client.get(base).text  # the catalog's KPIs link it


def test_a_tool_without_a_price_is_flagged_until_a_quote_is_entered(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan_id = _new_plan(client, ws)
    base = f"/w/{ws}/p/{plan_id}"
    token = csrf(client, base)
    client.post(
        f"{base}/add-tool", data={"csrf_token": token, "catalog_id": "jasper", "owner": "owner"}
    )
    assert 'data-testid="price-unknown"' in client.get(base).text
    result = client.get(f"{base}/v/2/evaluate", params={"trials": 1000}).text
    assert "尚缺價格" in result and "Jasper" in result.split('data-testid="unpriced"')[1][:400]
    assert 'data-testid="unpriced"' in client.get(f"{base}/v/2/allocation").text
    client.post(
        f"{base}/edit/tools/jasper",
        data={"csrf_token": token, "@plan.price": "1500", "@plan.as_of": "2026-12-01"},
    )
    assert 'data-testid="price-unknown"' not in client.get(base).text
    assert 'data-testid="unpriced"' not in client.get(f"{base}/v/3/evaluate").text


def test_lines_channels_and_the_optimisers_aim_are_edited_in_place(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan_id = _new_plan(client, ws)
    base = f"/w/{ws}/p/{plan_id}"
    token = csrf(client, base)
    line = client.post(
        f"{base}/parts/lines/add", data={"csrf_token": token}, follow_redirects=False
    )
    assert line.headers["location"] == f"{base}/edit/lines/0"
    typed = {"label": "外部顧問", "kind": "cost", "line": "advice", "amounts": "30000 20000"}
    client.post(line.headers["location"], data={"csrf_token": token, **typed})
    page = client.get(base).text
    assert "外部顧問" in page and "NT$30,000 / NT$20,000" in page
    channel = client.post(
        f"{base}/parts/channels/add", data={"csrf_token": token}, follow_redirects=False
    )
    assert channel.headers["location"] == f"{base}/edit/channels/channel-1"
    form = client.get(channel.headers["location"]).text
    assert 'name="curve.half_saturation"' in form and "穩定趨緩" in form
    client.post(
        f"{base}/edit/optimiser", data={"csrf_token": token, "optimise.objective": "mean_downside"}
    )
    notes = [
        v["note"] for v in client.get(f"/api/v1/workspaces/{ws}/plans/{plan_id}/versions").json()
    ]
    assert notes[0] == "預算配置設定：配置的目標改為 避免虧損"
    assert notes[1] == "新增：廣告管道" and "外部顧問" in notes[2]
    assert "避免虧損" in client.get(base).text
    assert client.get(f"{base}/edit/lines/7").status_code == 404
    assert client.get(f"{base}/edit/lines/x").status_code == 404


def test_a_plan_starts_from_the_readiness_result_with_only_what_stays_ticked(
    client: TestClient,
) -> None:
    sign_up(client, "alice@example.com", "林小姐")
    ws = new_workspace(client)
    q = readiness_questionnaire()
    answers: dict[str, Any] = {
        question.id: ([1, 5] if question.multi else 3) for question in q.questions
    }  # goals: content (1) and answering customers faster (5)
    answer_every_page(client, ws, answers)
    assert f'href="/w/{ws}/new-plan"' in client.get(f"/w/{ws}/readiness").text
    page = client.get(f"/w/{ws}/new-plan").text
    assert "每月內容產出增加 50%" in page and "首次回覆時間縮短一半" in page
    tools = re.findall(r'name="starter_tool" value="([^"]+)" checked', page)
    assert 1 <= len(tools) <= 2
    plan_id = _new_plan(client, ws, starter_goal="1", starter_tool=tools[0])  # untick the rest
    doc = client.get(f"/api/v1/workspaces/{ws}/plans/{plan_id}/versions/1").json()["document"]
    assert [(g["name"], g["kpi"], g["deadline"]) for g in doc["goals"]] == [
        ("首次回覆時間縮短一半", "first_response_time", "2027-07")
    ]
    assert [x["catalog_id"] for x in doc["tools"]] == [tools[0]]
    result = score(q, answers)
    assert doc["budget"]["pilot"]["max_tools"] == result.pilot_tools
    # the owner's AI skill sets the ramp and training, as adding the tool from the catalog does
    other = _new_plan(client, ws)
    base = f"/w/{ws}/p/{other}"
    token = csrf(client, f"{base}/catalog")
    form = {"csrf_token": token, "catalog_id": tools[0], "owner": "owner"}
    assert client.post(f"{base}/add-tool", data=form).status_code == 200
    added = client.get(f"/api/v1/workspaces/{ws}/plans/{other}/versions/2").json()["document"]
    ramp_and_training = [(x["ramp_months"], x.get("training")) for x in added["tools"]]
    assert [(x["ramp_months"], x.get("training")) for x in doc["tools"]] == ramp_and_training
    assert Decimal(doc["tools"][0]["training"]["hours_per_person"]) > 0  # a beginner: training


def test_a_member_who_owns_a_tool_is_not_removed_and_the_reason_names_the_tool(
    client: TestClient,
) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan_id = import_plan(client, ws)  # the cafe: 小陳 owns ChatGPT Business
    base = f"/w/{ws}/p/{plan_id}"
    refused = client.post(f"{base}/remove/team/editor", data={"csrf_token": csrf(client, base)})
    assert refused.status_code == 422
    assert "小陳 仍負責或參與 ChatGPT Business" in refused.text
    assert "tools[" not in refused.text and "<code>" not in refused.text.split("main")[1]
    assert client.get(f"/api/v1/workspaces/{ws}/plans/{plan_id}/versions").json()[0]["number"] == 1


def test_an_edit_on_an_older_version_is_refused_and_offered_onto_the_newest(
    client: TestClient,
) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan_id = import_plan(client, ws)
    base = f"/w/{ws}/p/{plan_id}"
    page = client.get(f"{base}/edit/tools/chatgpt").text  # both "tabs" open it at v1
    assert 'name="base_version" value="1"' in page
    token = csrf(client, base)
    trainees = ["editor", "owner"]
    first = {"csrf_token": token, "base_version": "1", "training.hours_per_person": "8"}
    first["training.trainees"] = trainees
    assert client.post(f"{base}/edit/tools/chatgpt", data=first).status_code == 200  # v2
    second = {"csrf_token": token, "base_version": "1", "training.fees": "6000"}
    second |= {"training.hours_per_person": "6", "training.trainees": trainees}
    stale = client.post(f"{base}/edit/tools/chatgpt", data=second)
    assert stale.status_code == 409
    assert "有人儲存了較新的版本" in stale.text and "v2" in stale.text
    assert 'name="base_version" value="2"' in stale.text
    assert 'value="8"' in stale.text and 'value="6000"' in stale.text  # newest + mine
    versions = client.get(f"/api/v1/workspaces/{ws}/plans/{plan_id}/versions").json()
    assert [v["number"] for v in versions] == [2, 1]  # nothing saved
    again = {**second, "base_version": "2", "training.hours_per_person": "8"}
    assert client.post(f"{base}/edit/tools/chatgpt", data=again).status_code == 200
    doc = client.get(f"/api/v1/workspaces/{ws}/plans/{plan_id}/versions/3").json()["document"]
    assert doc["tools"][0]["training"]["hours_per_person"] == "8"
    assert doc["tools"][0]["training"]["fees"] == "6000"
