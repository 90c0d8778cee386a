"""The readiness check in the browser leads to a plan: the owner answers, reads the
result (next step first, a 90-day checklist, Taiwan-fit tools, scores folded away) and
follows "用這個結果建立計畫" to the starter plan form. Screenshots at 1280 and 375 px
(build/e2e-screenshots/readiness-*)."""

from __future__ import annotations

from typing import Any

from aibudget.catalog import readiness_questionnaire
from tests.e2e.test_owner_builds_plan import WAIT_MS, Journey, _sign_up


def test_readiness_result_leads_to_the_starter_plan(browser: Any, server: str) -> None:
    page = browser.new_page(locale="zh-TW")
    page.set_default_timeout(WAIT_MS)
    j = Journey(page, "readiness")
    _sign_up(j, server, "陳老闆", "巷口咖啡", "建立帳號與工作區")
    page.goto(page.url.split("?")[0].rstrip("/") + "/readiness")
    for question in readiness_questionnaire().questions:
        for number in [1, 5] if question.multi else [3]:
            page.locator(f'input[name="{question.id}"][value="{number}"]').check()
    j.shoot("questions")
    page.locator('form.questionnaire button[type="submit"]').click()
    page.wait_for_url("**/readiness")
    assert page.get_by_test_id("start-plan").is_visible()
    assert page.get_by_test_id("pilot-checklist").is_visible()
    assert not page.get_by_test_id("overall").is_visible()  # folded in the details
    assert "LINE 官方帳號" in page.locator("main").inner_text()
    j.shoot("result")
    page.get_by_test_id("start-plan").click()
    page.wait_for_url("**/new-plan*")
    main = page.locator("main").inner_text()
    assert "首次回覆時間縮短一半" in main  # the goal picked, drafted for the plan
    j.shoot("starter-plan")
