"""Adopting an allocation: the adopted plan is the allocation. Re-optimising it picks the
same tools, plans and start months; its own spending is the allocation's line items to
the unit; adopting again changes nothing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from aibudget.catalog import kpi_ids
from aibudget.domain.plan import Plan
from aibudget.domain.validate import parse_plan
from aibudget.engine.adopt import adopt, adoptable
from aibudget.engine.cashflow import evaluate
from aibudget.engine.optimize import optimize
from aibudget.planfile import load_plan
from tests.factories import make_plan, tool

UNIT = Decimal(1)


def picks(plan: Plan) -> set[tuple[str, str | None, int]]:
    result = optimize(plan, explain=False)
    return {(s.tool, s.plan, s.start_month) for s in result.selected}


def test_the_adopted_plan_is_the_allocation(example_path: Path) -> None:
    plan = load_plan(example_path)
    result = optimize(plan, explain=False)
    assert adoptable(result)
    adoption = adopt(plan, result)
    adopted = parse_plan(adoption.document, kpi_ids())

    assert {
        (t.id, t.chosen_plan().id if t.chosen_plan() else None, t.start_month)
        for t in adopted.tools
    } == {(s.tool, s.plan, s.start_month) for s in result.selected}
    assert picks(adopted) == {(s.tool, s.plan, s.start_month) for s in result.selected}
    spent = evaluate(adopted).costs_by_line
    for line, amount in result.line_items.items():
        if line == "reserve":  # kept back by the budget rule, not spent
            assert amount == adopted.horizon_budget() * adopted.budget.min_reserve_share
        else:
            assert abs(spent.get(line, Decimal(0)) - amount) < UNIT, line
    assert not adopt(adopted, optimize(adopted, explain=False)).changed


def test_a_tool_left_out_is_removed_with_its_optimiser_settings() -> None:
    plan = load_plan(Path(__file__).parents[2] / "examples" / "b2b-machine-parts.yaml")
    result = optimize(plan, explain=False)
    left_out = {t.id for t in plan.tools} - {s.tool for s in result.selected}
    assert left_out
    adoption = adopt(plan, result)
    assert {c.item for c in adoption.changes if c.kind == "drop"} == left_out
    assert not left_out & {t["id"] for t in adoption.document["tools"]}


def test_an_allocation_without_a_choice_cannot_be_adopted() -> None:
    expensive = tool(
        id="big",
        kpis=["conversion_rate"],
        plans=[{"id": "m", "billing": "monthly", "price": 1_000_000}],
    )
    plan = make_plan(expensive, optimise={"force_in": ["big"]})
    result = optimize(plan, explain=False)
    assert result.objective is None and not adoptable(result)
