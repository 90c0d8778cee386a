"""Health-check rules on tools and the team: owners, hours, lock-in, trials, prices."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from aibudget.domain.guidance import Finding, Remedy, Severity
from aibudget.domain.money import ZERO
from aibudget.domain.months import month_of, months_between
from aibudget.domain.plan import Billing, LineItem, Plan, TeamMember, Tool
from aibudget.domain.texts import N_
from aibudget.engine.lint.base import LintContext, finding, number, remedy, rule, tier_label

STALE_PRICE_MONTHS = 12
DAYS_PER_MONTH = 30
MAX_TRIAL_DAYS = 365


@rule("tool_owner_invalid", Severity.ERROR, ("missing", "no_time"))
def tool_owner_invalid(ctx: LintContext) -> Iterator[Finding]:
    """Every tool needs an owner from the team who has time for it."""
    for i, tool in enumerate(ctx.plan.tools):
        owner = ctx.plan.member(tool.owner)
        path = ("tools", i, "owner")
        if owner is None:
            yield finding(
                "tool_owner_invalid",
                Severity.ERROR,
                path,
                "missing",
                remedy=_new_owner(ctx.plan, tool, path),
                tool=tool.name,
                member=tool.owner,
            )
        elif owner.free_hours_per_month == 0 and (tool.run_hours_per_month or tool.setup_hours):
            yield finding(
                "tool_owner_invalid",
                Severity.ERROR,
                path,
                "no_time",
                remedy=_new_owner(ctx.plan, tool, path),
                tool=tool.name,
                member=owner.name or owner.id,
            )


def _new_owner(plan: Plan, tool: Tool, path: tuple[str | int, ...]) -> Remedy | None:
    """Give the tool to the team member with the most free hours, if anyone has some."""
    free: list[TeamMember] = [
        m for m in plan.team if m.free_hours_per_month > 0 and m.id != tool.owner
    ]
    if not free:
        return None
    best = max(free, key=lambda m: m.free_hours_per_month)
    return remedy("owner", (path, best.id), tool=tool.name, member=best.name or best.role)


def committed_hours(plan: Plan, one_off: bool = True) -> dict[str, list[Decimal]]:
    """Hours each team member gives to the plan in each month 0..N.

    The same timing as the cash flows: set-up and training in the month before a tool
    starts, running hours every month from its start. ``one_off=False`` counts the
    running hours only.
    """
    n = plan.horizon.months
    hours = {m.id: [ZERO] * (n + 1) for m in plan.team}
    for tool in plan.tools:
        s = tool.start_month
        if tool.owner in hours:
            owner = hours[tool.owner]
            if one_off and s - 1 <= n:
                owner[s - 1] += tool.setup_hours
            for k in range(s, n + 1):
                owner[k] += tool.run_hours_per_month
        if not one_off:
            continue
        for trainee in tool.training.trainees or [tool.owner]:
            if trainee in hours and s - 1 <= n:
                hours[trainee][s - 1] += tool.training.hours_per_person
    return hours


@rule("hours_overcommitted", Severity.ERROR, ("", "peak"))
def hours_overcommitted(ctx: LintContext) -> Iterator[Finding]:
    """A member's hours for the plan exceed their free hours.

    Running hours above the free hours of a month is an error (it cannot work month
    after month); a set-up and training month above them is a warning (spread it out).
    """
    running = committed_hours(ctx.plan, one_off=False)
    total = committed_hours(ctx.plan)
    for i, member in enumerate(ctx.plan.team):
        path = ("team", i, "free_hours_per_month")
        free = member.free_hours_per_month
        for series, severity, variant in (
            (running[member.id], Severity.ERROR, ""),
            (total[member.id], Severity.WARNING, "peak"),
        ):
            peak = max(series)
            if peak > free:
                yield finding(
                    "hours_overcommitted",
                    severity,
                    path,
                    variant,
                    member=member.name or member.id,
                    hours=number(peak),
                    free=number(free),
                    month=series.index(peak),
                )
                break


@rule("annual_lockin_pilot", Severity.WARNING, ("", "switch"))
def annual_lockin_pilot(ctx: LintContext) -> Iterator[Finding]:
    """An annual commitment for a tool that starts inside the pilot phase."""
    pilot_months = ctx.plan.budget.pilot.months
    for i, tool in enumerate(ctx.plan.tools):
        chosen = tool.chosen_plan()
        if chosen is None or not tool.locks_in_during_pilot(pilot_months):
            continue
        monthly = next((p for p in tool.plans if p.billing is Billing.MONTHLY), None)
        path = ("tools", i, "plan")
        fix = None
        if monthly is not None:
            fix = remedy("monthly", (path, monthly.id), tool=tool.name, plan=tier_label(monthly))
        elif pilot_months + 1 <= ctx.plan.horizon.months:
            start = pilot_months + 1
            fix = remedy("after_pilot", (("tools", i, "start_month"), start), tool=tool.name,
                         month=start)  # fmt: skip
        yield finding(
            "annual_lockin_pilot",
            Severity.WARNING,
            path,
            "switch" if monthly else "",
            remedy=fix,
            tool=tool.name,
            months=pilot_months,
            plan=tier_label(monthly or chosen),
        )


@rule("free_trial_unused", Severity.INFO, ("trial", "free_plan"))
def free_trial_unused(ctx: LintContext) -> Iterator[Finding]:
    """The catalog says the tool can be tried for free, and the plan pays from day one."""
    for i, tool in enumerate(ctx.plan.tools):
        entry = ctx.entry(tool)
        chosen = tool.chosen_plan()
        if entry is None or chosen is None or chosen.price == 0 or tool.free_trial_days > 0:
            continue
        path = ("tools", i, "free_trial_days")
        pilot = ctx.plan.budget.pilot.months
        fix = None
        if entry.trial.free_plan:
            variant = "free_plan"
            days = min(MAX_TRIAL_DAYS, DAYS_PER_MONTH * pilot)
            fix = remedy("free_plan", (path, days), tool=tool.name, months=pilot)
        elif entry.trial.available:
            variant = "trial"
            days = entry.trial.days or 0
            if days:
                fix = remedy("trial", (path, days), tool=tool.name, days=days)
        else:
            continue
        yield finding(
            "free_trial_unused",
            Severity.INFO,
            path,
            variant,
            remedy=fix,
            tool=tool.name,
            days=entry.trial.days or 0,
            months=pilot,
        )


@rule("tool_price_missing", Severity.WARNING)
def tool_price_missing(ctx: LintContext) -> Iterator[Finding]:
    """No subscription price at all: the catalog had none, so enter your quote."""
    for i, tool in enumerate(ctx.plan.tools):
        if tool.plans:
            continue
        if any(s.kind == "cost" and s.line is LineItem.SUBSCRIPTION for s in tool.schedules):
            continue
        yield finding("tool_price_missing", Severity.WARNING, ("tools", i, "plans"), tool=tool.name)


@rule("price_stale", Severity.INFO)
def price_stale(ctx: LintContext) -> Iterator[Finding]:
    """A price seen more than a year before the plan starts may have changed."""
    for i, tool in enumerate(ctx.plan.tools):
        chosen = tool.chosen_plan()
        if chosen is None or chosen.as_of is None:
            continue
        age = months_between(month_of(chosen.as_of), ctx.plan.horizon.start)
        if age > STALE_PRICE_MONTHS:
            j = tool.plans.index(chosen)
            yield finding(
                "price_stale",
                Severity.INFO,
                ("tools", i, "plans", j, "as_of"),
                tool=tool.name,
                as_of=chosen.as_of.isoformat(),
                months=age,
            )


@rule("pilot_too_many_tools", Severity.WARNING)
def pilot_too_many_tools(ctx: LintContext) -> Iterator[Finding]:
    """More tools start inside the pilot phase than the pilot allows."""
    pilot = ctx.plan.budget.pilot
    starting = [t for t in ctx.plan.tools if t.start_month <= pilot.months]
    if len(starting) > pilot.max_tools:
        yield finding(
            "pilot_too_many_tools",
            Severity.WARNING,
            ("budget", "pilot", "max_tools"),
            remedy=_later_starts(ctx.plan),
            count=len(starting),
            max_tools=pilot.max_tools,
            months=pilot.months,
            next_month=pilot.months + 1,
        )


def _later_starts(plan: Plan) -> Remedy | None:
    """Keep the pilot's allowance of tools (the earliest to start, then in plan order)
    and start the others the month after the pilot."""
    pilot = plan.budget.pilot
    later = pilot.months + 1
    if later > plan.horizon.months:
        return None
    starting = sorted(
        (i for i, t in enumerate(plan.tools) if t.start_month <= pilot.months),
        key=lambda i: (plan.tools[i].start_month, i),
    )
    moved = starting[pilot.max_tools :]
    names = [plan.tools[i].name for i in moved]
    return remedy(
        "pilot_later",
        *((("tools", i, "start_month"), later) for i in moved),
        tools={"en": ", ".join(names), "zh-TW": "、".join(names)},
        month=later,
    )


# Message ids built at run time in this module, declared for message extraction.
MESSAGES = (
    N_("fix.annual_lockin_pilot"),
    N_("fix.annual_lockin_pilot.switch"),
    N_("fix.free_trial_unused.free_plan"),
    N_("fix.free_trial_unused.trial"),
    N_("fix.hours_overcommitted"),
    N_("fix.hours_overcommitted.peak"),
    N_("fix.pilot_too_many_tools"),
    N_("fix.price_stale"),
    N_("fix.tool_owner_invalid.missing"),
    N_("fix.tool_owner_invalid.no_time"),
    N_("fix.tool_price_missing"),
    N_("lint.annual_lockin_pilot"),
    N_("lint.annual_lockin_pilot.switch"),
    N_("lint.free_trial_unused.free_plan"),
    N_("lint.free_trial_unused.trial"),
    N_("lint.hours_overcommitted"),
    N_("lint.hours_overcommitted.peak"),
    N_("lint.pilot_too_many_tools"),
    N_("lint.price_stale"),
    N_("lint.tool_owner_invalid.missing"),
    N_("lint.tool_owner_invalid.no_time"),
    N_("lint.tool_price_missing"),
)
