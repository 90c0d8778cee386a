"""Deterministic cash flows, NPV, ROI and payback, exact in Decimal.

The expected view uses each input's mean under the plan's distribution; the
risk-adjusted view reduces each benefit by its risk share and raises each cost by its
risk share, as total-economic-impact studies do. Both conventions of discounting are
described in :class:`aibudget.domain.plan.Convention`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, localcontext
from functools import lru_cache

from aibudget.domain.money import ZERO, round_money
from aibudget.domain.months import MONTHS_PER_YEAR, plan_year
from aibudget.domain.plan import Convention, Distribution, Plan
from aibudget.domain.results import Evaluation, Figures, PeriodRow, ToolResult
from aibudget.engine.flows import FlowModel, Stream, ToolFlows, build_flows

ROI_PLACES = Decimal("0.0001")
FACTORS_REMEMBERED = 64  # (rate, months, convention) triples; a few KiB each


def discount_factors(rate: Decimal, months: int, convention: Convention) -> Stream:
    """Factor applied to month m's cash (m = 0..months) under the convention."""
    # Keyed by the rate's text: equal Decimals may differ in exponent (0.1 and 0.10).
    return _discount_factors(str(rate), months, convention)


@lru_cache(maxsize=FACTORS_REMEMBERED)
def _discount_factors(rate_text: str, months: int, convention: Convention) -> Stream:
    """A pure function of its arguments (an immutable tuple), so remembering it is safe."""
    base = 1 + Decimal(rate_text)
    with localcontext() as ctx:
        ctx.prec = 34
        if convention is Convention.MONTHLY:
            return tuple(base ** (-Decimal(m) / MONTHS_PER_YEAR) for m in range(months + 1))
        return tuple(base ** -plan_year(m) for m in range(months + 1))


def npv(flows: Sequence[Decimal], factors: Sequence[Decimal]) -> Decimal:
    return sum((f * d for f, d in zip(flows, factors, strict=True)), ZERO)


def payback_month(costs: Sequence[Decimal], benefits: Sequence[Decimal]) -> int | None:
    """First month whose cumulative net cash (undiscounted) is >= 0 once money was spent."""
    cumulative = ZERO
    spent = ZERO
    for m, (c, b) in enumerate(zip(costs, benefits, strict=True)):
        cumulative += b - c
        spent += c
        if spent > 0 and cumulative >= 0:
            return m
    return None


def figures(
    costs: Sequence[Decimal], benefits: Sequence[Decimal], factors: Sequence[Decimal]
) -> Figures:
    pv_c = npv(costs, factors)
    pv_b = npv(benefits, factors)
    value = pv_b - pv_c
    roi = (value / pv_c).quantize(ROI_PLACES) if pv_c > 0 else None
    return Figures(
        pv_costs=round_money(pv_c),
        pv_benefits=round_money(pv_b),
        npv=round_money(value),
        roi=roi,
        payback_month=payback_month(costs, benefits),
    )


def _add(a: Sequence[Decimal], b: Sequence[Decimal]) -> list[Decimal]:
    return [x + y for x, y in zip(a, b, strict=True)]


def entity_streams(
    entity: ToolFlows, months: int, distribution: Distribution, risk_adjusted: bool
) -> tuple[list[Decimal], list[Decimal]]:
    """Monthly costs and benefits of one tool at the inputs' means."""
    costs = [ZERO] * (months + 1)
    benefits = [ZERO] * (months + 1)
    for line in entity.costs:
        factor = 1 + line.risk if risk_adjusted else Decimal(1)
        costs = _add(costs, [a * factor for a in line.amounts])
    for d in entity.drivers:
        value = d.range.mean(distribution)
        if risk_adjusted:
            value *= 1 - d.risk
        benefits = _add(benefits, [u * value for u in d.unit])
    return costs, benefits


def costs_by_line(entity: ToolFlows) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for line in entity.costs:
        out[line.line.value] = out.get(line.line.value, ZERO) + sum(line.amounts, ZERO)
    return {k: round_money(v) for k, v in out.items()}


def _periods(
    costs: Sequence[Decimal], benefits: Sequence[Decimal], rate: Decimal, months: int
) -> list[PeriodRow]:
    rows = []
    factors = discount_factors(rate, months, Convention.ANNUAL)
    for p in range(plan_year(months) + 1):
        idx = [m for m in range(months + 1) if plan_year(m) == p]
        c = sum((costs[m] for m in idx), ZERO)
        b = sum((benefits[m] for m in idx), ZERO)
        rows.append(
            PeriodRow(
                label="initial" if p == 0 else f"year {p}",
                costs=round_money(c),
                benefits=round_money(b),
                net=round_money(b - c),
                discount_factor=factors[idx[0]].quantize(Decimal("0.000001")),
                pv_net=round_money((b - c) * factors[idx[0]]),
            )
        )
    return rows


def evaluate(plan: Plan, convention: Convention | None = None) -> Evaluation:
    """Expected and risk-adjusted figures for every tool and the whole plan."""
    model = build_flows(plan)
    return evaluate_flows(plan, model, convention or plan.horizon.convention)


def evaluate_flows(plan: Plan, model: FlowModel, convention: Convention) -> Evaluation:
    n = model.months
    dist = plan.simulation.distribution
    factors = discount_factors(plan.horizon.discount_rate, n, convention)
    zeros = [ZERO] * (n + 1)
    total = {False: (zeros, zeros), True: (zeros, zeros)}
    tools: list[ToolResult] = []
    lines: dict[str, Decimal] = {}
    for entity in model.entities:
        views = {}
        for adjusted in (False, True):
            c, b = entity_streams(entity, n, dist, adjusted)
            views[adjusted] = (c, b)
            total[adjusted] = (_add(total[adjusted][0], c), _add(total[adjusted][1], b))
        by_line = costs_by_line(entity)
        for k, v in by_line.items():
            lines[k] = lines.get(k, ZERO) + v
        tools.append(
            ToolResult(
                id=entity.tool_id,
                name=entity.name,
                expected=figures(*views[False], factors),
                risk_adjusted=figures(*views[True], factors),
                monthly_costs=[round_money(x) for x in views[False][0]],
                monthly_benefits=[round_money(x) for x in views[False][1]],
                costs_by_line=by_line,
            )
        )
    costs, benefits = total[False]
    cumulative: list[Decimal] = []
    running = ZERO
    for cost, benefit in zip(costs, benefits, strict=True):
        running += benefit - cost
        cumulative.append(round_money(running))
    return Evaluation(
        currency=model.currency,
        convention=convention.value,
        months=n,
        start=plan.horizon.start,
        discount_rate=plan.horizon.discount_rate,
        expected=figures(costs, benefits, factors),
        risk_adjusted=figures(*total[True], factors),
        monthly_costs=[round_money(x) for x in costs],
        monthly_benefits=[round_money(x) for x in benefits],
        cumulative_net=cumulative,
        periods=_periods(costs, benefits, plan.horizon.discount_rate, n),
        costs_by_line=lines,
        tools=tools,
    )
