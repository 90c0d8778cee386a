"""The optimiser on small plans whose answer can be worked out by hand.

Unless a test says otherwise: 12 months, no discounting, only month-1 starts
(pilot of 12 months), no minimum shares, no share cap, so a tool's NPV is
12 x (monthly benefit - monthly price).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aibudget.domain.allocation import OptimisationResult, OptimisePolicy, OptimiseStatus
from aibudget.domain.money import round_money
from aibudget.engine import highs
from aibudget.engine.optimize import apportion, optimize, optimize_problem
from aibudget.engine.optimize_check import Choice, violations
from aibudget.engine.optimize_milp import Solution, solve
from aibudget.engine.optimize_problem import OptimiseError, build_problem
from aibudget.planfile import load_plan
from tests.engine.optimize_instances import choice_of
from tests.factories import make_plan, tool

OPEN_POLICY = {
    "annual_amount": 24_000,
    "min_reserve_share": 0,
    "min_training_share": 0,
    "max_tool_share": 1,
    "pilot": {"max_tools": 5, "months": 12},
}


def paid_tool(ident: str, price: int, benefit: float, **fields: Any) -> dict[str, Any]:
    return tool(
        id=ident,
        name=f"Tool {ident}",
        plans=[{"id": "m", "price": price}],
        benefits=[{"kind": "cost_avoided", "monthly": benefit}],
        **fields,
    )


def knapsack_plan(**optimise: Any) -> Any:
    """A: NT$6,000 for NPV 7,200 (best ROI); B: NT$24,000 for NPV 24,000; budget 24,000."""
    return make_plan(
        paid_tool("a", 500, 1100),
        paid_tool("b", 2000, 4000),
        budget=OPEN_POLICY,
        optimise=optimise,
    )


def reason(result: OptimisationResult, ident: str) -> tuple[str, dict[str, Any]]:
    found = next(r for r in result.reasons if r.tool == ident)
    return found.code, found.params


def test_examples_solve_to_proven_optimality_and_never_lose_to_todays_plan(
    example_path: Path,
) -> None:
    plan = load_plan(example_path)
    problem = build_problem(plan)
    result = optimize_problem(problem, explain=False)
    assert result.status is OptimiseStatus.OPTIMAL
    assert result.gap is not None and result.gap <= 1e-6
    assert violations(problem, choice_of(problem, result)) == []
    if result.incumbent_feasible:
        assert result.incumbent_objective is not None and result.objective is not None
        assert result.objective >= result.incumbent_objective
    assert sum(result.line_items.values(), Decimal(0)) == result.total


def test_budget_goes_to_the_best_combination_not_the_best_ratio() -> None:
    result = optimize(knapsack_plan())
    assert [s.tool for s in result.selected] == ["b"]
    assert result.objective == Decimal("24000.00")
    assert result.line_items == {"subscription": Decimal("24000.00")}
    assert result.unallocated == Decimal("0.00")
    code, params = reason(result, "a")
    assert code == "budget"
    assert params["loss"] == Decimal("16800.00")


def test_marginal_value_of_budget_is_what_the_next_step_buys() -> None:
    result = optimize(knapsack_plan(budget_step=6000))
    assert result.budget_step == Decimal("6000.00")
    assert result.marginal_value_of_budget == Decimal("7200.00")


def test_minimum_spends_above_the_budget_are_named_with_both_amounts() -> None:
    result = optimize(knapsack_plan(force_in=["a", "b"]))
    assert result.status is OptimiseStatus.INFEASIBLE
    assert result.objective is None and result.selected == []
    by_group = {c.group: c for c in result.conflicts}
    # B alone fits the budget exactly, and A alone fits: all three are needed.
    assert set(by_group) == {"budget", "force_in:a", "force_in:b"}
    budget = by_group["budget"]
    assert budget.message_id == "optimize.conflict.minimums"
    assert budget.params == {"budget": Decimal("24000.00"), "minimum": Decimal("30000.00")}


def test_a_priority_goal_no_tool_can_serve_is_named() -> None:
    plan = make_plan(
        paid_tool("a", 500, 1100, kpis=["content_output"]),
        budget=OPEN_POLICY,
        goals=[{"id": "leads", "name": "More leads", "kpi": "qualified_leads", "priority": 1}],
    )
    result = optimize(plan)
    assert result.status is OptimiseStatus.INFEASIBLE
    assert [(c.group, c.message_id) for c in result.conflicts] == [
        ("goal:leads", "optimize.conflict.goal_no_tool")
    ]


def test_a_priority_goal_funds_a_tool_that_loses_money() -> None:
    plan = make_plan(
        paid_tool("a", 500, 1100),
        paid_tool("leads", 1000, 900, kpis=["qualified_leads"]),
        budget=OPEN_POLICY,
        goals=[{"id": "leads", "name": "More leads", "kpi": "qualified_leads", "priority": 1}],
    )
    result = optimize(plan)
    assert {s.tool for s in result.selected} == {"a", "leads"}
    assert result.objective == Decimal("6000.00")  # 7,200 - 1,200
    assert reason(result, "leads")[0] == "serves_goal"


def test_owner_hours_block_a_tool_and_are_named_when_it_is_required() -> None:
    # amy has 20 free hours a month at NT$100 an hour
    busy = paid_tool("busy", 100, 5000, run_hours_per_month=25)
    result = optimize(make_plan(busy, budget=OPEN_POLICY))
    assert result.selected == []
    assert reason(result, "busy") == ("blocked_hours", {"member": "marketing"})
    forced = optimize(make_plan(busy, budget=OPEN_POLICY, optimise={"force_in": ["busy"]}))
    assert [c.group for c in forced.conflicts] == ["hours:amy", "force_in:busy"]
    assert forced.conflicts[0].params == {"member": "marketing", "hours": 20.0}


def test_one_more_owner_hour_is_worth_what_it_unlocks() -> None:
    busy = paid_tool("busy", 100, 5000, run_hours_per_month=21)
    result = optimize(make_plan(busy, budget=OPEN_POLICY))
    assert result.selected == []
    # 12 x (5,000 benefit - 100 price - 21 hours x NT$100)
    assert result.marginal_value_of_hour == {"amy": Decimal("33600.00")}


def test_exclusive_tools_forced_out_and_negative_value_reasons() -> None:
    plan = make_plan(
        paid_tool("a", 500, 1100),
        paid_tool("b", 500, 1500),
        paid_tool("c", 500, 2000),
        paid_tool("loser", 500, 100),
        budget=OPEN_POLICY,
        optimise={"exclusive": [["a", "b"]], "force_out": ["c"]},
    )
    result = optimize(plan)
    assert [s.tool for s in result.selected] == ["b"]
    assert reason(result, "a") == ("excluded_by", {"tools": "Tool b"})
    assert reason(result, "c") == ("forced_out", {})
    assert reason(result, "loser") == ("negative_value", {"value": Decimal("-4800.00")})
    assert reason(result, "b")[0] == "positive_value"


def test_pilot_limit_moves_the_second_tool_to_the_scale_phase() -> None:
    plan = make_plan(
        paid_tool("a", 500, 1100),
        paid_tool("b", 500, 1500),
        budget={**OPEN_POLICY, "pilot": {"max_tools": 1, "months": 3}},
    )
    result = optimize(plan)
    phases = {s.tool: (s.phase, s.start_month) for s in result.selected}
    assert phases == {"b": ("pilot", 1), "a": ("scale", 4)}
    assert result.objective == Decimal(12 * 1000 + 9 * 600)


def test_share_cap_and_user_constraint_block_tools_with_their_reason() -> None:
    plan = make_plan(
        paid_tool("big", 1500, 4000),
        paid_tool("design", 400, 1000, category="design_video"),
        budget={**OPEN_POLICY, "max_tool_share": 0.5},
        optimise={
            "constraints": [
                {"label": "design tools", "categories": ["design_video"], "max_monthly": 300}
            ]
        },
    )
    result = optimize(plan)
    assert result.selected == []
    assert reason(result, "big")[0] == "blocked_max_share"
    assert reason(result, "design") == ("blocked_extra", {"label": "design tools"})


def test_policy_lines_training_reserve_and_privacy_are_topped_up() -> None:
    data_tool = paid_tool("crm", 500, 1500, uses_customer_data=True, privacy_cost=1000)
    plan = make_plan(
        data_tool,
        budget={
            **OPEN_POLICY,
            "min_training_share": 0.1,
            "min_reserve_share": 0.05,
            "data_privacy_annual": 5000,
        },
    )
    result = optimize(plan)
    assert result.line_items == {
        "subscription": Decimal("6000.00"),
        "data_privacy": Decimal("5000.00"),
        "training": Decimal("2400.00"),
        "reserve": Decimal("1200.00"),
    }
    assert result.total == Decimal("14600.00")
    # Top-ups of training and privacy are costs; the reserve is money kept back.
    assert result.objective == Decimal(12 * 1000 - 1000 - 4000 - 2400)


def test_monthly_budget_caps_every_month() -> None:
    plan = knapsack_plan(monthly_budget=1500)
    result = optimize(plan)
    assert [s.tool for s in result.selected] == ["a"]


def test_fixed_and_bounded_ad_channels() -> None:
    channels = [
        {
            "id": "meta",
            "curve": {"kind": "michaelis_menten", "max_return": 9000, "half_saturation": 1000},
            "fixed_monthly": 700,
            "max_monthly": 5000,
        },
        {
            "id": "google",
            "curve": {"kind": "hill", "max_return": 9000, "half_saturation": 1500, "slope": 2.5},
            "min_monthly": 200,
            "max_monthly": 900,
        },
    ]
    result = optimize(make_plan(budget=OPEN_POLICY, optimise={"channels": channels}))
    assert result.ad_spend["meta"] == Decimal("700.00")
    assert Decimal(200) <= result.ad_spend["google"] <= Decimal(900)
    assert result.line_items["ad_spend"] == 12 * sum(result.ad_spend.values())


@pytest.mark.parametrize(
    ("objective", "aversion", "risk", "chosen"),
    [
        ("expected_npv", 0.5, 0.0, "risky"),
        ("risk_adjusted_npv", 0.5, 0.0, "risky"),
        ("risk_adjusted_npv", 0.5, 0.3, "safe"),
        ("cvar", 0.0, 0.0, "risky"),
        ("cvar", 1.0, 0.0, "safe"),
        ("mean_downside", 0.0, 0.0, "risky"),
        ("mean_downside", 10.0, 0.0, "safe"),
    ],
)
def test_risk_averse_objectives_prefer_the_certain_tool(
    objective: str, aversion: float, risk: float, chosen: str
) -> None:
    """Risky: NPV 20,000 on average but can lose money; safe: 18,000 for sure."""
    plan = make_plan(
        paid_tool(
            "risky",
            1000,
            {"low": 0, "likely": 2000, "high": 8000},  # PERT mean 2,666.67 a month
            risk={"benefits": risk, "costs": 0},
        ),
        paid_tool("safe", 1000, 2500),
        budget=OPEN_POLICY,
        optimise={
            "objective": objective,
            "risk_aversion": aversion,
            "exclusive": [["risky", "safe"]],
            "scenarios": 400,
        },
    )
    result = optimize(plan, explain=False)
    assert [s.tool for s in result.selected] == [chosen]
    assert result.expected_npv == Decimal("20000.00" if chosen == "risky" else "18000.00")
    if objective in ("cvar", "mean_downside") and aversion == 0:
        # The scenario mean (400 Latin-hypercube scenarios) is close to the exact mean.
        assert result.objective is not None
        assert abs(result.objective - Decimal(20000)) < Decimal(200)


def test_unknown_tool_in_the_settings_is_a_clear_error() -> None:
    # plan files are refused by validation first; a plan built in Python reaches here
    plan = knapsack_plan()
    policy = OptimisePolicy(force_in=["nope"])
    with pytest.raises(OptimiseError) as caught:
        optimize(plan.model_copy(update={"optimise": policy}))
    assert caught.value.message_id == "optimize.unknown_reference"
    assert caught.value.params == {"where": "force_in", "ids": "nope"}


def test_todays_plan_is_kept_when_the_solver_finds_nothing_better(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plan = knapsack_plan()  # today: both tools from month 1, which breaks the budget
    plan = plan.model_copy(update={"tools": plan.tools[1:]})  # today: only B, feasible
    problem = build_problem(plan)
    empty = Choice(np.full(1, -1, dtype=np.intp), np.zeros(0))
    monkeypatch.setattr(
        "aibudget.engine.optimize.solve_refined",
        lambda *_a, **_k: Solution(OptimiseStatus.TIME_LIMIT, empty, 0.5),
    )
    result = optimize_problem(problem, explain=False)
    assert result.kept_incumbent
    assert result.objective == result.incumbent_objective == Decimal("24000.00")
    assert result.status is OptimiseStatus.TIME_LIMIT and result.gap == 0.5


def _stopped(x: Any, gap: float) -> highs.Result:
    return highs.Result(highs.Outcome.LIMIT, x, None if x is None else 0.0, None, gap)


def test_time_limit_status_is_reported_with_its_gap(monkeypatch: pytest.MonkeyPatch) -> None:
    problem = build_problem(knapsack_plan())
    monkeypatch.setattr(highs, "solve_milp", lambda *_a, **_k: _stopped(None, 0.0))
    assert solve(problem).status is OptimiseStatus.NO_SOLUTION
    sol_x = np.zeros(64)
    monkeypatch.setattr(highs, "solve_milp", lambda *_a, **_k: _stopped(sol_x, 0.03))
    stopped = solve(problem)
    assert stopped.status is OptimiseStatus.TIME_LIMIT
    assert stopped.gap == 0.03


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["subscription", "training", "reserve", "ad_spend", "advice", "other"]),
        st.decimals(min_value=0, max_value=10**9, places=6, allow_nan=False),
        min_size=1,
    )
)
def test_apportioned_lines_add_up_exactly_and_move_less_than_a_cent(
    amounts: dict[str, Decimal],
) -> None:
    lines = apportion(amounts)
    assert sum(lines.values(), Decimal(0)) == round_money(sum(amounts.values(), Decimal(0)))
    for key, value in lines.items():
        assert value == value.quantize(Decimal("0.01"))
        assert abs(value - amounts[key]) < Decimal("0.01")


def test_a_yearly_plan_is_not_proposed_inside_the_pilot_when_a_monthly_one_exists() -> None:
    both = [
        {"id": "monthly", "price": 1000},
        {"id": "yearly", "billing": "annual", "price": 6000},
    ]
    gain = {"kind": "cost_avoided", "monthly": 5000}
    plan = make_plan(tool(id="a", plans=both, benefits=[gain]), budget=OPEN_POLICY)
    result = optimize(plan)
    picked = next(s for s in result.selected if s.tool == "a")
    pilot = plan.budget.pilot.months
    # yearly from month 1 would be worth the most (12 x 5,000 - 6,000), but pays a year
    # before the pilot proves the tool; monthly from month 1 beats yearly from month 4
    assert not (picked.plan == "yearly" and picked.start_month <= pilot)
    assert (picked.plan, picked.start_month) == ("monthly", 1)
