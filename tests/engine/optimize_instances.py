"""Random allocation instances for the optimiser tests (plans as plain data, seeded)."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np

from aibudget.catalog import kpi_ids
from aibudget.domain.allocation import OptimisationResult
from aibudget.domain.plan import Plan
from aibudget.domain.validate import parse_plan
from aibudget.engine.optimize_check import Choice, objective, violations
from aibudget.engine.optimize_problem import Problem

CATEGORIES = ["content_writing", "seo", "design_video", "email", "chatbot"]
KPIS = ["content_output", "online_revenue", "engagement_rate", "qualified_leads"]
OBJECTIVES = ["expected_npv", "risk_adjusted_npv", "cvar", "mean_downside"]


def _range(rng: np.random.Generator, low: float, high: float) -> dict[str, int]:
    values = sorted(int(v) for v in rng.uniform(low, high, 3))
    return {"low": values[0], "likely": values[1], "high": values[2]}


def random_tool(rng: np.random.Generator, i: int, members: list[str], plans: int) -> dict[str, Any]:
    owner = str(rng.choice(members))
    tool: dict[str, Any] = {
        "id": f"t{i}",
        "name": f"Tool {i}",
        "owner": owner,
        "category": str(rng.choice(CATEGORIES)),
        "kpis": sorted({str(k) for k in rng.choice(KPIS, size=int(rng.integers(1, 3)))}),
        "plans": [
            {
                "id": f"p{j}",
                "billing": "annual" if rng.random() < 0.3 else "monthly",
                "price": int(rng.integers(200, 3000)) * (10 if j and rng.random() < 0.3 else 1),
                "seats": int(rng.integers(1, 3)),
            }
            for j in range(plans)
        ],
        "setup_cost": int(rng.integers(0, 8000)),
        "setup_hours": int(rng.integers(0, 10)),
        "run_hours_per_month": int(rng.integers(0, 6)),
        "training": {
            "hours_per_person": int(rng.integers(0, 8)),
            "fees": int(rng.integers(0, 3000)),
        },
        "uses_customer_data": bool(rng.random() < 0.3),
        "privacy_cost": int(rng.integers(0, 4000)),
        "ramp_months": int(rng.integers(0, 4)),
        "risk": {"benefits": round(float(rng.uniform(0, 0.3)), 2), "costs": 0.05},
        "benefits": [
            {"kind": "hours_saved", "hours_per_month": _range(rng, 0, 25)},
            {"kind": "cost_avoided", "monthly": _range(rng, 0, 3000)},
        ],
    }
    return tool


def random_plan_data(
    rng: np.random.Generator, n_tools: int, plans: int, single_start: bool = True
) -> dict[str, Any]:
    """A plan with every kind of constraint switched on at random."""
    members = ["amy", "bob", "cat"][: int(rng.integers(1, 4))]
    tools = [random_tool(rng, i, members, int(rng.integers(1, plans + 1))) for i in range(n_tools)]
    months = 12
    optimise: dict[str, Any] = {
        "objective": str(rng.choice(OBJECTIVES)),
        "scenarios": 20,
        "risk_aversion": round(float(rng.uniform(0, 1)), 2),
        "cvar_tail": 0.2,
    }
    ids = [t["id"] for t in tools]
    if n_tools >= 3 and rng.random() < 0.4:
        optimise["exclusive"] = [[ids[0], ids[1]]]
    if n_tools >= 4 and rng.random() < 0.3:
        optimise["force_in"] = [ids[2]]
    if n_tools >= 4 and rng.random() < 0.3:
        optimise["force_out"] = [ids[3]]
    if rng.random() < 0.3:
        optimise["monthly_budget"] = int(rng.integers(3000, 30000))
    if rng.random() < 0.4:
        optimise["constraints"] = [
            {"label": "design", "categories": ["design_video"], "max_monthly": 1500}
        ]
    goals = []
    if rng.random() < 0.5:
        goals.append(
            {"id": "g1", "name": "Goal", "kpi": str(rng.choice(KPIS)), "priority": 1},
        )
    return {
        "company": {
            "name": "Random Co",
            "employees": 5,
            "annual_revenue": 5_000_000,
            "annual_marketing_budget": 500_000,
        },
        "horizon": {
            "months": months,
            "start": "2027-01",
            "discount_rate": 0.08,
            "seed": int(rng.integers(0, 2**31)),
        },
        "goals": goals,
        "team": [
            {
                "id": m,
                "role": "staff",
                "hourly_cost": int(rng.integers(150, 600)),
                "free_hours_per_month": int(rng.integers(5, 30)),
            }
            for m in members
        ],
        "tools": tools,
        "budget": {
            "annual_amount": int(rng.integers(20_000, 200_000)),
            "min_reserve_share": round(float(rng.uniform(0, 0.15)), 2),
            "min_training_share": round(float(rng.uniform(0, 0.15)), 2),
            "data_privacy_annual": int(rng.integers(0, 10_000)),
            "max_tool_share": round(float(rng.uniform(0.2, 0.8)), 2),
            "pilot": {"max_tools": int(rng.integers(1, 4)), "months": 12 if single_start else 3},
        },
        "optimise": optimise,
    }


def random_channels(rng: np.random.Generator, k: int) -> list[dict[str, Any]]:
    out = []
    for i in range(k):
        slope = round(float(rng.uniform(0.5, 3.5)), 2)
        curve = {
            "kind": "hill",
            "max_return": int(rng.integers(2_000, 20_000)),
            "half_saturation": int(rng.integers(500, 5_000)),
            "slope": slope,
        }
        low = int(rng.integers(0, 300))
        out.append(
            {
                "id": f"ads{i}",
                "curve": curve,
                "min_monthly": low,
                "max_monthly": low + int(rng.integers(0, 6_000)),
                "segments": 8,
            }
        )
    return out


def random_plan(
    rng: np.random.Generator, n_tools: int, plans: int, single_start: bool = True
) -> Plan:
    return parse_plan(random_plan_data(rng, n_tools, plans, single_start), kpi_ids())


def brute_force(problem: Problem) -> tuple[float | None, Choice | None]:
    """Best objective over every combination of options (None: nothing is feasible)."""
    spend = np.array([c.low for c in problem.channels])
    per_tool = [[-1, *problem.options_of(t).tolist()] for t in range(len(problem.tools))]
    best: float | None = None
    best_choice: Choice | None = None
    for combo in itertools.product(*per_tool):
        choice = Choice(np.array(combo, dtype=np.intp), spend)
        if violations(problem, choice):
            continue
        value = objective(problem, choice)
        if best is None or value > best:
            best, best_choice = value, choice
    return best, best_choice


def choice_of(problem: Problem, result: OptimisationResult) -> Choice:
    options = np.full(len(problem.tools), -1, dtype=np.intp)
    ids = [t.id for t in problem.tools]
    for s in result.selected:
        t = ids.index(s.tool)
        match = [
            o
            for o in problem.options_of(t)
            if problem.opt_plan[o] == s.plan and problem.opt_start[o] == s.start_month
        ]
        options[t] = match[0]
    spend = np.array([float(result.ad_spend[c.id]) for c in problem.channels])
    return Choice(options, spend)
