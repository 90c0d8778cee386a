from __future__ import annotations

import html
from datetime import datetime, timedelta

from fastapi.testclient import TestClient

from aibudget.catalog import catalog_for, kpi_entries
from aibudget.engine.cashflow import evaluate
from aibudget.engine.lint import lint
from aibudget.engine.optimize import optimize
from aibudget.i18n import Translator
from aibudget.planfile import load_plan, plan_from_text
from aibudget.present.guidance import finding_document
from aibudget.web.pages_workspaces import HELP_STEPS
from tests.web.helpers import EXAMPLE, PASSWORD, csrf, import_plan, new_workspace, sign_up


def test_first_run_offers_to_create_the_owner_account(client: TestClient) -> None:
    response = client.get("/", follow_redirects=True)
    assert response.url.path == "/setup"
    assert "建立擁有者帳號" in response.text  # zh-TW by default
    token = csrf(client, "/setup")
    done = client.post(
        "/setup",
        data={
            "csrf_token": token,
            "email": "owner@example.com",
            "name": "老闆",
            "password": PASSWORD,
            "workspace": "山嵐咖啡",
        },
    )
    assert done.status_code == 200 and "山嵐咖啡" in done.text
    assert client.get("/setup", follow_redirects=False).headers["location"] == "/login"


def test_language_follows_accept_language_then_the_switch(client: TestClient) -> None:
    english = client.get("/signup", headers={"accept-language": "en-US,en;q=0.9"})
    assert "Create an account" in english.text and "註冊" not in english.text
    sign_up(client, "alice@example.com")
    assert "工作區" in client.get("/workspaces").text
    token = csrf(client, "/workspaces")
    client.post("/lang", data={"csrf_token": token, "lang": "en", "next": "/workspaces"})
    page = client.get("/workspaces", headers={"accept-language": "zh-TW"})
    assert "Workspaces" in page.text and 'lang="en"' in page.text


def test_import_shows_the_cli_messages_next_to_the_field(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    text = EXAMPLE.read_text(encoding="utf-8").replace("employees: 8", "employees: -3")
    line = text.splitlines().index("  employees: -3") + 1
    token = csrf(client, f"/w/{ws}/import")
    page = client.post(f"/w/{ws}/import", data={"csrf_token": token, "document": text})
    assert page.status_code == 422
    assert "company.employees" in page.text and f"第 {line} 行" in page.text
    assert 'aria-invalid="true"' in page.text


def test_plan_history_diff_approve_restore_and_export(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan_id = import_plan(client, ws)
    changed = EXAMPLE.read_text(encoding="utf-8").replace("employees: 8", "employees: 9")
    token = csrf(client, f"/w/{ws}/p/{plan_id}/edit")
    client.post(
        f"/w/{ws}/import",
        data={"csrf_token": token, "plan_id": plan_id, "document": changed, "note": "hire"},
    )
    diff = client.get(f"/w/{ws}/p/{plan_id}/diff", params={"a": 1, "b": 2})
    assert "company.employees 從 8 改為 9" in diff.text
    token = csrf(client, f"/w/{ws}/p/{plan_id}")
    client.post(f"/w/{ws}/p/{plan_id}/v/2/status", data={"csrf_token": token, "status": "approved"})
    client.post(f"/w/{ws}/p/{plan_id}/v/1/restore", data={"csrf_token": token})
    page = client.get(f"/w/{ws}/p/{plan_id}")
    assert "v3" in page.text and "由 v1 還原" in page.text and "已核准" in page.text
    assert "/diff?a=2&amp;b=3" in page.text  # compare with the approved baseline
    exported = client.get(f"/w/{ws}/p/{plan_id}/v/3.yaml")
    assert exported.headers["content-type"].startswith("application/yaml")
    assert "employees: 8" in exported.text


def test_evaluation_page_shows_the_engines_figures_and_chart_tables(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan_id = import_plan(client, ws)
    page = client.get(f"/w/{ws}/p/{plan_id}/v/1/evaluate", params={"trials": 2000})
    assert page.status_code == 200
    result = evaluate(load_plan(EXAMPLE))
    t = Translator("zh_TW")
    assert t.money(result.expected.npv, "TWD") in page.text
    assert t("cli.payback_month", month=result.expected.payback_month) in page.text
    for chart in ("cash-flow", "npv-range", "fan", "tornado"):
        assert f'id="table-{chart}"' in page.text and f'data-chart="{chart}"' in page.text
    assert "/static/plotly.min.js" in page.text


def test_help_pages_exist_in_both_languages(client: TestClient) -> None:
    for step in HELP_STEPS:
        zh = client.get(f"/help/{step}")
        en = client.get(f"/help/{step}", headers={"accept-language": "en"})
        assert zh.status_code == en.status_code == 200
        assert "為什麼" in zh.text and "Why it matters" in en.text
    assert client.get("/help/nope").status_code == 404


def test_vendored_front_end_files_are_served_from_the_package(client: TestClient) -> None:
    for name in ("htmx.min.js", "plotly.min.js", "app.css", "charts.js"):
        assert client.get(f"/static/{name}").status_code == 200


def test_the_health_check_sits_beside_the_steps(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "min_reserve_share: 0.1", "min_reserve_share: 0"
    )
    assert "min_reserve_share: 0\n" in text  # a plan with no reserve: a known pitfall
    plan_id = import_plan(client, ws, text)
    page = client.get(f"/w/{ws}/p/{plan_id}").text
    plan = plan_from_text(text)
    catalog, _ = catalog_for(plan.catalog)
    findings = lint(plan, catalog, kpi_entries())
    assert "no_reserve" in {f.rule for f in findings}
    t = Translator("zh_TW")
    for finding in findings:
        shown = finding_document(t, finding, plan.currency)
        assert html.escape(shown.message, quote=False) in page
        if "." in finding.where or "[" in finding.where:
            assert finding.where not in page  # the owner reads names, never paths
    assert '<code class="where">' not in page
    assert "健康檢查" in page


def test_allocation_page_shows_the_optimisers_choice_and_reasons(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan_id = import_plan(client, ws)
    page = client.get(f"/w/{ws}/p/{plan_id}/v/1/allocation")
    assert page.status_code == 200
    result = optimize(load_plan(EXAMPLE))
    t = Translator("zh_TW")
    assert t.money(result.total, result.currency) in page.text
    for chosen in result.selected:
        assert html.escape(chosen.name, quote=False) in page.text
        assert t.money(chosen.total_cost, result.currency) in page.text
    for key, amount in result.line_items.items():
        if amount > 0:
            assert t(f"optimize.line.{key}") in page.text
            assert t.money(amount, result.currency) in page.text
    assert 'id="table-line-items"' in page.text and 'data-testid="reasons"' in page.text


def test_times_show_in_taipei_time_not_utc(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan_id = import_plan(client, ws)
    headers = {"X-CSRF-Token": csrf(client, "/workspaces")}
    stored = client.get(f"/api/v1/workspaces/{ws}/plans/{plan_id}/versions", headers=headers)
    created = datetime.fromisoformat(stored.json()[0]["created_at"].replace("Z", "+00:00"))
    page = client.get(f"/w/{ws}/p/{plan_id}").text
    utc_clock = created.replace(tzinfo=None)  # stored in UTC
    taipei = utc_clock + timedelta(hours=8)
    assert taipei.strftime("%Y-%m-%d %H:%M") in page
    assert " UTC</time>" not in page


def test_the_evaluation_keeps_the_method_out_of_the_headline(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan_id = import_plan(client, ws)
    page = client.get(f"/w/{ws}/p/{plan_id}/v/1/evaluate").text
    headline, _, rest = page.partition('data-testid="how-computed"')
    for jargon in ("亂數種子", "PERT", "TEI", "分配"):
        assert jargon not in headline.split("<main", 1)[-1], jargon
    seed = load_plan(EXAMPLE).horizon.seed
    assert f"亂數種子為 {seed}" in rest and "年折現率" in rest


def test_allocation_page_says_when_a_channels_return_is_uncertain(client: TestClient) -> None:
    import yaml

    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    curve = {"kind": "michaelis_menten", "half_saturation": 8000}
    data["optimise"] = {
        "objective": "cvar",
        "channels": [
            {"id": "meta-ads", "name": "Meta 廣告", "max_monthly": 20000,
             "curve": {**curve, "max_return": [10000, 30000, 45000]}},
            {"id": "google-ads", "name": "Google 廣告", "max_monthly": 20000,
             "curve": {**curve, "max_return": 30000}},
        ],
    }  # fmt: skip
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan_id = import_plan(client, ws, yaml.safe_dump(data, allow_unicode=True))
    page = client.get(f"/w/{ws}/p/{plan_id}/v/1/allocation").text
    said = [html.unescape(p) for p in page.split('data-testid="channel-uncertain">')[1:]]
    assert len(said) == 1  # the certain channel is not mentioned
    t = Translator("zh_TW")
    assert said[0].startswith(
        t("optimize.channel_uncertain_careful", channel="Meta 廣告", low=t.money(10000, "TWD"),
          likely=t.money(30000, "TWD"), high=t.money(45000, "TWD"))
    )  # fmt: skip
    assert "meta-ads" not in page
