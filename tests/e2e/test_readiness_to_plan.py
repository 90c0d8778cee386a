"""The readiness check in the browser leads to a plan: the owner answers five short pages
(leaving half-way and coming back where they stopped), reads the result (next step first,
a 90-day checklist, Taiwan-fit tools, scores folded away), opens a suggested tool's
catalog entry and follows "用這個結果建立計畫" to the starter plan form. Screenshots at
1280 and 375 px (build/e2e-screenshots/readiness-*)."""

from __future__ import annotations

from typing import Any

from aibudget.catalog import readiness_questionnaire
from tests.e2e.test_owner_builds_plan import WAIT_MS, Journey, _sign_up


def _answer(page: Any, number: int) -> None:
    for question in readiness_questionnaire().page(number):
        for option in [1, 5] if question.multi else [3]:
            page.locator(f'input[name="{question.id}"][value="{option}"]').check()


def test_readiness_result_leads_to_the_starter_plan(browser: Any, server: str) -> None:
    page = browser.new_page(locale="zh-TW")
    page.set_default_timeout(WAIT_MS)
    j = Journey(page, "readiness")
    _sign_up(j, server, "陳老闆", "巷口咖啡", "建立帳號與工作區")
    readiness = page.url.split("?")[0].rstrip("/") + "/readiness"
    page.goto(readiness)
    pages = len(readiness_questionnaire().pages)
    page.get_by_test_id("readiness-next").click()  # nothing answered: said beside each question
    assert page.locator("fieldset.has-problem .problem").first.is_visible()
    assert "尚未回答" in page.locator("fieldset.has-problem").first.inner_text()
    j.shoot("page-1-problems")
    for number in (1, 2):
        _answer(page, number)
        page.get_by_test_id("readiness-next").click()
        page.wait_for_url(f"**/readiness?page={number + 1}")
    page.goto(server + "/workspaces")  # the owner leaves and comes back later
    page.goto(readiness)
    progress = page.get_by_test_id("readiness-progress").inner_text()
    assert f"第 3 步，共 {pages} 步" in progress  # where they stopped
    j.shoot("page-3")
    page.get_by_test_id("readiness-back").click()
    page.wait_for_url("**/readiness?page=2")
    assert page.locator('input[name="d1"][value="3"]').is_checked()  # the answers were kept
    page.get_by_test_id("readiness-next").click()
    for number in range(3, pages + 1):
        page.wait_for_url(f"**/readiness?page={number}")
        _answer(page, number)
        if number == pages:
            j.shoot("last-page")
        page.get_by_test_id("readiness-next").click()
    page.wait_for_url("**/readiness")
    assert page.get_by_test_id("start-plan").is_visible()
    assert page.get_by_test_id("pilot-checklist").is_visible()
    assert not page.get_by_test_id("overall").is_visible()  # folded in the details
    assert "LINE 官方帳號" in page.locator("main").inner_text()
    j.shoot("result")
    page.locator('a[href$="/tools/line-official-account"]').click()
    page.wait_for_url("**/tools/line-official-account")
    main = page.locator("main").inner_text()
    assert "價格未知：請輸入您的報價" in main and "台灣在地" in main
    j.shoot("catalog-entry")
    page.go_back()
    page.get_by_test_id("start-plan").click()
    page.wait_for_url("**/new-plan*")
    main = page.locator("main").inner_text()
    assert "首次回覆時間縮短一半" in main  # the goal picked, drafted for the plan
    j.shoot("starter-plan")
