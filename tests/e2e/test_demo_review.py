"""The demo as `make demo` loads it: the cafe with three months of actuals, so the review
page shows a real review (checked against the engine's own review of the same files)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from aibudget.cli import app
from aibudget.cli.monitor import load_actuals
from aibudget.cli.web import DEMO_EMAIL, DEMO_PASSWORD
from aibudget.engine.review import review
from aibudget.i18n import Translator
from aibudget.planfile import load_plan
from tests.e2e.browser import EXAMPLE, shot

ACTUALS = EXAMPLE.with_name("taipei-cafe-actuals.csv")


def test_the_demo_review_page_shows_the_example_actuals(
    browser: Any, server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIBUDGET_DATABASE_URL", f"sqlite:///{tmp_path / 'e2e.db'}")
    monkeypatch.setenv("AIBUDGET_SECRET_KEY", "e" * 48)
    loaded = CliRunner().invoke(app, ["demo-load", str(EXAMPLE), "--actuals", str(ACTUALS)])
    assert loaded.exit_code == 0, loaded.output
    t = Translator("zh_TW")
    plan = load_plan(EXAMPLE)
    expected = review(plan, load_actuals(plan, [ACTUALS], t))

    context = browser.new_context(locale="zh-TW", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "/login")
    page.locator("#f-email").fill(DEMO_EMAIL)
    page.locator("#f-password").fill(DEMO_PASSWORD)
    page.locator('form[action="/login"] button[type=submit]').click()
    page.wait_for_url("**/workspaces")
    page.locator("main a[href^='/w/']").first.click()
    page.locator("main a[href*='/p/']").first.click()
    page.get_by_test_id("monitor-link").click()
    page.wait_for_selector("[data-testid=recommendations]")
    table = page.get_by_test_id("recommendations").inner_text()
    for tool in plan.tools:
        assert tool.name in table
    assert "2027-03" in page.locator("main").inner_text()
    roi = expected.realised.roi
    assert roi is not None
    assert t.percent(roi) in page.get_by_test_id("realised-roi").inner_text()
    kpis = page.get_by_test_id("kpis").inner_text()
    assert all(goal.name in kpis and goal.id not in kpis for goal in plan.goals)
    shot(page, "demo-review-1280")
    narrow = context.new_page()
    narrow.set_viewport_size({"width": 375, "height": 800})
    narrow.goto(page.url)
    narrow.wait_for_selector("[data-testid=recommendations]")
    width = "document.documentElement.scrollWidth - window.innerWidth"
    assert narrow.evaluate(width) <= 0  # wide tables scroll inside their cards
    proposal = narrow.get_by_test_id("proposal").inner_text()
    assert t("reallocate.no_change") in proposal  # the demo is on plan: nothing to accept
    assert narrow.get_by_test_id("accept").count() == 0 and "淨現值" not in proposal
    shot(narrow, "demo-review-375")
    context.close()
