"""Money magnitude does not change the answer: every amount x 1e-6 or x 1e6 (tools,
budgets, policy lines, user constraints, ad channels) gives the same allocation."""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
import pytest

from aibudget.catalog import kpi_ids
from aibudget.domain.validate import parse_plan
from aibudget.engine.optimize_check import objective
from aibudget.engine.optimize_problem import build_problem
from aibudget.engine.optimize_refine import solve_refined
from tests.engine.optimize_instances import random_channels, random_plan_data

MONEY_KEYS = {
    "annual_revenue",
    "annual_marketing_budget",
    "hourly_cost",
    "price",
    "setup_cost",
    "fees",
    "privacy_cost",
    "monthly",
    "annual_amount",
    "data_privacy_annual",
    "monthly_budget",
    "max_monthly",
    "min_monthly",
    "max_return",
    "half_saturation",
    "budget_step",
}


def scaled(data: Any, factor: float) -> Any:
    """A copy of plan data with every money amount multiplied by ``factor``."""
    if isinstance(data, dict):
        out = {}
        for key, value in data.items():
            if key in MONEY_KEYS:
                out[key] = _times(value, factor)
            else:
                out[key] = scaled(value, factor)
        return out
    if isinstance(data, list):
        return [scaled(v, factor) for v in data]
    return copy.deepcopy(data)


def _times(value: Any, factor: float) -> Any:
    if isinstance(value, dict):  # a low/likely/high range
        return {k: v * factor for k, v in value.items()}
    return value * factor


@pytest.mark.parametrize("factor", [1e-6, 1e6])
@pytest.mark.parametrize("seed", range(6))
def test_same_allocation_at_any_money_scale(seed: int, factor: float) -> None:
    rng = np.random.default_rng(1000 + seed)
    data = random_plan_data(rng, int(rng.integers(3, 15)), 3, single_start=seed % 2 == 0)
    data["optimise"]["channels"] = random_channels(rng, seed % 3)
    base = build_problem(parse_plan(data, kpi_ids()))
    other = build_problem(parse_plan(scaled(data, factor), kpi_ids()))
    one, two = solve_refined(base), solve_refined(other)
    assert one.status is two.status
    if one.choice is None or two.choice is None:
        assert one.choice is None and two.choice is None
        return
    assert np.array_equal(one.choice.options, two.choice.options)
    assert np.allclose(two.choice.spend / factor, one.choice.spend, rtol=1e-6, atol=1e-6)
    value = objective(base, one.choice)
    assert objective(other, two.choice) / factor == pytest.approx(value, rel=1e-6, abs=1e-6)
