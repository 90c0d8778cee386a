"""The review: synthetic truth recovered, advice that follows the numbers, exact sums."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aibudget.domain.actuals import ActualRecord, Actuals, SpendStatus, with_fingerprint
from aibudget.domain.plan import Distribution, Range
from aibudget.domain.review import Action
from aibudget.engine.review import ReviewError, review
from aibudget.engine.review_advice import recommend
from aibudget.engine.review_forecast import NOISE_PRIOR, range_sd, update_group
from tests.factories import make_plan, tool

RATE = 100  # amy's hourly cost in the factory plan


def rec(month: int, tool_id: str = "t1", **fields: Any) -> ActualRecord:
    return with_fingerprint(ActualRecord(month=f"2027-{month:02d}", tool=tool_id, **fields))


def actuals(*records: ActualRecord) -> Actuals:
    return Actuals(currency="TWD", records=list(records))


def hours_tool(tool_id: str, hours: tuple[int, int, int], price: int, **extra: Any) -> dict:
    return tool(
        id=tool_id,
        plans=[{"id": "m", "price": price, "seats": 2}],
        benefits=[{"kind": "hours_saved", "hours_per_month": list(hours)}],
        **extra,
    )


# --- the forecast that learns ------------------------------------------------------


def synthetic_run(seed: int, ramp_months: int) -> tuple[float, float, float]:
    """(truth, prior mean, posterior mean) of hours a month after six noisy months."""
    rng = np.random.default_rng(seed)
    low, likely, high = 10, 20, 35
    plan = make_plan(hours_tool("t1", (low, likely, high), 500, ramp_months=ramp_months))
    prior = float(Range(low=low, likely=likely, high=high).mean(Distribution.PERT))
    factor = rng.uniform(0.25, 0.8) if rng.random() < 0.5 else rng.uniform(1.25, 2.5)
    truth = prior * factor
    records = []
    for m in range(1, 7):
        share = 1.0 if ramp_months == 0 else min(1.0, m / ramp_months)
        observed = max(0.0, truth * share * (1 + 0.25 * rng.standard_normal()))
        records.append(rec(m, hours_saved=Decimal(f"{observed:.1f}")))
    result = review(plan, actuals(*records))
    driver = next(d for d in result.drivers if d.tool == "t1")
    assert float(driver.prior_mean) == pytest.approx(prior, rel=1e-6)
    return truth, prior, float(driver.posterior_mean)


@pytest.mark.parametrize("ramp_months", [0, 3])
def test_posterior_beats_prior_for_at_least_90_percent_of_seeds(ramp_months: int) -> None:
    seeds = range(200)
    closer = 0
    for seed in seeds:
        truth, prior, posterior = synthetic_run(seed, ramp_months)
        closer += abs(posterior - truth) < abs(prior - truth)
    assert closer / len(seeds) >= 0.9, closer


def test_money_benefits_learn_too() -> None:
    plan = make_plan(
        tool(
            plans=[{"id": "m", "price": 300}],
            benefits=[{"kind": "cost_avoided", "monthly": [2000, 3000, 5000]}],
        )
    )
    records = [rec(m, benefit=Decimal(8000)) for m in range(1, 7)]
    driver = review(plan, actuals(*records)).drivers[0]
    assert driver.group == "money" and driver.unit == "money_per_month"
    assert driver.prior_mean < driver.posterior_mean < Decimal(8000)
    assert driver.posterior_sd < driver.prior_sd
    assert driver.months_observed == 6


def test_no_observations_keep_the_plan() -> None:
    plan = make_plan(hours_tool("t1", (10, 20, 35), 500))
    result = review(plan, actuals(rec(1, line="subscription", amount=Decimal(1000))))
    driver = result.drivers[0]
    assert driver.posterior_mean == driver.prior_mean and driver.months_observed == 0
    assert result.tools[0].action is Action.KEEP
    assert result.tools[0].reasons == ["no_benefit_data"]


def test_update_shrinks_towards_the_data_as_months_add_up() -> None:
    planned = [0.0] + [100.0] * 12
    one = update_group(planned, {1: 200.0}, kappa=0.2)
    six = update_group(planned, dict.fromkeys(range(1, 7), 200.0), kappa=0.2)
    assert 1.0 < one.phi < six.phi < 2.0
    assert six.phi_sd < one.phi_sd < 0.2
    # a noise-free series settles below the scatter prior's pull
    assert six.phi_sd < NOISE_PRIOR


def test_range_sd_matches_the_distributions() -> None:
    r = Range(low=0, likely=50, high=100)
    assert range_sd(r, Distribution.PERT) == pytest.approx(100 / np.sqrt(28))
    assert range_sd(r, Distribution.TRIANGULAR) == pytest.approx(np.sqrt(7500 / 18))


# --- recommendations ------------------------------------------------------------------


def six_months(tool_id: str, hours: float, feedback: int, users: int = 2) -> list[ActualRecord]:
    return [
        rec(
            m,
            tool_id,
            line="subscription",
            amount=Decimal(3000 if tool_id == "weak" else 500),
            hours_saved=Decimal(str(hours)),
            seats=2,
            active_users=users,
            feedback=Decimal(feedback),
        )
        for m in range(1, 7)
    ]


def two_tools() -> Any:
    return make_plan(
        hours_tool("weak", (30, 40, 60), 1500),
        hours_tool("strong", (5, 10, 15), 250),
    )


def test_far_below_plan_is_stopped_and_a_strong_tool_scaled_up() -> None:
    records = six_months("weak", 2, 4) + six_months("strong", 30, 5)
    by_tool = {t.tool: t for t in review(two_tools(), actuals(*records)).tools}
    assert by_tool["weak"].action in (Action.STOP, Action.REPLACE)
    assert by_tool["weak"].action is Action.STOP
    assert by_tool["weak"].forecast.npv < 0 < by_tool["weak"].plan.npv
    assert by_tool["strong"].action is Action.SCALE_UP
    assert by_tool["strong"].attainment is not None and by_tool["strong"].attainment > 2


def test_a_weak_tool_the_team_dislikes_is_replaced() -> None:
    records = six_months("weak", 2, 2) + six_months("strong", 30, 5)
    by_tool = {t.tool: t for t in review(two_tools(), actuals(*records)).tools}
    assert by_tool["weak"].action is Action.REPLACE
    assert "low_feedback" in by_tool["weak"].reasons


def test_a_weak_tool_few_people_use_gets_training_first() -> None:
    records = six_months("weak", 2, 4, users=0)[:3]
    weak = next(t for t in review(two_tools(), actuals(*records)).tools if t.tool == "weak")
    assert weak.action is Action.IMPROVE and "low_adoption" in weak.reasons


@pytest.mark.parametrize(
    ("args", "action"),
    [
        ((Decimal("1.0"), Decimal(1), None, None, 1), Action.KEEP),
        ((None, Decimal(1), Decimal("0.2"), None, 0), Action.IMPROVE),
        ((Decimal("0.3"), Decimal(-1), Decimal(1), Decimal(4), 6), Action.STOP),
        ((Decimal("0.3"), Decimal(1), Decimal(1), Decimal(4), 6), Action.IMPROVE),
        ((Decimal("0.9"), Decimal(1), Decimal("0.4"), None, 6), Action.IMPROVE),
        ((Decimal("1.0"), Decimal(1), Decimal(1), Decimal("2.9"), 6), Action.IMPROVE),
        ((Decimal("1.3"), Decimal(1), Decimal("0.7"), None, 6), Action.KEEP),
        ((Decimal("1.3"), Decimal(1), None, None, 6), Action.SCALE_UP),
        ((Decimal("1.0"), Decimal(1), None, None, 6), Action.KEEP),
    ],
)
def test_recommendation_thresholds(args: tuple, action: Action) -> None:
    assert recommend(*args)[0] is action


# --- plan vs actual ------------------------------------------------------------------


def test_variance_per_line_and_over_budget() -> None:
    plan = make_plan(hours_tool("t1", (10, 20, 30), 500))  # 2 seats: 1,000 a month
    records = [rec(m, line="subscription", amount=Decimal(1200)) for m in (1, 2, 3)]
    result = review(plan, actuals(*records))
    row = next(v for v in result.variance if v.line == "subscription")
    assert (row.plan, row.actual, row.variance) == (Decimal(3000), Decimal(3600), Decimal(600))
    assert row.variance_pct == Decimal("0.2")
    assert row.forecast == Decimal(3600 + 9 * 1200)  # the price really paid, from now on
    assert row.plan_horizon == Decimal(12000)
    assert "over_budget" in result.tools[0].reasons


def test_commitments_change_the_forecast_not_the_actuals() -> None:
    plan = make_plan(hours_tool("t1", (10, 20, 30), 500))
    records = [
        rec(1, line="subscription", amount=Decimal(1000)),
        rec(5, line="subscription", amount=Decimal(2500), status=SpendStatus.COMMITTED),
    ]
    row = review(plan, actuals(*records), as_of="2027-01").variance[0]
    assert row.actual == Decimal(1000) and row.committed == Decimal(2500)
    assert row.forecast == Decimal(1000 + 2500 + 10 * 1000)


def test_unrecorded_lines_keep_the_plan_and_show_no_actual() -> None:
    plan = make_plan(hours_tool("t1", (10, 20, 30), 500, training={"fees": 3000}))
    result = review(plan, actuals(rec(1, line="subscription", amount=Decimal(1000))))
    training = next(v for v in result.variance if v.line == "training")
    assert training.actual is None and training.variance is None
    assert result.realised.costs == Decimal(1000 + 3000)


def test_realised_roi_is_what_the_records_say() -> None:
    plan = make_plan(hours_tool("t1", (10, 20, 30), 500))
    records = [
        rec(m, line="subscription", amount=Decimal(1000), hours_saved=Decimal(h))
        for m, h in ((1, 5), (2, 15), (3, 25))
    ]
    realised = review(plan, actuals(*records)).realised
    benefits = Decimal((5 + 15 + 25) * RATE)
    assert (realised.costs, realised.benefits) == (Decimal(3000), benefits)
    assert realised.roi == ((benefits - 3000) / 3000).quantize(Decimal("0.0001"))
    assert realised.plan_benefits == Decimal(3 * 20 * RATE)


def test_milestones_first_hours_first_black_month_and_kpi() -> None:
    plan = make_plan(
        hours_tool("t1", (10, 20, 30), 500),
        goals=[
            {
                "id": "posts",
                "name": "More posts",
                "kpi": "content_output",
                "baseline": 8,
                "target": 20,
                "deadline": "2027-06",
            },
        ],
    )
    records = [
        rec(1, line="subscription", amount=Decimal(1000), hours_saved=Decimal(4)),
        rec(2, line="subscription", amount=Decimal(1000), hours_saved=Decimal(8)),
        rec(3, line="subscription", amount=Decimal(1000), hours_saved=Decimal(15)),
        rec(2, "_plan", kpi="content_output", kpi_value=Decimal(12)),
        rec(4, "_plan", kpi="posts", kpi_value=Decimal(21)),
    ]
    result = review(plan, actuals(*records), as_of="2027-04")
    found = {m.id: m.month for m in result.milestones}
    assert found["first_10_hours"] == "2027-02"
    assert found["first_month_in_black"] == "2027-03"  # 1,500 of hours vs 1,000 spent
    assert found["kpi_target_reached"] == "2027-04"
    assert "break_even" not in found
    kpi = result.kpis[0]
    assert (kpi.latest, kpi.status) == (Decimal(21), "reached")
    behind = review(plan, actuals(*records), as_of="2027-03").kpis[0]
    assert behind.attainment == Decimal("0.3333") and behind.expected == Decimal("0.5")
    assert behind.status == "behind"


def test_records_outside_the_horizon_are_ignored_and_counted() -> None:
    plan = make_plan(hours_tool("t1", (10, 20, 30), 500))
    far = [
        with_fingerprint(ActualRecord(month="2026-06", tool="t1", hours_saved=Decimal(99))),
        with_fingerprint(ActualRecord(month="2029-01", tool="t1", hours_saved=Decimal(99))),
    ]
    result = review(plan, actuals(rec(1, hours_saved=Decimal(20)), *far))
    assert result.ignored_records == 2 and result.as_of == "2027-01"


def test_unplanned_tools_are_listed_with_their_spend() -> None:
    plan = make_plan(hours_tool("t1", (10, 20, 30), 500))
    result = review(plan, actuals(rec(1, "gads", line="other", amount=Decimal(5000))))
    assert result.unplanned_tools == ["gads"]
    row = next(v for v in result.variance if v.tool == "gads")
    assert (row.plan, row.actual) == (Decimal(0), Decimal(5000))


def test_actuals_in_another_currency_are_refused() -> None:
    with pytest.raises(ReviewError) as info:
        review(make_plan(), Actuals(currency="USD"))
    assert info.value.message_id == "review.currency_mismatch"


def test_a_tool_typed_by_its_name_counts_for_that_tool() -> None:
    plan = make_plan(hours_tool("t1", (10, 20, 30), 500, name="ChatGPT Business"))
    result = review(plan, actuals(rec(1, "chatgpt business", hours_saved=Decimal(20))))
    assert result.unplanned_tools == [] and result.tools[0].months_observed == 1


def test_monthly_series_add_up_to_the_totals() -> None:
    plan = make_plan(hours_tool("t1", (10, 20, 30), 500))
    records = [
        rec(m, line="subscription", amount=Decimal(1100), hours_saved=Decimal(25))
        for m in (1, 2, 3)
    ]
    result = review(plan, actuals(*records))
    series = result.monthly
    assert series.months[0] == "2026-12" and series.months[1] == "2027-01"
    assert len(series.months) == plan.horizon.months + 1
    assert sum(x for x in series.actual_costs if x is not None) == result.realised.costs
    assert series.actual_costs[4] is None and series.actual_benefits[2] == Decimal(2500)
    assert sum(series.plan_costs) == Decimal(12 * 1000)
    assert series.forecast_costs[1:4] == [Decimal(1100)] * 3


def test_reason_codes_and_milestones_are_declared() -> None:
    from aibudget.engine.review_advice import MILESTONES, REASONS

    plan = two_tools()
    records = six_months("weak", 2, 2) + six_months("strong", 30, 5)
    result = review(plan, actuals(*records))
    assert {code for t in result.tools for code in t.reasons} <= set(REASONS)
    assert {m.id for m in result.milestones} <= set(MILESTONES)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(1, 12),
            st.sampled_from(["weak", "strong", "other"]),
            st.decimals(0, 5000, places=2),
            st.decimals(0, 60, places=1),
        ),
        max_size=20,
    )
)
def test_totals_are_the_sum_of_the_tools(items: list) -> None:
    records = [
        with_fingerprint(
            ActualRecord(
                month=f"2027-{m:02d}",
                tool=t,
                line="subscription",
                amount=a,
                hours_saved=h,
                label=str(i),
            )
        )
        for i, (m, t, a, h) in enumerate(items)
    ]
    result = review(two_tools(), actuals(*records))
    tools = result.tools
    assert sum(t.realised.costs for t in tools) == result.realised.costs
    assert sum(t.realised.benefits for t in tools) == result.realised.benefits
    assert sum(x for x in result.monthly.actual_costs if x is not None) == result.realised.costs
    spent = sum((r.amount for r in records if r.amount is not None), Decimal(0))
    recorded = sum(v.actual for v in result.variance if v.actual is not None)
    assert recorded == spent


def test_without_actuals_the_forecast_is_the_plan() -> None:
    plan = two_tools()
    result = review(plan, actuals())
    assert abs(result.forecast.npv - result.plan.npv) <= Decimal("0.05")
    assert result.forecast.payback_month == result.plan.payback_month


def test_kpi_values_alone_add_no_tool_row() -> None:
    plan = make_plan(hours_tool("t1", (10, 20, 30), 500))
    result = review(plan, actuals(rec(1, "_plan", kpi="content_output", kpi_value=Decimal(9))))
    assert [t.tool for t in result.tools] == ["t1"]


def test_spent_to_date_is_what_was_recorded_and_the_rest_is_shown_apart() -> None:
    plan = make_plan(hours_tool("t1", (10, 20, 30), 500, training={"fees": 3000}))
    result = review(
        plan, actuals(*[rec(m, line="subscription", amount=Decimal(1000)) for m in (1, 2)])
    )
    assert result.realised.recorded == Decimal(2000)
    assert result.realised.unrecorded == Decimal(3000)  # training fees planned, never recorded
    assert result.realised.costs == Decimal(5000)  # the ROI still counts both
    t1 = result.tools[0].realised
    assert (t1.recorded, t1.unrecorded) == (Decimal(2000), Decimal(3000))
