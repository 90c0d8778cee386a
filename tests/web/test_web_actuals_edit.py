"""Monthly entries on the page: listed in words, corrected, deleted after a confirmation;
impossible values refused beside their field with nothing written."""

from __future__ import annotations

import html
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import text

from aibudget.domain.actuals import ActualRecord
from aibudget.i18n import Translator
from aibudget.planfile import load_plan
from aibudget.store import actuals, audit
from aibudget.web.monitor_views import entry_view
from tests.cli.test_cli_monitor import filled_template
from tests.web.helpers import EXAMPLE, csrf
from tests.web.test_web_monitor import _import, _setup

T = Translator("zh_TW")
ENTRY = {
    "month": "2027-01", "tool": "chatgpt", "line": "subscription", "status": "spent",
    "amount": "1,600", "hours_saved": "12", "feedback": "4", "note": "第一個月",
}  # fmt: skip


def _stored(client: TestClient, ws: str, plan_id: str) -> list[ActualRecord]:
    web = client.app.state.web  # type: ignore[attr-defined]
    with web.db.session() as s:
        user_id = s.execute(text("select id from users")).scalar_one()
        return actuals.get(s, user_id, ws, plan_id, "TWD").records


def _actions(client: TestClient, ws: str) -> list[tuple[str, dict[str, Any]]]:
    web = client.app.state.web  # type: ignore[attr-defined]
    with web.db.session() as s:
        return [(e.action, e.detail) for e in audit.entries(s, ws)]


def _enter(client: TestClient, ws: str, plan_id: str, **changes: str) -> Any:
    url = f"/w/{ws}/p/{plan_id}/actuals"
    return client.post(url, data={"csrf_token": csrf(client, url), **ENTRY, **changes})


def _entries(page: str) -> list[str]:
    return re.findall(r'<li data-entry="([0-9a-f]+)">', page)


def _problem(page: str, name: str) -> str:
    found = re.search(rf'<p class="problem" id="p-{name}" role="alert">([^<]*)</p>', page)
    assert found, f"no problem beside {name}"
    return html.unescape(found.group(1))


def test_each_month_lists_its_entries_in_words(client: TestClient, tmp_path: Path) -> None:
    ws, plan_id, _ = _setup(client, tmp_path)
    assert _enter(client, ws, plan_id).status_code == 200
    assert _enter(client, ws, plan_id, kpi="content_output", kpi_value="14", amount="", note="")
    _import(client, ws, plan_id, filled_template(tmp_path))
    page = client.get(f"/w/{ws}/p/{plan_id}/actuals").text
    section = page.split('id="entries"', 1)[1]
    january = section.split('data-testid="entries-2027-01"', 1)[1].split("</ul>", 1)[0]
    assert "ChatGPT Business · " + T("monitor.line.subscription") in january
    assert T.money(1600, "TWD") in january and "第一個月" in january
    assert T("monitor.web.feedback_value", value="4") in january
    assert T("monitor.web.source_manual") in january
    assert T("monitor.web.source_file", file="actuals.csv") in january
    assert "chatgpt" not in january and "content_output" not in january  # names, not ids
    records = _stored(client, ws, plan_id)
    assert sorted(_entries(page)) == sorted(r.fingerprint for r in records)


def test_a_kpi_figure_is_shown_in_its_unit() -> None:
    plan = load_plan(EXAMPLE)  # the cafe: revenue, a rate and a count as goals
    figures = {"online_revenue": "262000", "engagement_rate": "2.5", "content_output": "14"}
    shown = {
        kpi: entry_view(
            T, plan, ActualRecord(month="2027-01", kpi=kpi, kpi_value=Decimal(value)), {}
        )["kpi_text"]
        for kpi, value in figures.items()
    }
    assert shown == {
        "online_revenue": "NT$262,000",  # money, in the plan's currency
        "engagement_rate": "2.5%",  # a rate, in per cent
        "content_output": "14",  # a count, as it is
    }


def test_an_imported_kpi_is_named_in_words_never_by_id() -> None:
    plan = load_plan(EXAMPLE)
    for kpi in ("clicks", "conversions", "key_events", "line_message_reach"):
        record = ActualRecord(month="2027-01", kpi=kpi, kpi_value=Decimal(420), source="ga4")
        shown = entry_view(T, plan, record, {})
        assert shown["kpi"] == T(f"import.kpi.{kpi}") != f"import.kpi.{kpi}"
        assert shown["kpi_text"] == "420"
    unknown = ActualRecord(month="2027-01", kpi="store_visits", kpi_value=Decimal(3))
    assert entry_view(T, plan, unknown, {})["kpi"] == "store_visits"  # as the file gave it


def test_an_entry_is_corrected_with_a_pre_filled_form(client: TestClient, tmp_path: Path) -> None:
    ws, plan_id, _ = _setup(client, tmp_path)
    _enter(client, ws, plan_id)
    [record] = _stored(client, ws, plan_id)
    url = f"/w/{ws}/p/{plan_id}/actuals/entries/{record.fingerprint}"
    form = client.get(url).text
    assert 'name="amount" inputmode="decimal" value="1600"' in form
    assert 'value="2027-01"' in form and "第一個月" in form
    token = csrf(client, url)
    done = client.post(
        url, data={"csrf_token": token, **ENTRY, "amount": "1,750"}, follow_redirects=False
    )
    assert done.status_code == 303, done.text
    page = client.get(done.headers["location"]).text
    assert T("monitor.web.corrected") in page and T.money(1750, "TWD") in page
    assert '<details class="month" id="m-2027-01" open>' in page  # opened where it changed
    [fixed] = _stored(client, ws, plan_id)
    assert fixed.amount == 1750 and fixed.hours_saved == 12 and fixed.note == "第一個月"
    action, detail = _actions(client, ws)[0]
    assert action == "actuals.corrected" and detail["before"]["amount"] == "1600"
    again = client.post(url, data={"csrf_token": token, **ENTRY, "amount": "1800"})
    assert again.status_code == 409  # the old fingerprint is gone: nothing is done
    assert T("actuals.entry_gone") in html.unescape(again.text)
    assert _stored(client, ws, plan_id) == [fixed]


def test_an_entry_is_deleted_only_after_confirming(client: TestClient, tmp_path: Path) -> None:
    ws, plan_id, _ = _setup(client, tmp_path)
    _enter(client, ws, plan_id)
    _enter(client, ws, plan_id, month="2027-02")
    first, second = _stored(client, ws, plan_id)
    url = f"/w/{ws}/p/{plan_id}/actuals/entries/{first.fingerprint}/delete"
    asked = client.get(url)
    assert T("monitor.web.delete_title") in asked.text
    assert len(_stored(client, ws, plan_id)) == 2  # asking deletes nothing
    token = csrf(client, url)
    done = client.post(url, data={"csrf_token": token}, follow_redirects=False)
    assert done.status_code == 303
    assert T("monitor.web.deleted") in client.get(done.headers["location"]).text
    assert _stored(client, ws, plan_id) == [second]
    action, detail = _actions(client, ws)[0]
    assert action == "actuals.deleted" and detail["before"]["month"] == "2027-01"
    twice = client.post(url, data={"csrf_token": token})
    assert twice.status_code == 409 and T("actuals.entry_gone") in html.unescape(twice.text)
    assert _stored(client, ws, plan_id) == [second]
    without_token = client.post(
        f"/w/{ws}/p/{plan_id}/actuals/entries/{second.fingerprint}/delete", data={}
    )
    assert without_token.status_code == 403 and _stored(client, ws, plan_id) == [second]


def test_impossible_months_and_amounts_are_refused_beside_the_field(
    client: TestClient, tmp_path: Path
) -> None:
    ws, plan_id, _ = _setup(client, tmp_path)  # the plan covers 2027-01 to 2027-12
    covers = {"first": "2027-01", "last": "2027-12", "setup": "2026-12"}
    for month in ("2025-01", "2028-01", "2031-06"):
        refused = _enter(client, ws, plan_id, month=month)
        assert refused.status_code == 422
        assert _problem(refused.text, "month") == T("actuals.month_outside", month=month, **covers)
        assert "這份計畫涵蓋 2027-01 到 2027-12" in _problem(refused.text, "month")
    negative = _enter(client, ws, plan_id, amount="-500", hours_saved="-3")
    assert negative.status_code == 422
    assert _problem(negative.text, "amount") == T("actuals.negative_amount")
    assert _problem(negative.text, "hours_saved") == T("actuals.negative_hours")
    assert _stored(client, ws, plan_id) == [] and not any(
        a.startswith("actuals.") for a, _ in _actions(client, ws)
    )
    assert _enter(client, ws, plan_id, month="2026-12").status_code == 200  # set-up month


def test_a_correction_is_refused_like_an_entry_and_writes_nothing(
    client: TestClient, tmp_path: Path
) -> None:
    ws, plan_id, _ = _setup(client, tmp_path)
    _enter(client, ws, plan_id)
    _enter(client, ws, plan_id, month="2027-02")
    first, second = _stored(client, ws, plan_id)
    url = f"/w/{ws}/p/{plan_id}/actuals/entries/{first.fingerprint}"
    token = csrf(client, url)
    bad = client.post(url, data={"csrf_token": token, **ENTRY, "month": "2024-05", "amount": "-1"})
    assert bad.status_code == 422
    assert "2024-05" in _problem(bad.text, "month")
    assert _problem(bad.text, "amount") == T("actuals.negative_amount")
    assert 'value="2024-05"' in bad.text  # what was typed stays in the form
    clash = client.post(url, data={"csrf_token": token, **ENTRY, "month": "2027-02"})
    assert clash.status_code == 409
    assert _problem(clash.text, "status") == T("monitor.web.correction_conflict")
    assert _stored(client, ws, plan_id) == [first, second]
    assert _actions(client, ws)[0][0] == "actuals.entered"


def test_an_imported_row_outside_the_plan_refuses_the_file(
    client: TestClient, tmp_path: Path
) -> None:
    ws, plan_id, _ = _setup(client, tmp_path)
    source = filled_template(tmp_path)
    content = source.read_bytes().decode("cp950").replace("2027-03", "2031-03", 1)
    source.write_bytes(content.encode("cp950"))
    url = f"/w/{ws}/p/{plan_id}/actuals"
    response = client.post(
        f"{url}/preview",
        data={"csrf_token": csrf(client, url), "format": ""},
        files={"upload": (source.name, source.read_bytes(), "text/csv")},
    )
    assert response.status_code == 422
    assert "2031-03 不在這份計畫的期間內" in html.unescape(response.text)
    assert 'name="import_id"' not in response.text and _stored(client, ws, plan_id) == []
