"""The quarterly reallocation: the optimiser re-run on the rest of the horizon.

``reallocate(plan, review)`` rebases the plan at the review month with the updated
estimates (:mod:`.reallocate_rebase`: sunk costs out, annual plans already paid forced
in until their renewal), values today's plan on it (every tool as planned, channels at
their current spend) and lets the optimiser (:func:`aibudget.engine.optimize`'s
``build_problem`` / ``optimize_problem``) choose again. The proposal is the optimiser's
choice as a plan version (the rebased plan with only the funded tools, each on its
chosen plan and start month, channels at the chosen spend) and every difference from
today's plan as a :class:`~aibudget.domain.reallocation.Change` (message id + params).

Money in changes: "a month" amounts are a tool's cash over the remaining months
divided by their number (subscriptions, maintenance and any one-off costs ahead;
internal time is valued in the NPV, not paid out). ``reallocate.move`` sums what the
tools and channels losing money free and what those gaining money add, and moves the
smaller of the two.

A locked tool is judged for its renewal by a second run without the lock: if that run
would drop it, or the review says to stop or replace it, the change
``reallocate.renewal_doubtful`` asks the owner to decide before the renewal month.

The review's advice per running tool bounds the choice (``rebase(..., advise=True)``):
stop and replace are forced out from the next month (``reallocate.stop`` /
``reallocate.replace``) unless a paid annual plan locks the tool in; improve is forced
in, with the training it needs (``reallocate.improve``: the plan's training hours a
person, ``DEFAULT_TRAINING_HOURS`` when the plan has none); only keep and scale up may
move to an annual plan. If those bounds leave no feasible plan, the optimiser runs
without them. :func:`changes_plan` says whether accepting the proposal changes anything
(changes in ``ADVICE_ONLY`` do not).
"""

from __future__ import annotations

from decimal import Decimal

from aibudget.domain.allocation import OptimisationResult, OptimisePolicy, OptimiseStatus
from aibudget.domain.errors import AibudgetError
from aibudget.domain.money import ZERO, round_money, to_money
from aibudget.domain.plan import Billing, Plan, Tool
from aibudget.domain.reallocation import Change, Lock, Reallocation
from aibudget.domain.review import Action, Review
from aibudget.engine.optimize import optimize_problem
from aibudget.engine.optimize_check import expected_npv, incumbent_choice
from aibudget.engine.optimize_problem import Problem, build_problem
from aibudget.engine.reallocate_rebase import Rebased, rebase

MIN_CHANNEL_CHANGE = Decimal(1)
DEFAULT_TRAINING_HOURS = Decimal(2)
LET_GO = (Action.STOP, Action.REPLACE)
ADVICE_ONLY = frozenset(
    {
        "reallocate.no_change",
        "reallocate.no_solution",
        "reallocate.locked",
        "reallocate.renewal_doubtful",
        "reallocate.improve",
        "reallocate.improve_team",
    }
)


class ReallocateError(AibudgetError):
    """Nothing left to reallocate: the review month is the horizon's last."""

    message_id = "reallocate.horizon_over"
    http_status = 422


def _solve(plan: Plan) -> tuple[Problem, OptimisationResult]:
    problem = build_problem(plan)
    return problem, optimize_problem(problem, explain=False)


def _monthly(total: Decimal, months: int) -> Decimal:
    return round_money(total / months)


def _current_cash(problem: Problem, t: int) -> Decimal:
    o = int(problem.incumbent[t])
    return ZERO if o < 0 else sum(problem.lines[o].values(), ZERO)


def _proposed(plan: Plan, result: OptimisationResult, channels: dict[str, Decimal]) -> Plan:
    picked = {s.tool: s for s in result.selected}
    tools = [
        t.model_copy(update={"plan": picked[t.id].plan, "start_month": picked[t.id].start_month})
        for t in plan.tools
        if t.id in picked
    ]
    kept = set(picked)
    policy = plan.optimise or OptimisePolicy()
    policy = policy.model_copy(
        update={
            "force_in": [i for i in policy.force_in if i in kept],
            "force_out": [i for i in policy.force_out if i in kept],
            "exclusive": [
                g for g in ([i for i in grp if i in kept] for grp in policy.exclusive) if g
            ],
            "constraints": [
                x.model_copy(update={"tools": [i for i in x.tools if i in kept]})
                for x in policy.constraints
            ],
            "channels": [
                c.model_copy(update={"current_monthly": channels.get(c.id, c.current_monthly)})
                for c in policy.channels
            ],
        }
    )
    return plan.model_copy(update={"tools": tools, "optimise": policy})


class _Diff:
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


def _tool_changes(diff: _Diff, problem: Problem, result: OptimisationResult) -> None:
    plan = diff.base.plan
    months = plan.horizon.months
    picked = {s.tool: s for s in result.selected}
    for t, tool in enumerate(problem.tools):
        before = _current_cash(problem, t)
        sel = picked.get(tool.id)
        after = ZERO if sel is None else sel.total_cost
        diff.cash(tool.id, tool.name, _monthly(before, months), _monthly(after, months))
        running = tool.id in diff.base.running
        if sel is None:
            if running:
                replace = diff.actions.get(tool.id) is Action.REPLACE
                message = "reallocate.replace" if replace else "reallocate.stop"
                diff.add(message, tool, amount=_monthly(before, months), **diff.month(1))
            else:
                planned = diff.month(tool.start_month)
                diff.add("reallocate.cancel", tool, amount=_monthly(before, months), **planned)
            continue
        if running and diff.actions.get(tool.id) is Action.IMPROVE:
            _training(diff, tool, sel.start_month)
        chosen = tool.chosen_plan()
        if chosen is not None and sel.plan != chosen.id:
            new = next(p for p in tool.plans if p.id == sel.plan)
            message = (
                "reallocate.switch_to_annual"
                if new.billing is Billing.ANNUAL and chosen.billing is not Billing.ANNUAL
                else "reallocate.switch_plan"
            )
            diff.add(message, tool, plan=new.name or new.id, was=chosen.name or chosen.id)
        if sel.start_month != tool.start_month:
            when = diff.month(sel.start_month)
            if running:
                diff.add("reallocate.pause", tool, restart=when["month"], **diff.month(1))
            else:
                diff.add("reallocate.move_start", tool, was=diff.base.k + tool.start_month, **when)


def _training(diff: _Diff, tool: Tool, start: int) -> None:
    """Keep a tool rated improve, with the training it needs in words."""
    original = next((t for t in diff.original.tools if t.id == tool.id), tool)
    hours = original.training.hours_per_person or DEFAULT_TRAINING_HOURS
    people = [diff.original.member(i) for i in original.training.trainees or [original.owner]]
    names = ", ".join(m.name or m.role for m in people if m is not None)
    diff.add(
        "reallocate.improve" if names else "reallocate.improve_team",
        tool,
        hours=format(hours.normalize(), "f"),
        people=names,
        **diff.month(start),
    )


def _expansion_changes(diff: _Diff, result: OptimisationResult) -> None:
    months = diff.base.plan.horizon.months
    tools = {t.id: t for t in diff.base.plan.tools}
    for sel in result.selected:
        base_id = diff.base.expansions.get(sel.tool)
        if base_id is None:
            continue
        more = tools[sel.tool]
        seats = more.plans[0].seats if more.plans else 0
        amount = _monthly(sel.total_cost, months)
        diff.cash(base_id, tools[base_id].name, ZERO, amount)
        diff.add(
            "reallocate.add_seat" if seats == 1 else "reallocate.add_seats",
            tools[base_id],
            seats=seats,
            amount=amount,
            **diff.month(sel.start_month),
        )


def _channel_changes(diff: _Diff, problem: Problem, result: OptimisationResult) -> None:
    for c in problem.channels:
        before = to_money(c.current)
        after = result.ad_spend.get(c.id, before)
        if abs(after - before) >= MIN_CHANNEL_CHANGE:
            diff.cash(c.id, c.name, before, after)
            diff.add("reallocate.channel", None, channel=c.name, was=before, amount=after)


def _renewals(diff: _Diff, original: Plan, review: Review) -> list[Lock]:
    locks = diff.base.locks
    if not locks:
        return []
    free = rebase(original, review, locks=False, expand=False)
    _, result = _solve(free.plan)
    if result.status in (OptimiseStatus.NO_SOLUTION, OptimiseStatus.INFEASIBLE):
        return locks
    kept = {s.tool for s in result.selected}
    tools = {t.id: t for t in original.tools}
    judged = []
    for lock in locks:
        worth = lock.tool in kept and diff.actions.get(lock.tool) not in LET_GO
        judged.append(lock.model_copy(update={"worth_renewing": worth}))
        calendar_month = original.calendar_month(lock.renewal)
        diff.add(
            "reallocate.locked",
            tools[lock.tool],
            plan=lock.plan,
            until=lock.paid_until,
            month=lock.renewal,
            calendar=calendar_month,
        )
        if not worth:
            diff.add(
                "reallocate.renewal_doubtful",
                tools[lock.tool],
                month=lock.renewal,
                calendar=calendar_month,
            )
    return judged


def changes_plan(proposal: Reallocation) -> bool:
    """Whether accepting the proposal changes anything (not advice alone)."""
    return proposal.plan is not None and any(
        c.message_id not in ADVICE_ONLY for c in proposal.changes
    )


def reallocate(plan: Plan, review: Review) -> Reallocation:
    """The proposed plan for the rest of the horizon and every change from today's."""
    if review.months_elapsed >= plan.horizon.months:
        raise ReallocateError(month=review.months_elapsed)
    base = rebase(plan, review, advise=True)
    current = rebase(plan, review, expand=False)
    current_problem = build_problem(current.plan)
    current_npv = to_money(expected_npv(current_problem, incumbent_choice(current_problem)))
    problem, result = _solve(base.plan)
    if result.expected_npv is None:
        base = rebase(plan, review)
        problem, result = _solve(base.plan)
    diff = _Diff(base, plan, review)
    locks = _renewals(diff, plan, review)
    proposed: Plan | None = None
    if result.expected_npv is not None:
        _tool_changes(diff, current_problem, result)
        _expansion_changes(diff, result)
        _channel_changes(diff, problem, result)
        proposed = _proposed(base.plan, result, result.ad_spend)
        freed = sum((a for _, _, a in diff.freed), ZERO)
        added = sum((a for _, _, a in diff.added), ZERO)
        if diff.freed and diff.added:
            move = Change(
                message_id="reallocate.move",
                params={
                    "amount": min(freed, added),
                    "sources": ", ".join(n for _, n, _ in diff.freed),
                    "targets": ", ".join(n for _, n, _ in diff.added),
                    "source_ids": [i for i, _, _ in diff.freed],
                    "target_ids": [i for i, _, _ in diff.added],
                },
            )
            diff.changes.insert(0, move)
    else:
        diff.add("reallocate.no_solution", None, status=result.status.value)
    if not diff.changes:
        diff.add("reallocate.no_change", None)
    gain = None if result.expected_npv is None else result.expected_npv - current_npv
    return Reallocation(
        currency=plan.currency,
        months_elapsed=base.k,
        start=base.plan.horizon.start,
        months=base.plan.horizon.months,
        status=result.status,
        current_npv=current_npv,
        proposed_npv=result.expected_npv,
        gain=gain,
        locks=locks,
        changes=diff.changes,
        plan=proposed,
    )
