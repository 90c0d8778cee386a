"""The import preview as an owner sees it in zh-TW, at 1280 and 375 px: a LINE friends
export (which goal each figure counts in) and a Google Ads export (where its spend goes,
chosen from the plan's tools by name). Screenshots in build/e2e-screenshots/."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from aibudget.cli import app
from aibudget.cli.web import DEMO_EMAIL, DEMO_PASSWORD
from tests.e2e.browser import EXAMPLE, shot
from tests.imports.conftest import FIXTURES

CODE_WORDS = re.compile(r"\b(line_friends|block_rate|google_ads|ad_click_through_rate|_plan)\b")


def _plan_with_a_line_goal(tmp_path: Path) -> Path:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["goals"].append(
        {"id": "line", "name": "LINE 好友一年到 2,000 人", "kpi": "line_friends", "baseline": 1000,
         "target": 2000, "deadline": "2027-12", "priority": 2}
    )  # fmt: skip
    path = tmp_path / "cafe.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("width", [1280, 375])
def test_the_import_preview_in_zh_tw(
    browser: Any, server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    monkeypatch.setenv("AIBUDGET_DATABASE_URL", f"sqlite:///{tmp_path / 'e2e.db'}")
    monkeypatch.setenv("AIBUDGET_SECRET_KEY", "e" * 48)
    loaded = CliRunner().invoke(app, ["demo-load", str(_plan_with_a_line_goal(tmp_path))])
    assert loaded.exit_code == 0, loaded.output
    context = browser.new_context(locale="zh-TW", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(server + "/login")
    page.locator("#f-email").fill(DEMO_EMAIL)
    page.locator("#f-password").fill(DEMO_PASSWORD)
    page.locator('form[action="/login"] button[type=submit]').click()
    page.wait_for_url("**/workspaces")
    page.locator("main a[href^='/w/']").first.click()
    page.locator("main a[href*='/p/']").first.click()
    actuals = page.url.split("?")[0].rstrip("/") + "/actuals"

    page.goto(actuals)
    page.set_input_files("#f-upload", str(FIXTURES / "line_friends_zh_utf8_bom.csv"))
    page.locator("#import button[type=submit]").click()
    page.wait_for_selector("[data-testid=kpi-uses]")
    uses = page.get_by_test_id("kpi-uses").inner_text()
    assert "LINE 好友一年到 2,000 人" in uses and "封鎖率" in uses
    assert not CODE_WORDS.search(page.locator("main").inner_text())
    shot(page, f"import-line-{width}")

    page.goto(actuals)
    page.set_input_files("#f-upload", str(FIXTURES / "google_ads_zh_utf16.tsv"))
    page.locator("#import button[type=submit]").click()
    page.wait_for_selector("[data-testid=spend]")
    assert page.get_by_test_id("confirm").is_disabled()  # nowhere to book it yet
    shot(page, f"import-google-ads-{width}")
    page.select_option("#f-spend-to", label="Canva Pro")
    page.locator("[data-testid=spend] button[type=submit]").click()
    page.wait_for_selector("[data-testid=spend]")
    assert "Canva Pro" in page.get_by_test_id("spend").inner_text()
    assert page.get_by_test_id("confirm").is_enabled()
    assert not CODE_WORDS.search(page.locator("main").inner_text())
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert not overflow, "the page is wider than the screen"
    shot(page, f"import-google-ads-chosen-{width}")
    context.close()
