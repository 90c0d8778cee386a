"""The template and hand-made variants of exports; the vendors' own exports are in
test_vendors.py."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pytest

from aibudget.domain.actuals import PLAN_LEVEL, SpendStatus
from aibudget.domain.plan import LineItem
from tests.imports import exports
from tests.imports import make_fixtures as data
from tests.imports.conftest import load, load_path


def spend_by_month(preview: object) -> dict[str, Decimal]:
    out: dict[str, Decimal] = defaultdict(Decimal)
    for r in preview.records:  # type: ignore[attr-defined]
        if r.amount is not None:
            out[r.month] += r.amount
    return dict(out)


def test_fixtures_are_current(fixtures_dir: object) -> None:
    for name, content in data.files().items():
        assert (fixtures_dir / name).read_bytes() == content, name  # type: ignore[operator]


@pytest.mark.parametrize(
    "name",
    [
        "template_zh_cp950.csv",
        "template_zh_big5.csv",
        "template_zh_utf8_bom.csv",
        "template_zh.xlsx",
    ],
)
def test_template_in_chinese_any_encoding_or_workbook(name: str) -> None:
    p = load(name)
    assert p.ok, p.problems
    assert p.format == "template"
    assert len(p.records) == len(data.TEMPLATE_ZH)
    first = p.records[0]
    assert (first.month, first.tool, first.line, first.status) == (
        "2026-01",
        "chatgpt",
        LineItem.SUBSCRIPTION,
        SpendStatus.SPENT,
    )
    assert first.amount == Decimal(1600) and first.seats == 2 and first.feedback == 4
    assert first.note == "小陳說很好用"
    assert sum(r.hours_saved or 0 for r in p.records) == Decimal("27.5")
    assert p.mapping["month"] == "月份"


def test_template_in_english_with_status_and_kpi_rows() -> None:
    p = load("template_en_utf8.csv")
    assert p.ok, p.problems
    committed = [r for r in p.records if r.status is SpendStatus.COMMITTED]
    assert [r.month for r in committed] == ["2026-02"]
    kpi = next(r for r in p.records if r.kpi)
    assert (kpi.kpi, kpi.kpi_value, kpi.tool) == ("content_output", 14, PLAN_LEVEL)


def test_remembered_mapping_is_used() -> None:
    first = load("meta_ads_en_utf8_bom.csv")
    again = load("meta_ads_en_utf8_bom.csv", mapping=first.mapping, format=first.format)
    assert again.ok and again.mapping == first.mapping
    assert [r.fingerprint for r in again.records] == [r.fingerprint for r in first.records]


def test_encoding_override_wins() -> None:
    p = load("template_zh_cp950.csv", encoding="big5hkscs")
    assert p.ok and (p.encoding, p.encoding_method) == ("big5hkscs", "override")


def test_meta_export_as_a_workbook_with_real_dates(tmp_path: object) -> None:
    from datetime import datetime

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Campaign name", "Day", "Amount spent (TWD)", "Impressions"])
    for row in exports.META_ROWS:
        day, name, spend = row[0], row[2], row[-1]
        sheet.append([name, datetime.fromisoformat(day), float(spend), 100])
    path = tmp_path / "meta.xlsx"  # type: ignore[operator]
    book.save(path)
    p = load_path(path, tool="meta")
    assert p.ok, p.problems
    assert spend_by_month(p) == exports.meta_ads("en").by_month("spend", "starts")


def test_ga4_with_a_date_column_splits_months(tmp_path: object) -> None:
    path = tmp_path / "ga4.csv"  # type: ignore[operator]
    path.write_text(
        "# Start date: 20260101\n# End date: 20260228\nDate,Sessions,Key events\n"
        "20260105,100,2\n20260131,50,1\n20260201,70,0\n",
        encoding="utf-8",
    )
    p = load_path(path)
    sessions = {r.month: r.kpi_value for r in p.records if r.kpi == "monthly_sessions"}
    assert sessions == {"2026-01": 150, "2026-02": 70}


def test_rows_without_a_day_need_a_single_month_period(tmp_path: object) -> None:
    path = tmp_path / "gads.csv"  # type: ignore[operator]
    text = "Campaign report\n2026/01/01 - 2026/02/28\nCampaign\tCost\nA\t100\n"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    p = load_path(path)
    assert [(x.message_id, x.line) for x in p.problems] == [("import.no_day", 4)]
    path.write_bytes(b"\xff\xfe" + text.replace("02/28", "01/31").encode("utf-16-le"))
    assert spend_by_month(load_path(path)) == {"2026-01": Decimal(100)}


def test_meta_rows_covering_two_months_are_refused(tmp_path: object) -> None:
    path = tmp_path / "meta.csv"  # type: ignore[operator]
    path.write_text(
        "Reporting starts,Reporting ends,Campaign name,Amount spent (TWD)\n"
        "2026-01-01,2026-02-28,A,1000\n",
        encoding="utf-8-sig",
    )
    p = load_path(path)
    assert [(x.message_id, x.line) for x in p.problems] == [("import.range_spans_months", 2)]


def test_feedback_outside_one_to_five_is_a_row_problem(tmp_path: object) -> None:
    path = tmp_path / "t.csv"  # type: ignore[operator]
    path.write_text("Month,Tool,Team feedback (1-5)\n2026-01,chatgpt,7\n", encoding="utf-8")
    p = load_path(path)
    problem = p.problems[0]
    assert (problem.line, problem.params["column"]) == (2, "Team feedback (1-5)")
    assert problem.params["reason"] == "value.less_than_equal" and problem.params["le"] == "5"
