"""The owner's team writes a learning-log entry in the browser and sees it in the review
beside the hours recorded (the demo: the cafe with three months of actuals); screenshots
of the log, the agenda, the comparison and the evaluation's summary at 1280 and 375 px."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from aibudget.cli import app
from aibudget.cli.web import DEMO_EMAIL, DEMO_PASSWORD
from tests.e2e.browser import EXAMPLE, shot

ACTUALS = EXAMPLE.with_name("taipei-cafe-actuals.csv")
WIDTHS = (1280, 375)


def _sign_in(page: Any, server: str) -> str:
    page.goto(server + "/login")
    page.locator("#f-email").fill(DEMO_EMAIL)
    page.locator("#f-password").fill(DEMO_PASSWORD)
    page.locator('form[action="/login"] button[type=submit]').click()
    page.wait_for_url("**/workspaces")
    page.locator("main a[href^='/w/']").first.click()
    page.locator("main a[href*='/p/']").first.click()
    page.wait_for_selector("[data-testid=practice]")
    return str(page.url).split("?", 1)[0]


def test_an_entry_made_on_the_web_is_seen_in_the_review(
    browser: Any, server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIBUDGET_DATABASE_URL", f"sqlite:///{tmp_path / 'e2e.db'}")
    monkeypatch.setenv("AIBUDGET_SECRET_KEY", "e" * 48)
    loaded = CliRunner().invoke(app, ["demo-load", str(EXAMPLE), "--actuals", str(ACTUALS)])
    assert loaded.exit_code == 0, loaded.output

    context = browser.new_context(locale="zh-TW", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    plan_url = _sign_in(page, server)
    page.get_by_test_id("learning-link").click()
    page.locator("#f-tool").select_option(label="Canva Pro")
    page.locator("#f-who").fill("阿芳")
    page.locator("#f-minutes_saved").fill("75")
    page.locator("#f-tried").fill("用範本一次做好一週的限時動態")
    page.locator("#f-tip").fill("先存好品牌色與字型")
    page.locator("[data-testid=learning-form] button[type=submit]").click()
    page.wait_for_selector("[data-testid=learning-added]")
    assert "用範本一次做好一週的限時動態" in page.get_by_test_id("learning-entries").inner_text()

    page.goto(plan_url + "/review")
    page.wait_for_selector("[data-testid=learning-review]")
    assert page.get_by_test_id("logged-canva").inner_text() == "1.3 小時（省下 75 分鐘）"

    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for name, path, ready in (
            ("plan-wins", "", "small-wins"),
            ("learning-log", "/learning", "learning-entries"),
            ("agenda", "/learning/agenda", "agenda"),
            ("compare", "/compare", "ranking"),
            ("evaluate-summary", "/v/1/evaluate?trials=2000", "plain-summary"),
            ("allocation-summary", "/v/1/allocation", "plain-summary"),
        ):
            page.goto(plan_url + path)
            page.wait_for_selector(f"[data-testid={ready}]")
            assert "practice." not in page.locator("main").inner_text()  # no message ids
            shot(page, f"{name}-{width}")
    context.close()
