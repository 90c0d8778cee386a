"""Health-check rules on money: budget, reserve, review, training, reliance, privacy,
payback."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_CEILING, Decimal

from aibudget.domain.guidance import Finding, Severity
from aibudget.domain.money import ZERO, round_money
from aibudget.domain.plan import LineItem
from aibudget.domain.results import Figures
from aibudget.engine.cashflow import period_of
from aibudget.engine.flows import PLAN_LINES_ID
from aibudget.engine.lint.base import LintContext, finding, number, remedy, rule

MAX_HORIZON = 36
SHARE_PLACES = Decimal("0.001")
RESERVE_SHARE = Decimal("0.10")  # the reserve a one-click fix keeps
REVIEW_MONTHS = 3  # a quarterly review
TRAINING_HOURS = Decimal(4)  # per person, for a tool without any training
PRIVACY_SHARE = Decimal("0.05")  # of the annual AI budget, for data quality and privacy
PRIVACY_ROUND = Decimal(100)


def _share(part: Decimal, whole: Decimal) -> Decimal:
    return (part / whole).quantize(SHARE_PLACES) if whole > 0 else ZERO


def _has_line(ctx: LintContext, line: LineItem) -> bool:
    schedules = [*ctx.plan.lines, *(s for t in ctx.plan.tools for s in t.schedules)]
    return any(s.kind == "cost" and s.line is line for s in schedules)


def yearly_spend(ctx: LintContext) -> list[Decimal]:
    """Spend (staff time aside) per horizon year; the initial month counts in year 1."""
    years = [ZERO] * max(1, period_of(ctx.flows.months))
    for entity in ctx.flows.entities:
        for line in entity.costs:
            if line.line is LineItem.INTERNAL_TIME:
                continue
            for month, amount in enumerate(line.amounts):
                years[max(1, period_of(month)) - 1] += amount
    return years


@rule("over_budget", Severity.ERROR, ("", "reserve", "year"))
def over_budget(ctx: LintContext) -> Iterator[Finding]:
    """Spend over the horizon (staff time aside) against the AI budget for as long; and,
    when the whole fits, each year against the budget of that year."""
    plan = ctx.plan
    months = plan.horizon.months
    budget = plan.horizon_budget()
    spend = round_money(ctx.spend())
    path = ("budget",)
    if spend > budget:
        yield finding(
            "over_budget",
            Severity.ERROR,
            path,
            spend=spend,
            budget=budget,
            months=months,
            over=spend - budget,
        )
        return
    reserve_share = plan.budget.min_reserve_share
    if reserve_share > 0 and not _has_line(ctx, LineItem.RESERVE):
        free = budget - spend
        if free < budget * reserve_share:
            yield finding(
                "over_budget",
                Severity.WARNING,
                path,
                "reserve",
                spend=spend,
                budget=budget,
                months=months,
                reserve_share=reserve_share,
            )
    annual = plan.annual_budget()
    for year, amount in enumerate(yearly_spend(ctx), start=1):
        months_in_year = min(12, months - 12 * (year - 1))
        allowed = round_money(annual * months_in_year / 12)
        if round_money(amount) > allowed:
            yield finding(
                "over_budget",
                Severity.WARNING,
                path,
                "year",
                year=year,
                spend=round_money(amount),
                budget=allowed,
            )


@rule("no_reserve", Severity.WARNING)
def no_reserve(ctx: LintContext) -> Iterator[Finding]:
    """A rigid budget: nothing kept for experiments and new tools."""
    if ctx.plan.budget.min_reserve_share == 0 and not _has_line(ctx, LineItem.RESERVE):
        path = ("budget", "min_reserve_share")
        yield finding(
            "no_reserve",
            Severity.WARNING,
            path,
            remedy=remedy("reserve", (path, number(RESERVE_SHARE)), share=RESERVE_SHARE),
            share=RESERVE_SHARE,
        )


@rule("no_review_date", Severity.WARNING)
def no_review_date(ctx: LintContext) -> Iterator[Finding]:
    """A rigid budget: no date on which it is looked at again."""
    if ctx.plan.budget.review_every_months is None:
        path = ("budget", "review_every_months")
        yield finding(
            "no_review_date",
            Severity.WARNING,
            path,
            remedy=remedy("review", (path, REVIEW_MONTHS), months=REVIEW_MONTHS),
            months=REVIEW_MONTHS,
        )


@rule("training_underbudgeted", Severity.WARNING, ("", "tool"))
def training_underbudgeted(ctx: LintContext) -> Iterator[Finding]:
    """Training and change management below the plan's minimum share, or absent for a tool."""
    for i, tool in enumerate(ctx.plan.tools):
        if tool.training.hours_per_person == 0 and tool.training.fees == 0:
            hours = number(TRAINING_HOURS)
            yield finding(
                "training_underbudgeted",
                Severity.WARNING,
                ("tools", i, "training"),
                "tool",
                remedy=remedy(
                    "training",
                    (("tools", i, "training", "hours_per_person"), hours),
                    tool=tool.name,
                    hours=hours,
                ),
                tool=tool.name,
                hours=hours,
            )
    spend = ctx.spend()
    minimum = ctx.plan.budget.min_training_share
    training = ctx.evaluation.costs_by_line.get(LineItem.TRAINING.value, ZERO)
    if spend > 0 and minimum > 0 and training < spend * minimum:
        yield finding(
            "training_underbudgeted",
            Severity.WARNING,
            ("budget", "min_training_share"),
            training=round_money(training),
            training_share=_share(training, spend),
            min_share=minimum,
        )


@rule("single_tool_reliance", Severity.WARNING, ("", "only"))
def single_tool_reliance(ctx: LintContext) -> Iterator[Finding]:
    """Over-reliance on one tool: one tool carries more than the allowed share of costs."""
    tools = ctx.plan.tools
    if len(tools) == 1:
        yield finding(
            "single_tool_reliance", Severity.INFO, ("tools", 0), "only", tool=tools[0].name
        )
        return
    costs = {t.id: ctx.tool_cost(t.id) for t in tools}
    total = sum(costs.values(), ZERO)
    cap = ctx.plan.budget.max_tool_share
    for i, tool in enumerate(tools):
        share = _share(costs[tool.id], total)
        if total > 0 and share > cap:
            yield finding(
                "single_tool_reliance",
                Severity.WARNING,
                ("tools", i),
                tool=tool.name,
                tool_share=share,
                max_share=cap,
            )


@rule("no_data_privacy_budget", Severity.WARNING)
def no_data_privacy_budget(ctx: LintContext) -> Iterator[Finding]:
    """A tool uses customer data and nothing is budgeted for data quality and privacy."""
    money = ctx.evaluation.costs_by_line.get(LineItem.DATA_PRIVACY.value, ZERO)
    if money > 0 or ctx.plan.budget.data_privacy_annual > 0:
        return
    amount = privacy_suggestion(ctx.plan.annual_budget())
    fix = None
    if amount > 0:
        path = ("budget", "data_privacy_annual")
        fix = remedy("privacy", (path, number(amount)), amount=amount)
    for i, tool in enumerate(ctx.plan.tools):
        entry = ctx.entry(tool)
        if tool.uses_customer_data or (entry is not None and entry.uses_customer_data):
            yield finding(
                "no_data_privacy_budget",
                Severity.WARNING,
                ("tools", i, "privacy_cost"),
                remedy=fix,
                tool=tool.name,
                amount=amount,
            )


def privacy_suggestion(annual_budget: Decimal) -> Decimal:
    """A yearly data-quality and privacy line to start from: a share of the annual AI
    budget, rounded up to a whole hundred."""
    units = (annual_budget * PRIVACY_SHARE / PRIVACY_ROUND).to_integral_value(ROUND_CEILING)
    return units * PRIVACY_ROUND


def _payback_beyond(
    figures: Figures, costs: list[Decimal], benefits: list[Decimal], cumulative: Decimal
) -> int | None:
    """Month it would pay back if the last month's net went on; None if it never would."""
    net_last = benefits[-1] - costs[-1]
    if figures.payback_month is not None or figures.pv_costs <= 0 or net_last <= 0:
        return None
    extra = (-cumulative / net_last).to_integral_value(rounding=ROUND_CEILING)
    return len(costs) - 1 + max(1, int(extra))


@rule("horizon_too_short", Severity.WARNING, ("", "tool"))
def horizon_too_short(ctx: LintContext) -> Iterator[Finding]:
    """No payback inside the horizon, though each month at full use already earns."""
    ev = ctx.evaluation
    months = ctx.plan.horizon.months
    month = _payback_beyond(
        ev.expected, ev.monthly_costs, ev.monthly_benefits, ev.cumulative_net[-1]
    )
    if month is not None:
        yield finding(
            "horizon_too_short",
            Severity.WARNING,
            ("horizon", "months"),
            months=months,
            month=month,
            max_months=MAX_HORIZON,
        )
    index = {t.id: i for i, t in enumerate(ctx.plan.tools)}
    for result in ev.tools:
        if result.id == PLAN_LINES_ID:
            continue
        cumulative = sum(result.monthly_benefits, ZERO) - sum(result.monthly_costs, ZERO)
        month = _payback_beyond(
            result.expected, result.monthly_costs, result.monthly_benefits, cumulative
        )
        if month is not None:
            yield finding(
                "horizon_too_short",
                Severity.INFO,
                ("tools", index[result.id]),
                "tool",
                tool=result.name,
                months=months,
                month=month,
            )


@rule("never_pays_back", Severity.WARNING, ("", "tool"))
def never_pays_back(ctx: LintContext) -> Iterator[Finding]:
    """Even at full use a month costs more than it returns: no horizon would pay it back."""
    ev = ctx.evaluation

    def losing(figures: Figures, costs: list[Decimal], benefits: list[Decimal]) -> bool:
        return (
            figures.payback_month is None and figures.pv_costs > 0 and benefits[-1] - costs[-1] <= 0
        )

    if losing(ev.expected, ev.monthly_costs, ev.monthly_benefits):
        yield finding("never_pays_back", Severity.WARNING, ("tools",))
    index = {t.id: i for i, t in enumerate(ctx.plan.tools)}
    for result in ev.tools:
        if result.id != PLAN_LINES_ID and losing(
            result.expected, result.monthly_costs, result.monthly_benefits
        ):
            yield finding(
                "never_pays_back",
                Severity.WARNING,
                ("tools", index[result.id]),
                "tool",
                tool=result.name,
            )
