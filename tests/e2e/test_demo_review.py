"""The demo as `make demo` loads it: the cafe with three months of actuals, so the review
page shows a real review (checked against the engine's own review of the same files)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from aibudget.cli.monitor import load_actuals
from aibudget.engine.review import review
from aibudget.i18n import Translator
from aibudget.planfile import load_plan
from tests.e2e.browser import ACTUALS, EXAMPLE, open_demo_review, shot


def test_the_demo_review_page_shows_the_example_actuals(
    browser: Any, server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    t = Translator("zh_TW")
    plan = load_plan(EXAMPLE)
    expected = review(plan, load_actuals(plan, [ACTUALS], t))

    page = open_demo_review(browser, server, tmp_path, monkeypatch)
    context = page.context
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
    narrow.goto(page.url.split("?")[0].removesuffix("/review") + "/actuals")
    narrow.wait_for_selector("form")
    assert narrow.evaluate(width) <= 0  # the import form's long format names fit too
    context.close()
