"""Report downloads on the plan page and in the API: the right file, the reader's
language, the review when there are actuals, and nobody else's plan."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import openpyxl
from fastapi.testclient import TestClient

from tests.cli.test_cli_monitor import filled_template
from tests.web.helpers import csrf, import_plan, new_workspace, set_limits, sign_up
from tests.web.test_web_api import _shape
from tests.web.test_web_api_monitor import V1, _import, _setup


def _sheets(content: bytes) -> list[str]:
    return list(openpyxl.load_workbook(io.BytesIO(content)).sheetnames)


def test_the_plan_page_offers_both_reports(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan = import_plan(client, ws)
    page = client.get(f"/w/{ws}/p/{plan}").text
    assert f"/w/{ws}/p/{plan}/v/1/report.pdf" in page
    assert f"/w/{ws}/p/{plan}/v/1/report.xlsx" in page
    assert "報告（PDF）" in page


def test_downloads_in_the_viewers_language_or_the_one_asked(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan = import_plan(client, ws)
    base = f"/w/{ws}/p/{plan}/v/1"
    xlsx = client.get(f"{base}/report.xlsx")
    assert xlsx.status_code == 200
    assert xlsx.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert f'filename="plan-{plan[:8]}-v1.xlsx"' in xlsx.headers["content-disposition"]
    assert _sheets(xlsx.content)[0] == "摘要"
    assert _sheets(client.get(f"{base}/report.xlsx?lang=en").content)[0] == "Summary"
    pdf = client.get(f"{base}/report.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert pdf.headers["content-type"] == "application/pdf"
    assert client.get(f"{base}/report.docx").status_code == 404
    assert client.get(f"{base}/report.pdf?lang=fr").status_code in (400, 422)


def test_the_api_report_includes_the_review_once_there_are_actuals(
    client: TestClient, tmp_path: Path
) -> None:
    auth, url, _ = _setup(client, tmp_path)
    before = client.get(f"{url}/versions/1/report", params={"format": "xlsx"}, headers=auth)
    assert before.status_code == 200, before.text
    assert "Actuals" not in _sheets(before.content) and "實際數字" not in _sheets(before.content)
    _import(client, url, auth, filled_template(tmp_path))
    after = client.get(
        f"{url}/versions/1/report", params={"format": "xlsx", "lang": "en"}, headers=auth
    )
    assert _sheets(after.content)[-2:] == ["Actuals", "Review"]
    _shape(client.get(f"{url}/versions/1/report", params={"format": "odt"}, headers=auth), 422)
    _shape(client.get(f"{url}/versions/9/report", headers=auth), 404, "store.not_found")


def test_another_workspace_gets_404(client: TestClient, tmp_path: Path) -> None:
    bob, url_b, _ = _setup(client, tmp_path, "bob@example.com")
    alice, url_a, _ = _setup(client, tmp_path, "alice@example.com")
    ws_a = url_a.split("/")[4]
    plan_b = url_b.rsplit("/", 1)[-1]
    for url in (url_b, f"{V1}/workspaces/{ws_a}/plans/{plan_b}"):
        response: Any = client.get(f"{url}/versions/1/report", headers=alice)
        _shape(response, 404, "store.not_found")
    assert client.get(f"{url_b}/versions/1/report", headers=bob).status_code == 200


def test_a_report_is_made_once_and_kept_apart_from_evaluations(
    client: TestClient, tmp_path: Path
) -> None:
    auth, url, _ = _setup(client, tmp_path)
    web = client.app.state.web  # type: ignore[attr-defined]
    set_limits(client, evaluate_per_minute=1)
    first = client.get(f"{url}/versions/1/report", params={"format": "xlsx"}, headers=auth)
    again = client.get(f"{url}/versions/1/report", params={"format": "xlsx"}, headers=auth)
    assert first.status_code == again.status_code == 200
    assert first.content == again.content  # the kept file: the limit was counted once
    assert len(web.reports) == 1
    assert len(web.results) == 0  # results stay where they are
    other = client.get(f"{url}/versions/1/report", params={"format": "pdf"}, headers=auth)
    _shape(other, 429, "accounts.quota_seconds")


def _state_cell(content: bytes) -> str:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    cells = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    return next(str(row[1]) for row in cells if len(row) >= 2 and row[0] == "狀態")


def test_a_report_made_before_approval_says_approved_after_it(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan = import_plan(client, ws)
    base = f"/w/{ws}/p/{plan}/v/1"
    assert _state_cell(client.get(f"{base}/report.xlsx").content) == "草稿"
    token = csrf(client, f"/w/{ws}/p/{plan}")
    approved = client.post(f"{base}/status", data={"csrf_token": token, "status": "approved"})
    assert approved.status_code in (200, 303), approved.text
    assert _state_cell(client.get(f"{base}/report.xlsx").content) == "已核准"


TRIAL_OVERRIDE = """- id: chatgpt-business
  trial: {offered: true, days: 14, source: https://example.com/our-quote}
"""


def test_a_report_checks_the_plan_against_the_workspace_catalog(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan = import_plan(client, ws)
    base = f"/w/{ws}/p/{plan}/v/1"

    def report_rules() -> set[str]:
        sheet = openpyxl.load_workbook(io.BytesIO(client.get(f"{base}/report.xlsx").content))
        return {str(c) for row in sheet.worksheets[0].iter_rows(values_only=True) for c in row}

    def lint_messages() -> set[str]:
        found = client.get(f"/api/v1/workspaces/{ws}/plans/{plan}/versions/1/lint")
        assert found.status_code == 200, found.text
        return {f["message"] for f in found.json()}

    before = lint_messages()
    token = csrf(client, f"/w/{ws}/catalog")
    saved = client.post(f"/w/{ws}/catalog", data={"csrf_token": token, "entries": TRIAL_OVERRIDE})
    assert saved.status_code == 200, saved.text
    new = lint_messages() - before
    assert new, "the workspace's entry should add a finding on the plan page"
    assert new <= report_rules()
