"""SMART check: each letter fails for its reason, and a complete goal passes."""

from __future__ import annotations

from typing import Any

import pytest

from aibudget.catalog import kpi_entries
from aibudget.domain.plan import Plan
from aibudget.engine.smart import check_goal, check_goals
from tests.factories import make_plan, tool

KPIS = kpi_entries()


def goal(**fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "g1",
        "name": "More conversions",
        "kpi": "conversion_rate",
        "baseline": 1.5,
        "target": 2.5,
        "deadline": "2027-09",
        "measurement": "GA4 purchases / sessions",
    }
    data.update(fields)
    return {k: v for k, v in data.items() if v is not None}


def plan_with(*goals: dict[str, Any], tools: list[dict[str, Any]] | None = None) -> Plan:
    serving = [tool(kpis=["conversion_rate", "customer_acquisition_cost"])]
    return make_plan(*(serving if tools is None else tools), goals=list(goals))


def codes(plan: Plan, **kwargs: Any) -> list[str]:
    return [f.code for f in check_goal(plan, 0, KPIS, **kwargs).failures]


def test_a_complete_goal_passes_every_letter() -> None:
    check = check_goal(plan_with(goal()), 0, KPIS)
    assert check.ok
    assert check.failed_letters == []


@pytest.mark.parametrize(
    ("change", "code", "letter"),
    [
        ({"target": None}, "no_target", "S"),
        ({"baseline": None}, "no_baseline", "M"),
        ({"measurement": None}, "no_measurement", "M"),
        ({"measurement": "   "}, "no_measurement", "M"),
        ({"target": 1.0}, "wrong_direction", "A"),
        ({"target": 1.5}, "wrong_direction", "A"),
        ({"target": 40}, "implausible", "A"),
        ({"deadline": None}, "no_deadline", "T"),
    ],
)
def test_each_miss_names_its_letter(change: dict[str, Any], code: str, letter: str) -> None:
    check = check_goal(plan_with(goal(**change)), 0, KPIS)
    assert [f.code for f in check.failures] == [code]
    assert check.failed_letters == [letter]
    assert check.failures[0].message_id == f"smart.{code}"


def test_good_direction_is_down_for_a_cost_kpi() -> None:
    cac = {"kpi": "customer_acquisition_cost", "baseline": 1200, "target": 900}
    assert codes(plan_with(goal(**cac))) == []
    assert codes(plan_with(goal(**{**cac, "target": 1500}))) == ["wrong_direction"]


def test_no_tool_serving_the_kpi_fails_relevant() -> None:
    plan = plan_with(goal(), tools=[tool(kpis=["email_open_rate"])])
    check = check_goal(plan, 0, KPIS)
    assert [(f.letter, f.code) for f in check.failures] == [("R", "no_funded_tool")]
    assert check.failures[0].params == {"kpi": "conversion_rate"}


def test_a_kpi_effect_also_serves_the_goal() -> None:
    effect = {"kind": "kpi_effect", "kpi": "conversion_rate", "change": [0.1, 0.2, 0.3]}
    plan = plan_with(goal(), tools=[tool(benefits=[effect])])
    assert codes(plan) == []


def test_only_funded_tools_count() -> None:
    plan = plan_with(goal())
    assert codes(plan, funded=["t1"]) == []
    assert codes(plan, funded=[]) == ["no_funded_tool"]


def test_a_deadline_outside_the_horizon_fails_time_bound() -> None:
    # validation refuses such deadlines in plan files; the check still guards itself
    plan = plan_with(goal())
    late = plan.model_copy(
        update={"goals": [plan.goals[0].model_copy(update={"deadline": "2028-06"})]}
    )
    early = plan.model_copy(
        update={"goals": [plan.goals[0].model_copy(update={"deadline": "2026-12"})]}
    )
    assert codes(late) == ["deadline_after_horizon"]
    assert codes(early) == ["deadline_before_start"]


def test_an_unknown_kpi_fails_specific() -> None:
    plan = plan_with(goal())
    assert [f.code for f in check_goal(plan, 0, {}).failures] == ["kpi_unknown"]


def test_check_goals_keeps_plan_order() -> None:
    plan = plan_with(goal(), goal(id="g2", target=None))
    checks = check_goals(plan, KPIS)
    assert [(c.goal_id, c.goal_index, c.ok) for c in checks] == [("g1", 0, True), ("g2", 1, False)]
