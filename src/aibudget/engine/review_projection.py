"""Where each goal's KPI is heading: a projection to the goal's deadline.

Made from the months recorded up to the review month, at least ``MIN_MONTHS`` (2) of
them, by the kind of KPI (``FLOWS`` and ``STOCKS`` below: the one place that says
which method a KPI gets):

- **flow**, a monthly volume (sessions, revenue, leads, bookings, content pieces, hours
  saved, new followers): the least-squares linear trend through the recorded months,
  read at the deadline month; never below 0.
- **stock**, a running total (LINE friends, keywords ranked): the latest value plus the
  average monthly change from the first to the latest recorded month; never below 0.
- **rate**, every other KPI (percentages, ratios, averages such as order value or
  acquisition cost, scores, times): the average of the last ``RATE_MONTHS`` (3) months
  recorded. A rate is assumed to stay where it is now rather than extrapolated.

Direction (is higher or lower better) comes from the KPI library; for a KPI not in the
library, from the goal (a target below its baseline: lower is better), else higher.

Verdict: ``on_track`` when the projection at the deadline meets the target, with the
first month the target is met (a recorded month when the latest value already meets
it, else the first projected month that does); ``behind`` otherwise, with ``gap``, the
shortfall as a share of the target. No projection, with the reason: ``few_months``,
``no_target``, ``no_deadline``, ``past_deadline`` (the deadline is the review month or
earlier: the status itself is the verdict).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Literal

from aibudget.domain.guidance import KpiEntry
from aibudget.domain.plan import Goal
from aibudget.domain.review import KpiProjection
from aibudget.domain.texts import N_

MIN_MONTHS = 2
RATE_MONTHS = 3
VALUE_PLACES = Decimal("0.01")
SHARE_PLACES = Decimal("0.0001")
FLOWS = frozenset(
    {
        "monthly_sessions",
        "online_revenue",
        "qualified_leads",
        "booking_count",
        "content_output",
        "hours_saved",
        "follower_growth",
    }
)
STOCKS = frozenset({"line_friends", "search_ranking_keywords"})

Method = Literal["trend", "stock", "average"]


# Message ids built at run time from the values above, declared for message extraction.
METHOD_MESSAGES = (
    N_("kpi_forecast.method.average"),
    N_("kpi_forecast.method.stock"),
    N_("kpi_forecast.method.trend"),
)
Direction = Literal["up", "down"]


def method_for(kpi: str) -> Method:
    """How a KPI is projected (see the module's documentation)."""
    if kpi in FLOWS:
        return "trend"
    if kpi in STOCKS:
        return "stock"
    return "average"


def direction_for(goal: Goal, library: Mapping[str, KpiEntry]) -> Direction:
    """Up when higher is better: from the KPI library, else from the goal's figures."""
    entry = library.get(goal.kpi)
    if entry is not None:
        return entry.direction
    if goal.baseline is not None and goal.target is not None and goal.target < goal.baseline:
        return "down"
    return "up"


def meets(value: Decimal, target: Decimal, direction: Direction) -> bool:
    return value <= target if direction == "down" else value >= target


def projector(method: Method, values: Mapping[int, Decimal]) -> Callable[[int], Decimal]:
    """The projected value at a month index from the recorded ``values`` (>= 2 months)."""
    months = sorted(values)
    if method == "average":
        recent = [values[m] for m in months[-RATE_MONTHS:]]
        level = sum(recent, Decimal(0)) / len(recent)
        return lambda _m: level
    if method == "stock":
        first, last = months[0], months[-1]
        step = (values[last] - values[first]) / (last - first)
        return lambda m: max(Decimal(0), values[last] + step * (m - last))
    mean_x = Decimal(sum(months)) / len(months)
    mean_y = sum(values.values(), Decimal(0)) / len(months)
    spread = sum(((m - mean_x) * (m - mean_x) for m in months), Decimal(0))
    slope = sum(((m - mean_x) * (values[m] - mean_y) for m in months), Decimal(0)) / spread
    return lambda m: max(Decimal(0), mean_y + slope * (m - mean_x))


def project(
    goal: Goal,
    values: Mapping[int, Decimal],
    as_of: int,
    deadline: int | None,
    month_name: Callable[[int], str],
    library: Mapping[str, KpiEntry],
) -> tuple[KpiProjection | None, str | None]:
    """The goal's projection to its deadline month index, or None and the reason."""
    if goal.target is None:
        return None, "no_target"
    if deadline is None:
        return None, "no_deadline"
    if deadline <= as_of:
        return None, "past_deadline"
    if len(values) < MIN_MONTHS:
        return None, "few_months"
    method = method_for(goal.kpi)
    at = projector(method, values)
    direction = direction_for(goal, library)
    raw = at(deadline)
    value = raw.quantize(VALUE_PLACES)
    target = goal.target
    on_track = meets(raw, target, direction)
    reach = _reach_month(values, at, target, direction, deadline) if on_track else None
    gap = None
    if not on_track and target != 0:
        short = target - raw if direction == "up" else raw - target
        gap = (short / abs(target)).quantize(SHARE_PLACES)
    last = max(values)
    return (
        KpiProjection(
            method=method,
            direction=direction,
            deadline=month_name(deadline),
            value=value,
            months_used=len(values),
            verdict="on_track" if on_track else "behind",
            reach_month=month_name(reach) if reach is not None else None,
            recorded_reach=reach is not None and reach <= last,
            months_early=deadline - reach if reach is not None else 0,
            gap=gap,
        ),
        None,
    )


def _reach_month(
    values: Mapping[int, Decimal],
    at: Callable[[int], Decimal],
    target: Decimal,
    direction: Direction,
    deadline: int,
) -> int | None:
    """The first month the target is met: recorded when the latest value meets it."""
    months = sorted(values)
    if meets(values[months[-1]], target, direction):
        return next(m for m in months if meets(values[m], target, direction))
    return next(
        (m for m in range(months[-1] + 1, deadline + 1) if meets(at(m), target, direction)),
        None,
    )
