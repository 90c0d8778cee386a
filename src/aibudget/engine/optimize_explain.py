"""Why: conflicting constraints, why each tool is in or out, what more budget buys.

Conflicts are found by relaxing constraint groups one at a time (a deletion filter):
a group whose relaxation still leaves the problem infeasible is dropped for good;
what remains is a smallest set of groups that cannot hold together, each named in
plain words. Reasons for a tool left out come from what-if solves with the tool
forced in: infeasible (and which single relaxation fixes it), or feasible but worse.
What one more budget step and one more owner hour buy share one what-if solve (both
at once) where its bound proves that neither adds anything (see :func:`marginals`).
"""

from __future__ import annotations

from concurrent.futures import Executor, Future
from dataclasses import replace
from decimal import Decimal
from typing import Any

import numpy as np

from aibudget.domain.allocation import Conflict, OptimiseStatus, ToolReason
from aibudget.domain.money import to_money
from aibudget.domain.texts import N_
from aibudget.engine.optimize_check import (
    Choice,
    cash_total,
    objective,
    relative_gap,
    violations,
)
from aibudget.engine.optimize_milp import Solution, Touch, Tweaks, solve
from aibudget.engine.optimize_problem import Problem
from aibudget.engine.optimize_refine import OPTIMAL_GAP, bound_near, solve_near, solve_refined

# What-if solves stop at a number of branch-and-bound nodes, so that an explanation is
# the same on a busy machine as on an idle one; the seconds are only a safety net for a
# plan whose every node is slow (on the benchmark plans a what-if needs at most ~70
# nodes, a marginal one ~30, at most 1.2 s).
WHAT_IF_NODES = 200
WHAT_IF_SECONDS = 3.0
MARGINAL_NODES = 1000
MARGINAL_SECONDS = 6.0
MARGINAL_NOISE = 1e-6
EXPLAIN_MAX_TOOLS = 10
LOSS_TOLERANCE = 1e-7
MORE_BUDGET = 1.0  # a left-out tool's what-if with more budget: this share of it more
# Tools a plan at hand may drop to show that twice the budget makes up a what-if's loss
# (on 137 test and benchmark plans, 24 of 118 what-ifs with the budget spent had such
# a plan, none needing more than one drop; each try costs about 0.2 ms).
MADE_UP_DROPS = 2


def _what_if_limits(problem: Problem) -> dict[str, Any]:
    """The limits of a what-if solve (why a tool is in or out, what blocks a plan)."""
    return {"time_limit": min(problem.time_limit, WHAT_IF_SECONDS), "node_limit": WHAT_IF_NODES}


def _marginal_limits(problem: Problem, chosen: Choice) -> dict[str, Any]:
    """The limits of a solve that prices one more budget step or hour, starting from
    the answer ``chosen`` (which more budget or hours keep feasible) and without HiGHS's
    sub-MIP heuristics: such a solve counts only once its bound is proven, and with the
    answer in hand their small MIPs find little it needs. On bench_explain's first 8
    plans these solves took 2.48 s with the heuristics and no start, 1.17 s without the
    heuristics, 0.75 s with the start too (seed 8: 0.68 s, 0.35 s, 0.11 s), proving
    the same figures within the optimal gap. What-if solves keep the heuristics: they
    stop at a node limit, which without them was reached 6 times in 715 what-ifs
    instead of 2."""
    return {
        "time_limit": min(problem.time_limit, MARGINAL_SECONDS),
        "node_limit": MARGINAL_NODES,
        "sub_mip_heuristics": False,
        "hint": tuple(int(o) for o in chosen.picked()),
    }


def groups(problem: Problem) -> list[str]:
    """Every relaxable constraint group of the problem, in the order they are tried."""
    out = ["budget"]
    if problem.monthly_budget is not None:
        out.append("monthly_budget")
    out += ["training", "reserve", "privacy", "max_share", "pilot"]
    out += [f"hours:{m}" for m in problem.members]
    out += [f"goal:{g}" for g in problem.goals]
    out += [f"force_in:{problem.tools[t].id}" for t in problem.forced_in]
    if problem.forced_out:
        out.append("force_out")
    out += [f"exclusive:{i}" for i in range(len(problem.exclusive))]
    out += [f"extra:{i}" for i in range(len(problem.extras))]
    out += [f"channel_min:{c.id}" for c in problem.channels if c.low > 0]
    return out


def _feasible(problem: Problem, relax: frozenset[str], force: tuple[int, ...] = ()) -> bool:
    sol = solve(problem, Tweaks(relax=relax, force=force, **_what_if_limits(problem)))
    return sol.status is not OptimiseStatus.INFEASIBLE


def conflicting_groups(problem: Problem) -> list[str]:
    """A smallest set of groups that is infeasible on its own (deletion filter)."""
    keep = groups(problem)
    relaxed: set[str] = set()
    for group in list(keep):
        trial = frozenset(relaxed | {group})
        if not _feasible(problem, trial):
            relaxed.add(group)
    return [g for g in keep if g not in relaxed]


def minimum_cash(problem: Problem) -> float | None:
    """The least cash any plan meeting every other constraint needs."""
    sol = solve(problem, Tweaks(relax=frozenset({"budget"}), min_cash=True))
    return None if sol.choice is None else cash_total(problem, sol.choice)


def _money(value: float) -> Decimal:
    return to_money(value)


def conflicts(problem: Problem) -> list[Conflict]:
    out = []
    for group in conflicting_groups(problem):
        out.append(describe(problem, group))
    return out


def describe(problem: Problem, group: str) -> Conflict:
    """The plain-words message of one conflicting group."""
    kind, _, key = group.partition(":")
    params: dict[str, Any] = {}
    if kind == "budget":
        need = minimum_cash(problem)
        params = {"budget": _money(problem.budget)}
        if need is not None and need > problem.budget:
            params["minimum"] = _money(need)
            return Conflict(group=group, message_id=N_("optimize.conflict.minimums"), params=params)
    elif kind == "monthly_budget":
        params = {"amount": _money(problem.monthly_budget or 0.0)}
    elif kind in ("training", "reserve"):
        amount = problem.min_training if kind == "training" else problem.min_reserve
        params = {"amount": _money(amount)}
    elif kind == "privacy":
        params = {"amount": _money(problem.min_privacy)}
    elif kind == "max_share":
        params = {"amount": _money(problem.max_tool_cash)}
    elif kind == "pilot":
        params = {"max": problem.pilot_max, "months": problem.pilot_months}
    elif kind == "hours":
        k = problem.members.index(key)
        params = {"member": problem.names.get(key, key), "hours": float(problem.free_hours[k])}
    elif kind == "goal":
        params = {"goal": problem.names.get(key, key)}
        if problem.goals[key].size == 0:
            return Conflict(
                group=group, message_id=N_("optimize.conflict.goal_no_tool"), params=params
            )
    elif kind == "force_in":
        params = {"tool": problem.names.get(key, key)}
    elif kind == "exclusive":
        params = {"tools": ", ".join(problem.tools[t].name for t in problem.exclusive[int(key)])}
    elif kind == "extra":
        params = {"label": problem.extras[int(key)].label}
    elif kind == "channel_min":
        channel = next(c for c in problem.channels if c.id == key)
        params = {"channel": channel.name or channel.id, "amount": _money(channel.low)}
    return Conflict(group=group, message_id=f"optimize.conflict.{kind}", params=params)


# ---------------------------------------------------------------- reasons

WhyOut = tuple[str, dict[str, Any]]  # a reason code and its message's parameters
_WITHOUT_WHAT_IF = frozenset({"forced_out", "excluded_by", "negative_value", "not_chosen"})
_WHY_ORDER = ("budget", "monthly_budget", "max_share", "pilot", "hours", "extra")


def _single_blocker(problem: Problem, tool: int) -> str | None:
    candidates = [g for g in groups(problem) if g.split(":")[0] in _WHY_ORDER]
    for group in candidates:
        if _feasible(problem, frozenset({group}), (tool,)):
            return group
    return None


def _plain_reason(problem: Problem, choice: Choice, tool: int) -> WhyOut | None:
    """Why ``tool`` is left out, where no what-if solve is needed to tell (else None)."""
    opts = problem.options_of(tool)
    if tool in problem.forced_out:
        return "forced_out", {}
    for group in problem.exclusive:
        partners = [t for t in group if t != tool and choice.options[t] >= 0]
        if tool in group and partners:
            return "excluded_by", {"tools": ", ".join(problem.tools[t].name for t in partners)}
    if opts.size and float(problem.value[opts].max()) <= 0:
        return "negative_value", {"value": _money(float(problem.value[opts].max()))}
    return None


def _what_ifs_ahead(
    problem: Problem,
    choice: Choice,
    base: float,
    plain: dict[int, WhyOut | None],
    pool: Executor | None,
) -> dict[int, Future[WhyOut]]:
    """The what-if solves of the first ``EXPLAIN_MAX_TOOLS`` tools left out without a
    plain reason (``plain``: each left-out tool's), started on ``pool`` (none without
    one). :func:`reasons` reaches each of them with cap to spare; one that runs out of
    time uses none of the cap, so a later tool may still be solved in turn, as without
    a pool."""
    if pool is None:
        return {}
    first = [t for t, reason in plain.items() if reason is None][:EXPLAIN_MAX_TOOLS]
    return {t: pool.submit(_what_if, problem, choice, t, base) for t in first}


def _what_if(problem: Problem, choice: Choice, tool: int, base: float) -> WhyOut:
    """The tool forced in: infeasible (and what blocks it), a tie, or a loss that more
    budget would (``budget``) or would not (``crowded_out``) make up.

    When money is left over the budget is not the reason, so only the what-if with the
    plan's budget is solved. So too when a plan at hand shows that twice the budget
    makes up the loss (:func:`_made_up_by_more_budget`). Otherwise the what-if with
    twice the budget comes first: when it has no plan, neither has the plan's budget;
    when its plan also fits the plan's budget (other limits crowd the tool out), it
    answers both what-ifs. Either way the second solve is saved."""
    at_budget = Tweaks(force=(tool,), **_what_if_limits(problem))
    slack = problem.budget - cash_total(problem, choice)
    budget_left = slack >= float(
        problem.cash[problem.options_of(tool)].sum(axis=1).min(initial=np.inf)
    )
    if budget_left or _made_up_by_more_budget(problem, choice, tool, base):
        forced = solve_refined(problem, at_budget, judge=False)
        return _forced_reason(problem, tool, base, forced, made_up=not budget_left)
    more_budget = replace(at_budget, extra_budget=MORE_BUDGET * problem.budget)
    more = solve_refined(problem, more_budget, judge=False)
    if more.status is OptimiseStatus.INFEASIBLE:
        return _blocked(problem, tool)  # infeasible with twice the budget: so with it
    if more.choice is not None and not violations(problem, more.choice):
        forced = more
    else:
        forced = solve_refined(problem, at_budget, judge=False)
    made_up = more.choice is not None and objective(problem, more.choice) >= base
    return _forced_reason(problem, tool, base, forced, made_up)


def _forced_reason(
    problem: Problem, tool: int, base: float, forced: Solution, made_up: bool
) -> WhyOut:
    """The reason from the what-if with the plan's budget (``forced``); ``made_up``:
    twice the budget has a plan worth at least the answer (``base``)."""
    if forced.status is OptimiseStatus.NO_SOLUTION:
        return "not_chosen", {}  # the what-if ran out of time: say no more than we know
    if forced.choice is None:
        return _blocked(problem, tool)
    loss = base - objective(problem, forced.choice)
    if loss <= LOSS_TOLERANCE * max(abs(base), 1.0):
        return "tie", {}
    return ("budget" if made_up else "crowded_out"), {"loss": _money(loss)}


def _made_up_by_more_budget(problem: Problem, choice: Choice, tool: int, base: float) -> bool:
    """True when the answer ``choice`` with ``tool`` added (in one of its options),
    less as few of its least valuable tools as it takes (at most ``MADE_UP_DROPS``) to
    meet every constraint but the budget and to cost at most twice the budget, is
    worth at least the answer (``base``): a plan that proves the what-if with twice
    the budget loses nothing, without solving it. False says nothing either way."""
    keep = {*problem.forced_in, tool}
    funded = [t for t in range(len(problem.tools)) if choice.options[t] >= 0 and t not in keep]
    by_value = sorted(funded, key=lambda t: float(problem.value[choice.options[t]]))
    least_first = by_value[:MADE_UP_DROPS]
    for option in problem.options_of(tool):
        options = choice.options.copy()
        options[tool] = option
        for dropped in [None, *least_first]:
            if dropped is not None:
                options[dropped] = -1
            trial = Choice(options, choice.spend)
            within = cash_total(problem, trial) <= (1 + MORE_BUDGET) * problem.budget
            if within and set(violations(problem, trial)) <= {"budget"}:
                if objective(problem, trial) >= base:
                    return True
                break
    return False


def _blocked(problem: Problem, tool: int) -> WhyOut:
    blocker = _single_blocker(problem, tool)
    if blocker is None:
        return "infeasible_with_others", {}
    kind, _, key = blocker.partition(":")
    if kind == "hours":
        return "blocked_hours", {"member": problem.names.get(key, key)}
    if kind == "extra":
        return "blocked_extra", {"label": problem.extras[int(key)].label}
    return f"blocked_{kind}", {}


def reasons(
    problem: Problem, choice: Choice, base: float, what_if: bool, pool: Executor | None = None
) -> list[ToolReason]:
    """Why each tool is in or out. ``what_if``: up to ``EXPLAIN_MAX_TOOLS`` tools left
    out are solved forced in (on ``pool``'s threads side by side, when given: each solve
    is the same as alone, so are the reasons)."""
    out = []
    budget_left = EXPLAIN_MAX_TOOLS if what_if else 0
    left_out = np.flatnonzero(choice.options < 0)
    plain = {int(t): _plain_reason(problem, choice, int(t)) for t in left_out}
    ahead = _what_ifs_ahead(problem, choice, base, plain, pool) if what_if else {}
    for t, tool in enumerate(problem.tools):
        o = int(choice.options[t])
        if o >= 0:
            others = sorted(
                {p for q, p in zip(problem.opt_tool, problem.opt_plan, strict=True)
                 if q == t and p is not None and p != problem.opt_plan[o]}
            )  # fmt: skip
            params: dict[str, Any] = {"value": _money(float(problem.value[o]))}
            if others:
                params["others"] = ", ".join(others)
            if t in problem.forced_in:
                code = "forced_in"
            elif problem.value[o] <= 0:
                serves = any(o in serving for serving in problem.goals.values())
                code = "serves_goal" if serves else "portfolio"
            else:
                code = "positive_value"
            out.append(ToolReason(tool=tool.id, selected=True, code=code, params=params))
            continue
        known = plain[t]
        if known is not None:
            code, params = known
        elif budget_left <= 0:
            code, params = "not_chosen", {}
        elif t in ahead:
            code, params = ahead[t].result()
        else:
            code, params = _what_if(problem, choice, t, base)
        if code not in _WITHOUT_WHAT_IF:
            budget_left -= 1  # a what-if solve was spent on this tool
        out.append(ToolReason(tool=tool.id, selected=False, code=code, params=params))
    return out


def marginal_budget(
    problem: Problem, chosen: Choice, base: float, start: Touch | None = None
) -> Decimal | None:
    """What ``step`` more budget adds to the answer ``chosen`` (worth ``base``; None when
    the what-if is not solved to optimality). ``start``: where the answer's own bound
    touched the curves (see ``solve_refined``)."""
    tweaks = Tweaks(extra_budget=problem.step, **_marginal_limits(problem, chosen))
    return _delta(problem, solve_near(problem, tweaks, start, base), base)


def _hour_members(problem: Problem) -> list[str]:
    """Members whose free hours some tool option draws on."""
    return [m for k, m in enumerate(problem.members) if np.any(problem.hours[:, k, :] > 0)]


def _never_binding(problem: Problem, member: str) -> bool:
    """True when no plan can use all of ``member``'s free hours in any month: even the
    hungriest option of every tool together stays within them, so one more hour
    changes no plan and is worth nothing."""
    k = problem.members.index(member)
    most = np.zeros(problem.months + 1)
    for t in range(len(problem.tools)):
        opts = problem.options_of(t)
        if opts.size:
            most += problem.hours[opts, k, :].max(axis=0)
    return bool(np.all(most <= float(problem.free_hours[k])))


def _open_members(problem: Problem) -> tuple[list[str], list[str]]:
    """Members with tool work, and those of them whose hours some plan can use up."""
    members = _hour_members(problem)
    return members, [m for m in members if not _never_binding(problem, m)]


def _proven_flat(sol: Solution, base: float) -> bool:
    """True when the what-if's proven bound is within ``OPTIMAL_GAP`` (what "optimal"
    promises) of ``base``: it adds nothing the answer's own status can tell apart."""
    return sol.bound is not None and relative_gap(sol.bound, base) <= OPTIMAL_GAP


def _no_hour_helps(
    problem: Problem, chosen: Choice, members: list[str], base: float, start: Touch | None
) -> bool:
    """True when a proven bound shows that one more hour for every member at once adds
    at most ``OPTIMAL_GAP`` (what "optimal" promises): then so does one for any of them."""
    extra = {member: 1.0 for member in members}
    tweaks = Tweaks(extra_hours=extra, **_marginal_limits(problem, chosen))
    bound = bound_near(problem, tweaks, start, base)
    return bound is not None and relative_gap(bound, base) <= OPTIMAL_GAP


def _within_hours(problem: Problem, choice: Choice) -> bool:
    """True when ``choice`` meets every constraint but the budget with the plan's own
    free hours (so a what-if that also had more hours found a plan for more budget)."""
    return all(v == "budget" for v in violations(problem, choice))


def marginals(
    problem: Problem, chosen: Choice, base: float, start: Touch | None = None
) -> tuple[Decimal | None, dict[str, Decimal]]:
    """:func:`marginal_budget` and :func:`marginal_hours` together, sharing solves.

    One what-if gives every member whose hours can bind an hour more *and* the budget
    a step more. Its proven bound bounds both what-ifs alone (each has fewer
    resources): within ``OPTIMAL_GAP`` of the answer, no hour adds anything (as in
    :func:`marginal_hours`). Its plan, when it needs no extra hour, is a plan for one
    more budget step that the same bound proves optimal: its gain is the marginal
    value of the budget. Otherwise each is solved as on its own."""
    members, open_ = _open_members(problem)
    if not open_:
        hours = {member: _money(0.0) for member in members}
        return marginal_budget(problem, chosen, base, start), hours
    extra = {member: 1.0 for member in open_}
    limits = _marginal_limits(problem, chosen)
    both = Tweaks(extra_budget=problem.step, extra_hours=extra, **limits)
    sol = solve_near(problem, both, start, base)
    proven = sol.status is OptimiseStatus.OPTIMAL
    if proven and sol.choice is not None and _within_hours(problem, sol.choice):
        per_budget = _delta(problem, sol, base)
    else:
        per_budget = marginal_budget(problem, chosen, base, start)
    if _proven_flat(sol, base) or _no_hour_helps(problem, chosen, open_, base, start):
        open_ = []
    return per_budget, _hours_solved(problem, chosen, base, start, members, open_)


def marginal_hours(
    problem: Problem, chosen: Choice, base: float, start: Touch | None = None
) -> dict[str, Decimal]:
    """What one more free hour a month of each member with tool work adds to the answer
    ``chosen`` (worth ``base``). Members whose hours can never bind add nothing; when
    one bound proves that an hour more for all of them adds nothing, no member is solved
    alone."""
    members, open_ = _open_members(problem)
    if open_ and _no_hour_helps(problem, chosen, open_, base, start):
        open_ = []
    return _hours_solved(problem, chosen, base, start, members, open_)


def _hours_solved(
    problem: Problem,
    chosen: Choice,
    base: float,
    start: Touch | None,
    members: list[str],
    open_: list[str],
) -> dict[str, Decimal]:
    """One more hour for each member in ``open_`` solved alone; the other ``members``
    add nothing. An hour that funds the same tools adds nothing either: hours limit only
    tools, so the ad spend had the same choice (a difference would be solver noise)."""
    out: dict[str, Decimal] = {}
    for member in members:
        if member not in open_:
            out[member] = _money(0.0)
            continue
        tweaks = Tweaks(extra_hours={member: 1.0}, **_marginal_limits(problem, chosen))
        sol = solve_near(problem, tweaks, start, base)
        delta = _delta(problem, sol, base)
        if delta is not None and sol.choice is not None:
            same = np.array_equal(sol.choice.options, chosen.options)
            out[member] = _money(0.0) if same else delta
    return out


def _delta(problem: Problem, sol: Solution, base: float) -> Decimal | None:
    if sol.choice is None or sol.status is not OptimiseStatus.OPTIMAL:
        return None  # an unproven what-if would only guess
    gain = objective(problem, sol.choice) - base
    # Below the solver's own tolerance a "gain" is noise (e.g. ad spend re-gridded).
    return _money(gain if gain > MARGINAL_NOISE * max(abs(base), 1.0) else 0.0)


# Message ids built at run time in this module, declared for message extraction.
CONFLICT_MESSAGES = (
    N_("optimize.conflict.budget"),
    N_("optimize.conflict.channel_min"),
    N_("optimize.conflict.exclusive"),
    N_("optimize.conflict.extra"),
    N_("optimize.conflict.force_in"),
    N_("optimize.conflict.force_out"),
    N_("optimize.conflict.goal"),
    N_("optimize.conflict.hours"),
    N_("optimize.conflict.max_share"),
    N_("optimize.conflict.monthly_budget"),
    N_("optimize.conflict.pilot"),
    N_("optimize.conflict.privacy"),
    N_("optimize.conflict.reserve"),
    N_("optimize.conflict.training"),
)
