"""Invariants of every allocation the optimiser returns, on generated plans.

For any plan (up to 20 tools, up to 3 ad channels, every constraint kind at random):
the returned allocation keeps every constraint (checked by the independent referee
on the *reported* Decimal figures), its line items add up exactly to its total, the
total stays within the budget, the policy lines reach their minimums, and it is never
worse than today's plan or than the greedy baseline.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aibudget.catalog import kpi_ids
from aibudget.domain.validate import parse_plan
from aibudget.engine.optimize import optimize_problem
from aibudget.engine.optimize_check import violations
from aibudget.engine.optimize_greedy import greedy_objective
from aibudget.engine.optimize_problem import build_problem
from tests.engine.optimize_instances import choice_of, random_channels, random_plan_data

CENT = Decimal("0.01")
# Reported ad spend is rounded down to cents; everything else is exact to solver noise.
REFEREE_TOLERANCE = 1e-6


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    seed=st.integers(0, 2**32 - 1),
    n_tools=st.integers(1, 20),
    n_channels=st.integers(0, 3),
    single_start=st.booleans(),
)
def test_every_returned_allocation_keeps_every_rule(
    seed: int, n_tools: int, n_channels: int, single_start: bool
) -> None:
    rng = np.random.default_rng(seed)
    data = random_plan_data(rng, n_tools, 3, single_start)
    data["optimise"]["channels"] = random_channels(rng, n_channels)
    problem = build_problem(parse_plan(data, kpi_ids()))
    result = optimize_problem(problem, explain=False)
    if result.objective is None:
        assert result.selected == [] and result.total == 0
        return
    choice = choice_of(problem, result)
    assert violations(problem, choice, REFEREE_TOLERANCE) == []

    items = result.line_items
    assert sum(items.values(), Decimal(0)) == result.total
    assert all(v == v.quantize(CENT) and v >= 0 for v in items.values())
    assert result.total <= result.budget
    assert result.unallocated == result.budget - result.total
    assert items.get("reserve", Decimal(0)) >= Decimal(repr(problem.min_reserve)) - CENT
    assert items.get("training", Decimal(0)) >= Decimal(repr(problem.min_training)) - CENT
    if problem.uses_data[choice.picked()].any():
        assert items.get("data_privacy", Decimal(0)) >= Decimal(repr(problem.min_privacy)) - CENT
    ads = sum(result.ad_spend.values(), Decimal(0)) * problem.months
    assert items.get("ad_spend", Decimal(0)) == ads

    slack = Decimal(repr(1e-6 * max(abs(float(result.objective)), 1.0))) + CENT
    if result.incumbent_feasible:
        assert result.incumbent_objective is not None
        assert result.objective >= result.incumbent_objective - slack
    baseline = greedy_objective(problem)
    if baseline is not None:
        assert result.objective >= Decimal(repr(baseline)) - slack
