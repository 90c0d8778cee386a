"""SMART check of goals: which letter a goal misses, and why.

- S (specific): a KPI from the library and a target value;
- M (measurable): a baseline to measure progress from, and a way to measure it;
- A (achievable): the target moves the KPI in its good direction, stays inside the
  KPI's typical range for small businesses, and needs no faster pace from the baseline
  to the deadline than the library's ceiling for the KPI (``max_monthly_change``);
- R (relevant): at least one funded tool serves the goal's KPI;
- T (time-bound): a deadline after the start and inside the plan's horizon.

"Funded" tools are passed in; by default every tool in the plan counts as funded.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Protocol

from aibudget.domain.guidance import KpiEntry, SmartCheck, SmartFailure, SmartLetter
from aibudget.domain.months import months_between
from aibudget.domain.plan import Goal, KpiEffect, Plan, Tool
from aibudget.domain.texts import N_

PACE_PLACES = Decimal("0.001")


class _Fail(Protocol):
    """Signature of the ``fail`` callback."""

    def __call__(self, letter: SmartLetter, code: str, **params: object) -> None: ...


def tool_serves(tool: Tool, kpi: str) -> bool:
    """A tool serves a KPI it lists, or one it has a KPI effect on."""
    return kpi in tool.kpis or any(isinstance(b, KpiEffect) and b.kpi == kpi for b in tool.benefits)


def check_goal(
    plan: Plan,
    index: int,
    kpis: Mapping[str, KpiEntry],
    funded: Collection[str] | None = None,
) -> SmartCheck:
    goal = plan.goals[index]
    failures: list[SmartFailure] = []

    def fail(letter: SmartLetter, code: str, **params: object) -> None:
        failures.append(
            SmartFailure(letter=letter, code=code, message_id=f"smart.{code}", params=params)
        )

    entry = kpis.get(goal.kpi)
    if entry is None:
        fail("S", "kpi_unknown", kpi=goal.kpi)
    if goal.target is None:
        fail("S", "no_target")
    if goal.baseline is None:
        fail("M", "no_baseline")
    if not (goal.measurement or "").strip():
        fail("M", "no_measurement")
    if entry is not None and goal.target is not None:
        _achievable(goal, entry, fail)
        if not any(f.code in ("wrong_direction", "implausible") for f in failures):
            _pace(plan, goal, entry, fail)
    funded_ids = {t.id for t in plan.tools} if funded is None else set(funded)
    if not any(t.id in funded_ids and tool_serves(t, goal.kpi) for t in plan.tools):
        fail("R", "no_funded_tool", kpi=goal.kpi)
    _time_bound(plan, goal, fail)
    return SmartCheck(goal_id=goal.id, goal_index=index, failures=failures)


def _achievable(goal: Goal, entry: KpiEntry, fail: _Fail) -> None:
    assert goal.target is not None
    if goal.baseline is not None:
        moves_up = goal.target > goal.baseline
        good = moves_up if entry.direction == "up" else goal.target < goal.baseline
        if not good:
            fail(
                "A",
                "wrong_direction",
                baseline=str(goal.baseline),
                target=str(goal.target),
                direction=entry.direction,
            )
    if not entry.typical.low <= goal.target <= entry.typical.high:
        fail(
            "A",
            "implausible",
            target=str(goal.target),
            low=str(entry.typical.low),
            high=str(entry.typical.high),
        )


def _pace(plan: Plan, goal: Goal, entry: KpiEntry, fail: _Fail) -> None:
    """A target the KPI would have to move towards faster, month after month, than a
    small business usually sustains (compounded from the baseline to the deadline)."""
    ceiling = entry.max_monthly_change
    if ceiling is None or goal.baseline is None or goal.target is None or goal.deadline is None:
        return
    months = months_between(plan.horizon.start, goal.deadline)
    if months <= 0 or goal.baseline <= 0:
        return
    up = entry.direction == "up"
    factor = goal.target / goal.baseline
    per_month = factor ** (Decimal(1) / months) if factor > 0 else Decimal(0)
    pace = per_month - 1 if up else 1 - per_month
    if pace <= ceiling:
        return
    reach = goal.baseline * (1 + ceiling if up else 1 - ceiling) ** months
    fail(
        "A",
        "too_fast",
        baseline=str(goal.baseline),
        target=str(goal.target),
        months=months,
        pace_share=pace.quantize(PACE_PLACES),
        max_share=ceiling,
        reachable=reachable(reach, up),
    )


def reachable(value: Decimal, up: bool) -> str:
    """A target at the ceiling's pace as plain text, to three significant digits (whole
    units from 100 up), rounded towards the baseline so that it keeps within the pace."""
    places = Decimal(1).scaleb(min(0, value.adjusted() - 2))
    rounded = value.quantize(places, rounding=ROUND_FLOOR if up else ROUND_CEILING)
    return format(rounded, "f")


def _time_bound(plan: Plan, goal: Goal, fail: _Fail) -> None:
    if goal.deadline is None:
        fail("T", "no_deadline")
        return
    offset = months_between(plan.horizon.start, goal.deadline)
    if offset <= 0:
        fail("T", "deadline_before_start", deadline=goal.deadline, start=plan.horizon.start)
    elif offset >= plan.horizon.months:
        fail("T", "deadline_after_horizon", deadline=goal.deadline, months=plan.horizon.months)


def check_goals(
    plan: Plan, kpis: Mapping[str, KpiEntry], funded: Collection[str] | None = None
) -> list[SmartCheck]:
    """The SMART check of every goal of a plan, in plan order."""
    return [check_goal(plan, i, kpis, funded) for i in range(len(plan.goals))]


# Message ids built at run time in this module, declared for message extraction.
SMART_MESSAGES = (
    N_("smart.deadline_after_horizon"),
    N_("smart.deadline_before_start"),
    N_("smart.implausible"),
    N_("smart.kpi_unknown"),
    N_("smart.no_baseline"),
    N_("smart.no_deadline"),
    N_("smart.no_funded_tool"),
    N_("smart.no_measurement"),
    N_("smart.no_target"),
    N_("smart.too_fast"),
    N_("smart.wrong_direction"),
)
