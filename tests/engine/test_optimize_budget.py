"""The optimiser budgets what the plan budgets: the money over the horizon and the privacy
minimum are the plan's yearly amounts pro rata (domain/months.py), taken as floats."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from aibudget.domain.money import to_money
from aibudget.engine.optimize import optimize
from aibudget.engine.optimize_problem import build_problem
from aibudget.planfile import load_plan
from tests.factories import make_plan, tool

EXACT = 1e-15  # relative: the float of one exact Decimal, nothing recomputed in floats

# Worked out by hand from each example's budget section and horizon.
EXAMPLE_BUDGETS = {
    "b2b-machine-parts": (Decimal(1_800_000), 45_000.0),  # 600,000 a year x 3; 15,000 x 3
    "beauty-clinic": (Decimal(960_000), 80_000.0),  # 10% of 4,800,000 x 2; 40,000 x 2
    "taipei-cafe": (Decimal(480_000), 22_000.0),  # 40% of 600,000 x 2; 11,000 x 2
}


def test_the_examples_budget_the_plans_horizon_budget(example_path: Path) -> None:
    plan = load_plan(example_path)
    problem = build_problem(plan)
    budget, privacy = EXAMPLE_BUDGETS[example_path.stem]
    assert plan.horizon_budget() == budget
    assert to_money(problem.budget) == budget
    assert problem.min_privacy == privacy
    shares = plan.budget
    assert problem.min_reserve == pytest.approx(float(shares.min_reserve_share) * float(budget))
    assert problem.max_tool_cash == pytest.approx(float(shares.max_tool_share) * float(budget))


def test_a_horizon_of_25_months_from_july_budgets_the_plans_cents() -> None:
    """123,456.78 a year over 25 months is 257,201.625: the plan rounds the tie to the even
    cent, 257,201.62; a float recomputation (x 25 / 12 in floats) came to ...63."""
    plan = make_plan(
        tool(
            plans=[{"id": "m", "price": 1000}],
            benefits=[{"kind": "cost_avoided", "monthly": 2000}],
        ),
        horizon={"months": 25, "start": "2026-07"},
        budget={"annual_amount": "123456.78", "data_privacy_annual": "1000.01"},
    )
    problem = build_problem(plan)
    assert plan.horizon_budget() == Decimal("257201.62")
    assert problem.budget == pytest.approx(257_201.625, rel=EXACT)
    assert problem.min_privacy == pytest.approx(2_083.3541666666667, rel=EXACT)  # 1000.01 x 25/12
    result = optimize(plan, explain=False)
    assert result.budget == plan.horizon_budget()
    assert result.unallocated == result.budget - result.total
