"""In a real browser: a tool named like markup leaves the charts drawn and runs nothing;
the API docs (vendored Swagger UI) work within the app's Content-Security-Policy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.e2e.browser import EXAMPLE, shot

PASSWORD = "correct horse battery"
WAIT_MS = 60_000  # generous: the machine may be busy with other test runs
HOSTILE = "<!--<script>window.pwned=1</script>ChatGPT"


def _console_error(message: Any, problems: list[str]) -> None:
    """Errors in the console (the page names its icon, so none for /favicon.ico either)."""
    where = message.location.get("url", "")
    if message.type == "error":
        problems.append(f"{message.text} ({where})")


def _watched_page(browser: Any, problems: list[str]) -> Any:
    context = browser.new_context(locale="zh-TW", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda message: _console_error(message, problems))
    page.on(
        "response",
        lambda answer: (
            problems.append(f"{answer.status} {answer.url}") if answer.status >= 400 else None
        ),
    )
    return page


def _owner_with_plan(page: Any, server: str, plan_file: Path) -> None:
    page.goto(server + "/")
    page.get_by_label("電子郵件").fill("owner@example.com")
    page.get_by_label("密碼").fill(PASSWORD)
    page.get_by_label("工作區名稱").fill("山嵐咖啡")
    page.get_by_label("您的名字").fill("林老闆")
    page.get_by_role("button", name="建立帳號與工作區").click()
    page.wait_for_url("**/w/*")
    page.get_by_role("link", name="匯入計畫").first.click()
    page.get_by_label("計畫檔").set_input_files(str(plan_file))
    page.get_by_role("button", name="儲存為新版本").click()
    page.wait_for_url("**/p/*")


def test_a_tool_named_like_markup_leaves_the_charts_drawn(
    browser: Any, server: str, tmp_path: Path
) -> None:
    plan_file = tmp_path / "hostile.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    plan_file.write_text(
        text.replace("name: ChatGPT Business", f"name: '{HOSTILE}'"), encoding="utf-8"
    )
    problems: list[str] = []
    page = _watched_page(browser, problems)
    _owner_with_plan(page, server, plan_file)
    page.get_by_test_id("evaluate-link").click()
    for chart in ("cash-flow", "npv-range", "fan", "tornado"):
        page.wait_for_selector(f"#chart-{chart} .main-svg", timeout=WAIT_MS)
    shot(page, "robust-hostile-tool-name")
    assert page.evaluate("window.pwned") is None
    drawn = " ".join(page.locator(".chart").all_inner_texts())
    assert HOSTILE in drawn  # shown as text
    assert page.locator("footer.foot").count() == 1  # the page after the charts is whole
    assert problems == []


def test_api_docs_render_the_operations_within_the_csp(browser: Any, server: str) -> None:
    problems: list[str] = []
    page = _watched_page(browser, problems)
    page.goto(server + "/api/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=WAIT_MS)
    assert "aibudget" in page.locator(".swagger-ui .info .title").inner_text()
    assert page.locator(".swagger-ui .opblock").count() >= 14
    shot(page, "robust-api-docs")
    assert problems == []
