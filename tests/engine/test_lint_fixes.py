"""One-click fixes of the health check: each remedy, applied to the plan document, leaves
a valid plan in which its finding is gone (and the rules that need judgement have none)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import pytest

from aibudget.catalog import kpi_ids
from aibudget.domain.guidance import CatalogTool, Finding, Remedy, SetValue, Trial
from aibudget.domain.plan import Plan
from aibudget.domain.validate import parse_plan
from aibudget.engine.lint import lint
from aibudget.engine.lint.remedy import RemedyError, apply_remedy
from aibudget.engine.lint.rules_privacy import privacy_suggestion
from tests.engine.test_lint import CASES, CATALOG, KPIS, goal_plan, good_tool, with_tools

REMEDIED = {
    "lint.no_reserve",
    "lint.no_review_date",
    "lint.no_review_date.rare",
    "lint.training_underbudgeted.tool",
    "lint.no_data_privacy_budget",
    "lint.no_data_privacy_budget.low",
    "lint.tool_owner_invalid.missing",
    "lint.tool_owner_invalid.no_time",
    "lint.annual_lockin_pilot",
    "lint.annual_lockin_pilot.switch",
    "lint.free_trial_unused.trial",
    "lint.free_trial_unused.free_plan",
    "lint.pilot_too_many_tools",
    "lint.goal_no_measurement",
    "lint.goal_not_smart.wrong_direction",
    "lint.goal_not_smart.no_deadline",
    "lint.goal_not_smart.too_fast",
}


def document(plan: Plan) -> dict[str, Any]:
    return plan.model_dump(mode="json", by_alias=True, exclude_none=True)


def same(a: Finding, b: Finding) -> bool:
    return a.message_id == b.message_id and a.path[:2] == b.path[:2]


TRIAL_CATALOG = {
    **CATALOG,
    "hootsuite": CATALOG["hootsuite"].model_copy(update={"trial": Trial(offered=True, days=30)}),
}


def extra_cases() -> list[tuple[Plan, Mapping[str, CatalogTool]]]:
    """Triggers the rule table does not hold: a tool owner with no time, a catalog tool
    with a free plan and one whose trial length is known."""
    team = [
        {
            "id": "amy",
            "name": "Amy",
            "role": "owner",
            "hourly_cost": 500,
            "free_hours_per_month": 0,
        },
        {"id": "bo", "name": "Bo", "role": "staff", "hourly_cost": 300, "free_hours_per_month": 40},
    ]
    tools = [good_tool("a", catalog_id="buffer"), good_tool("b", catalog_id="hootsuite")]
    return [
        (with_tools(*tools, team=team), TRIAL_CATALOG),
    ]


def all_findings() -> list[tuple[Plan, Mapping[str, CatalogTool], Finding]]:
    plans = [(make(), CATALOG) for _, make, *_ in CASES] + extra_cases()
    return [(plan, cat, f) for plan, cat in plans for f in lint(plan, cat, KPIS)]


FOUND = all_findings()
FIXABLE = [(plan, cat, f) for plan, cat, f in FOUND if f.remedy is not None]


def test_every_mechanical_fix_has_a_remedy() -> None:
    assert {f.message_id for _, _, f in FIXABLE} == REMEDIED


def test_findings_that_need_judgement_have_no_remedy() -> None:
    judged = {f.message_id for _, _, f in FOUND if f.remedy is None}
    for message_id in ("lint.over_budget", "lint.single_tool_reliance", "lint.never_pays_back"):
        assert message_id in judged


@pytest.mark.parametrize(
    ("plan", "catalog", "found"), FIXABLE, ids=[f.message_id for _, _, f in FIXABLE]
)
def test_a_remedy_makes_its_finding_go_away(
    plan: Plan, catalog: Mapping[str, CatalogTool], found: Finding
) -> None:
    assert found.remedy is not None
    fixed = parse_plan(apply_remedy(document(plan), found.remedy), kpi_ids())
    after = lint(fixed, catalog, KPIS)
    assert not [f for f in after if same(f, found)], found.remedy
    assert fixed != plan


def test_a_remedy_changes_only_what_it_names() -> None:
    plan = goal_plan()
    data = document(plan)
    fix = Remedy(
        note_id="remedy.review", sets=(SetValue(path=("budget", "review_every_months"), value=6),)
    )
    changed = apply_remedy(data, fix)
    assert changed["budget"]["review_every_months"] == 6
    assert {k: v for k, v in changed.items() if k != "budget"} == {
        k: v for k, v in data.items() if k != "budget"
    }
    assert data["budget"].get("review_every_months") != 6  # the original is untouched


def test_a_remedy_for_an_item_that_is_gone_is_refused() -> None:
    fix = Remedy(
        note_id="remedy.trial", sets=(SetValue(path=("tools", 9, "free_trial_days"), value=7),)
    )
    with pytest.raises(RemedyError):
        apply_remedy(document(goal_plan()), fix)


def test_the_privacy_line_suggested_is_a_rounded_share_of_the_budget() -> None:
    assert privacy_suggestion(Decimal(120_000)) == Decimal(6000)
    assert privacy_suggestion(Decimal(50_001)) == Decimal(2600)
    assert privacy_suggestion(Decimal(0)) == Decimal(0)
