"""Health check: every rule has a plan that triggers it and a near miss that does not."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from aibudget.catalog import catalog_for, kpi_entries, tool_catalog
from aibudget.domain.guidance import Finding, Severity
from aibudget.domain.plan import Plan
from aibudget.engine.lint import RULES, has_errors, lint
from aibudget.engine.lint.rules_tools import committed_hours
from aibudget.planfile import load_plan
from tests.factories import make_plan, plan_data, tool

CATALOG = tool_catalog()
KPIS = kpi_entries()
GOAL = {
    "id": "conv",
    "name": "More conversions",
    "kpi": "conversion_rate",
    "baseline": 1.5,
    "target": 2.5,
    "deadline": "2027-09",
    "measurement": "GA4",
}


def good_tool(tool_id: str = "a", **fields: Any) -> dict[str, Any]:
    """NT$1,000 a month, training worth 10% of its spend, pays back in month 1."""
    data = tool(
        id=tool_id,
        name=f"Tool {tool_id}",
        kpis=["conversion_rate"],
        plans=[{"id": "m", "billing": "monthly", "price": 1000}],
        training={"hours_per_person": 4, "fees": 1000},
        setup_hours=2,
        run_hours_per_month=2,
        benefits=[{"kind": "hours_saved", "hours_per_month": 20}],
    )
    data.update(fields)
    return data


TEAM = [  # an owner used to AI: the clean plan needs no change-management budget
    {
        "id": "amy",
        "role": "marketing",
        "hourly_cost": 100,
        "free_hours_per_month": 20,
        "ai_skill": "intermediate",
    }
]


def clean(**sections: Any) -> dict[str, Any]:
    data = plan_data(good_tool("a"), good_tool("b"), goals=[copy.deepcopy(GOAL)], team=TEAM)
    for key, value in sections.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key].update(value)
        else:
            data[key] = value
    return data


def build(data: dict[str, Any]) -> Plan:
    tools = data.pop("tools")
    return make_plan(*tools, **data)


def run(plan: Plan, rule_id: str) -> list[Finding]:
    return lint(plan, CATALOG, KPIS, rules=[rule_id])


def with_tools(*tools: dict[str, Any], **sections: Any) -> Plan:
    return build(clean(tools=list(tools), **sections))


def goal_plan(**change: Any) -> Plan:
    goal = {k: v for k, v in {**GOAL, **change}.items() if v is not None}
    return build(clean(goals=[goal]))


# rule id -> (a plan that triggers it, the severity, the message id, where)
TRIGGERS: dict[str, list[tuple[Callable[[], Plan], Severity, str, str]]] = {
    "over_budget": [
        (
            lambda: build(clean(budget={"annual_amount": 10_000})),
            Severity.ERROR,
            "lint.over_budget",
            "budget",
        ),
        (
            lambda: build(clean(budget={"annual_amount": 28_000})),
            Severity.WARNING,
            "lint.over_budget.reserve",
            "budget",
        ),
        (  # the two years fit together, but year 1 carries a NT$30,000 set-up
            lambda: build(
                clean(
                    horizon={"months": 24},
                    budget={"annual_amount": 45_000},
                    tools=[good_tool("a", setup_cost=30_000), good_tool("b")],
                )
            ),
            Severity.WARNING,
            "lint.over_budget.year",
            "budget",
        ),
    ],
    "no_reserve": [
        (
            lambda: build(clean(budget={"min_reserve_share": 0})),
            Severity.WARNING,
            "lint.no_reserve",
            "budget.min_reserve_share",
        )
    ],
    "no_review_date": [
        (
            lambda: build(clean(budget={"review_every_months": None})),
            Severity.WARNING,
            "lint.no_review_date",
            "budget.review_every_months",
        ),
        (
            lambda: build(clean(budget={"review_every_months": 12})),
            Severity.WARNING,
            "lint.no_review_date.rare",
            "budget.review_every_months",
        ),
    ],
    "change_management": [
        (
            lambda: build(clean(team=[{**TEAM[0], "ai_skill": "beginner"}])),
            Severity.WARNING,
            "lint.change_management",
            "lines",
        )
    ],
    "no_goals": [
        (lambda: build(clean(goals=[])), Severity.ERROR, "lint.no_goals", "goals"),
    ],
    "no_business_goal": [
        (
            lambda: goal_plan(kpi="content_output", baseline=8, target=12),
            Severity.WARNING,
            "lint.no_business_goal",
            "goals",
        )
    ],
    "tool_without_goal": [
        (
            lambda: with_tools(good_tool("a"), good_tool("b", kpis=["email_open_rate"])),
            Severity.WARNING,
            "lint.tool_without_goal",
            "tools[1].kpis",
        )
    ],
    "training_underbudgeted": [
        (
            lambda: with_tools(good_tool("a", training={}), good_tool("b")),
            Severity.WARNING,
            "lint.training_underbudgeted.tool",
            "tools[0].training",
        ),
        (
            lambda: with_tools(
                good_tool("a", training={"hours_per_person": 1}),
                good_tool("b", training={"hours_per_person": 1}),
            ),
            Severity.WARNING,
            "lint.training_underbudgeted",
            "budget.min_training_share",
        ),
    ],
    "single_tool_reliance": [
        (
            lambda: with_tools(good_tool("a")),
            Severity.INFO,
            "lint.single_tool_reliance.only",
            "tools[0]",
        ),
        (
            lambda: with_tools(
                good_tool("a", plans=[{"id": "m", "price": 4000}]),
                good_tool("b"),
            ),
            Severity.WARNING,
            "lint.single_tool_reliance",
            "tools[0]",
        ),
    ],
    "no_data_privacy_budget": [
        (
            lambda: with_tools(good_tool("a"), good_tool("b", uses_customer_data=True)),
            Severity.WARNING,
            "lint.no_data_privacy_budget",
            "tools[1].privacy_cost",
        ),
        (  # the catalog knows Mailchimp handles customer data even if the plan forgot
            lambda: with_tools(good_tool("a", catalog_id="mailchimp"), good_tool("b")),
            Severity.WARNING,
            "lint.no_data_privacy_budget",
            "tools[0].privacy_cost",
        ),
        (  # NT$1 is not a privacy budget
            lambda: with_tools(
                good_tool("a"), good_tool("b", uses_customer_data=True, privacy_cost=1)
            ),
            Severity.WARNING,
            "lint.no_data_privacy_budget.low",
            "budget.data_privacy_annual",
        ),
    ],
    "horizon_too_short": [
        (
            lambda: with_tools(
                good_tool("a", setup_cost=40_000), good_tool("b", setup_cost=40_000)
            ),
            Severity.WARNING,
            "lint.horizon_too_short",
            "horizon.months",
        ),
        (
            lambda: with_tools(good_tool("a", setup_cost=40_000), good_tool("b")),
            Severity.INFO,
            "lint.horizon_too_short.tool",
            "tools[0]",
        ),
    ],
    "never_pays_back": [
        (
            lambda: with_tools(good_tool("a", benefits=[]), good_tool("b", benefits=[])),
            Severity.WARNING,
            "lint.never_pays_back",
            "tools",
        ),
        (
            lambda: with_tools(good_tool("a", benefits=[]), good_tool("b")),
            Severity.WARNING,
            "lint.never_pays_back.tool",
            "tools[0]",
        ),
    ],
    "tool_owner_invalid": [
        (  # plan files are refused earlier; a plan built in code is still checked
            lambda: Plan.model_validate(
                clean(tools=[good_tool("a", owner="ghost"), good_tool("b")])
            ),
            Severity.ERROR,
            "lint.tool_owner_invalid.missing",
            "tools[0].owner",
        ),
        (
            lambda: build(
                clean(
                    team=[
                        {"id": "amy", "role": "m", "hourly_cost": 100, "free_hours_per_month": 20},
                        {"id": "bob", "role": "m", "hourly_cost": 100, "free_hours_per_month": 0},
                    ],
                    tools=[good_tool("a"), good_tool("b", owner="bob", training={"fees": 900})],
                )
            ),
            Severity.ERROR,
            "lint.tool_owner_invalid.no_time",
            "tools[1].owner",
        ),
    ],
    "hours_overcommitted": [
        (
            lambda: with_tools(good_tool("a", run_hours_per_month=19), good_tool("b")),
            Severity.ERROR,
            "lint.hours_overcommitted",
            "team[0].free_hours_per_month",
        ),
        (
            lambda: with_tools(good_tool("a", setup_hours=20), good_tool("b")),
            Severity.WARNING,
            "lint.hours_overcommitted.peak",
            "team[0].free_hours_per_month",
        ),
    ],
    "annual_lockin_pilot": [
        (
            lambda: with_tools(
                good_tool("a", plans=[{"id": "y", "billing": "annual", "price": 12_000}]),
                good_tool("b"),
            ),
            Severity.WARNING,
            "lint.annual_lockin_pilot",
            "tools[0].plan",
        ),
        (
            lambda: with_tools(
                good_tool(
                    "a",
                    plans=[
                        {"id": "y", "billing": "annual", "price": 12_000},
                        {"id": "m", "billing": "monthly", "price": 1000},
                    ],
                    plan="y",
                ),
                good_tool("b"),
            ),
            Severity.WARNING,
            "lint.annual_lockin_pilot.switch",
            "tools[0].plan",
        ),
    ],
    "free_trial_unused": [
        (
            lambda: with_tools(good_tool("a", catalog_id="buffer"), good_tool("b")),
            Severity.INFO,
            "lint.free_trial_unused.free_plan",
            "tools[0].free_trial_days",
        ),
        (
            lambda: with_tools(good_tool("a", catalog_id="hootsuite"), good_tool("b")),
            Severity.INFO,
            "lint.free_trial_unused.trial",
            "tools[0].free_trial_days",
        ),
    ],
    "tool_price_missing": [
        (
            lambda: with_tools(good_tool("a", plans=[]), good_tool("b")),
            Severity.WARNING,
            "lint.tool_price_missing",
            "tools[0].plans",
        )
    ],
    "price_stale": [
        (
            lambda: with_tools(
                good_tool("a", plans=[{"id": "m", "price": 1000, "as_of": "2025-06-01"}]),
                good_tool("b"),
            ),
            Severity.INFO,
            "lint.price_stale",
            "tools[0].plans[0].as_of",
        )
    ],
    "pilot_too_many_tools": [
        (
            lambda: with_tools(good_tool("a"), good_tool("b"), good_tool("c")),
            Severity.WARNING,
            "lint.pilot_too_many_tools",
            "budget.pilot.max_tools",
        )
    ],
    "goal_unmeasurable": [
        (
            lambda: goal_plan(baseline=None),
            Severity.WARNING,
            "lint.goal_unmeasurable.no_baseline",
            "goals[0].baseline",
        ),
        (
            lambda: goal_plan(target=None),
            Severity.WARNING,
            "lint.goal_unmeasurable.no_target",
            "goals[0].target",
        ),
    ],
    "goal_no_measurement": [
        (
            lambda: goal_plan(measurement=None),
            Severity.WARNING,
            "lint.goal_no_measurement",
            "goals[0].measurement",
        ),
    ],
    "goal_not_smart": [
        (
            lambda: goal_plan(target=1.0),
            Severity.WARNING,
            "lint.goal_not_smart.wrong_direction",
            "goals[0].target",
        ),
        (
            lambda: goal_plan(deadline=None),
            Severity.WARNING,
            "lint.goal_not_smart.no_deadline",
            "goals[0].deadline",
        ),
        (  # ten times the baseline in eight months
            lambda: goal_plan(baseline=0.5, target=5),
            Severity.WARNING,
            "lint.goal_not_smart.too_fast",
            "goals[0].target",
        ),
        (
            lambda: goal_plan(kpi="email_open_rate", baseline=20, target=25),
            Severity.WARNING,
            "lint.goal_not_smart.no_funded_tool",
            "goals[0].kpi",
        ),
    ],
}

# rule id -> a near miss: the trigger's situation, changed just enough to be fine
NEAR_MISSES: dict[str, Callable[[], Plan]] = {
    "over_budget": lambda: build(clean(budget={"annual_amount": 30_000})),
    "no_reserve": lambda: build(
        clean(
            budget={"min_reserve_share": 0},
            lines=[{"label": "reserve", "kind": "cost", "line": "reserve", "amounts": [3000]}],
        )
    ),
    "no_review_date": lambda: build(clean(budget={"review_every_months": 6})),
    "change_management": lambda: build(  # a beginner, with outside advice at reviews
        clean(
            team=[{**TEAM[0], "ai_skill": "beginner"}],
            lines=[{"label": "adviser", "kind": "cost", "line": "advice", "amounts": [1500]}],
        )
    ),
    "no_goals": lambda: build(clean()),
    "no_business_goal": lambda: build(
        clean(
            goals=[
                {**GOAL, "id": "posts", "kpi": "content_output", "baseline": 8, "target": 12},
                GOAL,
            ]
        )
    ),
    "tool_without_goal": lambda: with_tools(
        good_tool("a"), good_tool("b", kpis=["email_open_rate", "conversion_rate"])
    ),
    "training_underbudgeted": lambda: with_tools(
        good_tool("a", training={"fees": 1400}), good_tool("b")
    ),
    "single_tool_reliance": lambda: with_tools(  # 53.5% of tool costs under a 55% cap
        good_tool("a", plans=[{"id": "m", "price": 1200}]),
        good_tool("b"),
        budget={"max_tool_share": 0.55},
    ),
    "no_data_privacy_budget": lambda: with_tools(  # 2.5% of the NT$100,000 budget
        good_tool("a"), good_tool("b", uses_customer_data=True, privacy_cost=2500)
    ),
    "horizon_too_short": lambda: with_tools(good_tool("a", setup_cost=5_000), good_tool("b")),
    "never_pays_back": lambda: with_tools(
        good_tool("a", benefits=[{"kind": "hours_saved", "hours_per_month": 13}]), good_tool("b")
    ),
    "tool_owner_invalid": lambda: build(
        clean(
            team=[
                {"id": "amy", "role": "m", "hourly_cost": 100, "free_hours_per_month": 20},
                {"id": "bob", "role": "m", "hourly_cost": 100, "free_hours_per_month": 4},
            ],
            tools=[good_tool("a"), good_tool("b", owner="bob", training={"fees": 900})],
        )
    ),
    "hours_overcommitted": lambda: with_tools(
        good_tool("a", run_hours_per_month=18, setup_hours=0, training={"fees": 1400}),
        good_tool("b"),
    ),
    "annual_lockin_pilot": lambda: with_tools(
        good_tool("a", plans=[{"id": "y", "billing": "annual", "price": 12_000}], start_month=4),
        good_tool("b"),
    ),
    "free_trial_unused": lambda: with_tools(
        good_tool("a", catalog_id="buffer", free_trial_days=14), good_tool("b")
    ),
    "tool_price_missing": lambda: with_tools(
        good_tool(
            "a",
            plans=[],
            schedules=[
                {"label": "quote", "kind": "cost", "line": "subscription", "amounts": [12000]}
            ],
        ),
        good_tool("b"),
    ),
    "price_stale": lambda: with_tools(
        good_tool("a", plans=[{"id": "m", "price": 1000, "as_of": "2026-06-01"}]), good_tool("b")
    ),
    "pilot_too_many_tools": lambda: with_tools(
        good_tool("a"), good_tool("b"), good_tool("c", start_month=4)
    ),
    "goal_unmeasurable": lambda: goal_plan(baseline=0.5),
    "goal_no_measurement": lambda: goal_plan(measurement="Shop back office"),
    "goal_not_smart": lambda: goal_plan(target=1.6),
}


def test_every_rule_has_a_trigger_and_a_near_miss() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert set(TRIGGERS) == set(ids)
    assert set(NEAR_MISSES) == set(ids)


def test_the_clean_plan_has_no_findings_at_all() -> None:
    assert lint(build(clean()), CATALOG, KPIS) == []


CASES = [(rule_id, *case) for rule_id, cases in TRIGGERS.items() for case in cases]


@pytest.mark.parametrize(
    ("rule_id", "make", "severity", "message_id", "where"),
    CASES,
    ids=[c[3] for c in CASES],
)
def test_a_rule_triggers(
    rule_id: str, make: Callable[[], Plan], severity: Severity, message_id: str, where: str
) -> None:
    found = [(f.severity, f.message_id, f.where) for f in run(make(), rule_id)]
    assert (severity, message_id, where) in found
    for f in run(make(), rule_id):
        assert f.rule == rule_id
        assert f.fix_id == "fix." + f.message_id.removeprefix("lint.")


@pytest.mark.parametrize("rule_id", sorted(NEAR_MISSES))
def test_a_near_miss_does_not_trigger(rule_id: str) -> None:
    assert run(NEAR_MISSES[rule_id](), rule_id) == []


def test_every_emitted_message_id_is_declared_by_its_rule() -> None:
    declared = {r.id: set(r.message_ids) for r in RULES}
    for rule_id, cases in TRIGGERS.items():
        for make, *_ in cases:
            for f in run(make(), rule_id):
                assert {f.message_id, f.fix_id} <= declared[rule_id]


def test_over_budget_figures_compare_spend_with_the_budget_for_the_horizon() -> None:
    (f,) = run(build(clean(budget={"annual_amount": 10_000})), "over_budget")
    # two tools: 12 x 1,000 subscription + 4 h x 100 + 1,000 training each; staff time aside
    assert f.params["spend"] == 2 * (12_000 + 1_400)
    assert f.params["budget"] == 10_000
    assert f.params["over"] == 26_800 - 10_000


def test_committed_hours_follow_the_cash_flow_timing() -> None:
    plan = with_tools(good_tool("a", start_month=3), good_tool("b"))
    amy = committed_hours(plan)["amy"]
    # b: set-up 2 + training 4 in month 0, runs 2 h from month 1; a: the same two months later
    assert amy[:5] == [6, 2, 8, 4, 4]
    assert committed_hours(plan, one_off=False)["amy"][:4] == [0, 2, 2, 4]


def test_errors_sort_first_and_decide_the_exit() -> None:
    plan = build(clean(budget={"annual_amount": 10_000, "review_every_months": None}))
    findings = lint(plan, CATALOG, KPIS)
    assert findings[0].severity is Severity.ERROR
    assert has_errors(findings)
    assert not has_errors(lint(build(clean()), CATALOG, KPIS))


def test_the_example_plans_have_no_error_level_findings(example_path: Path) -> None:
    plan = load_plan(example_path)
    catalog, problems = catalog_for(plan.catalog)
    assert problems == []
    findings = lint(plan, catalog, KPIS)
    errors = [(f.rule, f.where) for f in findings if f.severity is Severity.ERROR]
    assert errors == []


@pytest.mark.parametrize("doc", ["guidance.md", "guidance-zh-TW.md"])
def test_every_rule_is_documented(doc: str) -> None:
    text = (Path(__file__).resolve().parents[2] / "docs" / doc).read_text(encoding="utf-8")
    assert [r.id for r in RULES if f"| `{r.id}` |" not in text] == []


def test_yearly_spend_puts_the_initial_month_in_year_one() -> None:
    plan = build(
        clean(
            horizon={"months": 24},
            budget={"annual_amount": 45_000},
            tools=[good_tool("a", setup_cost=30_000), good_tool("b")],
        )
    )
    (f,) = run(plan, "over_budget")
    # year 1: set-up 30,000 + training 2 x 1,400 + 2 x 12 x 1,000; year 2: 2 x 12 x 1,000
    assert (f.params["year"], f.params["spend"], f.params["budget"]) == (1, 56_800, 45_000)
