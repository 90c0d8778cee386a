"""Value and check an allocation directly from its definition, without the MILP.

This is the independent referee: the solver's answer, the incumbent (today's plan),
the greedy baseline and exhaustive search in the tests are all valued and checked
here. Top-up lines are the least that the budget policy requires: training to its
minimum share, the data/privacy line to its minimum when a funded tool uses customer
data, the reserve to its minimum share. The reserve is money kept back, so it costs
budget but no value; training and privacy top-ups are cash costs at month 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from aibudget.domain.allocation import Objective
from aibudget.engine.exact import dot
from aibudget.engine.optimize_problem import Floats, Ints, Problem

TOLERANCE = 1e-6
GAP_FLOOR = 1e-12  # denominators of a relative gap below this (money) count as this


@dataclass(frozen=True)
class Choice:
    """Which option of each tool (-1: not funded) and the monthly spend per channel."""

    options: Ints
    spend: Floats

    def picked(self) -> Ints:
        out: Ints = self.options[self.options >= 0]
        return out


@dataclass(frozen=True)
class TopUps:
    training: float
    privacy: float
    reserve: float


def empty_choice(problem: Problem) -> Choice:
    return Choice(
        np.full(len(problem.tools), -1, dtype=np.intp),
        np.array([c.low for c in problem.channels]),
    )


def incumbent_choice(problem: Problem) -> Choice:
    return Choice(problem.incumbent.copy(), np.array([c.current for c in problem.channels]))


def topups(problem: Problem, choice: Choice) -> TopUps:
    picked = choice.picked()
    training = max(0.0, problem.min_training - float(problem.training[picked].sum()))
    needs_privacy = bool(problem.uses_data[picked].any())
    privacy = 0.0
    if needs_privacy:
        privacy = max(0.0, problem.min_privacy - float(problem.privacy[picked].sum()))
    return TopUps(training, privacy, problem.min_reserve)


def channel_value(problem: Problem, spend: Floats) -> float:
    """Net present value of the ad spend: (return - spend) each month, discounted, each
    channel's return at its mean height."""
    total = 0.0
    for c, a in zip(problem.channels, spend, strict=True):
        gain = float(c.curve.value(np.array([a]))[0]) - float(a)
        total += c.annuity * gain
    return total


def channel_scenarios(problem: Problem, spend: Floats) -> Floats:
    """The same per scenario: each channel's return scaled by its height multiple there."""
    out: Floats = np.zeros(problem.scenarios.shape[1])
    for c, a in zip(problem.channels, spend, strict=True):
        ret = float(c.curve.value(np.array([a]))[0])
        out += c.annuity * (c.factors * ret - float(a))
    return out


def cash_total(problem: Problem, choice: Choice) -> float:
    tops = topups(problem, choice)
    picked = choice.picked()
    return (
        float(problem.cash[picked].sum())
        + float(problem.fixed_cash.sum())
        + problem.months * float(choice.spend.sum())
        + tops.training
        + tops.privacy
        + tops.reserve
    )


def scenario_npvs(problem: Problem, choice: Choice) -> Floats:
    tops = topups(problem, choice)
    picked = choice.picked()
    out: Floats = (
        problem.scenarios[picked].sum(axis=0)
        + problem.fixed_scenarios
        + channel_scenarios(problem, choice.spend)
        - tops.training
        - tops.privacy
    )
    return out


def cvar(values: Floats, tail: float) -> float:
    """Mean of the worst ``tail`` share (Rockafellar-Uryasev, exact for finite samples)."""
    s = values.shape[0]
    best = -np.inf
    for eta in values:
        best = max(best, float(eta - np.maximum(0.0, eta - values).sum() / (tail * s)))
    return best


def objective(problem: Problem, choice: Choice) -> float:
    """The objective the plan asks for, in money."""
    if problem.objective in (Objective.CVAR, Objective.MEAN_DOWNSIDE):
        npvs = scenario_npvs(problem, choice)
        mean = float(npvs.mean())
        a = problem.risk_aversion
        if problem.objective is Objective.CVAR:
            return (1 - a) * mean + a * cvar(npvs, problem.cvar_tail)
        return mean - a * float(np.maximum(0.0, -npvs).mean())
    tops = topups(problem, choice)
    picked = choice.picked()
    return (
        float(problem.value[picked].sum())
        + problem.fixed_value
        + channel_value(problem, choice.spend)
        - tops.training
        - tops.privacy
    )


def scenario_weights(problem: Problem, npvs: Floats) -> Floats:
    """How much a scenario objective rises per unit of each scenario's NPV, at ``npvs``
    (a supergradient: the objective is concave in them). CVaR weighs the worst
    ``cvar_tail`` share (the boundary scenario by its fraction); mean minus downside
    the scenarios below zero."""
    s = npvs.shape[0]
    a = problem.risk_aversion
    if problem.objective is Objective.CVAR:
        k = problem.cvar_tail * s
        order = np.argsort(npvs, kind="stable")
        tail = np.zeros(s)
        full = int(np.floor(k))
        tail[order[:full]] = 1.0
        if full < s:
            tail[order[full]] = k - full
        out: Floats = (1 - a) / s + a * tail / k
        return out
    out = (1.0 + a * (npvs < 0)) / s
    return out


def expected_npv(problem: Problem, choice: Choice) -> float:
    tops = topups(problem, choice)
    picked = choice.picked()
    return (
        float(problem.expected[picked].sum())
        + problem.fixed_expected
        + channel_value(problem, choice.spend)
        - tops.training
        - tops.privacy
    )


def monthly_cash(problem: Problem, choice: Choice) -> Floats:
    """Cash each month (top-ups excluded: they are held over the horizon)."""
    picked = choice.picked()
    out: Floats = problem.cash[picked].sum(axis=0) + problem.fixed_cash
    out[1:] += float(choice.spend.sum())
    return out


def violations(problem: Problem, choice: Choice, tol: float = TOLERANCE) -> list[str]:
    """Every constraint the choice breaks, as group names (empty: feasible)."""
    out: list[str] = []
    money = tol * max(problem.budget, 1e-300)
    picked = choice.picked()
    funded = {int(problem.opt_tool[o]) for o in picked}
    for t, o in enumerate(choice.options):
        if o >= 0 and int(problem.opt_tool[o]) != t:
            out.append(f"option_of:{t}")
    if cash_total(problem, choice) > problem.budget + money:
        out.append("budget")
    if problem.monthly_budget is not None and np.any(
        monthly_cash(problem, choice) > problem.monthly_budget + money
    ):
        out.append("monthly_budget")
    hours: NDArray[np.float64] = problem.hours[picked].sum(axis=0)
    for k, member in enumerate(problem.members):
        if picked.size and np.any(hours[k] > problem.free_hours[k] + tol):
            out.append(f"hours:{member}")
    if int((problem.opt_start[picked] <= problem.pilot_months).sum()) > problem.pilot_max:
        out.append("pilot")
    for goal, serving in problem.goals.items():
        if not np.isin(serving, picked).any():
            out.append(f"goal:{goal}")
    out += [f"force_in:{problem.tools[t].id}" for t in problem.forced_in if t not in funded]
    out += [f"force_out:{problem.tools[t].id}" for t in problem.forced_out if t in funded]
    for i, group in enumerate(problem.exclusive):
        if len(funded & set(group)) > 1:
            out.append(f"exclusive:{i}")
    if np.any(problem.cash[picked].sum(axis=1) > problem.max_tool_cash + money):
        out.append("max_share")
    for c, a in zip(problem.channels, choice.spend, strict=True):
        if a < c.low - money or a > c.high + money:
            out.append(f"channel:{c.id}")
    for i, x in enumerate(problem.extras):
        amount = float(x.option_coef[picked].sum()) + dot(x.channel_coef, choice.spend)
        if (x.high is not None and amount > x.high + money) or (
            x.low is not None and amount < x.low - money
        ):
            out.append(f"extra:{i}")
    return out


def relative_gap(bound: float, value: float) -> float:
    """How far ``value`` may be below the optimum, given an upper ``bound`` on it, as
    a share of the bound (0 when the value reaches the bound)."""
    return max(0.0, (bound - value) / max(abs(bound), GAP_FLOOR))


GAP_NOISE = 1e-7  # relative slack for solver tolerances when a claimed gap is checked


@dataclass(frozen=True)
class GapCheck:
    """A claim "this choice is within ``gap`` of the optimum (at most ``bound``)" held
    against a reference value reached by some other feasible plan."""

    value: float  # the choice's true objective
    feasible: bool
    shortfall: float  # (reference - value) / |reference|; negative: the choice is better
    bound_holds: bool  # the stated bound is not below the reference
    holds: bool


def check_gap(
    problem: Problem,
    choice: Choice,
    gap: float,
    reference: float,
    bound: float | None = None,
    noise: float = GAP_NOISE,
) -> GapCheck:
    """Value ``choice`` from the definition and test a claimed gap (and bound) against
    ``reference``, the objective of a feasible plan computed independently (e.g. by
    water-filling or exhaustive search). A plan that is really within ``gap`` of the
    optimum is within ``gap`` of every feasible plan's value."""
    value = objective(problem, choice)
    feasible = not violations(problem, choice)
    shortfall = (reference - value) / max(abs(reference), GAP_FLOOR)
    bound_holds = bound is None or reference <= bound + noise * max(abs(bound), GAP_FLOOR)
    holds = feasible and bound_holds and shortfall <= gap + noise
    return GapCheck(value, feasible, shortfall, bound_holds, holds)
