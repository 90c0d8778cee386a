"""Monte Carlo: properties that must hold for any plan, and accuracy of the draws."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from aibudget.domain.plan import Distribution
from aibudget.engine.cashflow import evaluate
from aibudget.engine.simulate import evaluate_and_simulate, ppf_table, simulate, slice_medians
from aibudget.planfile import load_plan
from tests.conftest import ROOT
from tests.factories import make_plan, tool

TRIALS = 2_000
ranges = st.tuples(st.integers(0, 200), st.integers(0, 200), st.integers(0, 200)).map(sorted)


def hours_tool(low: int, likely: int, high: int, price: int = 500, **extra: Any) -> dict[str, Any]:
    return tool(
        plans=[{"id": "m", "price": price}],
        benefits=[{"kind": "hours_saved", "hours_per_month": [low, likely, high]}],
        **extra,
    )


@settings(max_examples=25, deadline=None)
@given(r=ranges, bump=st.integers(1, 50))
def test_raising_a_benefit_never_lowers_npv(r: list[int], bump: int) -> None:
    base = make_plan(hours_tool(*r))
    more = make_plan(hours_tool(r[0] + bump, r[1] + bump, r[2] + bump))
    assert evaluate(more).expected.npv > evaluate(base).expected.npv
    a, b = simulate(base, TRIALS), simulate(more, TRIALS)
    assert b.npv.p10 > a.npv.p10 and b.npv.p50 > a.npv.p50 and b.npv.p90 > a.npv.p90


@settings(max_examples=25, deadline=None)
@given(r=ranges, price=st.integers(0, 2_000), bump=st.integers(1, 500))
def test_raising_a_price_never_raises_npv(r: list[int], price: int, bump: int) -> None:
    base = make_plan(hours_tool(*r, price=price))
    dearer = make_plan(hours_tool(*r, price=price + bump))
    assert evaluate(dearer).expected.npv < evaluate(base).expected.npv
    assert simulate(dearer, TRIALS).npv.p50 < simulate(base, TRIALS).npv.p50


@settings(max_examples=20, deadline=None)
@given(value=st.integers(0, 300), price=st.integers(0, 3_000))
def test_zero_width_ranges_give_a_zero_width_distribution(value: int, price: int) -> None:
    plan = make_plan(hours_tool(value, value, value, price=price))
    sim = simulate(plan, TRIALS)
    expected = float(evaluate(plan).expected.npv)
    assert sim.npv.p10 == sim.npv.p50 == sim.npv.p90 == pytest.approx(expected, abs=0.01)
    assert sim.tornado == []


@settings(max_examples=20, deadline=None)
@given(r=ranges, seed=st.integers(0, 2**32))
def test_same_seed_same_result_and_quantiles_ordered(r: list[int], seed: int) -> None:
    plan = make_plan(hours_tool(*r), horizon={"seed": seed})
    first = simulate(plan, TRIALS)
    assert simulate(plan, TRIALS) == first
    assert first.npv.p10 <= first.npv.p50 <= first.npv.p90
    for point in first.fan:
        assert point.p10 <= point.p50 <= point.p90


def test_chunk_size_does_not_change_the_result() -> None:
    plan = make_plan(hours_tool(5, 20, 60), hours_tool(0, 3, 9, id="t2"))
    assert simulate(plan, 5_000, chunk_trials=512) == simulate(plan, 5_000, chunk_trials=4_096)


def test_different_seeds_differ() -> None:
    a = make_plan(hours_tool(5, 20, 60), horizon={"seed": 1})
    b = make_plan(hours_tool(5, 20, 60), horizon={"seed": 2})
    assert simulate(a, TRIALS).npv != simulate(b, TRIALS).npv


@pytest.mark.parametrize("distribution", ["pert", "triangular"])
def test_simulated_mean_matches_the_expected_view(distribution: str) -> None:
    plan = make_plan(
        hours_tool(5, 20, 60, ramp_months=3),
        tool(
            id="t2",
            benefits=[{"kind": "revenue_lift", "lift": [0, 0.01, 0.05], "gross_margin": 0.5}],
        ),
        simulation={"distribution": distribution},
        horizon={"discount_rate": 0.1},
    )
    trials = 40_000
    sim = simulate(plan, trials)
    expected = float(evaluate(plan).expected.npv)
    spread = (sim.npv.p90 - sim.npv.p10) / 2.56  # about one standard deviation
    assert abs(sim.mean_npv - expected) < 4 * spread / np.sqrt(trials)
    assert sum(t.mean_npv for t in sim.tools) == pytest.approx(sim.mean_npv, rel=1e-5)


@pytest.mark.parametrize("distribution", [Distribution.PERT, Distribution.TRIANGULAR])
def test_inverse_cdf_tables_match_scipy(distribution: Distribution) -> None:
    low, mode, high = np.array([2.0, 0.0]), np.array([3.0, 0.0]), np.array([10.0, 5.0])
    table = ppf_table(low, mode, high, distribution)
    p = slice_medians()
    for i in range(2):
        c = (mode[i] - low[i]) / (high[i] - low[i])
        if distribution is Distribution.PERT:
            ref = stats.beta(1 + 4 * c, 1 + 4 * (1 - c), loc=low[i], scale=high[i] - low[i])
        else:
            ref = stats.triang(c, loc=low[i], scale=high[i] - low[i])
        # the PERT table inverts a finely sampled CDF: within 1e-5 of the range
        assert np.allclose(table[i], ref.ppf(p), atol=1e-5 * (high[i] - low[i]))


def test_remembered_tables_are_not_shared_with_callers() -> None:
    low, mode, high = np.array([0.0]), np.array([1.0]), np.array([4.0])
    first = ppf_table(low, mode, high, Distribution.PERT)
    expected = first.copy()
    first[:] = -1.0  # a caller scribbling on its table
    assert np.array_equal(ppf_table(low, mode, high, Distribution.PERT), expected)


def test_prob_loss_and_per_tool_figures() -> None:
    loser = hours_tool(0, 1, 2, price=5_000, id="loser")
    winner = hours_tool(50, 60, 70, price=100, id="winner")
    sim = simulate(make_plan(loser, winner), TRIALS)
    by_id = {t.id: t for t in sim.tools}
    assert by_id["loser"].prob_loss == 1.0
    assert by_id["winner"].prob_loss == 0.0
    assert 0.0 <= sim.prob_loss <= 1.0
    assert sim.roi is not None and sim.roi.p10 <= sim.roi.p90


def test_tornado_ranks_inputs_by_swing() -> None:
    small = hours_tool(9, 10, 11, id="small")
    big = hours_tool(0, 10, 100, id="big")
    sim = simulate(make_plan(small, big), TRIALS)
    assert [bar.tool for bar in sim.tornado] == ["big", "small"]
    top = sim.tornado[0]
    # 100 hours of width x NT$100 x 12 months, no discounting
    assert top.swing == pytest.approx(100 * 100 * 12)
    assert top.npv_at_high - top.npv_at_low == pytest.approx(top.swing)


def test_fan_starts_at_month_zero_and_ends_at_cumulative_net() -> None:
    plan = make_plan(hours_tool(10, 10, 10, setup_cost=1000))
    sim = simulate(plan, TRIALS)
    assert len(sim.fan) == 13
    assert sim.fan[0].p50 == pytest.approx(-1000)
    cumulative = evaluate(plan).cumulative_net[-1]
    assert sim.fan[-1].p50 == pytest.approx(float(cumulative))
    assert sim.fan_trials == TRIALS


def test_examples_simulate(example_path) -> None:  # type: ignore[no-untyped-def]
    from aibudget.planfile import load_plan

    plan = load_plan(example_path)
    sim = simulate(plan, 5_000)
    assert sim.npv.p10 < sim.npv.p90
    assert sim.tornado, "every example has uncertain inputs"
    assert {t.id for t in sim.tools} >= {t.id for t in plan.tools}
    assert Decimal(str(sim.npv.p50)) != 0


def test_evaluating_and_simulating_at_once_gives_each_ones_answer() -> None:
    plan = load_plan(ROOT / "examples" / "taipei-cafe.yaml")
    expected, sim = evaluate_and_simulate(plan, 2_000)
    assert expected == evaluate(plan)
    assert sim == simulate(plan, 2_000)
