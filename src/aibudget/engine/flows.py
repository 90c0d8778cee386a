"""From a plan to monthly cash-flow streams: the one place that knows when money moves.

Timing rules (month 0 is "initial", months 1..N are the horizon):
- a tool starting in month s pays its one-off costs (setup, integration, training,
  data preparation, privacy compliance, owner set-up hours) in month s - 1;
- a monthly plan bills price x seats every month from s; an annual plan bills
  price x seats in months s, s + 12, s + 24, ...;
- maintenance and the owner's running hours are paid every month from s;
- benefits ramp up linearly: in the k-th month of use they are min(1, k / ramp_months)
  of the full monthly benefit (ramp_months = 0: full benefit from the first month);
- explicit schedules are anchored at the tool's start (plan-level lines at month 1):
  ``initial`` in month s - 1, a yearly amount spread evenly over its twelve months.

Every uncertain input becomes a :class:`Driver`: the monthly benefit is
``value x unit[m]``, so cash flows are linear in each input. The deterministic
evaluation and the Monte Carlo simulation both read these streams.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from aibudget.domain.money import ZERO
from aibudget.domain.months import MONTHS_PER_YEAR
from aibudget.domain.plan import (
    CostAvoided,
    HoursSaved,
    KpiEffect,
    LineItem,
    Plan,
    Range,
    RevenueLift,
    Schedule,
    Tool,
    benefit_driver,
)
from aibudget.domain.results import PLAN_LINES_ID, DriverKind, DriverRef

Stream = tuple[Decimal, ...]
ONE = Range(low=Decimal(1), likely=Decimal(1), high=Decimal(1))


@dataclass(frozen=True)
class Driver:
    """An uncertain monthly benefit: ``value x unit[m]`` in month m."""

    tool_id: str
    path: str
    ref: DriverRef
    range: Range
    unit: Stream
    risk: Decimal


@dataclass(frozen=True)
class CostLine:
    """A known cost stream on one budget line."""

    line: LineItem
    label: str
    amounts: Stream
    risk: Decimal


@dataclass(frozen=True)
class ToolFlows:
    tool_id: str
    name: str
    costs: list[CostLine] = field(default_factory=list)
    drivers: list[Driver] = field(default_factory=list)


@dataclass(frozen=True)
class FlowModel:
    months: int
    currency: str
    entities: list[ToolFlows]

    @property
    def drivers(self) -> list[Driver]:
        return [d for e in self.entities for d in e.drivers]


def build_flows(plan: Plan) -> FlowModel:
    """All cash-flow streams of a plan (tools, then plan-level lines)."""
    n = plan.horizon.months
    entities = [_tool_flows(plan, tool, n) for tool in plan.tools]
    if plan.lines:
        entities.append(_schedules_entity(PLAN_LINES_ID, "plan", plan.lines, 1, n))
    return FlowModel(months=n, currency=plan.currency, entities=entities)


def _zeros(n: int) -> list[Decimal]:
    return [ZERO] * (n + 1)


def _at(n: int, month: int, amount: Decimal) -> Stream:
    out = _zeros(n)
    if 0 <= month <= n:
        out[month] = amount
    return tuple(out)


def _every(n: int, start: int, amount: Decimal, step: int = 1) -> Stream:
    out = _zeros(n)
    for m in range(start, n + 1, step):
        out[m] = amount
    return tuple(out)


def ramp(n: int, start: int, ramp_months: int) -> Stream:
    """Share of the full benefit in each month (0 before the tool starts)."""
    out = _zeros(n)
    for m in range(start, n + 1):
        k = m - start + 1
        out[m] = Decimal(1) if ramp_months == 0 else min(Decimal(1), Decimal(k) / ramp_months)
    return tuple(out)


def _scale(stream: Stream, factor: Decimal) -> Stream:
    return tuple(x * factor for x in stream)


def schedule_stream(schedule: Schedule, start: int, n: int) -> Stream:
    out = _zeros(n)
    if start - 1 <= n:
        out[start - 1] += schedule.initial
    for i, amount in enumerate(schedule.amounts):
        if schedule.period == "month":
            months = [start + i]
            share = amount
        else:
            first = start + MONTHS_PER_YEAR * i
            months = list(range(first, first + MONTHS_PER_YEAR))
            share = amount / MONTHS_PER_YEAR
        for m in months:
            if m <= n:
                out[m] += share
    return tuple(out)


def _tool_flows(plan: Plan, tool: Tool, n: int) -> ToolFlows:
    s = tool.start_month
    owner = plan.member(tool.owner)
    owner_rate = owner.hourly_cost if owner else ZERO
    cost_risk = tool.risk.costs
    costs: list[CostLine] = []

    def cost(line: LineItem, label: str, stream: Stream) -> None:
        if any(stream):
            costs.append(CostLine(line, label, stream, cost_risk))

    chosen = tool.chosen_plan()
    if chosen is not None:
        per_period = plan.bill(chosen)
        step = chosen.billing.months
        cost(LineItem.SUBSCRIPTION, f"subscription:{chosen.id}", _every(n, s, per_period, step))
    cost(LineItem.INTEGRATION, "setup", _at(n, s - 1, tool.setup_cost + tool.integration_cost))
    cost(LineItem.TRAINING, "training", _at(n, s - 1, training_cost(plan, tool)))
    cost(
        LineItem.DATA_PRIVACY,
        "data_privacy",
        _at(n, s - 1, tool.data_prep_cost + tool.privacy_cost),
    )
    cost(LineItem.MAINTENANCE, "maintenance", _every(n, s, tool.maintenance_monthly))
    cost(LineItem.INTERNAL_TIME, "setup_hours", _at(n, s - 1, tool.setup_hours * owner_rate))
    cost(
        LineItem.INTERNAL_TIME,
        "run_hours",
        _every(n, s, tool.run_hours_per_month * owner_rate),
    )

    ramp_stream = ramp(n, s, tool.ramp_months)
    monthly_revenue = plan.company.monthly_revenue()
    drivers: list[Driver] = []
    for j, b in enumerate(tool.benefits):
        path = f"tools.{tool.id}.benefits[{j}]"
        risk = b.risk if b.risk is not None else tool.risk.benefits
        if isinstance(b, HoursSaved):
            member = plan.member(b.member or tool.owner)
            rate = member.hourly_cost if member else ZERO
            drivers.append(
                Driver(
                    tool.id,
                    path,
                    benefit_driver(b),
                    b.hours_per_month,
                    _scale(ramp_stream, rate),
                    risk,
                )
            )
        elif isinstance(b, RevenueLift):
            base = b.base_monthly_revenue if b.base_monthly_revenue is not None else monthly_revenue
            drivers.append(
                Driver(
                    tool.id,
                    path,
                    benefit_driver(b),
                    b.lift,
                    _scale(ramp_stream, base * b.gross_margin),
                    risk,
                )
            )
        elif isinstance(b, CostAvoided):
            drivers.append(Driver(tool.id, path, benefit_driver(b), b.monthly, ramp_stream, risk))
        elif isinstance(b, KpiEffect) and b.value_per_unit > 0:
            drivers.append(
                Driver(
                    tool.id,
                    path,
                    benefit_driver(b),
                    b.change,
                    _scale(ramp_stream, b.value_per_unit),
                    risk,
                )
            )
    entity = _schedules_entity(
        tool.id, tool.name, tool.schedules, s, n, cost_risk, tool.risk.benefits
    )
    return ToolFlows(tool.id, tool.name, costs + entity.costs, drivers + entity.drivers)


def _schedules_entity(
    entity_id: str,
    name: str,
    schedules: Sequence[Schedule],
    start: int,
    n: int,
    default_cost_risk: Decimal = ZERO,
    default_benefit_risk: Decimal = ZERO,
) -> ToolFlows:
    costs: list[CostLine] = []
    drivers: list[Driver] = []
    for j, sch in enumerate(schedules):
        stream = schedule_stream(sch, start, n)
        if sch.kind == "cost":
            risk = sch.risk if sch.risk is not None else default_cost_risk
            costs.append(CostLine(sch.line, sch.label, stream, risk))
        else:
            risk = sch.risk if sch.risk is not None else default_benefit_risk
            path = f"{entity_id}.schedules[{j}]"
            ref = DriverRef(kind=DriverKind.SCHEDULE, label=sch.label)
            drivers.append(Driver(entity_id, path, ref, ONE, stream, risk))
    return ToolFlows(entity_id, name, costs, drivers)


def training_cost(plan: Plan, tool: Tool) -> Decimal:
    """A tool's training: hours a person x the trainees' hourly costs (the owner when none
    are named), plus fees."""
    trainees = tool.training.trainees or [tool.owner]
    rates = sum((m.hourly_cost for t in trainees if (m := plan.member(t)) is not None), ZERO)
    return tool.training.hours_per_person * rates + tool.training.fees
