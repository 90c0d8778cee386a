"""Options that can never be better than another option of the same tool.

Option p of a tool *dominates* option q (same tool, same start month) when p is at
least as good on everything the allocation looks at: objective value (in every
scenario, for the scenario objectives), cash in every month, owner hours in every
month, the training and data/privacy lines it brings, customer-data use and its
monthly cost as user constraints count it. Swapping q for p in any allocation keeps
every constraint and never lowers the objective, so q can be switched off before
solving. Of two identical options the first is kept.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from aibudget.domain.allocation import Objective
from aibudget.engine.optimize_problem import Problem

TOLERANCE = 1e-9


def _at_least(a: NDArray[np.float64], b: NDArray[np.float64], scale: float) -> bool:
    return bool(np.all(a >= b - TOLERANCE * scale))


def dominated(problem: Problem) -> NDArray[np.bool_]:
    """True for every option another option of its tool dominates (computed once)."""
    if problem.dominated is not None:
        return problem.dominated
    out = np.zeros(problem.n_options, dtype=bool)
    scenarios = problem.objective in (Objective.CVAR, Objective.MEAN_DOWNSIDE)
    has_low = any(x.low is not None for x in problem.extras)
    has_high = any(x.high is not None for x in problem.extras)
    scale = max(problem.budget, 1.0)
    for t in range(len(problem.tools)):
        opts = problem.options_of(t)
        for q in opts:
            for p in opts:
                if p == q or out[p] or problem.opt_start[p] != problem.opt_start[q]:
                    continue
                if _dominates(problem, int(p), int(q), scenarios, has_low, has_high, scale):
                    out[q] = True
                    break
    problem.dominated = out
    return out


def _dominates(
    pr: Problem, p: int, q: int, scenarios: bool, has_low: bool, has_high: bool, scale: float
) -> bool:
    if scenarios:
        if not _at_least(pr.scenarios[p], pr.scenarios[q], scale):
            return False
    elif pr.value[p] < pr.value[q] - TOLERANCE * scale:
        return False
    if pr.uses_data[p] and not pr.uses_data[q]:
        return False
    checks = [
        _at_least(pr.cash[q], pr.cash[p], scale),
        _at_least(pr.hours[q], pr.hours[p], 1.0),
        pr.training[p] >= pr.training[q] - TOLERANCE * scale,
        pr.privacy[p] >= pr.privacy[q] - TOLERANCE * scale,
        not has_high or pr.monthly_cost[p] <= pr.monthly_cost[q] + TOLERANCE * scale,
        not has_low or pr.monthly_cost[p] >= pr.monthly_cost[q] - TOLERANCE * scale,
    ]
    if not all(checks):
        return False
    # Identical options: keep the first.
    return not _identical(pr, p, q) or p < q


def _identical(pr: Problem, p: int, q: int) -> bool:
    return bool(
        np.array_equal(pr.cash[p], pr.cash[q])
        and pr.value[p] == pr.value[q]
        and np.array_equal(pr.scenarios[p], pr.scenarios[q])
        and pr.monthly_cost[p] == pr.monthly_cost[q]
    )
