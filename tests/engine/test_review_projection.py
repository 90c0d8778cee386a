"""Each goal's KPI projected to its deadline, checked against numpy and hand sums."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from aibudget.catalog import kpi_entries
from aibudget.domain.actuals import ActualRecord, Actuals, with_fingerprint
from aibudget.domain.review import KpiStatus
from aibudget.engine.review import review
from aibudget.engine.review_projection import FLOWS, STOCKS, method_for
from tests.factories import make_plan, tool

CENT = 0.005  # projections are shown to two places
DEADLINE = 12  # 2027-12: month 12 of the factory plan's horizon (starts 2027-01)


def goal(kpi: str, target: float, baseline: float | None = None, **extra: Any) -> dict:
    out = {"id": "g", "name": "Goal", "kpi": kpi, "target": target, "deadline": "2027-12"}
    if baseline is not None:
        out["baseline"] = baseline
    return {**out, **extra}


def status(goal_data: dict, values: dict[int, float], as_of: str | None = None) -> KpiStatus:
    plan = make_plan(tool(), goals=[goal_data])
    records = [
        with_fingerprint(
            ActualRecord(month=f"2027-{m:02d}", tool="_plan", kpi=goal_data["kpi"], kpi_value=v)
        )
        for m, v in values.items()
    ]
    result = review(plan, Actuals(currency="TWD", records=records), as_of, kpi_entries())
    return result.kpis[0]


def test_a_flow_follows_its_least_squares_trend_and_says_how_far_short() -> None:
    rng = np.random.default_rng(7)
    months = np.arange(1, 6)
    revenue = np.round(200_000 + 6_000 * months + rng.normal(0, 4_000, months.size), 0)
    k = status(
        goal("online_revenue", 300_000), dict(zip(months.tolist(), revenue.tolist(), strict=True))
    )
    slope, intercept = np.polyfit(months, revenue, 1)
    expected = intercept + slope * DEADLINE
    p = k.projection
    assert p is not None and p.method == "trend" and p.months_used == 5
    assert float(p.value) == pytest.approx(expected, abs=CENT)
    assert p.deadline == "2027-12"
    assert p.verdict == "behind" and p.reach_month is None
    assert float(p.gap) == pytest.approx((300_000 - expected) / 300_000, abs=1e-4)


def test_a_goal_met_early_by_the_trend_names_the_month() -> None:
    sessions = {1: 1000.0, 2: 1150.0, 3: 1260.0, 4: 1420.0}
    k = status(goal("monthly_sessions", 2000, baseline=900), sessions)
    slope, intercept = np.polyfit(list(sessions), list(sessions.values()), 1)
    first = next(m for m in range(5, DEADLINE + 1) if intercept + slope * m >= 2000)
    p = k.projection
    assert p is not None and p.verdict == "on_track" and p.gap is None
    assert p.reach_month == f"2027-{first:02d}" and not p.recorded_reach
    assert p.months_early == DEADLINE - first > 0


def test_a_goal_already_met_counts_from_the_month_it_was_met() -> None:
    k = status(goal("monthly_sessions", 1200, baseline=900), {1: 1000, 2: 1250, 3: 1300})
    p = k.projection
    assert k.status == "reached"
    assert p is not None and p.verdict == "on_track" and p.recorded_reach
    assert (p.reach_month, p.months_early) == ("2027-02", DEADLINE - 2)


def test_a_stock_adds_its_average_monthly_change_to_the_latest_value() -> None:
    friends = {1: 200, 2: 230, 4: 290}
    k = status(goal("line_friends", 1000, baseline=180), friends)
    by_hand = 290 + (290 - 200) / (4 - 1) * (DEADLINE - 4)  # 530
    p = k.projection
    assert p is not None and p.method == "stock"
    assert float(p.value) == pytest.approx(by_hand, abs=CENT)
    assert float(p.gap) == pytest.approx((1000 - by_hand) / 1000, abs=1e-4)


def test_a_rate_is_the_average_of_its_last_three_months() -> None:
    rates = {1: 1.0, 2: 1.6, 3: 1.8, 4: 2.3}
    k = status(goal("conversion_rate", 2.0, baseline=1.2), rates)
    p = k.projection
    assert p is not None and p.method == "average"
    assert float(p.value) == pytest.approx((1.6 + 1.8 + 2.3) / 3, abs=CENT)
    assert p.verdict == "behind"


@pytest.mark.parametrize(
    ("values", "verdict", "status_word"),
    [
        ({1: 3.0, 2: 2.4, 3: 1.9}, "behind", "on_track"),
        ({1: 1.6, 2: 1.3, 3: 1.1}, "on_track", "reached"),
    ],
)
def test_lower_is_better_comes_from_the_kpi_library(
    values: dict[int, float], verdict: str, status_word: str
) -> None:
    # No baseline: only the library says a lower block rate is better.
    assert kpi_entries()["block_rate"].direction == "down"
    k = status(goal("block_rate", 1.5), values)
    mean = sum(values.values()) / len(values)
    p = k.projection
    assert p is not None and p.direction == "down" and p.verdict == verdict
    assert float(p.value) == pytest.approx(mean, abs=CENT)
    assert k.status == status_word
    latest = values[max(values)]
    assert float(k.attainment) == pytest.approx(1.5 / latest, abs=1e-4)  # closer is better
    if verdict == "behind":
        assert float(p.gap) == pytest.approx((mean - 1.5) / 1.5, abs=1e-4)


def test_fewer_than_two_months_gives_no_projection_and_says_why() -> None:
    k = status(goal("online_revenue", 300_000), {1: 210_000, 3: 260_000}, as_of="2027-02")
    assert k.latest == Decimal(210_000)
    assert k.projection is None and k.projection_note == "few_months"


@pytest.mark.parametrize(
    ("extra", "as_of", "note"),
    [({"deadline": "2027-02"}, None, "past_deadline"), ({"deadline": None}, None, "no_deadline")],
)
def test_no_projection_past_or_without_a_deadline(
    extra: dict, as_of: str | None, note: str
) -> None:
    k = status(goal("online_revenue", 300_000, **extra), {1: 1, 2: 2, 3: 3}, as_of)
    assert k.projection is None and k.projection_note == note


def test_every_library_kpi_has_a_method_and_the_lists_name_real_kpis() -> None:
    library = kpi_entries()
    assert library.keys() >= FLOWS | STOCKS
    assert {method_for(k) for k in library} == {"trend", "stock", "average"}


@settings(max_examples=60, deadline=None)
@given(
    start=st.integers(0, 100_000),
    step=st.integers(-2_000, 5_000),
    months=st.lists(st.integers(1, 11), min_size=2, max_size=6, unique=True),
)
def test_a_flow_on_a_straight_line_is_projected_on_that_line(
    start: int, step: int, months: list[int]
) -> None:
    values = {m: float(start + step * m) for m in months if start + step * m >= 0}
    assume(len(values) >= 2)
    k = status(goal("qualified_leads", 50_000), values)
    p = k.projection
    assert p is not None
    assert float(p.value) == pytest.approx(max(0, start + step * DEADLINE), abs=CENT)
    assert (p.verdict == "behind") == (float(p.value) < 50_000)
    assert (p.gap is not None and p.gap > 0) == (p.verdict == "behind")
