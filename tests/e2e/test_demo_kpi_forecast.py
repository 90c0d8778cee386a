"""The demo's review page says where each goal is heading, in the same words as the
CLI review of the same files, at desktop and phone widths."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from aibudget.catalog import kpi_entries
from aibudget.cli.monitor import load_actuals
from aibudget.engine.review import review
from aibudget.i18n import Translator
from aibudget.planfile import load_plan
from aibudget.present.review_kpis import projection_text
from tests.e2e.browser import ACTUALS, EXAMPLE, open_demo_review, shot

WIDTH = "document.documentElement.scrollWidth - window.innerWidth"


def test_the_demo_review_shows_each_goals_projection(
    browser: Any, server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    t = Translator("zh_TW")
    plan = load_plan(EXAMPLE)
    expected = review(plan, load_actuals(plan, [ACTUALS], t), kpi_library=kpi_entries())
    sentences = [projection_text(t, k, plan.currency, kpi_entries()) for k in expected.kpis]
    assert all(k.projection is not None for k in expected.kpis)

    page = open_demo_review(browser, server, tmp_path, monkeypatch)
    context = page.context
    listed = page.get_by_test_id("kpi-forecast")
    listed.wait_for()
    text = listed.inner_text()
    for goal, sentence in zip(plan.goals, sentences, strict=True):
        assert goal.name in text and sentence in text
    listed.scroll_into_view_if_needed()
    shot(page, "kpi-forecast-1280")
    narrow = context.new_page()
    narrow.set_viewport_size({"width": 375, "height": 800})
    narrow.goto(page.url)
    narrow.get_by_test_id("kpi-forecast").wait_for()
    assert narrow.evaluate(WIDTH) <= 0
    shot(narrow, "kpi-forecast-375")
    context.close()
