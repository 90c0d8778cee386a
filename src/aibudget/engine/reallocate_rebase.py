"""The rest of the horizon as a plan of its own: what the reallocation optimises.

From the review month k (months 1..k are gone), the *rebased* plan starts at month
k + 1 and runs for the remaining n - k months, at least ``MIN_MONTHS`` (12, the
shortest horizon a plan may have; a late review then looks a year ahead and lines
with explicit schedules end where the original horizon ended). Its month j is month
k + j of the plan under review.

Sunk costs are ignored: money already spent is simply not in the rebased plan.

- A tool already running (start month s <= k) starts in month 1 with no set-up,
  integration, training, data-preparation or privacy cost and no set-up hours (all paid
  already); its ramp-up is shortened by the u = k - s + 1 months used
  (``ramp_months - u``, at least 0). Its explicit schedules keep their remaining months
  (as monthly amounts).
- A tool not started yet keeps everything and starts in month s - k.
- Plan-level lines keep their remaining months.
- An annual plan already paid is a lock-in: its paid year runs to month R - 1 where R
  is the next renewal (s, s + 12, ...) after k. If R > k + 1 the tool is forced in and
  its subscription becomes an explicit schedule billing the renewals only (months
  R - k, R - k + 12, ...): the prepaid months cost nothing more. When the renewal is the
  very next month the tool is free to go or switch.
- The pilot: if it is over (k >= pilot months) the pilot limit no longer binds
  (``max_tools`` 20, the model's maximum); otherwise the rest of it remains.
- Goals whose deadline has passed lose the deadline (they are measured by the review).

Updated estimates: every benefit driver observed in the review is re-centred on its
posterior: likely = posterior mean, low/high = likely -/+ h x posterior sd, with
h = sqrt(7) under Beta-PERT and sqrt(6) under the triangular distribution, the
half-width for which the range's own standard deviation
(:func:`aibudget.engine.review_forecast.range_sd`) equals the posterior sd. Low is
clipped at 0 (and a revenue-lift share at 1) for inputs that cannot be negative.
Benefit schedules observed are multiplied by their posterior multiplier. Drivers never
observed keep the plan's range.

Actual prices: a running tool whose recorded subscription differs from the plan's
(``ToolReview.price_factor``: the last three months recorded over the plan's for the
same months) has every plan's price multiplied by that factor.

Scaling up: a running tool the review recommends to **scale up** gets one extra
candidate, ``<id>.more``: the same plan with as many seats again, its own training, and
benefits ``EXPANSION_YIELD`` (50%) of the tool's updated benefits (the first users are
usually the keenest, so added seats are assumed to deliver half as much each). The
optimiser funds it or not like any other tool.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from aibudget.domain.allocation import OptimisePolicy
from aibudget.domain.plan import (
    Billing,
    Distribution,
    HoursSaved,
    KpiEffect,
    LineItem,
    Pilot,
    Plan,
    Range,
    RevenueLift,
    Schedule,
    Tool,
    Training,
    add_months,
    month_index,
)
from aibudget.domain.reallocation import Lock
from aibudget.domain.review import Action, DriverForecast, Review
from aibudget.engine.flows import schedule_stream

MIN_MONTHS = 12
MAX_PILOT_TOOLS = 20
EXPANSION_YIELD = Decimal("0.5")
EXPANSION_SUFFIX = ".more"
PLACES = Decimal("0.000001")
ZERO = Decimal(0)
ANNUAL_ALLOWED = (Action.KEEP, Action.SCALE_UP)
HALF_WIDTH = {Distribution.PERT: math.sqrt(7), Distribution.TRIANGULAR: math.sqrt(6)}


@dataclass(frozen=True)
class Rebased:
    plan: Plan
    k: int
    locks: list[Lock]
    running: frozenset[str]
    expansions: dict[str, str]  # expansion tool id -> tool id


def recentre(
    value: Range, driver: DriverForecast, dist: Distribution, cap: Decimal | None
) -> Range:
    mean = driver.posterior_mean
    half = (driver.posterior_sd * Decimal(repr(HALF_WIDTH[dist]))).quantize(PLACES)
    low, high = mean - half, mean + half
    if value.low >= 0:
        low = max(low, ZERO)
        mean = max(mean, ZERO)
    if cap is not None:
        high, mean = min(high, cap), min(mean, cap)
    return Range(low=min(low, mean), likely=mean, high=max(high, mean))


def _rest(sch: Schedule, start: int, n: int, k: int, factor: Decimal) -> Schedule:
    stream = schedule_stream(sch, start, n)[k + 1 :]
    amounts = [(a * factor).quantize(PLACES) for a in stream]
    return Schedule(
        label=sch.label,
        kind=sch.kind,
        line=sch.line,
        period="month",
        amounts=amounts,
        risk=sch.risk,
    )


def _posteriors(review: Review) -> dict[str, DriverForecast]:
    return {d.path: d for d in review.drivers if d.months_observed > 0}


def _benefits(tool: Tool, found: dict[str, DriverForecast], dist: Distribution) -> Tool:
    out = []
    for j, b in enumerate(tool.benefits):
        d = found.get(f"tools.{tool.id}.benefits[{j}]")
        if d is None:
            out.append(b)
            continue
        if isinstance(b, HoursSaved):
            b = b.model_copy(update={"hours_per_month": recentre(b.hours_per_month, d, dist, None)})
        elif isinstance(b, RevenueLift):
            b = b.model_copy(update={"lift": recentre(b.lift, d, dist, Decimal(1))})
        elif isinstance(b, KpiEffect):
            b = b.model_copy(update={"change": recentre(b.change, d, dist, None)})
        else:
            b = b.model_copy(update={"monthly": recentre(b.monthly, d, dist, None)})
        out.append(b)
    return tool.model_copy(update={"benefits": out})


def _scaled_benefits(tool: Tool, factor: Decimal) -> Tool:
    out = []
    for b in tool.benefits:
        field = {HoursSaved: "hours_per_month", RevenueLift: "lift", KpiEffect: "change"}.get(
            type(b), "monthly"
        )
        r: Range = getattr(b, field)
        scaled = Range(low=r.low * factor, likely=r.likely * factor, high=r.high * factor)
        out.append(b.model_copy(update={field: scaled}))
    return tool.model_copy(update={"benefits": out})


def _repriced(tool: Tool, factor: Decimal | None) -> Tool:
    """Every plan of the tool at the price the owner actually pays (``price_factor``)."""
    if factor is None:
        return tool
    plans = [
        p.model_copy(update={"price": (p.price * factor).quantize(PLACES)}) for p in tool.plans
    ]
    return tool.model_copy(update={"plans": plans})


def _running(
    plan: Plan, tool: Tool, k: int, found: dict[str, DriverForecast], factor: Decimal | None
) -> Tool:
    n = plan.horizon.months
    s = tool.start_month
    schedules = []
    for j, sch in enumerate(tool.schedules):
        d = found.get(f"{tool.id}.schedules[{j}]") if sch.kind == "benefit" else None
        schedules.append(_rest(sch, s, n, k, d.posterior_mean if d else Decimal(1)))
    rebased = tool.model_copy(
        update={
            "start_month": 1,
            "setup_cost": ZERO,
            "integration_cost": ZERO,
            "setup_hours": ZERO,
            "training": Training(),
            "data_prep_cost": ZERO,
            "privacy_cost": ZERO,
            "free_trial_days": 0,
            "ramp_months": max(0, tool.ramp_months - (k - s + 1)),
            "schedules": schedules,
        }
    )
    return _benefits(_repriced(rebased, factor), found, plan.simulation.distribution)


def _lock(plan: Plan, tool: Tool, k: int, months: int) -> tuple[Tool, Lock] | None:
    """The tool with its prepaid annual plan as renewals only, or None if not locked."""
    chosen = tool.chosen_plan()
    s = tool.start_month
    if chosen is None or chosen.billing is not Billing.ANNUAL or s > k:
        return None
    renewal = s + 12 * ((k - s) // 12 + 1)
    if renewal <= k + 1:
        return None
    price = plan.bill(chosen)
    amounts = [ZERO] * months
    for m in range(renewal - k, months + 1, 12):
        amounts[m - 1] = price
    renewals = Schedule(
        label=f"subscription:{chosen.id}",
        kind="cost",
        line=LineItem.SUBSCRIPTION,
        period="month",
        amounts=amounts,
    )
    locked = tool.model_copy(
        update={"plans": [], "plan": None, "schedules": [*tool.schedules, renewals]}
    )
    return locked, Lock(tool=tool.id, plan=chosen.id, paid_until=renewal - 1, renewal=renewal)


def _expansion(plan: Plan, original: Tool, rebased: Tool) -> Tool | None:
    chosen = original.chosen_plan()
    ident = original.id + EXPANSION_SUFFIX
    if chosen is None or len(ident) > 64 or any(t.id == ident for t in plan.tools):
        return None
    more = rebased.model_copy(
        update={
            "id": ident,
            "name": f"{original.name} +{chosen.seats}",
            "plans": [chosen],
            "plan": chosen.id,
            "training": original.training,
            "ramp_months": original.ramp_months,
            "maintenance_monthly": ZERO,
            "run_hours_per_month": ZERO,
            "schedules": [],
        }
    )
    return _scaled_benefits(more, EXPANSION_YIELD)


def _monthly_plans_only(tool: Tool) -> Tool:
    monthly = [p for p in tool.plans if p.billing is not Billing.ANNUAL]
    if not monthly or len(monthly) == len(tool.plans):
        return tool
    chosen = tool.chosen_plan()
    keep = chosen.id if chosen is not None and chosen in monthly else monthly[0].id
    return tool.model_copy(update={"plans": monthly, "plan": keep})


def _advised(
    tool: Tool, action: Action | None, locked: bool, force_in: list[str], force_out: list[str]
) -> Tool:
    """The review's advice as bounds: stop and replace out, improve in, annual only if kept."""
    if locked or action is None:
        return tool
    if action in (Action.STOP, Action.REPLACE):
        force_out.append(tool.id)
    elif action is Action.IMPROVE:
        force_in.append(tool.id)
    if action in ANNUAL_ALLOWED:
        return tool
    return _monthly_plans_only(tool)


def rebase(
    plan: Plan,
    review: Review,
    *,
    locks: bool = True,
    expand: bool = True,
    advise: bool = False,
) -> Rebased:
    """The remaining months of ``plan`` with the review's updated estimates.

    With ``advise`` the review's advice per running tool bounds the choice: a tool to
    stop or replace is forced out (unless an annual plan already paid locks it in), a
    tool to improve is forced in, and only a tool to keep or scale up may move to an
    annual plan.
    """
    k = review.months_elapsed
    n = plan.horizon.months
    months = max(MIN_MONTHS, n - k)
    found = _posteriors(review)
    actions = {t.tool: t.action for t in review.tools}
    factors = {t.tool: t.price_factor for t in review.tools}
    tools: list[Tool] = []
    extra: list[Tool] = []
    found_locks: list[Lock] = []
    running: set[str] = set()
    expansions: dict[str, str] = {}
    advised_in: list[str] = []
    advised_out: list[str] = []
    for tool in plan.tools:
        if tool.start_month > k:
            tools.append(tool.model_copy(update={"start_month": tool.start_month - k}))
            continue
        running.add(tool.id)
        rebased = _running(plan, tool, k, found, factors.get(tool.id))
        locked = _lock(plan, rebased, k, months) if locks else None
        if locked is not None:
            rebased, lock = locked
            found_locks.append(lock)
        if advise:
            action = actions.get(tool.id)
            rebased = _advised(rebased, action, locked is not None, advised_in, advised_out)
        tools.append(rebased)
        if expand and actions.get(tool.id) is Action.SCALE_UP:
            more = _expansion(plan, tool, rebased)
            if more is not None:
                extra.append(more)
                expansions[more.id] = tool.id
    start = add_months(plan.horizon.start, k)
    lines = [_rest(sch, 1, n, k, Decimal(1)) for sch in plan.lines]
    goals = [
        g.model_copy(update={"deadline": None})
        if g.deadline is not None and month_index(g.deadline) <= month_index(start)
        else g
        for g in plan.goals
    ]
    pilot = plan.budget.pilot
    if k >= pilot.months:
        pilot = Pilot(max_tools=MAX_PILOT_TOOLS, months=pilot.months)
    else:
        pilot = Pilot(max_tools=pilot.max_tools, months=pilot.months - k)
    policy = plan.optimise or OptimisePolicy()
    locked_ids = [lock.tool for lock in found_locks]
    policy = policy.model_copy(
        update={
            "force_in": list(
                dict.fromkeys(
                    [
                        *(t for t in policy.force_in if t not in advised_out),
                        *locked_ids,
                        *(t for t in advised_in if t not in policy.force_out),
                    ]
                )
            ),
            "force_out": list(
                dict.fromkeys([*(t for t in policy.force_out if t not in locked_ids), *advised_out])
            ),
        }
    )
    rebased_plan = plan.model_copy(
        update={
            "horizon": plan.horizon.model_copy(update={"start": start, "months": months}),
            "tools": tools + extra,
            "lines": lines,
            "goals": goals,
            "budget": plan.budget.model_copy(update={"pilot": pilot}),
            "optimise": policy,
        }
    )
    return Rebased(rebased_plan, k, found_locks, frozenset(running), expansions)
