"""Every difference between today's plan and the optimiser's choice, as changes in words.

Money in changes: "a month" amounts are a tool's cash over the remaining months
divided by their number (subscriptions, maintenance and any one-off costs ahead;
internal time is valued in the NPV, not paid out). A price in a tool's own currency is
a param ``{"amount": Decimal, "currency": code}`` (shells format it in that currency);
every other Decimal is money in the plan's currency.

Per tool, following the review's advice:

- stop: ``reallocate.stop`` from the month after the review;
- replace: ``reallocate.replace_with`` when the optimiser funds the catalog alternative
  (the accepted version swaps the tools), ``reallocate.replace_not_worth`` when it does
  not, ``reallocate.replace_none`` when the catalog has none;
- improve: ``reallocate.improve`` (or ``..._team``) with the training hours and their
  cost; the optimiser may still start the tool later when the remaining budget or
  hours call for it, and the proposal then says so (``reallocate.pause``) and schedules
  the training for the restart;
- another plan of the same tool: by the plans' names, or by their prices a month when
  they have none (``..._priced``: a plan id is no word for an owner);
- scale up: the step in the tool's own pricing unit, ``reallocate.add_seat(s)``,
  ``reallocate.add_channel(s)`` or ``reallocate.upgrade``; ``reallocate.scale_no_step``
  when its pricing has no step up.
"""

from __future__ import annotations

from decimal import Decimal

from aibudget.domain.allocation import OptimisationResult, SelectedTool
from aibudget.domain.money import ZERO, round_money, to_money
from aibudget.domain.plan import Billing, Plan, Tool, ToolPlan
from aibudget.domain.reallocation import Change
from aibudget.domain.review import Action, Review
from aibudget.domain.texts import N_
from aibudget.engine.flows import training_cost
from aibudget.engine.optimize_problem import Problem
from aibudget.engine.reallocate_rebase import Rebased

MIN_CHANNEL_CHANGE = Decimal(1)
UNIT_MESSAGES = {
    ("seat", True): N_("reallocate.add_seat"),
    ("seat", False): N_("reallocate.add_seats"),
    ("channel", True): N_("reallocate.add_channel"),
    ("channel", False): N_("reallocate.add_channels"),
}


def monthly(total: Decimal, months: int) -> Decimal:
    return round_money(total / months)


def _current_cash(problem: Problem, t: int) -> Decimal:
    o = int(problem.incumbent[t])
    return ZERO if o < 0 else sum(problem.lines[o].values(), ZERO)


def own_price(tier: ToolPlan, plan: Plan) -> dict[str, object]:
    """A plan's bill a month in its own currency, e.g. USD 50 for two seats at USD 25."""
    bill = tier.billing.a_month(tier.price * tier.seats)
    return {"amount": round_money(bill), "currency": tier.currency or plan.currency}


class Diff:
    def __init__(self, base: Rebased, original: Plan, review: Review) -> None:
        self.base = base
        self.original = original
        self.actions = {t.tool: t.action for t in review.tools}
        self.changes: list[Change] = []
        self.freed: list[tuple[str, str, Decimal]] = []  # (id, name, amount a month)
        self.added: list[tuple[str, str, Decimal]] = []

    def month(self, j: int) -> dict[str, object]:
        m = self.base.k + j
        return {"month": m, "calendar": self.original.calendar_month(m)}

    def add(self, message_id: str, tool: Tool | None = None, **params: object) -> None:
        if tool is not None:
            params = {"tool": tool.id, "name": tool.name, **params}
        self.changes.append(Change(message_id=message_id, params=params, tool=tool and tool.id))

    def cash(self, ident: str, name: str, before: Decimal, after: Decimal) -> None:
        if after < before:
            self.freed.append((ident, name, before - after))
        elif after > before:
            self.added.append((ident, name, after - before))


def tool_changes(diff: Diff, problem: Problem, result: OptimisationResult) -> None:
    months = diff.base.plan.horizon.months
    picked = {s.tool: s for s in result.selected}
    for t, tool in enumerate(problem.tools):
        before = _current_cash(problem, t)
        sel = picked.get(tool.id)
        after = ZERO if sel is None else sel.total_cost
        diff.cash(tool.id, tool.name, monthly(before, months), monthly(after, months))
        running = tool.id in diff.base.running
        if sel is None:
            if running and diff.actions.get(tool.id) is Action.REPLACE:
                _replacement(diff, tool, monthly(before, months), picked)
            elif running:
                diff.add(
                    N_("reallocate.stop"), tool, amount=monthly(before, months), **diff.month(1)
                )
            else:
                planned = diff.month(tool.start_month)
                diff.add(N_("reallocate.cancel"), tool, amount=monthly(before, months), **planned)
            continue
        if running and diff.actions.get(tool.id) is Action.IMPROVE:
            _training(diff, tool, sel.start_month)
        _plan_and_start(diff, tool, sel.plan, sel.start_month, running)


def _plan_and_start(diff: Diff, tool: Tool, plan_id: str | None, start: int, running: bool) -> None:
    chosen = tool.chosen_plan()
    if chosen is not None and plan_id != chosen.id:
        _switch(diff, tool, chosen, next(p for p in tool.plans if p.id == plan_id))
    if start != tool.start_month:
        when = diff.month(start)
        if running:
            diff.add(N_("reallocate.pause"), tool, restart=when["month"], **diff.month(1))
        else:
            diff.add(N_("reallocate.move_start"), tool, was=diff.base.k + tool.start_month, **when)


def _switch(diff: Diff, tool: Tool, chosen: ToolPlan, new: ToolPlan) -> None:
    """Another plan of the same tool: by its name, or by its price when it has none."""
    message = (
        N_("reallocate.switch_to_annual")
        if new.billing is Billing.ANNUAL and chosen.billing is not Billing.ANNUAL
        else N_("reallocate.switch_plan")
    )
    if new.name and chosen.name:
        diff.add(message, tool, plan=new.name, was=chosen.name)
        return

    def a_month(tier: ToolPlan) -> Decimal:
        return round_money(tier.billing.a_month(diff.base.plan.bill(tier)))

    amount = round_money(diff.base.plan.bill(new))
    diff.add(message + "_priced", tool, amount=amount, monthly=a_month(new), was=a_month(chosen))


def _replacement(diff: Diff, tool: Tool, freed: Decimal, picked: dict[str, SelectedTool]) -> None:
    """A tool to replace: swapped for its catalog alternative, or stopped, in words."""
    alternative = diff.base.replacing.get(tool.id)
    if alternative is None:
        diff.add(N_("reallocate.replace_none"), tool, amount=freed, **diff.month(1))
        return
    if alternative.id not in picked:
        diff.add(
            N_("reallocate.replace_not_worth"),
            tool,
            alternative=alternative.name,
            amount=freed,
            **diff.month(1),
        )
        return
    months = diff.base.plan.horizon.months
    sel = picked[alternative.id]
    tier = next(p for p in alternative.plans if p.id == sel.plan)
    cost = monthly(sel.total_cost, months)
    diff.cash(alternative.id, alternative.name, ZERO, cost)
    diff.add(
        N_("reallocate.replace_with"),
        tool,
        alternative=alternative.name,
        plan=tier.name or tier.id,
        price=own_price(tier, diff.original),
        amount=cost,
        hours=format(alternative.training.hours_per_person.normalize(), "f"),
        **diff.month(sel.start_month),
    )


def _training(diff: Diff, tool: Tool, start: int) -> None:
    """A tool rated improve kept, with the training it needs and what that costs."""
    trained = next(t for t in diff.base.plan.tools if t.id == tool.id)
    people = [diff.original.member(i) for i in trained.training.trainees or [trained.owner]]
    names = ", ".join(m.name or m.role for m in people if m is not None)
    diff.add(
        N_("reallocate.improve") if names else N_("reallocate.improve_team"),
        tool,
        hours=format(trained.training.hours_per_person.normalize(), "f"),
        people=names,
        amount=to_money(training_cost(diff.original, trained)),
        **diff.month(start),
    )


def expansion_changes(diff: Diff, result: OptimisationResult) -> None:
    months = diff.base.plan.horizon.months
    tools = {t.id: t for t in diff.base.plan.tools}
    for sel in result.selected:
        base_id = diff.base.expansions.get(sel.tool)
        step = diff.base.steps.get(base_id) if base_id else None
        if base_id is None or step is None:
            continue
        amount = monthly(sel.total_cost, months)
        diff.cash(base_id, tools[base_id].name, ZERO, amount)
        when = diff.month(sel.start_month)
        if step.unit == "tier":
            diff.add(
                N_("reallocate.upgrade"), tools[base_id], plan=step.tier_name, amount=amount, **when
            )
            continue
        message = UNIT_MESSAGES[(step.unit, step.count == 1)]
        diff.add(message, tools[base_id], seats=step.count, amount=amount, **when)
    for tool_id, step in diff.base.steps.items():
        if step is None:
            diff.add(N_("reallocate.scale_no_step"), tools[tool_id])


def channel_changes(diff: Diff, problem: Problem, result: OptimisationResult) -> None:
    for c in problem.channels:
        before = to_money(c.current)
        after = result.ad_spend.get(c.id, before)
        if abs(after - before) >= MIN_CHANNEL_CHANGE:
            diff.cash(c.id, c.name, before, after)
            diff.add(N_("reallocate.channel"), None, channel=c.name, was=before, amount=after)


# Message ids built at run time in this module, declared for message extraction.
PRICED_MESSAGES = (
    N_("reallocate.switch_plan_priced"),
    N_("reallocate.switch_to_annual_priced"),
)
