"""A new owner walks from the first run to an approved plan, in zh-TW, in a real browser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from aibudget.catalog import readiness_questionnaire, tool_catalog
from aibudget.engine.cashflow import evaluate
from aibudget.engine.optimize import optimize
from aibudget.engine.readiness import score
from aibudget.i18n import Translator
from aibudget.planfile import load_plan
from tests.e2e.browser import EXAMPLE, shot

PASSWORD = "correct horse battery"
CHART_WAIT_MS = 60_000  # generous: the machine may be busy with other test runs


def _readiness(page: Any) -> None:
    """Step 0: answer every question page by page (second option; the first two goals)
    and submit."""
    workspace = page.url
    page.get_by_test_id("readiness-link").click()
    q = readiness_questionnaire()
    answers: dict[str, Any] = {}
    for number in range(1, len(q.pages) + 1):
        for question in q.page(number):
            boxes = page.locator(f'input[name="{question.id}"]')
            if question.multi:
                boxes.nth(0).check()
                boxes.nth(1).check()
                answers[question.id] = [1, 2]
            else:
                boxes.nth(1).check()
                answers[question.id] = 2
        last = number == len(q.pages)
        page.get_by_role("button", name="查看結果" if last else "下一步").click()
        if not last:
            page.wait_for_url(f"**/readiness?page={number + 1}")
    page.wait_for_selector("[data-testid=stage]")
    expected = score(q, answers)
    page.get_by_test_id("scores").locator("summary").click()  # the scores are folded away
    assert page.get_by_test_id("overall").inner_text() == f"{expected.overall}/100"
    t = Translator("zh_TW")
    assert page.get_by_test_id("stage").inner_text() == t(f"assess.stage.{expected.stage}")
    shot(page, "02b-readiness")
    page.goto(workspace)


def _owner_with_plan(page: Any, server: str, with_readiness: bool = False) -> None:
    page.goto(server + "/")
    assert page.url.endswith("/setup")
    assert page.locator("html").get_attribute("lang") == "zh-Hant-TW"
    shot(page, "01-setup")
    page.get_by_label("您的名字").fill("林老闆")
    page.get_by_label("電子郵件").fill("owner@example.com")
    page.get_by_label("密碼").fill(PASSWORD)
    page.get_by_label("工作區名稱").fill("山嵐咖啡")
    page.get_by_role("button", name="建立帳號與工作區").click()
    page.wait_for_url("**/w/*")
    assert "還沒有計畫" in page.content()
    shot(page, "02-workspace-empty")
    if with_readiness:
        _readiness(page)
    page.get_by_role("link", name="匯入計畫").first.click()
    page.get_by_label("計畫檔").set_input_files(str(EXAMPLE))
    page.get_by_label("備註").fill("第一版")
    page.get_by_role("button", name="儲存為新版本").click()
    page.wait_for_url("**/p/*")


def test_sign_up_to_approved_plan_shows_the_engines_numbers(browser: Any, server: str) -> None:
    context = browser.new_context(locale="zh-TW", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(CHART_WAIT_MS)
    page = context.new_page()
    _owner_with_plan(page, server, with_readiness=True)
    assert "目標與 KPI" in page.content() and "草稿" in page.content()
    shot(page, "03-plan")

    page.get_by_test_id("evaluate-link").click()
    page.wait_for_selector("#chart-cash-flow .main-svg", timeout=CHART_WAIT_MS)
    page.wait_for_selector("#chart-tornado .main-svg", timeout=CHART_WAIT_MS)
    result = evaluate(load_plan(EXAMPLE))
    t = Translator("zh_TW")
    assert page.get_by_test_id("npv").inner_text() == t.money(result.expected.npv, "TWD")
    assert page.get_by_test_id("payback").inner_text() == t(
        "cli.payback_month", month=result.expected.payback_month
    )
    tools_table = page.get_by_test_id("tools-table").inner_text()
    for tool in result.tools:
        assert t.money(tool.expected.npv, "TWD") in tools_table
    shot(page, "04-evaluate")

    page.go_back()
    page.get_by_test_id("allocation-link").click()
    page.wait_for_selector("#chart-line-items .main-svg", timeout=CHART_WAIT_MS)
    allocated = optimize(load_plan(EXAMPLE))
    assert page.get_by_test_id("allocated").inner_text() == t.money(allocated.total, "TWD")
    selected = page.get_by_test_id("selected-table").inner_text()
    for chosen in allocated.selected:
        assert chosen.name in selected
    shot(page, "05-allocation")

    page.go_back()
    page.get_by_role("button", name="核准").click()
    page.wait_for_load_state()
    assert "已核准" in page.locator(".title-row").inner_text()
    shot(page, "06-approved")

    with page.expect_download() as report:
        page.get_by_test_id("report-pdf").click()
    pdf = report.value
    assert pdf.suggested_filename.endswith("-v1.pdf")
    assert Path(pdf.path()).read_bytes().startswith(b"%PDF-")
    context.close()


def test_language_switch_and_phone_viewport(browser: Any, server: str) -> None:
    phone = browser.new_context(
        locale="zh-TW", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    phone.set_default_timeout(CHART_WAIT_MS)
    page = phone.new_page()
    _owner_with_plan(page, server)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, f"the page scrolls sideways on a phone ({width}px)"
    shot(page, "07-phone-plan")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Goals & KPIs" in page.locator("body").inner_text()
    page.reload()  # the choice is the user's setting now
    assert "Version history" in page.content()
    shot(page, "08-phone-english")
    phone.close()


def test_steps_are_edited_in_the_browser(browser: Any, server: str) -> None:
    context = browser.new_context(locale="zh-TW", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(CHART_WAIT_MS)
    page = context.new_page()
    _owner_with_plan(page, server)
    page.get_by_text("新增目標").click()
    page.get_by_label("目標（具體、含數字）").fill("電子報開信率提升到 25%")
    page.locator("#goals-kpi").select_option("email_open_rate")
    page.locator("#goals-deadline").fill("2020-01")  # before the plan starts
    page.locator("#goals details.add button[type=submit]").click()
    assert "沒有晚於計畫開始月份" in page.locator("#goals-deadline-p").inner_text()
    page.locator("#goals-deadline").fill("2027-12")
    page.locator("#goals details.add button[type=submit]").click()
    page.wait_for_url("**#goals")
    assert "電子報開信率提升到 25%" in page.locator("#goals").inner_text()
    shot(page, "09-goal-added")
    page.get_by_test_id("catalog-link").click()
    page.get_by_label("類別").select_option("chatbot")  # htmx swaps the results in place
    chatbots = [e for e in tool_catalog().values() if e.category.value == "chatbot"]
    results = page.locator("[data-testid=catalog-results] li")
    expect(results).to_have_count(len(chatbots), timeout=CHART_WAIT_MS)  # CSP: no eval
    for entry in chatbots:
        expect(page.locator("[data-testid=catalog-results]")).to_contain_text(
            entry.name, timeout=CHART_WAIT_MS
        )
    shot(page, "10-catalog")
    first = page.locator("[data-testid=catalog-results] li").first
    name = first.locator("h2").inner_text().split(" ")[0]
    first.get_by_role("button", name="加入計畫").click()
    page.wait_for_url("**#tools")
    assert name in page.locator("#tools").inner_text()
    assert "v3" in page.locator("#history").inner_text()
    context.close()
