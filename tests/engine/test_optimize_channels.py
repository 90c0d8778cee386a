"""Ad-channel allocation against an independent continuous solver, and scale invariance.

The continuous reference maximises the same objective, sum over channels of
annuity x (f(a) - a), under the same budget and bounds with scipy's SLSQP, analytic
gradients and many random starts. On concave curves the MILP (piecewise-linear grid,
refined) must be within 0.1% of the best start; on S-curves at least as good, up to
solver tolerance (the MILP optimises globally, SLSQP only locally).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from scipy.optimize import minimize, minimize_scalar

from aibudget.catalog import kpi_ids
from aibudget.domain.validate import parse_plan
from aibudget.engine.optimize_check import objective, violations
from aibudget.engine.optimize_milp import concave_tail
from aibudget.engine.optimize_problem import Problem, build_problem
from aibudget.engine.optimize_refine import solve_refined
from tests.factories import tool

STARTS = 30
CONCAVE_RTOL = 1e-3  # the 0.1%
S_CURVE_RTOL = 1e-6  # "at least as good", up to solver tolerances


def channel_plan(
    rng: np.random.Generator, k: int, s_shape: bool, money: float = 1.0, minimum: bool = False
) -> dict[str, Any]:
    channels = []
    for i in range(k):
        top = float(rng.uniform(20_000, 200_000))
        half = float(rng.uniform(5_000, 60_000))
        if s_shape:
            curve: dict[str, Any] = {"kind": "hill", "slope": round(float(rng.uniform(1.5, 4)), 2)}
        else:
            curve = {"kind": str(rng.choice(["exponential", "michaelis_menten", "hill"]))}
            if curve["kind"] == "hill":
                curve["slope"] = round(float(rng.uniform(0.4, 1.0)), 2)
        curve["max_return"] = round(top) * money
        curve["spend_scale" if curve["kind"] == "exponential" else "half_saturation"] = (
            round(half) * money
        )
        high = round(float(rng.uniform(30_000, 150_000)))
        channel = {"id": f"c{i}", "curve": curve, "max_monthly": high * money}
        if minimum:
            channel["min_monthly"] = round(high * 0.1) * money
        channels.append(channel)
    total = sum(c["max_monthly"] for c in channels) * 12 * float(rng.uniform(0.2, 0.6))
    return {
        "company": {
            "name": "Ads Co",
            "employees": 3,
            "annual_revenue": 1_000_000,
            "annual_marketing_budget": 1_000_000,
        },
        "horizon": {"months": 12, "start": "2027-01", "discount_rate": 0.05, "seed": 1},
        "budget": {
            "annual_amount": round(total / money) * money,
            "min_reserve_share": 0,
            "min_training_share": 0,
        },
        "optimise": {"channels": channels},
    }


def slsqp_best(problem: Problem, rng: np.random.Generator, starts: int = STARTS) -> float:
    """Best objective of SLSQP from ``starts`` random points (analytic gradients)."""
    ch = problem.channels
    annuity = np.array([c.annuity for c in ch])
    low = np.array([c.low for c in ch])
    high = np.array([c.high for c in ch])
    scale = float(high.max())
    n = problem.months

    def value(a: np.ndarray) -> float:
        x = a * scale
        return (
            -sum(
                annuity[i] * (float(ch[i].curve.value(x[i : i + 1])[0]) - x[i])
                for i in range(len(ch))
            )
            / scale
        )

    def gradient(a: np.ndarray) -> np.ndarray:
        x = a * scale
        return -np.array(
            [
                annuity[i] * (float(ch[i].curve.derivative(x[i : i + 1])[0]) - 1)
                for i in range(len(ch))
            ]
        )

    budget = problem.budget / scale
    best = -np.inf
    for _ in range(starts):
        result = minimize(
            value,
            rng.uniform(low, high) / scale,
            jac=gradient,
            method="SLSQP",
            bounds=list(zip(low / scale, high / scale, strict=True)),
            constraints=[
                {
                    "type": "ineq",
                    "fun": lambda a: budget - n * a.sum(),
                    "jac": lambda a: -n * np.ones_like(a),
                }
            ],
            options={"maxiter": 500, "ftol": 1e-12},
        )
        a = np.clip(result.x, low / scale, high / scale)
        if n * a.sum() <= budget * (1 + 1e-9):
            best = max(best, -value(a) * scale)
    return best


def _solve(data: dict[str, Any]) -> tuple[Problem, float, np.ndarray]:
    problem = build_problem(parse_plan(data, kpi_ids()))
    sol = solve_refined(problem)
    assert sol.choice is not None
    assert violations(problem, sol.choice) == []
    return problem, objective(problem, sol.choice), sol.choice.spend


@pytest.mark.parametrize("seed", range(6))
def test_concave_curves_within_a_tenth_of_a_percent_of_slsqp(seed: int) -> None:
    rng = np.random.default_rng(seed)
    problem, value, _ = _solve(channel_plan(rng, int(rng.integers(2, 9)), s_shape=False))
    best = slsqp_best(problem, rng)
    assert value >= best - CONCAVE_RTOL * abs(best)


@pytest.mark.parametrize("seed", range(6))
def test_s_curves_at_least_as_good_as_slsqp(seed: int) -> None:
    rng = np.random.default_rng(100 + seed)
    problem, value, _ = _solve(
        channel_plan(rng, int(rng.integers(2, 9)), s_shape=True, minimum=seed % 2 == 1)
    )
    best = slsqp_best(problem, rng)
    assert value >= best - S_CURVE_RTOL * abs(best)


def test_s_curves_beat_a_local_solver_where_it_gets_stuck() -> None:
    """Twenty S-curves: multi-start SLSQP lands in local optima the MILP avoids."""
    rng = np.random.default_rng(5)
    problem, value, _ = _solve(channel_plan(rng, 20, s_shape=True))
    best = slsqp_best(problem, rng, starts=10)
    assert value > best * (1 + 1e-4)


@pytest.mark.parametrize("s_shape", [False, True])
@pytest.mark.parametrize("factor", [1e-6, 1e6])
def test_scaling_all_money_gives_the_same_allocation(s_shape: bool, factor: float) -> None:
    base = channel_plan(np.random.default_rng(7), 6, s_shape)
    scaled = channel_plan(np.random.default_rng(7), 6, s_shape, money=factor)
    _, value, spend = _solve(base)
    _, value_scaled, spend_scaled = _solve(scaled)
    assert np.allclose(spend_scaled / factor, spend, rtol=1e-6, atol=1e-6 * spend.max())
    assert value_scaled / factor == pytest.approx(value, rel=1e-6)


@pytest.mark.parametrize(
    ("slopes", "tail"),
    [
        ([3.0, 2.0, 1.0], 0),  # concave: no binaries
        ([1.0, 2.0, 3.0, 2.0, 1.0], 2),  # S-curve: binaries up to the peak slope
        ([1.0, 2.0, 3.0], 2),  # convex: every junction ordered
        ([2.0, 1.0, 1.5, 0.5], 2),  # a later rise moves the tail
    ],
)
def test_binaries_only_before_the_concave_tail(slopes: list[float], tail: int) -> None:
    assert concave_tail(np.array(slopes)) == tail


TINY = 1e-6  # an S-curve's money scaled by this, beside tools worth about NT$1 million
OWN_RTOL = 1e-4  # the 0.01%, of the channel's own return


def _own_best(problem: Problem, i: int) -> float:
    """Channel ``i``'s best net return on its own, independently: a dense grid, then a
    bounded scalar search around the best grid point."""
    c = problem.channels[i]

    def net(x: float) -> float:
        return c.annuity * (float(c.curve.value(np.array([x]))[0]) - x)

    xs = np.linspace(c.low, c.high, 100_001)
    k = int(np.argmax(c.annuity * (c.curve.value(xs) - xs)))
    lo, hi = xs[max(k - 1, 0)], xs[min(k + 1, xs.size - 1)]
    found = minimize_scalar(lambda x: -net(x), bounds=(lo, hi), method="bounded",
                            options={"xatol": 1e-14 * c.high})  # fmt: skip
    return max(net(float(xs[k])), -float(found.fun))


@pytest.mark.parametrize("seed", range(6))
def test_a_tiny_s_curve_is_optimised_to_its_own_size(seed: int) -> None:
    """Its whole return is below the solver's gap on the plan's NPV, yet its spend is
    still optimised to 0.01% of its own return (the budget leaves it room)."""
    data = channel_plan(np.random.default_rng(seed), 1, s_shape=True, money=TINY)
    data["budget"]["annual_amount"] = 100_000
    data["team"] = [{"id": "amy", "role": "staff", "hourly_cost": 100, "free_hours_per_month": 20}]
    data["tools"] = [
        tool(id="big", name="Big", plans=[{"id": "m", "price": 1000}],
             benefits=[{"kind": "cost_avoided", "monthly": 90_000}])
    ]  # fmt: skip
    problem, _, spend = _solve(data)
    c = problem.channels[0]
    got = c.annuity * (float(c.curve.value(spend[:1])[0]) - float(spend[0]))
    best = _own_best(problem, 0)
    assert best >= 0
    assert got >= best - OWN_RTOL * abs(best)
