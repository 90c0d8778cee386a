from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aibudget.imports.cells import (
    CellError,
    month_of,
    parse_date,
    parse_number,
    parse_period,
    safe_text,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026/01/05", date(2026, 1, 5)),
        ("2026-01-05", date(2026, 1, 5)),
        ("2026/1/5", date(2026, 1, 5)),
        ("115/01/05", date(2026, 1, 5)),
        ("115年1月5日", date(2026, 1, 5)),
        ("20260105", date(2026, 1, 5)),
        ("２０２６／０１／０５", date(2026, 1, 5)),
        ("January 5, 2026", date(2026, 1, 5)),
        ("2026-01", date(2026, 1, 1)),
        (datetime(2026, 1, 5, 13, 0), date(2026, 1, 5)),
    ],
)
def test_dates_in_every_calendar(text: object, expected: date) -> None:
    assert parse_date(text) == expected


@given(st.dates(min_value=date(1921, 1, 1), max_value=date(2910, 12, 31)))
def test_roc_and_gregorian_agree(day: date) -> None:
    roc = f"{day.year - 1911}/{day.month:02d}/{day.day:02d}"
    assert parse_date(roc) == day == parse_date(day.isoformat())


@pytest.mark.parametrize("text", ["2026-13-05", "115/02/30", "soon", "=TODAY()"])
def test_bad_dates_are_errors(text: str) -> None:
    with pytest.raises(CellError):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NT$1,234", Decimal(1234)),
        ("1,234.50", Decimal("1234.50")),
        ("(1,200)", Decimal(-1200)),
        ("-1200", Decimal(-1200)),
        ("１２３", Decimal(123)),
        ("--", None),
        ("", None),
        (12.5, Decimal("12.5")),
    ],
)
def test_numbers_as_exports_write_them(text: object, expected: Decimal | None) -> None:
    assert parse_number(text) == expected


def test_percent_only_becomes_a_share_when_asked() -> None:
    assert parse_number("12.5%", percent_as_share=True) == Decimal("0.125")
    assert parse_number("12.5%") == Decimal("12.5")


@pytest.mark.parametrize("text", ["abc", "=1+2", "1.2.3", "NaN", "Infinity"])
def test_non_numbers_are_errors(text: str) -> None:
    with pytest.raises(CellError):
        parse_number(text)


@pytest.mark.parametrize("text", ["=HYPERLINK(1)", "+1", "-x", "@SUM(A1)", "\tA", "\rA"])
def test_formula_looking_text_is_neutralised(text: str) -> None:
    safe, changed = safe_text(text)
    assert changed and safe == "'" + text


def test_plain_text_is_kept() -> None:
    assert safe_text(" 春季咖啡豆 ") == ("春季咖啡豆", False)


def test_period_above_a_report() -> None:
    assert parse_period("2026/01/01 - 2026/01/31") == (date(2026, 1, 1), date(2026, 1, 31))
    assert parse_period("Campaign performance") is None
    assert month_of("115/12/31") == "2026-12"
