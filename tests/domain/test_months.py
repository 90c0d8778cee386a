"""Calendar months and plan months (domain/months.py): worked examples, then the rules
that hold for any month: adding and counting undo each other, text order is time order,
and a horizon's months run on across year ends."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aibudget.domain.errors import PlanError
from aibudget.domain.months import (
    MONTHS_PER_YEAR,
    add_months,
    calendar_month,
    first_day,
    month_index,
    month_of,
    months_between,
    months_in_plan_year,
    parse_month,
    per_year,
    plan_month,
    plan_year,
    pro_rata,
)
from aibudget.domain.plan import Billing
from tests.factories import make_plan

months = st.builds(
    lambda year, month: f"{year:04d}-{month:02d}",
    st.integers(1900, 2200),
    st.integers(1, 12),
)
offsets = st.integers(-1200, 1200)  # a century either way
horizons = st.integers(1, 120)


def test_months_are_read_from_text_days_and_dates() -> None:
    assert parse_month("2027-01") == "2027-01"
    assert parse_month("2027-01-15") == "2027-01"
    assert parse_month(date(2027, 1, 15)) == "2027-01"
    for bad in ("2027-13", "27-01", "2027/01", "January"):
        with pytest.raises(ValueError):
            parse_month(bad)


def test_a_plan_names_the_month_it_refuses() -> None:
    with pytest.raises(PlanError) as refused:
        make_plan(horizon={"start": "2027-13"})
    [problem] = refused.value.problems
    assert problem.path == ("horizon", "start")
    assert (problem.message_id, problem.params["value"]) == ("value.month_format", "2027-13")


def test_worked_examples_across_a_year_end() -> None:
    assert month_of(date(2026, 12, 31)) == "2026-12"
    assert first_day("2026-04") == date(2026, 4, 1)
    assert add_months("2026-11", 3) == "2027-02"
    assert add_months("2027-01", -1) == "2026-12"
    assert months_between("2026-11", "2027-02") == 3
    assert months_between("2027-02", "2026-11") == -3
    assert month_index("0001-01") == MONTHS_PER_YEAR


def test_plan_months_count_from_the_horizons_start() -> None:
    start = "2026-07"
    assert calendar_month(start, 1) == "2026-07"
    assert calendar_month(start, 0) == "2026-06"  # one-off costs, the month before
    assert calendar_month(start, 7) == "2027-01"
    assert plan_month(start, "2027-06") == 12
    assert plan_month(start, "2026-05") == -1
    plan = make_plan(horizon={"start": start, "months": 18})
    assert plan.calendar_month(18) == "2027-12"
    assert plan.plan_month("2027-12") == 18


def test_plan_years_and_their_months() -> None:
    assert [plan_year(m) for m in (0, 1, 12, 13, 24, 25, 36)] == [0, 1, 1, 2, 2, 3, 3]
    assert [months_in_plan_year(y, 18) for y in (1, 2)] == [12, 6]
    assert [months_in_plan_year(y, 36) for y in (1, 2, 3)] == [12, 12, 12]


def test_yearly_amounts_pro_rata() -> None:
    assert pro_rata(Decimal(120_000), 18) == 180_000
    assert pro_rata(Decimal("123456.78"), 25) == Decimal("257201.625")
    assert per_year(Decimal(180_000), 18) == 120_000


def test_a_yearly_bill_pays_for_twelve_months() -> None:
    assert Billing.ANNUAL.months == MONTHS_PER_YEAR
    assert Billing.MONTHLY.months == 1
    assert Billing.ANNUAL.a_month(Decimal(1200)) == 100
    assert Billing.MONTHLY.a_month(Decimal("99.50")) == Decimal("99.50")


def test_a_companys_revenue_a_month_is_a_twelfth_of_its_year() -> None:
    assert make_plan().company.monthly_revenue() == Decimal(100_000)  # 1,200,000 a year


@given(months, offsets)
def test_adding_then_counting_gives_the_offset_back(month: str, offset: int) -> None:
    later = add_months(month, offset)
    assert parse_month(later) == later
    assert months_between(month, later) == offset
    assert add_months(later, -offset) == month


@given(months, offsets, offsets)
def test_adding_adds_up(month: str, a: int, b: int) -> None:
    assert add_months(add_months(month, a), b) == add_months(month, a + b)


@given(months, months)
def test_text_order_is_time_order(a: str, b: str) -> None:
    assert (a < b) == (month_index(a) < month_index(b)) == (months_between(a, b) > 0)


@given(months, offsets, offsets)
def test_adding_keeps_the_order(month: str, a: int, b: int) -> None:
    assert (add_months(month, a) < add_months(month, b)) == (a < b)


@given(st.dates(date(1900, 1, 1), date(2200, 12, 31)))
def test_a_day_lies_in_its_month(day: date) -> None:
    month = month_of(day)
    assert parse_month(day) == month
    assert first_day(month) <= day < first_day(add_months(month, 1))


@given(months, horizons)
def test_a_horizons_months_run_on_across_year_ends(start: str, count: int) -> None:
    calendar = [calendar_month(start, m) for m in range(count + 1)]
    assert calendar == sorted(set(calendar))
    for m, (before, after) in enumerate(pairwise(calendar)):
        assert plan_month(start, after) == m + 1
        assert months_between(before, after) == 1
        year_end = before.endswith("-12")
        assert (after[:4] != before[:4]) == year_end
        assert after.endswith("-01") == year_end


@given(horizons)
def test_plan_years_hold_every_month_once(count: int) -> None:
    years = plan_year(count)
    held = [months_in_plan_year(y, count) for y in range(1, years + 1)]
    assert sum(held) == count
    assert all(0 < h <= MONTHS_PER_YEAR for h in held)
    for m in range(1, count + 1):
        y = plan_year(m)
        assert MONTHS_PER_YEAR * (y - 1) < m <= MONTHS_PER_YEAR * y
