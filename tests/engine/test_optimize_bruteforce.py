"""The MILP against exhaustive search on random small instances (<= 12 tools).

Every constraint kind is switched on at random (budget, monthly budget, hours,
pilot, priority-1 goals, forced tools, exclusive tools, share caps, minimum lines,
user constraints) and the four objectives are drawn in turn. Exhaustive search values
and checks every combination with the independent referee (engine/optimize_check).
"""

from __future__ import annotations

import numpy as np
import pytest

from aibudget.domain.allocation import OptimiseStatus
from aibudget.engine.optimize_check import objective, violations
from aibudget.engine.optimize_explain import conflicting_groups, groups
from aibudget.engine.optimize_milp import Tweaks, solve
from aibudget.engine.optimize_problem import build_problem
from tests.engine.optimize_instances import brute_force, random_plan

# HiGHS is asked for a relative gap of 1e-7; values agree to that and float noise.
OBJECTIVE_RTOL = 1e-6
SEEDS = range(24)


def _sizes(rng: np.random.Generator, single_start: bool) -> tuple[int, int]:
    """Tools and plans per tool with at most a few thousand combinations."""
    if single_start:
        n = int(rng.integers(2, 13))
        plans = 3 if n <= 5 else 2 if n <= 7 else 1
    else:  # two starts: options = 2 x plans
        n = int(rng.integers(2, 7))
        plans = 2 if n <= 4 else 1
    return n, plans


@pytest.mark.parametrize("seed", SEEDS)
def test_milp_objective_equals_exhaustive_search(seed: int) -> None:
    rng = np.random.default_rng(seed)
    single_start = seed % 3 != 0
    n, plans = _sizes(rng, single_start)
    problem = build_problem(random_plan(rng, n, plans, single_start))
    best, _ = brute_force(problem)
    sol = solve(problem)
    if best is None:
        assert sol.status is OptimiseStatus.INFEASIBLE
        return
    assert sol.status is OptimiseStatus.OPTIMAL
    assert sol.choice is not None
    assert violations(problem, sol.choice) == []
    assert objective(problem, sol.choice) == pytest.approx(best, rel=OBJECTIVE_RTOL, abs=1e-6)


def test_instances_cover_every_objective_and_both_outcomes() -> None:
    """The seeds above exercise what they claim to (guards against a dull generator)."""
    kinds, outcomes = set(), set()
    for seed in SEEDS:
        rng = np.random.default_rng(seed)
        single_start = seed % 3 != 0
        n, plans = _sizes(rng, single_start)
        problem = build_problem(random_plan(rng, n, plans, single_start))
        kinds.add(problem.objective.value)
        outcomes.add(solve(problem).status)
    assert kinds == {"expected_npv", "risk_adjusted_npv", "cvar", "mean_downside"}
    assert outcomes == {OptimiseStatus.OPTIMAL, OptimiseStatus.INFEASIBLE}


def test_conflicts_are_an_irreducible_infeasible_set() -> None:
    """Keeping only the named groups is infeasible; dropping any one of them is not."""
    checked = 0
    for seed in range(40):
        rng = np.random.default_rng(seed)
        n, plans = _sizes(rng, True)
        problem = build_problem(random_plan(rng, n, plans, True))
        if solve(problem).status is not OptimiseStatus.INFEASIBLE:
            continue
        checked += 1
        found = conflicting_groups(problem)
        assert found
        others = frozenset(groups(problem)) - set(found)
        assert solve(problem, Tweaks(relax=others)).status is OptimiseStatus.INFEASIBLE
        for group in found:
            relaxed = solve(problem, Tweaks(relax=others | {group}))
            assert relaxed.status is OptimiseStatus.OPTIMAL, (seed, group)
    assert checked >= 5
