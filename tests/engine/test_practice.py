"""Confidence by practice: the learning log's sums and agenda, the skill defaults and the
tool comparison, each against a value worked out by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from aibudget.catalog import tool_catalog
from aibudget.domain.plan import SkillLevel
from aibudget.domain.practice import (
    SKILL_DEFAULTS,
    Comparison,
    LearningEntry,
    Stack,
    ToolScores,
    Weights,
)
from aibudget.engine.compare import monthly_bill, rank, stack_names
from aibudget.engine.practice import agenda, minutes_by_tool, recent_wins, review_wins
from aibudget.planfile import load_plan

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "taipei-cafe.yaml"


def _entry(tool: str, minutes: int, day: str, tip: str = "") -> LearningEntry:
    return LearningEntry(
        tool=tool,
        who="小陳",
        tried="試用",
        minutes_saved=minutes,
        tip=tip,
        on=date.fromisoformat(day),
    )


def test_the_agenda_keeps_its_month_and_names_the_top_tool() -> None:
    entries = [
        _entry("a", 30, "2027-01-05", "先給範例"),
        _entry("b", 50, "2027-01-09"),
        _entry("a", 40, "2027-01-20"),
        _entry("b", 500, "2027-02-01"),  # another month: not on January's agenda
    ]
    january = agenda(entries, "2027-01")
    assert len(january.entries) == 3 and [e.tip for e in january.tips] == ["先給範例"]
    assert (january.top_tool, january.top_minutes) == ("a", 70)
    assert january.question == "practice.question.top"
    assert agenda(entries, "2027-03").question == "practice.question.none"
    assert agenda([_entry("a", 0, "2027-01-01")], "2027-01").question == (
        "practice.question.no_minutes"
    )
    assert minutes_by_tool(entries) == {"a": 70, "b": 550}
    assert [e.minutes_saved for e in recent_wins([_entry("a", 0, "2027-01-01"), *entries])] == [
        30, 50, 40,
    ]  # fmt: skip


def test_less_skill_means_a_slower_ramp_and_more_training() -> None:
    order = [SkillLevel.NONE, SkillLevel.BEGINNER, SkillLevel.INTERMEDIATE, SkillLevel.ADVANCED]
    ramps = [SKILL_DEFAULTS[s.value].ramp_months for s in order]
    hours = [SKILL_DEFAULTS[s.value].training_hours for s in order]
    assert ramps == sorted(ramps, reverse=True) and hours == sorted(hours, reverse=True)
    assert ramps[0] > ramps[-1] and hours[0] > hours[-1]
    assert set(SKILL_DEFAULTS) == {s.value for s in SkillLevel}  # every level has a rule


def test_the_ranking_is_the_weighted_mean_of_the_scores() -> None:
    plan = load_plan(EXAMPLE)
    weights = Weights(features=1, cost=2, ease=0, chinese=0, integration=0, support=3)
    own = [ToolScores(tool=t.id, support=s) for t, s in zip(plan.tools, (5, 1, 3), strict=True)]
    plan = plan.model_copy(update={"comparison": Comparison(weights=weights, scores=own)})
    ranked = rank(plan, tool_catalog())
    for r in ranked:
        by_hand = (
            1 * r.scores["features"].score
            + 2 * r.scores["cost"].score
            + 3 * r.scores["support"].score
        ) / Decimal(6)
        assert abs(r.total - by_hand) <= Decimal("0.05")
        assert all(1 <= s.score <= 5 for s in r.scores.values())
        assert r.scores["support"].source == "owner"
    assert [r.total for r in ranked] == sorted((r.total for r in ranked), reverse=True)
    bills = {t.id: monthly_bill(plan, t) for t in plan.tools}
    dearest = max(bills, key=lambda k: bills[k] or 0)
    assert next(r for r in ranked if r.tool == dearest).scores["cost"].score == 1


def test_missing_data_counts_as_three_and_the_stack_is_matched() -> None:
    plan = load_plan(EXAMPLE)
    none = rank(plan, {})  # no catalog at all
    assert all(r.scores["ease"].score == 3 and r.scores["ease"].source == "none" for r in none)
    stack = Stack(website="WordPress", crm="Google Sheets、HubSpot", line_oa=True)
    assert stack_names(stack) == ["WordPress", "Google Sheets", "HubSpot", "LINE"]
    with_stack = rank(plan.model_copy(update={"stack": stack}), tool_catalog())
    catalog = tool_catalog()
    for r in with_stack:
        tool = next(t for t in plan.tools if t.id == r.tool)
        listed = catalog[tool.catalog_id].integrations if tool.catalog_id in catalog else []
        expected = [n for n in stack_names(stack) if any(n.lower() in i.lower() for i in listed)]
        assert r.matched == expected


def test_review_wins_name_the_newest_month_above_plan() -> None:
    from aibudget.cli.monitor import load_actuals
    from aibudget.engine.review import review
    from aibudget.i18n import Translator

    plan = load_plan(EXAMPLE)
    stored = load_actuals(plan, [EXAMPLE.with_name("taipei-cafe-actuals.csv")], Translator("en"))
    result = review(plan, stored)
    wins = review_wins(result)
    series = result.monthly
    by_hand = [  # months whose recorded benefits beat the plan, worked out again here
        series.months[i]
        for i in range(len(series.months))
        if series.actual_benefits[i] is not None
        and series.plan_benefits[i] > 0
        and series.actual_benefits[i] > series.plan_benefits[i]  # type: ignore[operator]
    ]
    assert by_hand  # the example has such months
    above = [w.month for w in wins if w.message_id == "practice.win.month_above_plan"]
    assert above == by_hand[-1:]
    assert len([w for w in wins if w.message_id.startswith("monitor.milestone.")]) == len(
        result.milestones
    )
