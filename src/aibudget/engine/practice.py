"""Confidence by practice, as pure rules: what the learning log adds up to, the monthly
sharing agenda, the small wins worth showing, the defaults the team's AI skill sets and
when outside help is worth a budget line."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from aibudget.domain.actuals import ActualRecord
from aibudget.domain.money import round_money
from aibudget.domain.months import month_of, plan_year
from aibudget.domain.plan import LineItem, Plan, Schedule
from aibudget.domain.practice import LearningEntry, Win
from aibudget.domain.review import Review
from aibudget.domain.texts import N_


def minutes_by_tool(entries: Iterable[LearningEntry]) -> dict[str, int]:
    """Minutes saved logged per tool, over every entry given."""
    out: dict[str, int] = {}
    for entry in entries:
        out[entry.tool] = out.get(entry.tool, 0) + entry.minutes_saved
    return out


def in_month(entries: Iterable[LearningEntry], month: str) -> list[LearningEntry]:
    """The entries of one calendar month (``YYYY-MM``), in the order given."""
    return [e for e in entries if month_of(e.on) == month]


@dataclass(frozen=True)
class Agenda:
    """A ten-minute team sharing: what was tried this month, the tips, the tool that
    saved the most time, and one question to talk about (a message id)."""

    month: str
    entries: list[LearningEntry]
    tips: list[LearningEntry]
    top_tool: str | None
    top_minutes: int
    question: str


def agenda(entries: Iterable[LearningEntry], month: str) -> Agenda:
    mine = in_month(entries, month)
    totals = minutes_by_tool(mine)
    top = max(sorted(totals), key=lambda tool: totals[tool], default=None)
    top_minutes = totals[top] if top is not None else 0
    if not mine:
        question = N_("practice.question.none")
    elif top_minutes == 0:
        question = N_("practice.question.no_minutes")
    else:
        question = N_("practice.question.top")
    return Agenda(
        month=month,
        entries=mine,
        tips=[e for e in mine if e.tip.strip()],
        top_tool=top if top_minutes else None,
        top_minutes=top_minutes,
        question=question,
    )


OUTSIDE_HELP_SCALES = ("skills", "culture")


# Message ids built at run time from the values above, declared for message extraction.
SCALE_MESSAGES = (
    N_("practice.scale.culture"),
    N_("practice.scale.skills"),
)


def weak_for_outside_help(dimensions: Mapping[str, int], weak_below: int) -> list[str]:
    """The readiness scales (skills, culture) scored below ``weak_below``: outside help
    (a coach, a course, a consultant) pays off there."""
    return [s for s in OUTSIDE_HELP_SCALES if dimensions.get(s, weak_below) < weak_below]


def recent_wins(entries: Sequence[LearningEntry], limit: int = 3) -> list[LearningEntry]:
    """The newest learning-log entries that saved time (newest first, as given)."""
    return [e for e in entries if e.minutes_saved > 0][:limit]


@dataclass(frozen=True)
class ToolPractice:
    """One tool in the review: hours saved recorded in the actuals beside the minutes
    the team logged in the learning log (both up to the review's month)."""

    tool: str
    hours_recorded: Decimal
    minutes_logged: int
    entries: int

    @property
    def hours_logged(self) -> Decimal:
        """The minutes logged in hours, to a tenth (half up, as an owner rounds)."""
        return (Decimal(self.minutes_logged) / 60).quantize(Decimal("0.1"), ROUND_HALF_UP)


def beside_review(
    tools: Sequence[str],
    records: Iterable[ActualRecord],
    entries: Iterable[LearningEntry],
    as_of: str,
) -> list[ToolPractice]:
    """Per tool of the plan, in its order; tools with neither hours nor entries left out."""
    hours: dict[str, Decimal] = {}
    for r in records:
        if r.hours_saved is not None and r.month <= as_of:
            hours[r.tool] = hours.get(r.tool, Decimal(0)) + r.hours_saved
    upto = [e for e in entries if month_of(e.on) <= as_of]
    minutes = minutes_by_tool(upto)
    counts = {tool: sum(1 for e in upto if e.tool == tool) for tool in tools}
    return [
        ToolPractice(tool, hours.get(tool, Decimal(0)), minutes.get(tool, 0), counts[tool])
        for tool in tools
        if hours.get(tool) or counts[tool]
    ]


# Outside help (a coach, a course, a consultant) budgeted at this share of the annual
# AI budget when the team's skills or culture are weak: about one half-day session a
# quarter for a small business (an assumption, to adjust on the plan's line).
OUTSIDE_HELP_SHARE = Decimal("0.05")


def has_advice_line(plan: Plan) -> bool:
    """Whether the plan already budgets outside advice (a plan or tool line)."""
    lines = [*plan.lines, *(s for tool in plan.tools for s in tool.schedules)]
    return any(s.kind == "cost" and s.line is LineItem.ADVICE for s in lines)


def outside_help_line(plan: Plan, label: str) -> Schedule:
    """The yearly advice line to add: ``OUTSIDE_HELP_SHARE`` of the annual AI budget."""
    amount = round_money(plan.annual_budget() * OUTSIDE_HELP_SHARE)
    years = plan_year(plan.horizon.months)
    return Schedule(label=label, kind="cost", line=LineItem.ADVICE, period="year",
                    amounts=[amount] * years)  # fmt: skip


def review_wins(review: Review) -> list[Win]:
    """The review's milestones, the newest month whose benefits beat the plan, and each
    KPI on its way up (moved from its baseline towards its target, on track)."""
    wins = [Win(f"monitor.milestone.{m.id}", m.month, dict(m.params)) for m in review.milestones]
    series = review.monthly
    above = [
        month
        for month, actual, planned in zip(
            series.months, series.actual_benefits, series.plan_benefits, strict=True
        )
        if actual is not None and planned > 0 and actual > planned
    ]
    if above:
        wins.append(Win(N_("practice.win.month_above_plan"), above[-1], {"month": above[-1]}))
    for k in review.kpis:
        if k.status == "on_track" and k.attainment is not None and k.attainment > 0:
            wins.append(
                Win(N_("practice.win.kpi_improving"), k.month or review.as_of,
                    {"goal": k.goal, "share": k.attainment})
            )  # fmt: skip
    return wins
