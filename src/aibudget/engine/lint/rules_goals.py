"""Health-check rules on goals: the SMART check of each goal (one rule set, not two), and
the goals and tools taken together (at least one goal, a business result among them,
every tool serving a goal)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from aibudget.domain.guidance import Finding, Remedy, Severity, SmartFailure
from aibudget.domain.plan import Goal
from aibudget.domain.texts import N_
from aibudget.engine.lint.base import LintContext, finding, remedy, rule
from aibudget.engine.smart import tool_serves

UNMEASURABLE = ("kpi_unknown", "no_target", "no_baseline")
NOT_SMART = (
    "wrong_direction",
    "implausible",
    "too_fast",
    "no_funded_tool",
    "no_deadline",
    "deadline_before_start",
    "deadline_after_horizon",
)
_FIELD = {
    "kpi_unknown": "kpi",
    "no_target": "target",
    "no_baseline": "baseline",
    "no_measurement": "measurement",
    "wrong_direction": "target",
    "implausible": "target",
    "too_fast": "target",
    "no_funded_tool": "kpi",
    "no_deadline": "deadline",
    "deadline_before_start": "deadline",
    "deadline_after_horizon": "deadline",
}


def _findings(ctx: LintContext, rule_id: str, codes: tuple[str, ...]) -> Iterator[Finding]:
    for check in ctx.smart:
        goal = ctx.plan.goals[check.goal_index]
        for failure in check.failures:
            if failure.code in codes:
                yield finding(
                    rule_id,
                    Severity.WARNING,
                    ("goals", check.goal_index, _FIELD[failure.code]),
                    failure.code,
                    remedy=_remedy(ctx, check.goal_index, goal, failure),
                    goal=goal.name,
                    letter=failure.letter,
                    **_named(ctx, failure.params),
                )


def _named(ctx: LintContext, params: dict[str, Any]) -> dict[str, Any]:
    """A library KPI by its name in both languages rather than its id."""
    entry = ctx.kpis.get(str(params.get("kpi")))
    if entry is None:
        return params
    return {**params, "kpi": entry.name.model_dump(by_alias=True)}


def _remedy(ctx: LintContext, index: int, goal: Goal, failure: SmartFailure) -> Remedy | None:
    """A deadline at the end of the horizon; a target and baseline the wrong way round
    swapped; a target too fast for its KPI brought to the pace the library expects. The
    other misses need the owner's own figures."""
    if failure.code in ("no_deadline", "deadline_before_start", "deadline_after_horizon"):
        end = ctx.plan.calendar_month(ctx.plan.horizon.months)
        return remedy("deadline", (("goals", index, "deadline"), end), goal=goal.name, month=end)
    if failure.code == "too_fast":
        target = failure.params["reachable"]
        return remedy("target", (("goals", index, "target"), target), goal=goal.name, target=target)
    if failure.code == "wrong_direction" and goal.baseline is not None and goal.target is not None:
        return remedy(
            "swap",
            (("goals", index, "baseline"), str(goal.target)),
            (("goals", index, "target"), str(goal.baseline)),
            goal=goal.name,
        )
    return None


@rule("goal_unmeasurable", Severity.WARNING, UNMEASURABLE)
def goal_unmeasurable(ctx: LintContext) -> Iterator[Finding]:
    """A goal without a library KPI, a target or a baseline cannot be measured."""
    yield from _findings(ctx, "goal_unmeasurable", UNMEASURABLE)


@rule("goal_no_measurement", Severity.WARNING)
def goal_no_measurement(ctx: LintContext) -> Iterator[Finding]:
    """A goal that does not say how its KPI will be measured; the library suggests how."""
    for check in ctx.smart:
        goal = ctx.plan.goals[check.goal_index]
        if any(f.code == "no_measurement" for f in check.failures):
            entry = ctx.kpis.get(goal.kpi)
            method = entry.measure.model_dump(by_alias=True) if entry else {"en": "-", "zh-TW": "-"}
            path = ("goals", check.goal_index, "measurement")
            fix = None
            if entry is not None:
                words = entry.measure.get(ctx.plan.company.locale.value)
                fix = remedy("measurement", (path, words), goal=goal.name)
            yield finding(
                "goal_no_measurement",
                Severity.WARNING,
                path,
                fix_params={"method": method},
                remedy=fix,
                goal=goal.name,
            )


@rule("goal_not_smart", Severity.WARNING, NOT_SMART)
def goal_not_smart(ctx: LintContext) -> Iterator[Finding]:
    """Other SMART misses: direction, plausibility, relevance (a funded tool), deadline."""
    yield from _findings(ctx, "goal_not_smart", NOT_SMART)


@rule("no_goals", Severity.ERROR)
def no_goals(ctx: LintContext) -> Iterator[Finding]:
    """A plan needs at least one measurable goal, or nobody can tell whether it works."""
    if not ctx.plan.goals:
        yield finding("no_goals", Severity.ERROR, ("goals",))


@rule("no_business_goal", Severity.WARNING)
def no_business_goal(ctx: LintContext) -> Iterator[Finding]:
    """Goals that measure only activity or channels (hours saved, posts, engagement) and
    no business result (revenue, conversion, leads, customer value)."""
    goals = ctx.plan.goals
    if goals and not any(
        (entry := ctx.kpis.get(g.kpi)) is not None and entry.level == "result" for g in goals
    ):
        yield finding("no_business_goal", Severity.WARNING, ("goals",))


@rule("tool_without_goal", Severity.WARNING)
def tool_without_goal(ctx: LintContext) -> Iterator[Finding]:
    """A tool whose KPIs match no goal: money that no goal asks for."""
    goals = ctx.plan.goals
    if not goals:
        return
    for i, tool in enumerate(ctx.plan.tools):
        if not any(tool_serves(tool, g.kpi) for g in goals):
            yield finding(
                "tool_without_goal", Severity.WARNING, ("tools", i, "kpis"), tool=tool.name
            )


# Message ids built at run time in this module, declared for message extraction.
MESSAGES = (
    N_("fix.goal_no_measurement"),
    N_("fix.goal_not_smart.deadline_after_horizon"),
    N_("fix.goal_not_smart.deadline_before_start"),
    N_("fix.goal_not_smart.implausible"),
    N_("fix.goal_not_smart.no_deadline"),
    N_("fix.goal_not_smart.no_funded_tool"),
    N_("fix.goal_not_smart.too_fast"),
    N_("fix.goal_not_smart.wrong_direction"),
    N_("fix.goal_unmeasurable.kpi_unknown"),
    N_("fix.goal_unmeasurable.no_baseline"),
    N_("fix.goal_unmeasurable.no_target"),
    N_("fix.no_business_goal"),
    N_("fix.no_goals"),
    N_("fix.tool_without_goal"),
    N_("lint.goal_no_measurement"),
    N_("lint.goal_not_smart.deadline_after_horizon"),
    N_("lint.goal_not_smart.deadline_before_start"),
    N_("lint.goal_not_smart.implausible"),
    N_("lint.goal_not_smart.no_deadline"),
    N_("lint.goal_not_smart.no_funded_tool"),
    N_("lint.goal_not_smart.too_fast"),
    N_("lint.goal_not_smart.wrong_direction"),
    N_("lint.goal_unmeasurable.kpi_unknown"),
    N_("lint.goal_unmeasurable.no_baseline"),
    N_("lint.goal_unmeasurable.no_target"),
    N_("lint.no_business_goal"),
    N_("lint.no_goals"),
    N_("lint.tool_without_goal"),
)
