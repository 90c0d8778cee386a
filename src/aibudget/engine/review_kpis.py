"""KPI attainment per goal from recorded KPI values.

A value belongs to a goal when its ``kpi`` is the goal's id or the goal's KPI id.
Within one month, values from one source with different labels (campaigns) are added
up; when several sources report the same KPI, the owner's own figures (template or
manual entry) win, otherwise the first source by name. A KPI that is a rate should be
entered once a month.

Attainment is the share of the way from baseline to target, ``(latest - baseline) /
(target - baseline)`` (so it also works when lower is better); without a baseline it is
``latest / target`` (``target / latest`` when lower is better). Status: ``reached`` at
100%; ``on_track`` when attainment is at least the share of the time to the deadline
already gone minus ``KPI_TOLERANCE`` (10 points); otherwise ``behind``; ``no_data`` /
``no_target`` when those are missing.
Whether higher or lower is better comes from the KPI library (see
:func:`aibudget.engine.review_projection.direction_for`), as does each goal's projection
to its deadline.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from aibudget.domain.actuals import ActualRecord
from aibudget.domain.guidance import KpiEntry
from aibudget.domain.plan import Goal, Plan
from aibudget.domain.review import KpiStatus
from aibudget.domain.texts import N_
from aibudget.engine.review_projection import direction_for, meets, project

KPI_TOLERANCE = Decimal("0.10")
PLACES = Decimal("0.0001")
OWN_SOURCES = ("template", "manual")
STATUSES = ("reached", "on_track", "behind", "no_data", "no_target")


# Message ids built at run time from the values above, declared for message extraction.
STATUS_MESSAGES = (
    N_("monitor.kpi.behind"),
    N_("monitor.kpi.no_data"),
    N_("monitor.kpi.no_target"),
    N_("monitor.kpi.on_track"),
    N_("monitor.kpi.reached"),
)


def goal_values(goal: Goal, kpis: Sequence[tuple[int, ActualRecord]]) -> dict[int, Decimal]:
    """Month index -> the goal's KPI value that month."""
    by_month: dict[int, dict[str, Decimal]] = {}
    for m, r in kpis:
        if r.kpi in (goal.id, goal.kpi) and r.kpi_value is not None:
            sources = by_month.setdefault(m, {})
            sources[r.source] = sources.get(r.source, Decimal(0)) + r.kpi_value
    out = {}
    for m, sources in by_month.items():
        own = [s for s in OWN_SOURCES if s in sources]
        out[m] = sources[own[0] if own else min(sources)]
    return out


def _reached(goal: Goal, value: Decimal, library: Mapping[str, KpiEntry]) -> bool:
    if goal.target is None:
        return False
    return meets(value, goal.target, direction_for(goal, library))


def _attainment(goal: Goal, value: Decimal, library: Mapping[str, KpiEntry]) -> Decimal | None:
    if goal.target is None:
        return None
    if goal.baseline is not None and goal.target != goal.baseline:
        return ((value - goal.baseline) / (goal.target - goal.baseline)).quantize(PLACES)
    if goal.baseline is not None:
        return None
    if direction_for(goal, library) == "down":
        return (goal.target / value).quantize(PLACES) if value != 0 else None
    return (value / goal.target).quantize(PLACES) if goal.target != 0 else None


def kpi_statuses(
    plan: Plan,
    kpis: Sequence[tuple[int, ActualRecord]],
    as_of: int,
    index: Callable[[str], int],
    month_name: Mapping[int, str],
    library: Mapping[str, KpiEntry],
) -> tuple[list[KpiStatus], dict[str, int]]:
    """Each goal's status at month index ``as_of`` and the month each target was reached."""
    statuses: list[KpiStatus] = []
    reached: dict[str, int] = {}
    for goal in plan.goals:
        values = {m: v for m, v in goal_values(goal, kpis).items() if m <= as_of}
        first = next((m for m in sorted(values) if _reached(goal, values[m], library)), None)
        if first is not None:
            reached[goal.id] = first
        latest_m = max(values, default=None)
        latest = values[latest_m] if latest_m is not None else None
        attainment = _attainment(goal, latest, library) if latest is not None else None
        expected = None
        deadline = index(goal.deadline) if goal.deadline is not None else None
        if deadline is not None and deadline > 0:
            expected = min(Decimal(1), Decimal(as_of) / deadline).quantize(PLACES)
        if goal.target is None:
            status = "no_target"
        elif latest is None:
            status = "no_data"
        elif _reached(goal, latest, library):
            status = "reached"
        elif attainment is not None and attainment >= (expected or Decimal(0)) - KPI_TOLERANCE:
            status = "on_track"
        else:
            status = "behind"
        projection, note = project(goal, values, as_of, deadline, plan.calendar_month, library)
        statuses.append(
            KpiStatus(
                goal=goal.id,
                kpi=goal.kpi,
                baseline=goal.baseline,
                target=goal.target,
                deadline=goal.deadline,
                latest=latest,
                month=month_name.get(latest_m) if latest_m is not None else None,
                attainment=attainment,
                expected=expected,
                status=status,
                projection=projection,
                projection_note=note,
            )
        )
    return statuses, reached
