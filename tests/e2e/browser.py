"""Helpers for the browser tests: the example plan and screenshots as test artefacts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

SHOTS = Path(__file__).resolve().parents[2] / "build" / "e2e-screenshots"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "taipei-cafe.yaml"


def shot(page: object, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    return path


ACTUALS = EXAMPLE.with_name("taipei-cafe-actuals.csv")


def open_demo_review(browser: Any, server: str, data: Path, monkeypatch: Any) -> Any:
    """``make demo``'s cafe with its actuals loaded into ``data``, signed in, on the review
    page (zh-TW, 1280 px): the page."""
    from typer.testing import CliRunner

    from aibudget.cli import app
    from aibudget.cli.web import DEMO_EMAIL, DEMO_PASSWORD

    monkeypatch.setenv("AIBUDGET_DATABASE_URL", f"sqlite:///{data / 'e2e.db'}")
    monkeypatch.setenv("AIBUDGET_SECRET_KEY", "e" * 48)
    loaded = CliRunner().invoke(app, ["demo-load", str(EXAMPLE), "--actuals", str(ACTUALS)])
    assert loaded.exit_code == 0, loaded.output
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
    return page
