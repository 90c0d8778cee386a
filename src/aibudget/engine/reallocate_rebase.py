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
candidate, ``<id>.more``: the step up in its own pricing unit (more seats or channels,
or the next tier; :mod:`.reallocate_scale`). The optimiser funds it or not like any
other tool.

The advice (``advise=True``): a tool to **improve** is given ``hours_per_person`` of
training again for its trainees (the plan's own hours, ``DEFAULT_TRAINING_HOURS`` (2)
when it had none; internal time, no fees), costed like any training; a tool to
**replace** gets its best catalog alternative as a candidate starting the month after
the review (:mod:`.reallocate_replace`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from aibudget.domain.allocation import OptimisePolicy
from aibudget.domain.guidance import CatalogTool
from aibudget.domain.months import months_between
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
)
from aibudget.domain.reallocation import Lock
from aibudget.domain.review import Action, DriverForecast, Review
from aibudget.engine.flows import schedule_stream
from aibudget.engine.reallocate_replace import alternative
from aibudget.engine.reallocate_scale import ScaleStep, expansion, scale_step

MIN_MONTHS = 12
MAX_PILOT_TOOLS = 20
DEFAULT_TRAINING_HOURS = Decimal(2)
PLACES = Decimal("0.000001")
ZERO = Decimal(0)
ANNUAL_ALLOWED = (Action.KEEP, Action.SCALE_UP)
Catalog = Mapping[str, CatalogTool] | None
HALF_WIDTH = {Distribution.PERT: math.sqrt(7), Distribution.TRIANGULAR: math.sqrt(6)}


@dataclass(frozen=True)
class Rebased:
    plan: Plan
    k: int
    locks: list[Lock]
    running: frozenset[str]
    expansions: dict[str, str]  # expansion tool id -> tool id
    steps: dict[str, ScaleStep | None]  # tool to scale up -> its step (None: no step)
    replacing: dict[str, Tool]  # tool to replace -> its catalog alternative (candidate)


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
    every = chosen.billing.months
    renewal = s + every * ((k - s) // every + 1)
    if renewal <= k + 1:
        return None
    price = plan.bill(chosen)
    amounts = [ZERO] * months
    for m in range(renewal - k, months + 1, every):
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


def _monthly_plans_only(tool: Tool) -> Tool:
    monthly = [p for p in tool.plans if p.billing is not Billing.ANNUAL]
    if not monthly or len(monthly) == len(tool.plans):
        return tool
    chosen = tool.chosen_plan()
    keep = chosen.id if chosen is not None and chosen in monthly else monthly[0].id
    return tool.model_copy(update={"plans": monthly, "plan": keep})


def retraining(original: Tool) -> Training:
    """The training a tool to improve needs: its plan's hours again, for its trainees."""
    hours = original.training.hours_per_person or DEFAULT_TRAINING_HOURS
    return Training(hours_per_person=hours, trainees=original.training.trainees)


def _advised(
    original: Tool,
    tool: Tool,
    action: Action | None,
    locked: bool,
    bounds: tuple[list[str], list[str]],
) -> Tool:
    """The review's advice as bounds: stop and replace out, improve in with its training,
    annual only if kept."""
    force_in, force_out = bounds
    if locked or action is None:
        return tool
    if action in (Action.STOP, Action.REPLACE):
        force_out.append(tool.id)
    elif action is Action.IMPROVE:
        force_in.append(tool.id)
        tool = tool.model_copy(update={"training": retraining(original)})
    if action in ANNUAL_ALLOWED:
        return tool
    return _monthly_plans_only(tool)


@dataclass
class _Found:
    """What the rebase collects tool by tool."""

    tools: list[Tool] = field(default_factory=list)
    extra: list[Tool] = field(default_factory=list)
    locks: list[Lock] = field(default_factory=list)
    running: set[str] = field(default_factory=set)
    expansions: dict[str, str] = field(default_factory=dict)
    steps: dict[str, ScaleStep | None] = field(default_factory=dict)
    replacing: dict[str, Tool] = field(default_factory=dict)
    advised_in: list[str] = field(default_factory=list)
    advised_out: list[str] = field(default_factory=list)


def _scale(plan: Plan, tool: Tool, rebased: Tool, catalog: Catalog, out: _Found) -> None:
    step = scale_step(plan, tool, catalog)
    more = None if step is None else expansion(plan, tool, rebased, step)
    out.steps[tool.id] = step if more is not None else None
    if more is not None:
        out.extra.append(more)
        out.expansions[more.id] = tool.id


def _replace(plan: Plan, tool: Tool, catalog: Catalog, out: _Found) -> None:
    found = alternative(plan, tool, catalog)
    if found is not None and all(t.id != found[1].id for t in out.extra):
        out.replacing[tool.id] = found[1]
        out.extra.append(found[1])


def rebase(
    plan: Plan,
    review: Review,
    *,
    locks: bool = True,
    expand: bool = True,
    advise: bool = False,
    catalog: Catalog = None,
) -> Rebased:
    """The remaining months of ``plan`` with the review's updated estimates.

    With ``advise`` the review's advice per running tool bounds the choice: a tool to
    stop or replace is forced out (unless an annual plan already paid locks it in) and
    a tool to replace gets its catalog alternative as a candidate, a tool to improve is
    forced in with its training, and only a tool to keep or scale up may move to an
    annual plan. ``catalog`` (the catalog the plan sees) gives the pricing unit of a tool
    to scale up and the alternatives of one to replace.
    """
    k = review.months_elapsed
    n = plan.horizon.months
    months = max(MIN_MONTHS, n - k)
    found = _posteriors(review)
    actions = {t.tool: t.action for t in review.tools}
    factors = {t.tool: t.price_factor for t in review.tools}
    out = _Found()
    for tool in plan.tools:
        if tool.start_month > k:
            out.tools.append(tool.model_copy(update={"start_month": tool.start_month - k}))
            continue
        out.running.add(tool.id)
        action = actions.get(tool.id)
        rebased = _running(plan, tool, k, found, factors.get(tool.id))
        locked = _lock(plan, rebased, k, months) if locks else None
        if locked is not None:
            rebased, lock = locked
            out.locks.append(lock)
        if advise:
            bounds = (out.advised_in, out.advised_out)
            rebased = _advised(tool, rebased, action, locked is not None, bounds)
            if action is Action.REPLACE and locked is None:
                _replace(plan, tool, catalog, out)
        out.tools.append(rebased)
        if expand and action is Action.SCALE_UP:
            _scale(plan, tool, rebased, catalog, out)
    start = plan.calendar_month(k + 1)
    lines = [_rest(sch, 1, n, k, Decimal(1)) for sch in plan.lines]
    goals = [
        g.model_copy(update={"deadline": None})
        if g.deadline is not None and months_between(start, g.deadline) <= 0
        else g
        for g in plan.goals
    ]
    pilot = plan.budget.pilot
    if k >= pilot.months:
        pilot = Pilot(max_tools=MAX_PILOT_TOOLS, months=pilot.months)
    else:
        pilot = Pilot(max_tools=pilot.max_tools, months=pilot.months - k)
    policy = plan.optimise or OptimisePolicy()
    locked_ids = [lock.tool for lock in out.locks]
    policy = policy.model_copy(
        update={
            "force_in": list(
                dict.fromkeys(
                    [
                        *(t for t in policy.force_in if t not in out.advised_out),
                        *locked_ids,
                        *(t for t in out.advised_in if t not in policy.force_out),
                    ]
                )
            ),
            "force_out": list(
                dict.fromkeys(
                    [*(t for t in policy.force_out if t not in locked_ids), *out.advised_out]
                )
            ),
        }
    )
    rebased_plan = plan.model_copy(
        update={
            "horizon": plan.horizon.model_copy(update={"start": start, "months": months}),
            "tools": out.tools + out.extra,
            "lines": lines,
            "goals": goals,
            "budget": plan.budget.model_copy(update={"pilot": pilot}),
            "optimise": policy,
        }
    )
    return Rebased(
        rebased_plan,
        k,
        out.locks,
        frozenset(out.running),
        out.expansions,
        out.steps,
        out.replacing,
    )
