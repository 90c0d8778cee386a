"""The quarterly reallocation: the optimiser re-run on the rest of the horizon.

``reallocate(plan, review)`` rebases the plan at the review month with the updated
estimates (:mod:`.reallocate_rebase`: sunk costs out, annual plans already paid forced
in until their renewal), values today's plan on it (every tool as planned, channels at
their current spend) and lets the optimiser (:func:`aibudget.engine.optimize`'s
``build_problem`` / ``optimize_problem``) choose again. The proposal is the optimiser's
choice as a plan version (the rebased plan with only the funded tools, each on its
chosen plan and start month, channels at the chosen spend) and every difference from
today's plan as a :class:`~aibudget.domain.reallocation.Change` (message id + params).

The changes in words, per tool and following the review's advice, are made by
:mod:`.reallocate_changes`. ``reallocate.move`` sums what the tools and channels losing
money free and what those gaining money add, and moves the smaller of the two.

A locked tool is judged for its renewal by a second run without the lock: if that run
would drop it, ``reallocate.renewal_doubtful`` asks the owner to decide before the
renewal month; if the review says to stop or replace it, ``reallocate.stop_at_renewal``
says it stays until its paid year ends and not to renew it (the proposal cannot end a
tool inside the horizon, so the accepted version still shows the renewal until the
owner cancels it).

The review's advice per running tool bounds the choice (``rebase(..., advise=True)``):
stop and replace are forced out from the next month unless a paid annual plan locks
the tool in, and a tool to replace has its catalog alternative as a candidate; improve
is forced in with the training it needs, costed; only keep and scale up may move to an
annual plan; scale up is offered in the tool's own pricing unit. If those bounds leave
no feasible plan, the optimiser runs without them. Whether accepting the proposal changes
anything (changes in ``ADVICE_ONLY`` do not) is
:func:`aibudget.domain.reallocation.changes_plan`.
"""

from __future__ import annotations

from decimal import Decimal

from aibudget.domain.allocation import OptimisationResult, OptimisePolicy, OptimiseStatus
from aibudget.domain.errors import AibudgetError
from aibudget.domain.money import ZERO, to_money
from aibudget.domain.plan import Plan
from aibudget.domain.reallocation import Change, Lock, Reallocation
from aibudget.domain.review import Action, Review
from aibudget.domain.texts import N_
from aibudget.engine.optimize import optimize_problem
from aibudget.engine.optimize_check import expected_npv, incumbent_choice
from aibudget.engine.optimize_problem import Problem, build_problem
from aibudget.engine.reallocate_changes import (
    Diff,
    channel_changes,
    expansion_changes,
    tool_changes,
)
from aibudget.engine.reallocate_rebase import Catalog, rebase

LET_GO = (Action.STOP, Action.REPLACE)


class ReallocateError(AibudgetError):
    """Nothing left to reallocate: the review month is the horizon's last."""

    message_id = N_("reallocate.horizon_over")
    http_status = 422


def _solve(plan: Plan) -> tuple[Problem, OptimisationResult]:
    problem = build_problem(plan)
    return problem, optimize_problem(problem, explain=False)


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


def _renewals(diff: Diff, original: Plan, review: Review) -> list[Lock]:
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
        let_go = diff.actions.get(lock.tool) in LET_GO
        worth = lock.tool in kept and not let_go
        judged.append(lock.model_copy(update={"worth_renewing": worth}))
        calendar_month = original.calendar_month(lock.renewal)
        if let_go:
            diff.add(
                N_("reallocate.stop_at_renewal"),
                tools[lock.tool],
                until=lock.paid_until,
                until_calendar=original.calendar_month(lock.paid_until),
                month=lock.renewal,
                calendar=calendar_month,
            )
            continue
        diff.add(
            N_("reallocate.locked"),
            tools[lock.tool],
            plan=lock.plan,
            until=lock.paid_until,
            month=lock.renewal,
            calendar=calendar_month,
        )
        if not worth:
            diff.add(
                N_("reallocate.renewal_doubtful"),
                tools[lock.tool],
                month=lock.renewal,
                calendar=calendar_month,
            )
    return judged


def reallocate(plan: Plan, review: Review, catalog: Catalog = None) -> Reallocation:
    """The proposed plan for the rest of the horizon and every change from today's.

    ``catalog``: the tool catalog the plan sees (pricing units to scale up in, and the
    alternatives of a tool to replace); without it a tool to replace is only stopped.
    """
    if review.months_elapsed >= plan.horizon.months:
        raise ReallocateError(month=review.months_elapsed)
    base = rebase(plan, review, advise=True, catalog=catalog)
    current = rebase(plan, review, expand=False)
    current_problem = build_problem(current.plan)
    current_npv = to_money(expected_npv(current_problem, incumbent_choice(current_problem)))
    problem, result = _solve(base.plan)
    if result.expected_npv is None:
        base = rebase(plan, review, catalog=catalog)
        problem, result = _solve(base.plan)
    diff = Diff(base, plan, review)
    locks = _renewals(diff, plan, review)
    proposed: Plan | None = None
    if result.expected_npv is not None:
        tool_changes(diff, current_problem, result)
        expansion_changes(diff, result)
        channel_changes(diff, problem, result)
        proposed = _proposed(base.plan, result, result.ad_spend)
        freed = sum((a for _, _, a in diff.freed), ZERO)
        added = sum((a for _, _, a in diff.added), ZERO)
        if diff.freed and diff.added:
            move = Change(
                message_id=N_("reallocate.move"),
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
        diff.add(N_("reallocate.no_change"), None)
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
