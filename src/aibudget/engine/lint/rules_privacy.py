"""Health-check rule on customer data: which tools handle it, and whether the plan keeps
enough money for data quality and privacy (Taiwan's Personal Data Protection Act).

The minimum is a share of the yearly AI budget, half the share suggested as a starting
line: below it the money cannot pay even for the basics each tool handling customer data
needs (a notice and consent wording, a way to refuse marketing, a check of the vendor's
data terms, cleaning the list it works on).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal

from aibudget.domain.guidance import CatalogTool, Finding, KpiEntry, Severity
from aibudget.domain.money import ZERO, round_money
from aibudget.domain.months import per_year
from aibudget.domain.plan import Category, KpiEffect, LineItem, Tool
from aibudget.domain.texts import N_
from aibudget.engine.lint.base import LintContext, budget_share, finding, number, remedy, rule

PRIVACY_SHARE = Decimal("0.05")  # of the annual AI budget: the line suggested to start with
MIN_PRIVACY_SHARE = PRIVACY_SHARE / 2  # of the annual AI budget: less does not count
# Tools of these kinds keep customers' details by their nature: conversations, profiles,
# mailing lists.
CUSTOMER_DATA_CATEGORIES = frozenset({Category.CHATBOT, Category.CUSTOMER_DATA, Category.EMAIL})


def handles_customer_data(
    tool: Tool, entry: CatalogTool | None, kpis: Mapping[str, KpiEntry]
) -> bool:
    """A tool handles customer data when it says so, when the catalog says so, when its
    category keeps customers' details, or when it serves a KPI measured on them."""
    if tool.uses_customer_data or (entry is not None and entry.uses_customer_data):
        return True
    categories = {tool.category, *((entry.category,) if entry is not None else ())}
    if categories & CUSTOMER_DATA_CATEGORIES:
        return True
    served = [*tool.kpis, *(b.kpi for b in tool.benefits if isinstance(b, KpiEffect))]
    return any(k in kpis and kpis[k].customer_data for k in served)


def privacy_suggestion(annual_budget: Decimal) -> Decimal:
    """A yearly data-quality and privacy line to start from: a share of the annual AI
    budget, rounded up to a whole hundred."""
    return budget_share(annual_budget, PRIVACY_SHARE)


def privacy_minimum(annual_budget: Decimal) -> Decimal:
    """The least yearly data-quality and privacy money that counts as a budget for it."""
    return round_money(annual_budget * MIN_PRIVACY_SHARE)


def privacy_per_year(ctx: LintContext) -> Decimal:
    """Data-quality and privacy money a year: the budget's yearly line, or the tools' and
    plan lines' costs spread over the horizon, whichever is more (the allocation tops the
    costs up to the line)."""
    costs = ctx.evaluation.costs_by_line.get(LineItem.DATA_PRIVACY.value, ZERO)
    spread = per_year(costs, ctx.plan.horizon.months)
    return round_money(max(ctx.plan.budget.data_privacy_annual, spread))


@rule("no_data_privacy_budget", Severity.WARNING, ("", "low"))
def no_data_privacy_budget(ctx: LintContext) -> Iterator[Finding]:
    """Tools handle customer data and nothing, or less than the minimum, is budgeted for
    data quality and privacy."""
    holding = [
        (i, tool)
        for i, tool in enumerate(ctx.plan.tools)
        if handles_customer_data(tool, ctx.entry(tool), ctx.kpis)
    ]
    if not holding:
        return
    annual = ctx.plan.annual_budget()
    amount = privacy_suggestion(annual)
    path = ("budget", "data_privacy_annual")
    fix = remedy("privacy", (path, number(amount)), amount=amount) if amount > 0 else None
    money = privacy_per_year(ctx)
    if money == 0:
        for i, tool in holding:
            yield finding(
                "no_data_privacy_budget",
                Severity.WARNING,
                ("tools", i, "privacy_cost"),
                remedy=fix,
                tool=tool.name,
                amount=amount,
            )
        return
    minimum = privacy_minimum(annual)
    if money < minimum:
        names = [tool.name for _, tool in holding]
        yield finding(
            "no_data_privacy_budget",
            Severity.WARNING,
            path,
            "low",
            remedy=fix,
            tools={"en": ", ".join(names), "zh-TW": "、".join(names)},
            money=money,
            minimum=minimum,
            min_share=MIN_PRIVACY_SHARE,
            amount=amount,
        )


# Message ids built at run time in this module, declared for message extraction.
MESSAGES = (
    N_("fix.no_data_privacy_budget"),
    N_("fix.no_data_privacy_budget.low"),
    N_("lint.no_data_privacy_budget"),
    N_("lint.no_data_privacy_budget.low"),
)
