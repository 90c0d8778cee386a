"""Health-check rules on money: budget, reserve, review, training and change management,
reliance, payback."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_CEILING, Decimal

from aibudget.domain.guidance import Finding, Severity
from aibudget.domain.money import ZERO, round_money
from aibudget.domain.months import months_in_plan_year, per_year, plan_year, pro_rata
from aibudget.domain.plan import BudgetPolicy, LineItem, SkillLevel
from aibudget.domain.results import PLAN_LINES_ID, Figures
from aibudget.domain.texts import N_
from aibudget.engine.lint.base import (
    LintContext,
    finding,
    number,
    remedy,
    round_up_hundred,
    rule,
)

MAX_HORIZON = 36
SHARE_PLACES = Decimal("0.001")
RESERVE_SHARE = Decimal("0.10")  # the reserve a one-click fix keeps
REVIEW_MONTHS = 3  # a quarterly review, as the method asks
MAX_REVIEW_MONTHS = 6  # reviews further apart leave a failing tool funded too long
TRAINING_HOURS = Decimal(4)  # per person, for a tool without any training
NOVICE_SKILLS = frozenset({SkillLevel.NONE, SkillLevel.BEGINNER})
DEFAULT_MIN_TRAINING_SHARE = Decimal(str(BudgetPolicy.model_fields["min_training_share"].default))
# Training and outside advice above the training minimum by this share of the spend pay for
# more than learning each tool: a monthly sharing session, an internal champion's hours, an
# adviser at the reviews (the example plans spend 5-7% of their budget on advice alone).
CHANGE_SHARE = Decimal("0.05")


def _share(part: Decimal, whole: Decimal) -> Decimal:
    return (part / whole).quantize(SHARE_PLACES) if whole > 0 else ZERO


def _has_line(ctx: LintContext, line: LineItem) -> bool:
    schedules = [*ctx.plan.lines, *(s for t in ctx.plan.tools for s in t.schedules)]
    return any(s.kind == "cost" and s.line is line for s in schedules)


def yearly_spend(ctx: LintContext) -> list[Decimal]:
    """Spend (staff time aside) per horizon year; the initial month counts in year 1."""
    years = [ZERO] * max(1, plan_year(ctx.flows.months))
    for entity in ctx.flows.entities:
        for line in entity.costs:
            if line.line is LineItem.INTERNAL_TIME:
                continue
            for month, amount in enumerate(line.amounts):
                years[max(1, plan_year(month)) - 1] += amount
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
        allowed = round_money(pro_rata(annual, months_in_plan_year(year, months)))
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


@rule("no_review_date", Severity.WARNING, ("", "rare"))
def no_review_date(ctx: LintContext) -> Iterator[Finding]:
    """A rigid budget: no date on which it is looked at again, or reviews so far apart
    that a tool that does not work keeps its money for more than half a year."""
    every = ctx.plan.budget.review_every_months
    if every is not None and every <= MAX_REVIEW_MONTHS:
        return
    path = ("budget", "review_every_months")
    fix = remedy("review", (path, REVIEW_MONTHS), months=REVIEW_MONTHS)
    if every is None:
        yield finding("no_review_date", Severity.WARNING, path, remedy=fix, months=REVIEW_MONTHS)
        return
    yield finding(
        "no_review_date",
        Severity.WARNING,
        path,
        "rare",
        fix_params={"months": REVIEW_MONTHS},
        remedy=fix,
        months=every,
        max_months=MAX_REVIEW_MONTHS,
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


@rule("change_management", Severity.WARNING)
def change_management(ctx: LintContext) -> Iterator[Finding]:
    """Change management under-budgeted: most of the team is new to AI, and training and
    outside advice together barely pass the training minimum, so nothing pays for the team
    to learn together (sharing sessions, an internal champion, an adviser)."""
    team = ctx.plan.team
    novices = sum(1 for m in team if m.ai_skill in NOVICE_SKILLS)
    spend = ctx.spend()
    if not ctx.plan.tools or spend <= 0 or novices * 2 <= len(team):
        return
    costs = ctx.evaluation.costs_by_line
    people = costs.get(LineItem.TRAINING.value, ZERO) + costs.get(LineItem.ADVICE.value, ZERO)
    floor = max(ctx.plan.budget.min_training_share, DEFAULT_MIN_TRAINING_SHARE)
    needed = floor + CHANGE_SHARE
    if people >= spend * needed or needed >= 1:
        return
    # advice added to the plan is spend too: enough of it to reach the share afterwards
    gap = per_year((spend * needed - people) / (1 - needed), ctx.plan.horizon.months)
    yield finding(
        "change_management",
        Severity.WARNING,
        ("lines",),
        novices=novices,
        members=len(team),
        people_share=_share(people, spend),
        min_share=needed,
        amount=round_up_hundred(gap),
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


# Message ids built at run time in this module, declared for message extraction.
MESSAGES = (
    N_("fix.change_management"),
    N_("fix.horizon_too_short"),
    N_("fix.horizon_too_short.tool"),
    N_("fix.never_pays_back"),
    N_("fix.never_pays_back.tool"),
    N_("fix.no_reserve"),
    N_("fix.no_review_date"),
    N_("fix.no_review_date.rare"),
    N_("fix.over_budget"),
    N_("fix.over_budget.reserve"),
    N_("fix.over_budget.year"),
    N_("fix.single_tool_reliance"),
    N_("fix.single_tool_reliance.only"),
    N_("fix.training_underbudgeted"),
    N_("fix.training_underbudgeted.tool"),
    N_("lint.change_management"),
    N_("lint.horizon_too_short"),
    N_("lint.horizon_too_short.tool"),
    N_("lint.never_pays_back"),
    N_("lint.never_pays_back.tool"),
    N_("lint.no_reserve"),
    N_("lint.no_review_date"),
    N_("lint.no_review_date.rare"),
    N_("lint.over_budget"),
    N_("lint.over_budget.reserve"),
    N_("lint.over_budget.year"),
    N_("lint.single_tool_reliance"),
    N_("lint.single_tool_reliance.only"),
    N_("lint.training_underbudgeted"),
    N_("lint.training_underbudgeted.tool"),
)
