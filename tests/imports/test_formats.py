"""Every real-shaped export imports to the totals its rows add up to."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pytest

from aibudget.domain.actuals import PLAN_LEVEL, SpendStatus
from aibudget.domain.plan import LineItem
from aibudget.imports.cells import parse_number
from tests.imports import make_fixtures as data
from tests.imports.conftest import load


def spend_by_month(preview: object) -> dict[str, Decimal]:
    out: dict[str, Decimal] = defaultdict(Decimal)
    for r in preview.records:  # type: ignore[attr-defined]
        if r.amount is not None:
            out[r.month] += r.amount
    return dict(out)


def test_fixtures_are_current(fixtures_dir: object) -> None:
    for name, content in data.files().items():
        assert (fixtures_dir / name).read_bytes() == content, name  # type: ignore[operator]


@pytest.mark.parametrize("name", ["google_ads_en.csv", "google_ads_zh.csv"])
def test_google_ads_utf16_with_title_rows_and_totals(name: str) -> None:
    p = load(name, tool="gads")
    assert p.ok, p.problems
    assert (p.format, p.encoding, p.delimiter, p.header_line) == ("google_ads", "utf-16", "\t", 3)
    assert spend_by_month(p) == data.GOOGLE_COST
    assert p.rows_skipped == 1  # the totals row
    assert {r.tool for r in p.records} == {"gads"}
    assert {r.line for r in p.records if r.amount is not None} == {LineItem.OTHER}
    conversions = sum(r.kpi_value for r in p.records if r.kpi == "conversions")
    expected = sum(parse_number(row[5]) or Decimal(0) for row in data.GOOGLE_ROWS)
    assert conversions == expected
    assert p.period is not None and p.period[0].isoformat() == "2026-01-01"


def test_google_ads_campaigns_stay_apart_within_a_month() -> None:
    p = load("google_ads_en.csv")
    january = {r.label: r.amount for r in p.records if r.month == "2026-01" and r.amount}
    assert len(january) == 2
    assert january["春季咖啡豆 Spring beans"] == Decimal("3868.78")
    assert all(r.tool == "google_ads" for r in p.records)  # no tool given: the source


@pytest.mark.parametrize("name", ["meta_ads_en.csv", "meta_ads_zh.csv"])
def test_meta_ads_currency_in_header_and_daily_rows(name: str) -> None:
    p = load(name, tool="meta")
    assert p.ok, p.problems
    assert p.format == "meta_ads" and p.currency == "TWD"
    assert spend_by_month(p) == data.META_SPEND
    assert sum(r.rows for r in p.records) == len(data.META_ROWS)


def test_ga4_comment_lines_give_the_month() -> None:
    p = load("ga4_en.csv")
    assert p.ok, p.problems
    values = {r.kpi: r.kpi_value for r in p.records}
    assert values == {
        "monthly_sessions": data.GA4_SESSIONS,
        "key_events": data.GA4_KEY_EVENTS,
    }
    assert {r.month for r in p.records} == {"2026-01"}
    assert {r.tool for r in p.records} == {PLAN_LEVEL}


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
    first = load("meta_ads_en.csv")
    again = load("meta_ads_en.csv", mapping=first.mapping, format=first.format)
    assert again.ok and again.mapping == first.mapping
    assert [r.fingerprint for r in again.records] == [r.fingerprint for r in first.records]


def test_encoding_override_wins() -> None:
    p = load("template_zh_cp950.csv", encoding="big5hkscs")
    assert p.ok and (p.encoding, p.encoding_method) == ("big5hkscs", "override")
