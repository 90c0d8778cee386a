"""The monthly review: plan vs forecast vs actual, a forecast that learns, advice.

Pure: takes a plan and its actuals, returns a :class:`~aibudget.domain.review.Review`.

Months: calendar month ``horizon.start`` is month index 1; the month before it is the
"initial" index 0 (one-off costs, see :mod:`aibudget.engine.flows`); actuals dated
before it or after the horizon are ignored (and counted). The
review month (``as_of``) defaults to the latest month with actuals; "to date" means
months 0 .. as_of.

Costs: *actual* is money with status ``spent``. A (tool, line) on which nothing was
ever recorded up to the review month keeps the plan's amounts as its stand-in (so a
business that records only hours, or never invoices its internal time, still gets a
fair ROI); its variance row then shows ``actual: null``. After the review month the
*forecast* takes planned/committed (or future spent) records where there are any,
the plan's amounts elsewhere, with the subscription at the price really paid: when the
last ``RECENT_MONTHS`` (3) months recorded cost more or less than the plan said for
them, the plan's later subscription amounts are scaled by that ratio
(:func:`price_factor`, kept as ``ToolReview.price_factor`` for the reallocation). Sunk
costs are simply the actuals to date. ``Realised.recorded`` is the spend recorded to
date and ``Realised.unrecorded`` the plan's figures standing in for lines never
recorded; ``Realised.costs`` (and the ROI) counts both.

Benefits: realised benefits are the months recorded (hours saved valued at the rate
of the team member of each hours driver, plus amounts recorded as other benefits).
Estimates for the other months come from :mod:`aibudget.engine.review_forecast`.
Recommendations and milestones: :mod:`aibudget.engine.review_advice`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from aibudget.domain.actuals import PLAN_LEVEL, ActualRecord, Actuals
from aibudget.domain.errors import AibudgetError
from aibudget.domain.guidance import KpiEntry
from aibudget.domain.money import ZERO, round_money, to_money
from aibudget.domain.plan import LineItem, Plan
from aibudget.domain.results import DriverKind
from aibudget.domain.review import (
    DriverForecast,
    LineVariance,
    MonthlySeries,
    Realised,
    Review,
    ToolReview,
)
from aibudget.domain.texts import N_
from aibudget.engine.cashflow import ROI_PLACES, discount_factors, entity_streams, evaluate, figures
from aibudget.engine.flows import Driver, ToolFlows, build_flows, ramp
from aibudget.engine.review_advice import OVER_BUDGET, milestones, recommend
from aibudget.engine.review_facts import Facts, collect
from aibudget.engine.review_forecast import group_kappa, range_sd, update_group
from aibudget.engine.review_kpis import kpi_statuses

SHARE_PLACES = Decimal("0.0001")
RECENT_MONTHS = 3
DRIVER_PLACES = Decimal("0.000001")


class ReviewError(AibudgetError):
    message_id = N_("review.invalid")
    http_status = 422


def _ratio(num: Decimal, den: Decimal) -> Decimal | None:
    return (num / den).quantize(ROI_PLACES) if den > 0 else None


@dataclass
class EntityView:
    costs: list[Decimal]  # actual to date (with stand-ins), forecast after
    recorded_costs: Decimal  # spend recorded to date on recorded lines
    planned_recorded: Decimal  # plan to date on those same lines
    benefits: list[Decimal]  # realised in recorded months, estimated elsewhere
    realised: dict[int, Decimal]
    months_observed: int
    drivers: list[DriverForecast]
    variance: list[LineVariance]
    price_factor: Decimal | None = None


def price_factor(spent: dict[int, Decimal], plan: list[Decimal], k: int) -> Decimal | None:
    """Recent actual subscription over the plan's for the same months, or None.

    The last ``RECENT_MONTHS`` months up to ``k`` with a subscription recorded and one
    planned: what they cost divided by what the plan said they would.
    """
    months = [m for m in sorted(spent, reverse=True) if m <= k and spent[m] > 0 and plan[m] > 0]
    recent = months[:RECENT_MONTHS]
    planned = sum((plan[m] for m in recent), ZERO)
    if not recent or planned <= 0:
        return None
    factor = (sum((spent[m] for m in recent), ZERO) / planned).quantize(SHARE_PLACES)
    return None if factor == 1 else factor


def _costs(entity: ToolFlows, facts: Facts, k: int, n: int) -> EntityView:
    plan_lines: dict[str, list[Decimal]] = defaultdict(lambda: [ZERO] * (n + 1))
    for cost_line in entity.costs:
        stream = plan_lines[cost_line.line.value]
        for m, a in enumerate(cost_line.amounts):
            stream[m] += a
    for tool, recorded_line in list(facts.spent) + list(facts.expected):
        if tool == entity.tool_id:
            plan_lines.setdefault(recorded_line, [ZERO] * (n + 1))
    total = [ZERO] * (n + 1)
    view = EntityView(total, ZERO, ZERO, [], {}, 0, [], [])
    for line, plan_stream in sorted(plan_lines.items()):
        key = (entity.tool_id, line)
        spent = facts.spent.get(key, {})
        future = facts.expected.get(key, {})
        recorded = bool(spent)
        ahead = plan_stream
        if line == LineItem.SUBSCRIPTION.value:
            view.price_factor = price_factor(spent, plan_stream, k)
            if view.price_factor is not None:
                ahead = [a * view.price_factor for a in plan_stream]
        for m in range(n + 1):
            if m <= k:
                total[m] += spent.get(m, ZERO) if recorded else plan_stream[m]
            else:
                total[m] += future.get(m, ahead[m])
        plan_td = sum(plan_stream[: k + 1], ZERO)
        actual = sum(spent.values(), ZERO) if recorded else None
        if recorded:
            view.recorded_costs += actual or ZERO
            view.planned_recorded += plan_td
        forecast = (actual if actual is not None else plan_td) + sum(
            (future.get(m, ahead[m]) for m in range(k + 1, n + 1)), ZERO
        )
        variance = None if actual is None else actual - plan_td
        view.variance.append(
            LineVariance(
                tool=entity.tool_id,
                line=line,
                plan=round_money(plan_td),
                actual=None if actual is None else round_money(actual),
                committed=round_money(facts.committed.get(key, ZERO)),
                forecast=round_money(forecast),
                plan_horizon=round_money(sum(plan_stream, ZERO)),
                variance=None if variance is None else round_money(variance),
                variance_pct=None if variance is None else _ratio(variance, plan_td),
            )
        )
    return view


def _is_hours(driver: Driver) -> bool:
    return driver.ref.kind is DriverKind.HOURS_SAVED


UNITS = {
    DriverKind.HOURS_SAVED: "hours_per_month",
    DriverKind.REVENUE_LIFT: "share",
    DriverKind.COST_AVOIDED: "money_per_month",
    DriverKind.KPI_EFFECT: "kpi_units",
    DriverKind.SCHEDULE: "multiplier",
}


def _exact(value: float) -> Decimal:
    return Decimal(repr(value)).quantize(DRIVER_PLACES)


def _benefits(
    plan: Plan, entity: ToolFlows, facts: Facts, k: int, n: int, view: EntityView
) -> None:
    dist = plan.simulation.distribution
    tool = next((t for t in plan.tools if t.id == entity.tool_id), None)
    owner = plan.member(tool.owner) if tool else None
    owner_rate = float(owner.hourly_cost) if owner else 0.0
    share = ramp(n, tool.start_month, tool.ramp_months) if tool else (Decimal(1),) * (n + 1)
    hours = [d for d in entity.drivers if _is_hours(d)]
    money = [d for d in entity.drivers if not _is_hours(d)]
    benefits = [0.0] * (n + 1)
    for group, drivers, observed, fallback in (
        ("hours", hours, facts.hours.get(entity.tool_id, {}), owner_rate),
        ("money", money, facts.benefit.get(entity.tool_id, {}), 1.0),
    ):
        means = [float(d.range.mean(dist)) for d in drivers]
        sds = [range_sd(d.range, dist) for d in drivers]
        cash = [
            sum(mu * float(d.unit[m]) for mu, d in zip(means, drivers, strict=True))
            for m in range(n + 1)
        ]
        level = [sum(means) * float(share[m]) for m in range(n + 1)] if group == "hours" else cash
        weights = [float(sum(d.unit, ZERO)) for d in drivers]
        seen = {m: float(v) for m, v in observed.items() if m <= k}
        post = update_group(level, seen, group_kappa(means, sds, weights))
        for m in range(n + 1):
            if m in seen:
                value = seen[m] / level[m] * cash[m] if level[m] > 0 else seen[m] * fallback
                view.realised[m] = view.realised.get(m, ZERO) + to_money(value)
                benefits[m] += value
            else:
                benefits[m] += post.phi * cash[m]
        view.months_observed = max(view.months_observed, post.months)
        for d, mu, sd in zip(drivers, means, sds, strict=True):
            view.drivers.append(
                DriverForecast(
                    tool=entity.tool_id,
                    path=d.path,
                    driver=d.ref,
                    group=group,
                    unit=UNITS[d.ref.kind],
                    prior_mean=_exact(mu),
                    prior_sd=_exact(sd),
                    posterior_mean=_exact(mu * post.phi),
                    posterior_sd=_exact(mu * post.phi_sd if post.months else sd),
                    months_observed=post.months,
                )
            )
    view.benefits = [to_money(b) for b in benefits]


def _adoption(plan: Plan, tool_id: str, facts: Facts) -> Decimal | None:
    tool = next((t for t in plan.tools if t.id == tool_id), None)
    chosen = tool.chosen_plan() if tool else None
    for m in sorted(facts.usage.get(tool_id, {}), reverse=True):
        seats, users = facts.usage[tool_id][m]
        seats = seats or (chosen.seats if chosen else None)
        if users is not None and seats:
            return (Decimal(users) / seats).quantize(SHARE_PLACES)
    return None


def _feedback(tool_id: str, facts: Facts) -> Decimal | None:
    months = sorted(facts.feedback.get(tool_id, {}), reverse=True)[:3]
    scores = [s for m in months for s in facts.feedback[tool_id][m]]
    return (sum(scores, ZERO) / len(scores)).quantize(Decimal("0.01")) if scores else None


def _realised(
    costs: list[Decimal],
    benefits: dict[int, Decimal],
    plan_c: list[Decimal],
    plan_b: list[Decimal],
    k: int,
    recorded: Decimal,
) -> Realised:
    c = sum(costs[: k + 1], ZERO)
    b = sum((v for m, v in benefits.items() if m <= k), ZERO)
    pc, pb = sum(plan_c[: k + 1], ZERO), sum(plan_b[: k + 1], ZERO)
    return Realised(
        costs=round_money(c),
        benefits=round_money(b),
        net=round_money(b - c),
        roi=_ratio(b - c, c),
        plan_costs=round_money(pc),
        plan_benefits=round_money(pb),
        plan_roi=_ratio(pb - pc, pc),
        recorded=round_money(recorded),
        unrecorded=round_money(c - recorded),
    )


def _resolve(plan: Plan, record: ActualRecord) -> ActualRecord:
    """A record naming a tool by its name (as people type it) gets the tool's id."""
    if any(t.id == record.tool for t in plan.tools):
        return record
    wanted = record.tool.strip().casefold()
    found = next((t.id for t in plan.tools if t.name.casefold() == wanted), None)
    return record.model_copy(update={"tool": found}) if found else record


def review(
    plan: Plan,
    actuals: Actuals,
    as_of: str | None = None,
    kpi_library: Mapping[str, KpiEntry] | None = None,
) -> Review:
    """Plan vs actual to date, the updated forecast, advice per tool, milestones, and
    each goal's KPI projection. ``kpi_library`` says which way each KPI is better; a KPI
    not in it is judged by its goal's baseline and target."""
    if actuals.currency != plan.currency:
        raise ReviewError(
            N_("review.currency_mismatch"), found=actuals.currency, expected=plan.currency
        )
    model = build_flows(plan)
    n = model.months
    index, name = plan.plan_month, plan.calendar_month

    dated = [(index(r.month), _resolve(plan, r)) for r in actuals.records]
    kept = [(m, r) for m, r in dated if 0 <= m <= n]
    k = min(n, max(0, index(as_of))) if as_of else max((m for m, _ in kept), default=0)
    facts = collect(kept, k)
    dist = plan.simulation.distribution
    conv = plan.horizon.convention
    factors = discount_factors(plan.horizon.discount_rate, n, conv)
    planned = {t.id: t for t in evaluate(plan, conv).tools}
    entities = list(model.entities)
    known = {e.tool_id for e in entities}
    unplanned = sorted(facts.tools - known - {PLAN_LEVEL})
    entities += [ToolFlows(t, t) for t in unplanned]
    if PLAN_LEVEL in facts.tools and PLAN_LEVEL not in known:
        entities.append(ToolFlows(PLAN_LEVEL, "plan"))
    months = n + 1
    totals = {key: [ZERO] * months for key in ("c", "b", "pc", "pb")}
    realised_all: dict[int, Decimal] = {}
    recorded_all = ZERO
    tools, variance, drivers = [], [], []
    for entity in entities:
        view = _costs(entity, facts, k, n)
        recorded_all += view.recorded_costs
        _benefits(plan, entity, facts, k, n, view)
        plan_c, plan_b = entity_streams(entity, n, dist, False)
        for key, stream in (
            ("c", view.costs),
            ("b", view.benefits),
            ("pc", plan_c),
            ("pb", plan_b),
        ):
            totals[key] = [x + y for x, y in zip(totals[key], stream, strict=True)]
        for m, v in view.realised.items():
            realised_all[m] = realised_all.get(m, ZERO) + v
        variance += view.variance
        drivers += view.drivers
        forecast = figures(view.costs, view.benefits, factors)
        plan_total = sum(plan_b, ZERO)
        attainment = _ratio(sum(view.benefits, ZERO), plan_total) if view.months_observed else None
        over = view.recorded_costs > view.planned_recorded * (1 + OVER_BUDGET)
        adoption = _adoption(plan, entity.tool_id, facts)
        feedback = _feedback(entity.tool_id, facts)
        action, reasons = recommend(
            attainment, forecast.npv, adoption, feedback, view.months_observed, over
        )
        base = planned.get(entity.tool_id)
        tools.append(
            ToolReview(
                tool=entity.tool_id,
                name=entity.name,
                realised=_realised(
                    view.costs, view.realised, plan_c, plan_b, k, view.recorded_costs
                ),
                plan=base.expected if base else figures(plan_c, plan_b, factors),
                forecast=forecast,
                attainment=attainment,
                adoption=adoption,
                feedback=feedback,
                months_observed=view.months_observed,
                action=action,
                reasons=reasons,
                price_factor=view.price_factor,
            )
        )
    hours = [
        sum((facts.hours.get(t, {}).get(m, ZERO) for t in facts.hours), ZERO) for m in range(k + 1)
    ]
    kpis, reached = kpi_statuses(
        plan, facts.kpis, k, index, {m: name(m) for m in range(months)}, kpi_library or {}
    )
    return Review(
        currency=plan.currency,
        as_of=name(k),
        months_elapsed=k,
        kpis=kpis,
        variance=variance,
        realised=_realised(totals["c"], realised_all, totals["pc"], totals["pb"], k, recorded_all),
        plan=figures(totals["pc"], totals["pb"], factors),
        forecast=figures(totals["c"], totals["b"], factors),
        drivers=drivers,
        tools=tools,
        milestones=milestones(
            {m: name(m) for m in range(months)},
            hours,
            totals["c"][: k + 1],
            [realised_all.get(m, ZERO) for m in range(k + 1)],
            reached,
        ),
        monthly=MonthlySeries(
            months=[name(m) for m in range(months)],
            plan_costs=[round_money(x) for x in totals["pc"]],
            plan_benefits=[round_money(x) for x in totals["pb"]],
            forecast_costs=[round_money(x) for x in totals["c"]],
            forecast_benefits=[round_money(x) for x in totals["b"]],
            actual_costs=[round_money(x) if m <= k else None for m, x in enumerate(totals["c"])],
            actual_benefits=[
                round_money(realised_all[m]) if m in realised_all else None for m in range(months)
            ],
        ),
        unplanned_tools=unplanned,
        ignored_records=len(dated) - len(kept),
    )
