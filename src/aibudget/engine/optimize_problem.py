"""From a plan to the allocation problem in numbers (floats, in the plan's currency).

Each candidate tool has *options*: one of its plans, started in the pilot phase
(month 1), in the scale phase (the month after the pilot) or in its own planned start
month. Every option is valued from the streams of :func:`aibudget.engine.flows.build_flows`
(the one place that knows when money moves): the tool is copied with that plan and
start month, and its cost lines and benefit drivers are discounted as in
:mod:`aibudget.engine.cashflow`. Cash the budget must cover is every cost line except
internal time (staff hours are valued in the NPV but limited by free hours instead).

Budget shares are shares of the budget over the horizon: the annual budget pro rata
(:func:`aibudget.domain.months.pro_rata`, as :meth:`Plan.horizon_budget` reckons it) as a
float, not rounded to cents, so that the answer does not depend on the money's scale.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
from numpy.typing import NDArray

from aibudget.domain.allocation import AdChannel, Objective, OptimisePolicy
from aibudget.domain.errors import AibudgetError
from aibudget.domain.money import ZERO
from aibudget.domain.months import pro_rata
from aibudget.domain.plan import LineItem, Plan, Tool
from aibudget.domain.texts import N_
from aibudget.engine.cashflow import discount_factors
from aibudget.engine.curves import (
    Piecewise,
    ResponseCurve,
    curve_from_spec,
    height_range,
    piecewise,
)
from aibudget.engine.exact import dot
from aibudget.engine.flows import FlowModel, ToolFlows, build_flows
from aibudget.engine.simulate import scenario_draws

Floats = NDArray[np.float64]
Ints = NDArray[np.intp]
NOT_CASH = frozenset({LineItem.INTERNAL_TIME})


class OptimiseError(AibudgetError):
    """Optimiser settings that name unknown tools or channels."""

    message_id = N_("optimize.unknown_reference")
    http_status = 422


@dataclass
class Channel:
    id: str
    name: str
    curve: ResponseCurve
    low: float
    high: float
    current: float
    segments: int
    pwl: Piecewise
    annuity: float  # sum of discount factors over months 1..n
    # (S,) the curve's return in each scenario as a multiple of ``curve`` (the curve at
    # its mean height): all 1 for a certain height; empty without scenarios.
    factors: Floats = field(default_factory=lambda: np.zeros(0))

    @property
    def mean_factor(self) -> float:
        """The scenarios' mean multiple (1 without scenarios)."""
        return float(self.factors.mean()) if self.factors.size else 1.0

    @property
    def uncertain(self) -> bool:
        return bool(np.ptp(self.factors) > 0) if self.factors.size else False


@dataclass
class Extra:
    label: str
    option_coef: Floats  # monthly spend per option
    channel_coef: Floats  # 1 for channels counted
    low: float | None
    high: float | None


@dataclass
class Problem:
    """Everything the MILP, the checker, the greedy baseline and brute force read."""

    months: int
    currency: str
    objective: Objective
    risk_aversion: float
    cvar_tail: float
    tools: list[Tool]
    opt_tool: Ints  # (O,) index into tools
    opt_plan: list[str | None]
    opt_start: Ints
    value: Floats  # (O,) objective value: expected or risk-adjusted NPV
    expected: Floats  # (O,) expected NPV
    scenarios: Floats  # (O, S) NPV per scenario (S = 0 unless a scenario objective)
    cash: Floats  # (O, n + 1) cash paid each month
    training: Floats  # (O,) training line over the horizon
    privacy: Floats  # (O,) data/privacy line over the horizon
    monthly_cost: Floats  # (O,) recurring monthly cost
    uses_data: NDArray[np.bool_]
    hours: Floats  # (O, members, n + 1)
    lines: list[dict[str, Decimal]]  # (O,) exact cash by line over the horizon
    members: list[str]
    free_hours: Floats
    fixed_cash: Floats  # (n + 1,) plan-level lines
    fixed_value: float
    fixed_expected: float
    fixed_scenarios: Floats  # (S,)
    fixed_lines: dict[str, Decimal]
    budget: float
    monthly_budget: float | None
    min_training: float
    min_reserve: float
    min_privacy: float
    max_tool_cash: float
    pilot_max: int
    pilot_months: int
    goals: dict[str, Ints]  # priority-1 goal id -> options that serve it
    forced_in: list[int]
    forced_out: list[int]
    exclusive: list[list[int]]
    channels: list[Channel]
    extras: list[Extra]
    incumbent: Ints  # option chosen by today's plan per tool (-1: none)
    step: float
    time_limit: float
    dominated: NDArray[np.bool_] | None = None  # filled once by optimize_dominance
    names: dict[str, str] = field(default_factory=dict)  # goal, member, tool id -> its name

    @property
    def n_options(self) -> int:
        return int(self.opt_tool.shape[0])

    def options_of(self, tool: int) -> Ints:
        out: Ints = np.flatnonzero(self.opt_tool == tool)
        return out

    def cash_total(self) -> Floats:
        out: Floats = self.cash.sum(axis=1)
        return out


def _starts(tool: Tool, pilot_months: int, months: int) -> list[int]:
    out = [1, pilot_months + 1, tool.start_month]
    return sorted({s for s in out if s <= months})


def _variants(plan: Plan, pilot_months: int) -> list[tuple[int, Tool]]:
    """Every (plan, start month) option of every tool. A yearly plan starting inside the
    pilot is offered only when the tool has no monthly plan or today's plan already has
    it (the health check warns against paying a year before the pilot proves a tool)."""
    out: list[tuple[int, Tool]] = []
    n = plan.horizon.months
    for t, tool in enumerate(plan.tools):
        plan_ids: list[str | None] = [p.id for p in tool.plans] or [None]
        chosen = tool.chosen_plan()
        today = (chosen.id if chosen else None, tool.start_month)
        for pid in plan_ids:
            for s in _starts(tool, pilot_months, n):
                option = tool.model_copy(update={"plan": pid, "start_month": s})
                is_today = (pid, s) == today
                if (
                    option.locks_in_during_pilot(pilot_months)
                    and tool.has_monthly_plan()
                    and not is_today
                ):
                    continue
                out.append((t, option))
    return out


def _floats(stream: tuple[Decimal, ...]) -> Floats:
    return np.fromiter(map(float, stream), np.float64, len(stream))


def _monthly_cost(plan: Plan, tool: Tool) -> float:
    chosen = tool.chosen_plan()
    subscription = ZERO if chosen is None else chosen.billing.a_month(plan.bill(chosen))
    return float(subscription + tool.maintenance_monthly)


def _hours(plan: Plan, tool: Tool, members: list[str], n: int) -> Floats:
    """Owner and trainee hours per month, on the timing rules of engine/flows.py."""
    out = np.zeros((len(members), n + 1))
    s = tool.start_month
    if tool.owner in members:
        k = members.index(tool.owner)
        out[k, s - 1] += float(tool.setup_hours)
        out[k, s:] += float(tool.run_hours_per_month)
    for trainee in tool.training.trainees or [tool.owner]:
        if trainee in members:
            out[members.index(trainee), s - 1] += float(tool.training.hours_per_person)
    return out


@dataclass
class _Valued:
    expected: float
    adjusted: float
    unit_pv: Floats  # per driver
    cash: Floats
    lines: dict[str, Decimal]
    training: float
    privacy: float


def _value(entity: ToolFlows, factors: Floats, plan: Plan) -> _Valued:
    dist = plan.simulation.distribution
    n1 = factors.shape[0]
    cash = np.zeros(n1)
    pv_cost = adj_cost = 0.0
    lines: dict[str, Decimal] = {}
    training = privacy = 0.0
    for line in entity.costs:
        amounts = _floats(line.amounts)
        pv = dot(amounts, factors)
        pv_cost += pv
        adj_cost += pv * (1 + float(line.risk))
        if line.line in NOT_CASH:
            continue
        cash += amounts
        lines[line.line.value] = lines.get(line.line.value, ZERO) + sum(line.amounts, ZERO)
        if line.line is LineItem.TRAINING:
            training += float(amounts.sum())
        elif line.line is LineItem.DATA_PRIVACY:
            privacy += float(amounts.sum())
    unit_pv = np.array([dot(_floats(d.unit), factors) for d in entity.drivers])
    means = np.array([float(d.range.mean(dist)) for d in entity.drivers])
    risks = np.array([float(d.risk) for d in entity.drivers])
    pv_benefit = dot(means, unit_pv)
    adj_benefit = dot(means * (1 - risks), unit_pv)
    return _Valued(
        pv_benefit - pv_cost, adj_benefit - adj_cost, unit_pv, cash, lines, training, privacy
    )


def _scenario_values(
    entities: list[ToolFlows], valued: list[_Valued], owners: list[int], plan: Plan, count: int,
    rng: np.random.Generator,
) -> Floats:  # fmt: skip
    """NPV of every entity in ``count`` scenarios (Latin hypercube draws from the plan's
    seed); the options of one tool share their draws, so they differ only by plan/start."""
    out = np.zeros((len(entities), count))
    if count == 0:
        return out
    dist = plan.simulation.distribution
    draws: dict[tuple[int, int], Floats] = {}
    for e, entity in enumerate(entities):
        expected = float(valued[e].expected)
        benefit = 0.0
        for j, d in enumerate(entity.drivers):
            key = (owners[e], j)
            if key not in draws:
                low, likely, high = (float(v) for v in (d.range.low, d.range.likely, d.range.high))
                draws[key] = scenario_draws(low, likely, high, dist, count, rng)
            benefit += float(d.range.mean(dist)) * valued[e].unit_pv[j]
            out[e] += draws[key] * valued[e].unit_pv[j]
        out[e] += expected - benefit  # expected NPV = benefits - costs: this adds -costs
    return out


def _heights(
    c: AdChannel, plan: Plan, count: int, rng: np.random.Generator
) -> tuple[float | None, Floats]:
    """A channel's mean curve height (None: certain, the curve as given) and, per
    scenario, its height as a multiple of that mean, drawn like any uncertain input."""
    height = height_range(c.curve)
    if height is None or not height.uncertain:
        return None, np.ones(count)
    dist = plan.simulation.distribution
    mean = float(height.mean(dist))  # > 0: high > low >= 0
    if count == 0:
        return mean, np.ones(0)
    low, likely, high = float(height.low), float(height.likely), float(height.high)
    return mean, scenario_draws(low, likely, high, dist, count, rng) / mean


def _channel(c: AdChannel, annuity: float, mean: float | None, factors: Floats) -> Channel:
    curve = curve_from_spec(c.curve, mean)
    low = float(c.fixed_monthly if c.fixed_monthly is not None else c.min_monthly)
    high = float(c.fixed_monthly if c.fixed_monthly is not None else c.max_monthly)
    current = float(c.current_monthly) if c.current_monthly is not None else low
    if c.fixed_monthly is not None:
        current = low
    return Channel(
        c.id, c.name or c.id, curve, low, high, current, c.segments,
        piecewise(curve, low, high, c.segments), annuity, factors,
    )  # fmt: skip


def _incumbent(plan: Plan, variants: list[tuple[int, Tool]]) -> Ints:
    """The option today's plan uses for each tool (its chosen plan and start month)."""
    out = np.full(len(plan.tools), -1, dtype=np.intp)
    for o, (t, v) in enumerate(variants):
        original = plan.tools[t]
        chosen = original.chosen_plan()
        if v.start_month == original.start_month and v.plan == (chosen.id if chosen else None):
            out[t] = o
    return out


def _extras(
    policy: OptimisePolicy, variants: list[Tool], monthly: Floats, channel_ids: list[str]
) -> list[Extra]:
    """User constraints as coefficients on options (their monthly cost) and channels."""
    out = []
    for x in policy.constraints:
        unknown = [c for c in x.channels if c not in channel_ids]
        if unknown:
            raise OptimiseError(where="constraints", ids=", ".join(unknown))
        ids = set(x.tools)
        mask = np.array([v.id in ids or v.category.value in x.categories for v in variants])
        out.append(
            Extra(
                x.label,
                np.where(mask, monthly, 0.0) if variants else np.zeros(0),
                np.array([1.0 if c in x.channels else 0.0 for c in channel_ids]),
                None if x.min_monthly is None else float(x.min_monthly),
                None if x.max_monthly is None else float(x.max_monthly),
            )
        )
    return out


def build_problem(plan: Plan, policy: OptimisePolicy | None = None) -> Problem:
    policy = policy or plan.optimise or OptimisePolicy()
    n = plan.horizon.months
    budget_policy = plan.budget
    total_budget = float(pro_rata(plan.annual_budget(), n))
    pilot_months = budget_policy.pilot.months
    variants = _variants(plan, pilot_months)
    vplan = plan.model_copy(update={"tools": [v for _, v in variants], "lines": plan.lines})
    model: FlowModel = build_flows(vplan)
    factors = np.array(
        [float(f) for f in discount_factors(plan.horizon.discount_rate, n, plan.horizon.convention)]
    )
    entities = model.entities[: len(variants)]
    valued = [_value(e, factors, plan) for e in entities]
    objective = policy.objective
    scenario_count = (
        policy.scenarios if objective in (Objective.CVAR, Objective.MEAN_DOWNSIDE) else 0
    )
    owners = [t for t, _ in variants]
    members = [m.id for m in plan.team]
    tool_index = {tool.id: t for t, tool in enumerate(plan.tools)}
    all_entities = model.entities
    all_valued = valued + [_value(e, factors, plan) for e in all_entities[len(variants) :]]
    rng = np.random.default_rng(plan.horizon.seed)
    scen = _scenario_values(all_entities, all_valued, [*owners, -1], plan, scenario_count, rng)
    heights = [_heights(c, plan, scenario_count, rng) for c in policy.channels]  # after tools

    def refs(ids: list[str], where: str) -> list[int]:
        unknown = [i for i in ids if i not in tool_index]
        if unknown:
            raise OptimiseError(where=where, ids=", ".join(unknown))
        return [tool_index[i] for i in ids]

    opt_tool = np.array(owners, dtype=np.intp)
    opt_start = np.array([v.start_month for _, v in variants], dtype=np.intp)
    use_adjusted = objective is Objective.RISK_ADJUSTED_NPV
    value = np.array([v.adjusted if use_adjusted else v.expected for v in valued])
    fixed = all_valued[len(variants) :]
    goals: dict[str, Ints] = {}
    for g in plan.goals:
        if g.priority == 1:
            serving = [o for o, (_, v) in enumerate(variants) if g.kpi in v.kpis]
            goals[g.id] = np.array(serving, dtype=np.intp)
    channel_ids = [c.id for c in policy.channels]
    annuity = float(factors[1:].sum())
    channels = [
        _channel(c, annuity, mean, multiples)
        for c, (mean, multiples) in zip(policy.channels, heights, strict=True)
    ]
    for x in policy.constraints:
        refs(x.tools, "constraints")
    monthly = np.array([_monthly_cost(plan, v) for _, v in variants])
    extras = _extras(policy, [v for _, v in variants], monthly, channel_ids)
    fixed_lines: dict[str, Decimal] = {}
    for f in fixed:
        for k, amount in f.lines.items():
            fixed_lines[k] = fixed_lines.get(k, ZERO) + amount
    scen_cols = scen[: len(variants)] if scenario_count else np.zeros((len(variants), 0))
    return Problem(
        months=n,
        currency=plan.currency,
        objective=objective,
        risk_aversion=float(policy.risk_aversion),
        cvar_tail=float(policy.cvar_tail),
        tools=list(plan.tools),
        opt_tool=opt_tool,
        opt_plan=[v.plan for _, v in variants],
        opt_start=opt_start,
        value=value,
        expected=np.array([v.expected for v in valued]),
        scenarios=scen_cols,
        cash=np.array([v.cash for v in valued]).reshape(len(variants), n + 1),
        training=np.array([v.training for v in valued]),
        privacy=np.array([v.privacy for v in valued]),
        monthly_cost=monthly,
        uses_data=np.array([v.uses_customer_data for _, v in variants], dtype=bool),
        hours=np.array([_hours(plan, v, members, n) for _, v in variants]).reshape(
            len(variants), len(members), n + 1
        ),
        lines=[v.lines for v in valued],
        members=members,
        free_hours=np.array([float(m.free_hours_per_month) for m in plan.team]),
        fixed_cash=sum((f.cash for f in fixed), np.zeros(n + 1)),
        fixed_value=sum(f.adjusted if use_adjusted else f.expected for f in fixed),
        fixed_expected=sum(f.expected for f in fixed),
        fixed_scenarios=scen[len(variants) :].sum(axis=0) if scenario_count else np.zeros(0),
        fixed_lines=fixed_lines,
        budget=total_budget,
        monthly_budget=None if policy.monthly_budget is None else float(policy.monthly_budget),
        min_training=float(budget_policy.min_training_share) * total_budget,
        min_reserve=float(budget_policy.min_reserve_share) * total_budget,
        min_privacy=float(pro_rata(budget_policy.data_privacy_annual, n)),
        max_tool_cash=float(budget_policy.max_tool_share) * total_budget,
        pilot_max=budget_policy.pilot.max_tools,
        pilot_months=pilot_months,
        goals=goals,
        forced_in=refs(policy.force_in, "force_in"),
        forced_out=refs(policy.force_out, "force_out"),
        exclusive=[refs(group, "exclusive") for group in policy.exclusive],
        channels=channels,
        extras=extras,
        incumbent=_incumbent(plan, variants),
        step=float(policy.budget_step),
        time_limit=float(policy.time_limit_seconds),
        names=_names(plan),
    )


def _names(plan: Plan) -> dict[str, str]:
    """What the owner calls each goal, team member and tool (conflicts name them so)."""
    out = {g.id: g.name for g in plan.goals}
    out |= {m.id: m.name or m.role for m in plan.team}
    out |= {t.id: t.name for t in plan.tools}
    return out
