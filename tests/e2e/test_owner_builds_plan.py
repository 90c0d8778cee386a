"""A new owner builds a whole plan in the browser, from an empty installation, without
typing any YAML: a business that is not among the examples (an online clothing shop in
Kaohsiung). Every step is screenshot at 1280 and 375 px (build/e2e-screenshots/owner-*);
page loads and form submissions are counted and printed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from aibudget.i18n import Translator
from tests.e2e.browser import shot

PASSWORD = "correct horse battery"
WAIT_MS = 60_000  # generous: the machine may be busy with other test runs
WIDTHS = (1280, 375)
CHART_RESIZE_MS = 800
WIDEST = """[...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .slice(-3).map(e => e.tagName + '.' + e.className).join(' ')"""


class Journey:
    """A browser tab that counts what an owner does: pages loaded, forms sent."""

    def __init__(self, page: Any, prefix: str) -> None:
        self.page = page
        self.prefix = prefix
        self.loads = 0
        self.submissions = 0
        self.steps = 0
        page.on("load", lambda _: self._loaded())
        page.on("request", self._requested)

    def _loaded(self) -> None:
        self.loads += 1

    def _requested(self, request: Any) -> None:
        if request.method == "POST" and request.resource_type == "document":
            self.submissions += 1

    def shoot(self, name: str) -> None:
        """The page at both widths (the phone width first checks nothing scrolls sideways)."""
        self.steps += 1
        for width in reversed(WIDTHS):
            self.page.set_viewport_size({"width": width, "height": 900})
            if self.page.locator(".js-plotly-plot").count():
                self.page.wait_for_timeout(CHART_RESIZE_MS)  # charts follow the window
            shot(self.page, f"{self.prefix}-{self.steps:02d}-{name}-{width}")
            if width < 1000:
                scroll = self.page.evaluate("document.documentElement.scrollWidth")
                wide = self.page.evaluate(WIDEST) if scroll > width + 1 else ""
                assert scroll <= width + 1, f"{name}: scrolls sideways ({scroll}px): {wide}"
        self.page.set_viewport_size({"width": WIDTHS[0], "height": 900})

    def no_yaml_field(self) -> None:
        assert self.page.locator('textarea[name="document"]').count() == 0


def _sign_up(j: Journey, server: str, name: str, workspace: str, submit: str) -> None:
    page = j.page
    page.goto(server + "/")
    page.locator("#f-name").fill(name)
    page.locator("#f-email").fill("owner@example.com")
    page.locator("#f-password").fill(PASSWORD)
    page.locator("#f-workspace").fill(workspace)
    page.get_by_role("button", name=submit).click()
    page.wait_for_url("**/w/*")


def _new_plan(j: Journey, values: dict[str, str], submit: str) -> None:
    page = j.page
    page.get_by_test_id("new-plan").click()
    j.shoot("new-plan")
    for field_id, value in values.items():
        page.locator(f"#{field_id}").fill(value)
    page.get_by_role("button", name=submit).click()
    page.wait_for_url("**/p/*")
    j.no_yaml_field()


def _add_goal(j: Journey, summary: str, fields: dict[str, str], kpi: str, save: str) -> None:
    page = j.page
    page.locator("details.add > summary").filter(has_text=summary).click()
    form = page.locator("details.add").filter(has=page.locator("#goals-name"))
    for name, value in fields.items():
        if not name.startswith("_"):
            form.locator(f"#goals-{name}").fill(value)
    form.locator("#goals-kpi").select_option(kpi)
    form.locator("#goals-priority").select_option(fields.get("_priority", "1"))
    form.get_by_role("button", name=save).click()
    page.wait_for_load_state()


def _add_member(j: Journey, summary: str, fields: dict[str, str], save: str) -> None:
    page = j.page
    page.locator("details.add > summary").filter(has_text=summary).click()
    form = page.locator("details.add").filter(has=page.locator("#team-name"))
    for name, value in fields.items():
        form.locator(f"#team-{name}").fill(value)
    form.get_by_role("button", name=save).click()
    page.wait_for_load_state()


def _add_tool(j: Journey, catalog_id: str, search: str, add: str) -> None:
    page = j.page
    page.get_by_test_id("catalog-link").click()
    page.locator("#f-q").fill(search)
    card = page.locator("li.card").filter(has=page.locator(f'input[value="{catalog_id}"]'))
    expect(card).to_have_count(1)
    card.get_by_role("button", name=add).click()
    page.wait_for_url("**/p/*#tools")


def _plan_url(page: Any) -> str:
    return re.sub(r"[?#].*$", "", page.url)


def test_a_new_owner_builds_a_plan_in_zh_tw_without_yaml(browser: Any, server: str) -> None:
    t = Translator("zh_TW")
    context = browser.new_context(locale="zh-TW", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(WAIT_MS)
    j = Journey(context.new_page(), "owner-zh")
    page = j.page
    _sign_up(j, server, "林小姐", "高雄衣著小舖", "建立帳號與工作區")
    j.shoot("workspace-empty")

    _new_plan(
        j,
        {
            "f-company-name": "高雄衣著小舖",
            "f-company-industry": "網路服飾店",
            "f-company-employees": "4",
            "f-company-annual_revenue": "9,600,000",
            "f-company-annual_marketing_budget": "720,000",
            "f-budget-share_of_marketing": "15",
        },
        "建立計畫",
    )
    plan = _plan_url(page)
    assert "高雄衣著小舖" in page.locator("h1").inner_text()
    j.shoot("plan-new")

    _add_goal(
        j, "新增目標",
        {"name": "IG 互動率由 1.5% 提升到 3%", "baseline": "1.5", "target": "3",
         "deadline": "2027-12"},
        "engagement_rate", "儲存為新版本",
    )  # fmt: skip
    _add_goal(
        j, "新增目標",
        {"name": "LINE 首次回覆由 120 分鐘縮短到 30 分鐘", "baseline": "120", "target": "30",
         "deadline": "2027-09", "_priority": "2"},
        "first_response_time", "儲存為新版本",
    )  # fmt: skip
    _add_member(
        j, "新增團隊成員",
        {"name": "小美", "role": "社群小編", "hourly_cost": "220", "free_hours_per_month": "20"},
        "儲存為新版本",
    )  # fmt: skip
    assert page.get_by_test_id("unserved-goal").count() == 1  # IG engagement: no tool yet
    j.shoot("goals-and-team")

    _add_tool(j, "canva-pro", "Canva", "加入計畫")  # priced in USD
    _add_tool(j, "chatgpt-business", "ChatGPT", "加入計畫")
    _add_tool(j, "omnichat", "Omnichat", "加入計畫")  # no list price
    assert page.get_by_test_id("unserved-goal").count() == 0
    assert page.get_by_test_id("price-unknown").count() == 1
    assert "1 USD =" in page.locator("#business").inner_text()  # the default rate, shown
    j.shoot("tools-added")

    page.get_by_test_id("price-unknown").locator("xpath=..").get_by_role("link").click()
    page.locator("#f-plan-price").fill("800")
    page.locator("#f-plan-as_of").fill("2026-12-01")
    page.locator("#f-training-fees").fill("3000")  # one training cost
    j.shoot("tool-quote")
    page.get_by_role("button", name="儲存為新版本").click()
    page.wait_for_url("**/p/*#tools")
    assert page.get_by_test_id("price-unknown").count() == 0
    assert "NT$800" in page.locator("#tools").inner_text()

    page.goto(plan + "/edit/tools/chatgpt-business")
    page.locator("#benefits").get_by_role("link", name="編輯").first.click()
    page.locator("#f-hours_per_month-likely").fill("12")  # one benefit range
    page.locator("#f-hours_per_month-high").fill("20")
    j.shoot("benefit-range")
    page.get_by_role("button", name="儲存為新版本").click()
    page.wait_for_url("**/edit/tools/chatgpt-business")
    page.goto(plan)
    notes = page.locator(".note").first.inner_text()
    assert "最可能改為 12" in notes

    fixes = page.get_by_test_id("apply-fix")
    assert fixes.count() >= 1
    j.shoot("health-check")
    before = page.get_by_test_id("health").inner_text()
    fixes.first.click()
    page.wait_for_load_state()
    assert "健康檢查修正" in page.locator(".note").first.inner_text()
    assert page.get_by_test_id("health").inner_text() != before

    page.get_by_test_id("evaluate-link").click()
    page.wait_for_selector("[data-testid=npv]")
    npv = page.get_by_test_id("npv").inner_text()
    assert npv.startswith(("NT$", "-NT$"))
    j.shoot("evaluate")

    page.goto(plan)
    page.get_by_test_id("allocation-link").click()
    page.wait_for_selector("[data-testid=allocation-status]")
    j.shoot("allocation")
    page.get_by_test_id("adopt-link").click()  # the plan's own split differs: adopt it
    expect(page.get_by_test_id("adopt-changes")).to_be_visible()
    j.shoot("adopt")
    page.get_by_test_id("adopt-confirm").click()
    page.wait_for_load_state()
    page.goto(plan)
    assert "採用建議配置" in page.locator(".note").first.inner_text()

    page.get_by_role("button", name="核准").click()
    page.wait_for_load_state()
    assert t("web.status_approved") in page.locator(".title-row").inner_text()
    j.no_yaml_field()
    j.shoot("approved")
    with page.expect_download() as report:
        page.get_by_test_id("report-pdf").click()
    assert Path(report.value.path()).read_bytes().startswith(b"%PDF-")

    print(
        f"\nzh-TW owner journey: {j.loads} page loads, {j.submissions} form submissions, "
        f"{j.steps} steps screenshot at {' and '.join(map(str, WIDTHS))} px"
    )
    assert j.submissions <= 20
    context.close()


def test_a_new_owner_builds_a_plan_in_english(browser: Any, server: str) -> None:
    context = browser.new_context(locale="en", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(WAIT_MS)
    j = Journey(context.new_page(), "owner-en")
    page = j.page
    _sign_up(j, server, "Mei Lin", "Lin Apparel", "Create account and workspace")  # browser: en
    assert page.locator("html").get_attribute("lang") == "en"
    _new_plan(
        j,
        {
            "f-company-name": "Lin Apparel",
            "f-company-employees": "4",
            "f-company-annual_revenue": "9600000",
            "f-company-annual_marketing_budget": "720000",
        },
        "Create the plan",
    )
    plan = _plan_url(page)
    _add_goal(
        j, "Add a goal",
        {"name": "More posts a month", "baseline": "8", "target": "20", "deadline": "2027-06"},
        "content_output", "Save as a new version",
    )  # fmt: skip
    _add_tool(j, "chatgpt-business", "ChatGPT", "Add to the plan")
    page.goto(plan + "/edit/tools/chatgpt-business")
    page.locator("#f-training-hours_per_person").fill("6")
    page.get_by_role("button", name="Save as a new version").click()
    page.wait_for_url("**/p/*#tools")
    assert "Training hours per person set to 6" in page.locator(".note").first.inner_text()
    j.no_yaml_field()
    j.shoot("plan")
    page.get_by_test_id("evaluate-link").click()
    page.wait_for_selector("[data-testid=npv]")
    j.shoot("evaluate")
    print(f"\nEnglish owner journey: {j.loads} page loads, {j.submissions} form submissions")
    context.close()
