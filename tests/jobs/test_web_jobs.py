"""The owner sees the nightly check on the plan page (zh-TW, Taipei time, alerts in
words), a consultant sees every workspace on one page and in the API, a report made by a
job can be followed and downloaded, and a check that keeps failing is said in words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from aibudget.jobs import work
from aibudget.jobs.settings import JobSettings
from aibudget.settings import Settings
from aibudget.store.models_jobs import PlanCheckRow, ReportJobRow
from aibudget.web import create_app
from tests.web.helpers import csrf, import_plan, new_workspace, sign_up

ID = re.compile(r"\b[0-9a-f]{32}\b")


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'web.db'}", secret_key=SecretStr("s" * 48)
    )
    app = create_app(settings, jobs=JobSettings(jobs_in_process=True, job_retries=1))
    with TestClient(app, base_url="http://127.0.0.1", headers={"Accept-Language": "zh-TW"}) as c:
        yield c
    app.state.web.db.dispose()


def _live_plan(client: TestClient, name: str = "2027") -> tuple[str, str]:
    ws = new_workspace(client, name="咖啡店")
    plan_id = import_plan(client, ws, name=name)
    response = client.post(
        f"/w/{ws}/p/{plan_id}/v/1/status",
        data={"csrf_token": csrf(client, f"/w/{ws}/p/{plan_id}"), "status": "live"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    return ws, plan_id


def _check_now(client: TestClient, ws: str, plan_id: str) -> str:
    page = f"/w/{ws}/p/{plan_id}"
    response = client.post(f"{page}/check", data={"csrf_token": csrf(client, page)})
    assert response.status_code == 200
    return response.text


def _visible(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)[^>]*>.*?</\1>", "", html, flags=re.S))


def test_the_plan_page_shows_the_last_check_in_taipei_time_with_alerts_in_words(
    client: TestClient,
) -> None:
    sign_up(client, "mei@example.com", "Mei")
    ws, plan_id = _live_plan(client)
    before = client.get(f"/w/{ws}/p/{plan_id}").text
    assert 'data-testid="check-now"' in before and "還沒有檢查過" in before
    page = _check_now(client, ws, plan_id)
    panel = page.split('data-testid="check"')[1].split("</section>")[0]
    db = client.app.state.web.db  # type: ignore[attr-defined]
    with db.session() as s:  # what was stored, read apart from the page
        (row,) = s.query(PlanCheckRow).all()
        stored_at = row.checked_at.replace(tzinfo=UTC)
    taipei = stored_at.astimezone(ZoneInfo("Asia/Taipei"))
    assert "上次檢查" in panel and "台灣時間" in panel
    assert f"{taipei.hour % 12 or 12}:{taipei.minute:02d}" in panel  # Babel's 12-hour clock
    assert "價格" in panel  # the example's prices are more than six months old
    assert 'data-testid="check-now"' not in panel  # checked today: nothing to do again
    assert not ID.search(_visible(panel)) and "price_stale" not in panel


def test_a_check_that_keeps_failing_is_said_in_words(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_up(client, "mei@example.com", "Mei")
    ws, plan_id = _live_plan(client)

    def broken(*_: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(work, "check_plan", broken)
    page = _check_now(client, ws, plan_id)
    assert 'data-testid="check-failed"' in page
    assert "連續失敗" in page and "disk on fire" not in page


def test_the_overview_lists_every_workspace_with_its_live_plans(client: TestClient) -> None:
    sign_up(client, "mei@example.com", "Mei")
    ws, plan_id = _live_plan(client, "夏季計畫")
    _check_now(client, ws, plan_id)
    other = new_workspace(client, name="花店")
    page = client.get("/overview").text
    assert page.count('data-testid="overview-workspace"') == 2
    assert "夏季計畫" in page and "沒有執行中或已核准的計畫" in page
    api = client.get("/api/v1/overview").json()
    by_id = {w["workspace_id"]: w for w in api}
    assert set(by_id) == {ws, other}
    (plan,) = by_id[ws]["plans"]
    assert plan["plan_id"] == plan_id and plan["last_check"].startswith("上次檢查")
    assert plan["alerts"] and by_id[other]["plans"] == []
    check = client.get(f"/api/v1/workspaces/{ws}/plans/{plan_id}/check").json()
    assert check["alerts"] == plan["alerts"]


def test_someone_else_sees_none_of_it(client: TestClient) -> None:
    sign_up(client, "mei@example.com", "Mei")
    ws, plan_id = _live_plan(client)
    _check_now(client, ws, plan_id)
    client.cookies.clear()
    sign_up(client, "eve@example.com", "Eve")
    assert client.get("/api/v1/overview").json() == [] or all(
        w["workspace_id"] != ws for w in client.get("/api/v1/overview").json()
    )
    assert client.get(f"/api/v1/workspaces/{ws}/plans/{plan_id}/check").status_code == 404


def test_a_report_made_by_a_job_is_followed_then_downloaded(client: TestClient) -> None:
    sign_up(client, "mei@example.com", "Mei")
    ws, plan_id = _live_plan(client)
    page = f"/w/{ws}/p/{plan_id}"
    response = client.post(
        f"{page}/v/1/report-jobs", data={"csrf_token": csrf(client, page), "fmt": "xlsx"}
    )
    assert response.status_code == 200 and "報告已經完成" in response.text
    link = re.search(r'href="([^"]+/file)"', response.text)
    assert link
    file = client.get(link.group(1))
    assert file.status_code == 200 and file.content[:2] == b"PK"  # a zip: an XLSX workbook
    job_id = link.group(1).split("/")[-2]
    api = client.get(f"/api/v1/workspaces/{ws}/plans/{plan_id}/report-jobs/{job_id}").json()
    assert api["state"] == "done" and api["progress"] == 100


def test_a_report_job_of_another_user_is_not_found(client: TestClient) -> None:
    sign_up(client, "mei@example.com", "Mei")
    ws, plan_id = _live_plan(client)
    page = f"/w/{ws}/p/{plan_id}"
    done = client.post(
        f"{page}/v/1/report-jobs", data={"csrf_token": csrf(client, page), "fmt": "pdf"}
    )
    job_path = re.search(r'href="([^"]+)/file"', done.text).group(1)  # type: ignore[union-attr]
    client.cookies.clear()
    sign_up(client, "eve@example.com", "Eve")
    assert client.get(job_path).status_code == 404
    assert client.get(job_path + "/file").status_code == 404


def test_reminder_mails_can_be_turned_off_on_the_account_page(client: TestClient) -> None:
    sign_up(client, "mei@example.com", "Mei")
    page = client.get("/account/mail").text
    assert 'checked data-testid="reminders"' in page
    off = client.post("/account/mail", data={"csrf_token": csrf(client, "/account/mail")})
    assert "提醒信已關閉" in off.text and 'checked data-testid="reminders"' not in off.text
    on = client.post(
        "/account/mail", data={"csrf_token": csrf(client, "/account/mail"), "reminders": "on"}
    )
    assert "提醒信已開啟" in on.text


def test_report_jobs_are_reused_count_against_costly_runs_and_a_refused_one_leaves_nothing(
    tmp_path: Path,
) -> None:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'web.db'}",
        secret_key=SecretStr("s" * 48),
        evaluate_per_minute=1,
        max_trials=1_000,
    )
    app = create_app(settings, jobs=JobSettings(jobs_in_process=True))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        sign_up(client, "mei@example.com", "Mei")
        ws, plan_id = _live_plan(client)
        url = f"/api/v1/workspaces/{ws}/plans/{plan_id}/versions/1/report-jobs"
        headers = {"X-CSRF-Token": csrf(client, f"/w/{ws}/p/{plan_id}")}
        first = client.post(url, json={"format": "xlsx"}, headers=headers)
        again = client.post(url, json={"format": "xlsx"}, headers=headers)
        other = client.post(url, json={"format": "pdf"}, headers=headers)
        assert (first.status_code, first.json()["state"]) == (202, "done")
        assert again.json()["id"] == first.json()["id"]  # today's same report, not a new run
        assert other.status_code == 429
        with app.state.web.db.session() as s:
            assert s.query(ReportJobRow).count() == 1
    app.state.web.db.dispose()


def test_a_report_made_by_a_job_is_made_of_what_a_download_is(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workspace's catalog, the owner's worries and the learning log too (a job's
    report used to leave the last two out and use the built-in catalog)."""
    from aibudget.service import reports as service_reports

    sign_up(client, "mei@example.com", "Mei")
    ws, plan_id = _live_plan(client)
    page = f"/w/{ws}/p/{plan_id}"
    learning = f"{page}/learning"
    entry = {"csrf_token": csrf(client, learning), "tool": "chatgpt", "who": "小陳",
             "tried": "用它寫三篇貼文", "minutes_saved": "45", "on": ""}  # fmt: skip
    assert client.post(learning, data=entry).status_code == 200
    made: dict[str, dict[str, object]] = {}

    def recording(where: str, gather: Any) -> Any:
        def inner(*args: object, **kwargs: object) -> object:
            made[where] = {k: kwargs.get(k) for k in ("catalog", "worries", "learning")}
            return gather(*args, **kwargs)

        return inner

    monkeypatch.setattr(work, "gather", recording("job", work.gather))
    monkeypatch.setattr(service_reports, "gather", recording("download", service_reports.gather))
    job = client.post(
        f"{page}/v/1/report-jobs", data={"csrf_token": csrf(client, page), "fmt": "xlsx"}
    )
    assert job.status_code == 200 and "報告已經完成" in job.text
    assert client.get(f"{page}/v/1/report.xlsx").status_code == 200
    assert made["job"]["learning"], "the learning log is in the report"
    assert made["job"] == made["download"]
