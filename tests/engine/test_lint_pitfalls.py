"""Health check: each classic pitfall, committed in each way an owner commits it, is
caught with its severity; the plan next to it that avoids the pitfall is not."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from aibudget.catalog import catalog_for, kpi_ids
from aibudget.domain.guidance import Finding, Severity
from aibudget.domain.plan import Plan
from aibudget.domain.validate import parse_plan
from aibudget.engine.lint import has_errors, lint
from aibudget.engine.lint.remedy import apply_remedy
from aibudget.engine.smart import check_goal
from aibudget.i18n import Translator
from aibudget.planfile import load_plan
from aibudget.present.guidance import format_params
from tests.engine.test_lint import CATALOG, GOAL, KPIS, TEAM, build, clean, good_tool

NEW_RULES = (
    "no_goals",
    "no_business_goal",
    "tool_without_goal",
    "change_management",
    "no_data_privacy_budget",
    "no_review_date",
    "goal_not_smart",
)


def found(plan: Plan, rule_id: str) -> list[Finding]:
    return lint(plan, CATALOG, KPIS, rules=[rule_id])


def message_ids(plan: Plan, rule_id: str) -> list[tuple[Severity, str]]:
    return [(f.severity, f.message_id) for f in found(plan, rule_id)]


def goal(**change: Any) -> dict[str, Any]:
    return {**GOAL, **change}


def fixed(plan: Plan, finding: Finding) -> Plan:
    assert finding.remedy is not None
    document = plan.model_dump(mode="json", by_alias=True, exclude_none=True)
    return parse_plan(apply_remedy(document, finding.remedy), kpi_ids())


# --- goals ------------------------------------------------------------------------------


def test_a_plan_without_goals_is_an_error() -> None:
    plan = build(clean(goals=[]))
    (f,) = found(plan, "no_goals")
    assert (f.severity, f.message_id, f.where) == (Severity.ERROR, "lint.no_goals", "goals")
    assert has_errors(lint(plan, CATALOG, KPIS))
    assert found(build(clean()), "no_goals") == []


@pytest.mark.parametrize(
    "goals",
    [
        [goal(kpi="hours_saved", baseline=0, target=20)],
        [goal(kpi="content_output", baseline=8, target=12)],
        [
            goal(kpi="hours_saved", baseline=0, target=20),
            goal(id="posts", kpi="content_output", baseline=8, target=12),
        ],
        [goal(kpi="engagement_rate", baseline=1.5, target=2)],  # a channel, not a result
    ],
    ids=["hours saved", "content output", "both activities", "engagement"],
)
def test_goals_without_a_business_result_are_a_warning(goals: list[dict[str, Any]]) -> None:
    plan = build(clean(goals=goals))
    assert message_ids(plan, "no_business_goal") == [(Severity.WARNING, "lint.no_business_goal")]


@pytest.mark.parametrize(
    "kpi", ["conversion_rate", "online_revenue", "qualified_leads", "customer_lifetime_value"]
)
def test_one_business_result_among_activity_goals_is_enough(kpi: str) -> None:
    result = goal(id="result", kpi=kpi, baseline=100, target=110)
    activity = goal(kpi="hours_saved", baseline=0, target=20)
    assert found(build(clean(goals=[activity, result])), "no_business_goal") == []


def test_a_tool_whose_kpis_match_no_goal_is_named() -> None:
    plan = build(
        clean(
            tools=[
                good_tool("a"),
                good_tool("b", name="Email robot", kpis=["email_open_rate"]),
                good_tool("c", name="Idle tool", kpis=[], start_month=4),
            ]
        )
    )
    findings = found(plan, "tool_without_goal")
    assert [(f.severity, f.where, f.params["tool"]) for f in findings] == [
        (Severity.WARNING, "tools[1].kpis", "Email robot"),
        (Severity.WARNING, "tools[2].kpis", "Idle tool"),
    ]


def test_a_kpi_effect_on_a_goal_counts_as_serving_it() -> None:
    effect = {"kind": "kpi_effect", "kpi": "conversion_rate", "change": [0.1, 0.2, 0.3]}
    plan = build(clean(tools=[good_tool("a"), good_tool("b", kpis=[], benefits=[effect])]))
    assert found(plan, "tool_without_goal") == []


def test_without_goals_only_the_missing_goals_are_reported_not_every_tool() -> None:
    assert found(build(clean(goals=[])), "tool_without_goal") == []


# --- target against baseline -------------------------------------------------------------


def test_a_target_ten_times_its_baseline_is_too_fast() -> None:
    plan = build(clean(goals=[goal(baseline=0.5, target=5)]))  # conversion, 8 months
    (f,) = found(plan, "goal_not_smart")
    assert (f.severity, f.message_id, f.where) == (
        Severity.WARNING,
        "lint.goal_not_smart.too_fast",
        "goals[0].target",
    )
    # 10 ** (1/8) = 1.334: a third more every month, against a 10% ceiling
    assert f.params["pace_share"] == Decimal("0.334")
    assert f.params["max_share"] == Decimal("0.1")
    assert f.params["months"] == 8
    assert f.params["letter"] == "A"
    assert f.fix_params["reachable"] == "1.07"  # 0.5 x 1.1 ** 8 = 1.0718, rounded down


def test_a_cost_kpi_cut_too_fast_is_caught_too() -> None:
    cac = goal(kpi="customer_acquisition_cost", baseline=3500, target=500)
    plan = build(clean(goals=[cac], tools=[good_tool("a", kpis=["customer_acquisition_cost"])]))
    codes = [f.message_id for f in found(plan, "goal_not_smart")]
    assert codes == ["lint.goal_not_smart.too_fast"]


@pytest.mark.parametrize(
    "change",
    [
        {"baseline": 1.5, "target": 2.5},  # 6.6% a month
        {"baseline": 1, "target": 2.14},  # 1.1 ** 8 = 2.1436: just under the ceiling
        {"kpi": "first_response_time", "baseline": 240, "target": 5},  # a bot answers at once
        {"kpi": "hours_saved", "baseline": 0, "target": 40},  # a flow from zero: no ceiling
    ],
    ids=["steady", "just under the ceiling", "no ceiling", "from zero"],
)
def test_a_plausible_pace_is_not_flagged(change: dict[str, Any]) -> None:
    kpi = change.get("kpi", "conversion_rate")
    plan = build(clean(goals=[goal(**change)], tools=[good_tool("a", kpis=[kpi])]))
    assert "too_fast" not in [f.code for f in check_goal(plan, 0, KPIS).failures]


def test_a_target_outside_the_typical_range_is_not_also_called_too_fast() -> None:
    plan = build(clean(goals=[goal(target=40)]))
    codes = [f.code for f in check_goal(plan, 0, KPIS).failures]
    assert codes == ["implausible"]


def test_the_too_fast_fix_sets_the_target_the_pace_allows() -> None:
    plan = build(clean(goals=[goal(baseline=0.5, target=5)]))
    (f,) = found(plan, "goal_not_smart")
    after = fixed(plan, f)
    assert after.goals[0].target == Decimal("1.07")
    assert found(after, "goal_not_smart") == []


# --- customer data and privacy -----------------------------------------------------------


def hand_entered(**fields: Any) -> dict[str, Any]:
    """A tool typed in by the owner: no catalog entry, the customer-data box left empty."""
    return good_tool("b", name="Hand-entered", **fields)


@pytest.mark.parametrize(
    "fields",
    [
        {"category": "chatbot"},
        {"category": "customer_data"},
        {"category": "email"},
        {"category": "ad_optimisation", "kpis": ["conversion_rate", "repeat_purchase_rate"]},
        {"kpis": ["conversion_rate", "line_friends"]},
        {
            "benefits": [
                {"kind": "hours_saved", "hours_per_month": 20},
                {"kind": "kpi_effect", "kpi": "block_rate", "change": [-2, -1, 0]},
            ]
        },
        {"uses_customer_data": True},
    ],
    ids=[
        "chatbot",
        "customer data platform",
        "email",
        "ads on customer lists",
        "LINE friends",
        "effect on block rate",
        "flag",
    ],
)
def test_customer_data_is_inferred_for_a_hand_entered_tool(fields: dict[str, Any]) -> None:
    plan = build(clean(tools=[good_tool("a"), hand_entered(**fields)]))
    (f,) = found(plan, "no_data_privacy_budget")
    assert (f.severity, f.message_id, f.where) == (
        Severity.WARNING,
        "lint.no_data_privacy_budget",
        "tools[1].privacy_cost",
    )
    assert f.params["tool"] == "Hand-entered"


def test_a_catalog_chatbot_counts_even_when_the_plan_says_other() -> None:
    chatbot = next(e for e in CATALOG.values() if e.category.value == "chatbot")
    plan = build(clean(tools=[good_tool("a"), good_tool("b", catalog_id=chatbot.id)]))
    assert [f.where for f in found(plan, "no_data_privacy_budget")] == ["tools[1].privacy_cost"]


@pytest.mark.parametrize(
    "fields",
    [
        {"category": "content_writing", "kpis": ["conversion_rate", "content_output"]},
        {"category": "ad_optimisation", "kpis": ["conversion_rate", "customer_acquisition_cost"]},
        {"category": "seo", "kpis": ["conversion_rate", "qualified_leads"]},
    ],
    ids=["content", "ads without customer lists", "seo for leads"],
)
def test_tools_that_keep_no_customer_data_need_no_privacy_line(fields: dict[str, Any]) -> None:
    plan = build(clean(tools=[good_tool("a"), hand_entered(**fields)]))
    assert found(plan, "no_data_privacy_budget") == []


@pytest.mark.parametrize(
    ("tool_fields", "sections"),
    [
        ({"privacy_cost": 1}, {}),
        ({}, {"budget": {"data_privacy_annual": 1}}),
        (
            {},
            {
                "lines": [
                    {"label": "privacy", "kind": "cost", "line": "data_privacy", "amounts": [1]}
                ]
            },
        ),
        ({"privacy_cost": 2499}, {}),
    ],
    ids=["NT$1 on the tool", "NT$1 a year in the budget", "NT$1 plan line", "just under"],
)
def test_a_token_privacy_line_does_not_silence_the_warning(
    tool_fields: dict[str, Any], sections: dict[str, Any]
) -> None:
    tools = [good_tool("a"), hand_entered(category="chatbot", **tool_fields)]
    plan = build(clean(tools=tools, **sections))
    (f,) = found(plan, "no_data_privacy_budget")
    assert (f.severity, f.message_id, f.where) == (
        Severity.WARNING,
        "lint.no_data_privacy_budget.low",
        "budget.data_privacy_annual",
    )
    # the minimum is 2.5% of the NT$100,000 yearly AI budget, and the message says so
    assert f.params["minimum"] == Decimal(2500)
    assert f.params["min_share"] == Decimal("0.025")
    assert f.params["tools"] == {"en": "Hand-entered", "zh-TW": "Hand-entered"}
    assert found(fixed(plan, f), "no_data_privacy_budget") == []


def test_the_minimum_itself_is_enough() -> None:
    yearly = clean(
        tools=[good_tool("a"), hand_entered(category="email")],
        budget={"data_privacy_annual": 2500},
    )
    one_off = clean(tools=[good_tool("a"), hand_entered(category="email", privacy_cost=2500)])
    assert found(build(yearly), "no_data_privacy_budget") == []
    assert found(build(one_off), "no_data_privacy_budget") == []


def test_a_one_off_privacy_cost_counts_per_year_of_the_horizon() -> None:
    # NT$3,000 over 24 months is NT$1,500 a year, under the NT$2,500 minimum
    plan = build(
        clean(
            horizon={"months": 24},
            tools=[good_tool("a"), hand_entered(category="email", privacy_cost=3000)],
        )
    )
    (f,) = found(plan, "no_data_privacy_budget")
    assert (f.message_id, f.params["money"]) == ("lint.no_data_privacy_budget.low", 1500)


@pytest.mark.parametrize("variant", ["", ".low"])
def test_the_privacy_finding_carries_a_pdpa_checklist_in_both_languages(variant: str) -> None:
    english = Translator("en")(f"lint.no_data_privacy_budget{variant}")
    chinese = Translator("zh-TW")(f"lint.no_data_privacy_budget{variant}")
    for words in ("art. 8", "art. 20", "art. 4", "enforcement rules", "consumer AI", "refuse"):
        assert words in english
    for words in ("個資法", "第 8 條", "第 20 條", "第 4 條", "施行細則", "拒絕", "同意"):
        assert words in chinese
    assert "NT$" not in english and "新臺幣" not in chinese  # no penalty figure


def test_the_low_privacy_message_states_the_minimum_in_the_owners_words() -> None:
    plan = build(clean(tools=[good_tool("a"), hand_entered(category="chatbot", privacy_cost=1)]))
    (f,) = found(plan, "no_data_privacy_budget")
    t = Translator("en")
    text = t(f.message_id, **format_params(t, f.params, plan.currency))
    assert "2,500" in text and "2.5%" in text and "Hand-entered" in text


# --- review cadence ----------------------------------------------------------------------


@pytest.mark.parametrize("months", [7, 12])
def test_a_review_more_than_six_months_apart_is_a_warning(months: int) -> None:
    plan = build(clean(budget={"review_every_months": months}))
    (f,) = found(plan, "no_review_date")
    assert (f.severity, f.message_id) == (Severity.WARNING, "lint.no_review_date.rare")
    assert (f.params["months"], f.fix_params["months"]) == (months, 3)
    after = fixed(plan, f)
    assert after.budget.review_every_months == 3
    assert found(after, "no_review_date") == []


def test_a_half_yearly_review_is_accepted() -> None:
    assert found(build(clean(budget={"review_every_months": 6})), "no_review_date") == []


# --- change management -------------------------------------------------------------------


def novices(*skills: str) -> list[dict[str, Any]]:
    return [{**TEAM[0], "id": f"m{i}", "ai_skill": s} for i, s in enumerate(skills)]


def team_plan(*skills: str, **sections: Any) -> Plan:
    team = [TEAM[0], *novices(*skills)]
    return build(clean(team=team, **sections))


def test_a_team_new_to_ai_with_tool_training_only_is_a_warning() -> None:
    plan = team_plan("none", "beginner")  # two of three new to AI
    (f,) = found(plan, "change_management")
    assert (f.severity, f.message_id, f.where) == (
        Severity.WARNING,
        "lint.change_management",
        "lines",
    )
    assert (f.params["novices"], f.params["members"]) == (2, 3)
    assert f.params["min_share"] == Decimal("0.15")  # the 10% training minimum + 5%
    t = Translator("zh-TW")
    assert "變革管理" in t(f.message_id, **format_params(t, f.params, plan.currency))
    assert "外部顧問" in t(f.fix_id, **format_params(t, f.fix_params, plan.currency))


def test_the_advice_suggested_is_enough_once_added() -> None:
    plan = team_plan("none", "beginner")
    (f,) = found(plan, "change_management")
    advice = {"label": "adviser", "kind": "cost", "line": "advice", "amounts": [f.params["amount"]]}
    assert found(team_plan("none", "beginner", lines=[advice]), "change_management") == []
    token = {**advice, "amounts": [1]}
    assert found(team_plan("none", "beginner", lines=[token]), "change_management")


@pytest.mark.parametrize(
    ("skills", "sections"),
    [
        (("intermediate", "beginner"), {}),  # one of three new to AI: not most of the team
        (("none",), {}),  # half the team: not most of it
        (("none", "beginner"), {"tools": [good_tool("a", training={"fees": 3000})]}),
        (("none", "beginner"), {"tools": []}),
    ],
    ids=["skilled team", "half the team", "generous training", "no tools"],
)
def test_change_management_is_not_asked_for(
    skills: tuple[str, ...], sections: dict[str, Any]
) -> None:
    assert found(team_plan(*skills, **sections), "change_management") == []


# --- the example plans -------------------------------------------------------------------


def test_the_example_plans_avoid_the_new_pitfalls(example_path: Path) -> None:
    plan = load_plan(example_path)
    catalog, _ = catalog_for(plan.catalog)
    findings = lint(plan, catalog, KPIS, rules=NEW_RULES)
    assert [(f.message_id, f.where) for f in findings] == []
