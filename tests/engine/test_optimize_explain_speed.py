"""The short cuts of the explanations: each saves solves only where it proves the
answer, checked here by counting solves and against the full what-if solve."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest

from aibudget.domain.allocation import OptimiseStatus
from aibudget.engine import highs, optimize_explain
from aibudget.engine.optimize import optimize
from aibudget.engine.optimize_check import objective
from aibudget.engine.optimize_explain import marginal_budget, marginal_hours, marginals
from aibudget.engine.optimize_milp import Tweaks
from aibudget.engine.optimize_problem import build_problem
from aibudget.engine.optimize_refine import OPTIMAL_GAP, solve_near, solve_refined
from tests.engine.explain_golden import random_instance
from tests.engine.test_optimize import OPEN_POLICY, paid_tool
from tests.factories import make_plan


def _count_solves(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per MILP handed to HiGHS from now on."""
    seen: list[int] = []
    original = highs.solve_milp

    def counting(*args: object, **kwargs: object) -> object:
        seen.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(highs, "solve_milp", counting)
    return seen


def test_hours_no_plan_can_use_up_are_worth_nothing_without_a_solve(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # amy has 20 free hours a month; both tools together need 3 + 4 a month (+ set-up)
    plan = make_plan(
        paid_tool("a", 100, 900, run_hours_per_month=3, setup_hours=2),
        paid_tool("b", 200, 800, run_hours_per_month=4),
        budget=OPEN_POLICY,
    )
    without = optimize(plan, explain=False)
    solves = _count_solves(monkeypatch)
    result = optimize(plan)
    assert result.marginal_value_of_hour == {"amy": Decimal("0.00")}
    # the answer's own solve and the one for more budget: none for the hour
    assert len(solves) == 2
    assert result.objective == without.objective


def test_hours_that_bind_are_still_solved_and_priced(monkeypatch: pytest.MonkeyPatch) -> None:
    busy = paid_tool("busy", 100, 5000, run_hours_per_month=21)
    solves = _count_solves(monkeypatch)
    result = optimize(make_plan(busy, budget=OPEN_POLICY))
    assert result.marginal_value_of_hour == {"amy": Decimal("33600.00")}
    assert len(solves) > 2


@pytest.mark.parametrize("seed", [1, 2, 3, 7, 13, 14])
def test_a_what_if_solved_near_the_answer_matches_the_full_solve(seed: int) -> None:
    problem = build_problem(random_instance(seed))
    base = solve_refined(problem)
    assert base.choice is not None
    value = objective(problem, base.choice)
    for tweaks in (
        Tweaks(extra_budget=problem.step),
        *(Tweaks(extra_hours={m: 1.0}) for m in problem.members),
    ):
        near = solve_near(problem, tweaks, base.touch, value)
        full = solve_refined(problem, tweaks)
        assert near.choice is not None and full.choice is not None
        assert near.status is OptimiseStatus.OPTIMAL
        # Independent: the full solve's own bound holds the near answer's value, and
        # the near answer is within what "optimal" promises of the full answer.
        got, other = objective(problem, near.choice), objective(problem, full.choice)
        assert full.bound is not None and got <= full.bound * (1 + 1e-9) + 1e-9
        assert got >= other - OPTIMAL_GAP * abs(other)
        assert np.all(near.choice.spend >= [c.low - 1e-9 for c in problem.channels])


def test_one_solve_prices_both_budget_and_hours_when_neither_helps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # amy's 20 free hours a month can bind (3 + 19 > 20) but never do: "slow" loses money
    plan = make_plan(
        paid_tool("a", 100, 900, run_hours_per_month=3),
        paid_tool("slow", 1500, 100, run_hours_per_month=19),
        budget=OPEN_POLICY,
    )
    without = optimize(plan, explain=False)
    solves = _count_solves(monkeypatch)
    result = optimize(plan)
    assert result.marginal_value_of_budget == Decimal("0.00")
    assert result.marginal_value_of_hour == {"amy": Decimal("0.00")}
    # the answer's own solve and one for a step more budget and an hour more at once
    assert len(solves) == 2
    assert result.objective == without.objective


@pytest.mark.parametrize("seed", [1, 3, 4, 7, 8, 13, 14])
def test_shared_marginal_solves_match_each_solved_alone(seed: int) -> None:
    problem = build_problem(random_instance(seed))
    base = solve_refined(problem)
    assert base.choice is not None
    value = objective(problem, base.choice)
    per_budget, per_hour = marginals(problem, base.choice, value, base.touch)
    alone_budget = marginal_budget(problem, base.choice, value, base.touch)
    alone_hours = marginal_hours(problem, base.choice, value, base.touch)
    allowed = Decimal(str(OPTIMAL_GAP)) * Decimal(str(abs(value)))
    assert per_budget is not None and alone_budget is not None
    assert abs(per_budget - alone_budget) <= allowed
    assert sorted(per_hour) == sorted(alone_hours)
    for member, amount in alone_hours.items():
        assert abs(per_hour[member] - amount) <= allowed, member


MADE_UP_SEEDS = [7, 23, 34, 39]  # random instances where a plan at hand shows it


@pytest.mark.parametrize("seed", MADE_UP_SEEDS)
def test_a_loss_more_budget_makes_up_is_told_as_without_the_short_cut(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = random_instance(seed)
    solves = _count_solves(monkeypatch)
    short = optimize(plan)
    short_solves = len(solves)
    monkeypatch.setattr(optimize_explain, "_made_up_by_more_budget", lambda *args: False)
    full = optimize(plan)
    assert len(solves) - short_solves > short_solves  # the what-if with twice the budget
    assert [(r.tool, r.code) for r in short.reasons] == [(r.tool, r.code) for r in full.reasons]
    allowed = Decimal(str(OPTIMAL_GAP)) * abs(full.objective)
    for mine, theirs in zip(short.reasons, full.reasons, strict=True):
        if "loss" in theirs.params:
            assert abs(mine.params["loss"] - theirs.params["loss"]) <= allowed, mine.tool


@pytest.mark.parametrize("seed", MADE_UP_SEEDS)
def test_twice_the_budget_indeed_makes_up_the_loss_where_said(seed: int) -> None:
    """Independent: the what-if with twice the budget, solved, is worth the answer."""
    problem = build_problem(random_instance(seed))
    base = solve_refined(problem)
    assert base.choice is not None
    value = objective(problem, base.choice)
    said = [
        t
        for t in np.flatnonzero(base.choice.options < 0)
        if optimize_explain._made_up_by_more_budget(problem, base.choice, int(t), value)
    ]
    assert said, "no tool to check"
    for t in said:
        more = solve_refined(problem, Tweaks(force=(int(t),), extra_budget=problem.budget))
        assert more.choice is not None
        assert objective(problem, more.choice) >= value * (1 - 1e-9) - 1e-9
