"""The status is a claim: "optimal" only within OPTIMAL_GAP of the true optimum.

Ad channels with their monthly total fixed by a user constraint (min = max), against
references computed here, independently of the MILP:

- concave curves (Michaelis-Menten): KKT water-filling, f_i'(x_i) = lambda clipped to
  each channel's bounds, lambda found by bisection so that the spends add up;
- S-curves (Hill, slope 2.5): a dynamic programme over channels on a fine spend grid
  (the best split of each running total), then SLSQP from its answer.

Whenever the optimiser says "optimal", its true objective must be within 0.01% of the
reference (and never above it by more than float noise), as checked by the referee.
A failed internal solve must show in the notes and must not be called optimal
unless the bound still proves it.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from scipy.optimize import minimize

from aibudget.catalog import kpi_ids, tool_catalog
from aibudget.domain.allocation import OptimiseStatus
from aibudget.domain.plan import Plan
from aibudget.domain.validate import parse_plan
from aibudget.engine import optimize_refine
from aibudget.engine.curves import window
from aibudget.engine.optimize import optimize_problem
from aibudget.engine.optimize_check import check_gap, objective
from aibudget.engine.optimize_milp import Solution, Tweaks, solve
from aibudget.engine.optimize_problem import Problem, build_problem
from aibudget.engine.optimize_refine import OPTIMAL_GAP, REFINE_FAILED, solve_refined
from aibudget.i18n import Translator
from aibudget.planfile import load_plan
from aibudget.present.optimize import allocation_document
from tests.conftest import EXAMPLES
from tests.engine.optimize_instances import brute_force, random_plan

ABOVE_NOISE = 1e-9  # the optimiser may beat a reference only by float noise
DP_STEP = 250.0  # money per grid step of the S-curve programme


def fixed_total_plan(n: int, slope: float, seed: int) -> dict[str, Any]:
    """``n`` channels, every other one with a minimum, their total fixed at 40% of
    the maxima; the budget does not bind."""
    rng = np.random.default_rng(seed)
    channels = []
    for i in range(n):
        high = round(float(rng.uniform(30_000, 150_000)))
        curve: dict[str, Any] = {
            "kind": "michaelis_menten" if slope == 1 else "hill",
            "max_return": round(float(rng.uniform(40_000, 300_000))),
            "half_saturation": round(float(rng.uniform(5_000, 60_000))),
        }
        if slope != 1:
            curve["slope"] = slope
        channel: dict[str, Any] = {"id": f"c{i}", "curve": curve, "max_monthly": high}
        if i % 2:
            channel["min_monthly"] = round(high * 0.1)
        channels.append(channel)
    total = round(0.4 * sum(c["max_monthly"] for c in channels))
    return {
        "company": {
            "name": "Ads Co",
            "employees": 3,
            "annual_revenue": 1_000_000,
            "annual_marketing_budget": 1_000_000,
        },
        "horizon": {"months": 12, "start": "2027-01", "discount_rate": 0.05, "seed": 1},
        "budget": {
            "annual_amount": 12 * sum(c["max_monthly"] for c in channels),
            "min_reserve_share": 0,
            "min_training_share": 0,
        },
        "optimise": {
            "channels": channels,
            "constraints": [
                {
                    "label": "ads total",
                    "channels": [c["id"] for c in channels],
                    "min_monthly": total,
                    "max_monthly": total,
                }
            ],
        },
    }


def _problem(n: int, slope: float, seed: int) -> Problem:
    return build_problem(parse_plan(fixed_total_plan(n, slope, seed), kpi_ids()))


def _total(problem: Problem) -> float:
    total = problem.extras[0].high
    assert total is not None
    return total


def _channel_value(problem: Problem, spend: np.ndarray) -> float:
    return sum(
        c.annuity * (float(c.curve.value(np.array([x]))[0]) - x)
        for c, x in zip(problem.channels, spend, strict=True)
    )


def water_filling(problem: Problem) -> float:
    """Optimum for concave curves: each spend solves f'(x) = lambda within its bounds."""

    def spend(lam: float) -> np.ndarray:
        out = []
        for c in problem.channels:
            lo, hi = c.low, c.high
            for _ in range(80):
                mid = 0.5 * (lo + hi)
                lo, hi = (mid, hi) if c.curve.derivative(np.array([mid]))[0] > lam else (lo, mid)
            out.append(0.5 * (lo + hi))
        return np.array(out)

    low, high = 0.0, max(float(c.curve.derivative(np.array([c.low]))[0]) for c in problem.channels)
    for _ in range(80):
        lam = 0.5 * (low + high)
        low, high = (lam, high) if spend(lam).sum() > _total(problem) else (low, lam)
    return _channel_value(problem, spend(0.5 * (low + high))) + problem.fixed_value


def dp_and_polish(problem: Problem) -> float:
    """Best split of the total on a ``DP_STEP`` grid (dynamic programme over channels),
    then SLSQP with the exact total from there."""
    ch = problem.channels
    steps = [int((c.high - c.low) // DP_STEP) for c in ch]
    target = round((_total(problem) - sum(c.low for c in ch)) / DP_STEP)
    best = np.full(target + 1, -np.inf)
    best[0] = 0.0
    picks = []
    for c, k in zip(ch, steps, strict=True):
        x = c.low + DP_STEP * np.arange(k + 1)
        gain = c.annuity * (c.curve.value(x) - x)
        new = np.full(target + 1, -np.inf)
        pick = np.zeros(target + 1, dtype=int)
        for j in range(min(k, target) + 1):
            cand = np.full(target + 1, -np.inf)
            cand[j:] = best[: target + 1 - j] + gain[j]
            better = cand > new
            new[better], pick[better] = cand[better], j
        best = new
        picks.append(pick)
    r, units = target, []
    for pick in reversed(picks):
        units.append(pick[r])
        r -= pick[r]
    start = np.array([c.low + DP_STEP * j for c, j in zip(ch, reversed(units), strict=True)])
    annuity = np.array([c.annuity for c in ch])
    scale = float(max(c.high for c in ch))

    def neg(a: np.ndarray) -> float:
        return -_channel_value(problem, a * scale) / scale

    def grad(a: np.ndarray) -> np.ndarray:
        d = [
            float(c.curve.derivative(np.array([x * scale]))[0]) for c, x in zip(ch, a, strict=True)
        ]
        return -annuity * (np.array(d) - 1.0)

    result = minimize(
        neg,
        start / scale,
        jac=grad,
        method="SLSQP",
        bounds=[(c.low / scale, c.high / scale) for c in ch],
        constraints=[{"type": "eq", "fun": lambda a: a.sum() - _total(problem) / scale}],
        options={"maxiter": 300, "ftol": 1e-14},
    )
    polished = np.clip(result.x * scale, [c.low for c in ch], [c.high for c in ch])
    candidates = [start]
    if abs(polished.sum() - _total(problem)) <= 1e-6 * _total(problem):
        candidates.append(polished)
    return max(_channel_value(problem, s) for s in candidates) + problem.fixed_value


def _assert_claim_true(problem: Problem, sol: Solution, reference: float) -> None:
    assert sol.choice is not None
    value = objective(problem, sol.choice)
    assert value <= reference + ABOVE_NOISE * abs(reference)
    if sol.status is OptimiseStatus.OPTIMAL:
        assert sol.gap is not None and sol.gap <= OPTIMAL_GAP
        check = check_gap(problem, sol.choice, OPTIMAL_GAP, reference, sol.bound)
        assert check.feasible and check.bound_holds
        assert check.holds, f"short of the reference by {check.shortfall:.2e}"


@pytest.mark.parametrize("n", [5, 20, 50])
def test_concave_fixed_total_is_optimal_against_water_filling(n: int) -> None:
    problem = _problem(n, 1.0, seed=n)
    sol = solve_refined(problem)
    assert sol.status is OptimiseStatus.OPTIMAL
    assert sol.notes == ()
    _assert_claim_true(problem, sol, water_filling(problem))


@pytest.mark.parametrize("n", [5, 20])
def test_s_curve_fixed_total_is_optimal_against_a_dynamic_programme(n: int) -> None:
    problem = _problem(n, 2.5, seed=100 + n)
    sol = solve_refined(problem)
    assert sol.status is OptimiseStatus.OPTIMAL
    _assert_claim_true(problem, sol, dp_and_polish(problem))


@pytest.mark.slow
def test_fifty_s_curves_with_a_fixed_total() -> None:
    problem = _problem(50, 2.5, seed=150)
    sol = solve_refined(problem)
    assert sol.status in (OptimiseStatus.OPTIMAL, OptimiseStatus.APPROXIMATE)
    _assert_claim_true(problem, sol, dp_and_polish(problem))


def test_refinement_respects_the_fixed_total() -> None:
    """The refinement re-solves start each channel at its window's lower end; the
    user constraint must count from there (it counted from the minimums)."""
    problem = _problem(20, 1.0, seed=3)
    first = solve(problem)
    assert first.choice is not None
    pwl = {
        i: window(ch.curve, float(first.choice.spend[i]), 2_000.0, ch.low, ch.high, 10)
        for i, ch in enumerate(problem.channels)
    }
    fixed = tuple(int(o) for o in first.choice.picked())
    trial = solve(problem, Tweaks(pwl=pwl, fixed=fixed))
    assert trial.choice is not None
    assert trial.choice.spend.sum() == pytest.approx(_total(problem), rel=1e-9)


def _fail_refinement(monkeypatch: pytest.MonkeyPatch) -> None:
    real = optimize_refine.solve

    def solve_but_refine(problem: Problem, tweaks: Tweaks | None = None) -> Solution:
        if tweaks is not None and tweaks.fixed is not None:
            return Solution(OptimiseStatus.INFEASIBLE, None, None)
        return real(problem, tweaks)

    monkeypatch.setattr(optimize_refine, "solve", solve_but_refine)


def test_a_failed_refinement_is_reported_not_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    problem = _problem(20, 1.0, seed=20)
    _fail_refinement(monkeypatch)
    sol = solve_refined(problem)
    assert REFINE_FAILED in sol.notes
    _assert_claim_true(problem, sol, water_filling(problem))
    result = optimize_problem(problem, explain=False)
    assert result.notes == [REFINE_FAILED]
    doc = allocation_document(Translator("en"), result, _any_plan(), tool_catalog())
    assert doc.notes[0].code == REFINE_FAILED
    assert "fine-tuning" in doc.notes[0].text


def test_without_refinement_or_bound_nothing_is_called_optimal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The old behaviour: the coarse answer, silently "optimal". Now: approximate."""
    problem = _problem(20, 1.0, seed=20)
    _fail_refinement(monkeypatch)
    monkeypatch.setattr(optimize_refine, "upper_bound", lambda *_a, **_k: None)
    sol = solve_refined(problem)
    assert sol.status is OptimiseStatus.APPROXIMATE
    assert sol.gap is None and sol.bound is None
    assert set(sol.notes) == {REFINE_FAILED, "bound_unknown_curve"}
    assert check_gap(problem, sol.choice, OPTIMAL_GAP, water_filling(problem)).shortfall > 0
    words = Translator("zh_TW")
    result = optimize_problem(problem, explain=False)
    assert result.status is OptimiseStatus.APPROXIMATE
    assert "尚未證明" in allocation_document(words, result, _any_plan(), tool_catalog()).status_text


@pytest.mark.parametrize("seed", range(8))
def test_the_bound_is_valid_and_tight_for_every_objective(seed: int) -> None:
    """Without curved channels the MILP's own dual bound, constants included, must
    match exhaustive search: valid (not below) and tight (the MILP's gap)."""
    rng = np.random.default_rng(500 + seed)
    plan = random_plan(rng, int(rng.integers(2, 7)), 2)
    problem = build_problem(plan)
    best, _ = brute_force(problem)
    sol = solve_refined(problem)
    if best is None:
        assert sol.choice is None
        return
    assert sol.bound is not None
    assert sol.bound >= best - 1e-7 * max(abs(best), 1.0)
    assert sol.bound <= best + 1e-5 * max(abs(best), 1.0)
    assert sol.status is OptimiseStatus.OPTIMAL


def _any_plan() -> Plan:
    """A plan for the wording (without explanations the result names none of its tools)."""
    return load_plan(EXAMPLES[0])
