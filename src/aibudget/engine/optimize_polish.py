"""Each ad channel's spend to its own optimum, to the precision of its own size.

The MILP and its refinements stop within a relative gap of the *whole* objective, so a
channel whose return is a millionth of the plan's NPV can be left far from its own best
spend while the plan counts as optimal. Here each channel in turn is moved to the best
spend the other decisions leave room for (the budget's and the month's slack, user
constraints on channels, the channel's own bounds), found from the curve itself:
``f(x) - x`` is convex below an S-curve's inflection point and concave above it, so its
maximum on an interval lies at an end or where ``f'(x) = 1`` on the concave part (a
root found to machine precision). Every objective rises with a channel's value, so
this never lowers the plan's objective and keeps every constraint.

A channel whose height is uncertain, under a scenario objective (CVaR, mean minus
downside), is worth more in some scenarios than in others, and the objective weighs
the scenarios unevenly: there the channel's best spend is that of its curve scaled by
the scenarios' weighted height multiple (the objective's slope in that channel's
spend is zero there), with the weights of the scenarios where the spend stands. The
weights move with the spend, so a few rounds are taken, and a spend is kept only
when the plan's objective, recomputed from its definition, is not lower.
"""

from __future__ import annotations

import numpy as np

from aibudget.engine.curves import ResponseCurve, inflection
from aibudget.engine.exact import dot
from aibudget.engine.optimize_check import (
    Choice,
    cash_total,
    monthly_cash,
    objective,
    scenario_npvs,
    scenario_weights,
)
from aibudget.engine.optimize_problem import Problem

RISK_ROUNDS = 4  # rounds of "weights where the spend stands, then the best spend"


def _gain(curve: ResponseCurve, x: float, factor: float = 1.0) -> float:
    return factor * float(curve.value(np.array([x]))[0]) - x


def _slope(curve: ResponseCurve, x: float, factor: float = 1.0) -> float:
    return factor * float(curve.derivative(np.array([x]))[0]) - 1.0


def best_spend(curve: ResponseCurve, lo: float, hi: float, factor: float = 1.0) -> float:
    """The spend in [lo, hi] with the largest return (scaled by ``factor``) net of spend."""
    if hi <= lo:
        return lo
    candidates = [lo, hi]
    start = max(lo, min(inflection(curve) or lo, hi))
    if _slope(curve, start, factor) > 0 > _slope(curve, hi, factor):
        # Imported here: scipy.optimize takes half a second to load, and only plans with
        # ad channels need it (a cold ``aibudget report`` of a plan without pays nothing).
        from scipy.optimize import brentq

        root = brentq(lambda x: _slope(curve, x, factor), start, hi, xtol=1e-15 * hi)
        candidates.append(float(root))
    return max(candidates, key=lambda x: _gain(curve, x, factor))


def _risk_best(problem: Problem, choice: Choice, i: int, lo: float, hi: float) -> float:
    """Channel ``i``'s best spend in [lo, hi] for a scenario objective (see above)."""
    c = problem.channels[i]

    def at(x: float) -> Choice:
        spend = choice.spend.copy()
        spend[i] = x
        return Choice(choice.options, spend)

    best = x = float(choice.spend[i])
    best_value = objective(problem, choice)
    for _ in range(RISK_ROUNDS):
        weights = scenario_weights(problem, scenario_npvs(problem, at(x)))
        factor = dot(weights, c.factors) / float(weights.sum())
        moved = best_spend(c.curve, lo, hi, factor)
        if moved == x:
            break
        x = moved
        value = objective(problem, at(x))
        if value >= best_value:
            best, best_value = x, value
    return best


def _room(problem: Problem, choice: Choice, i: int, extra_budget: float) -> tuple[float, float]:
    """How low and how high channel ``i``'s spend may go, the rest held."""
    c, now = problem.channels[i], float(choice.spend[i])
    lo, hi = c.low, c.high
    slack = problem.budget + extra_budget - cash_total(problem, choice)
    hi = min(hi, now + slack / problem.months)
    if problem.monthly_budget is not None:
        hi = min(hi, now + problem.monthly_budget - float(monthly_cash(problem, choice)[1:].max()))
    picked = choice.picked()
    for x in problem.extras:
        if not x.channel_coef[i]:
            continue
        amount = float(x.option_coef[picked].sum()) + dot(x.channel_coef, choice.spend)
        if x.high is not None:
            hi = min(hi, now + x.high - amount)
        if x.low is not None:
            lo = max(lo, now - (amount - x.low))
    return min(lo, now), max(hi, now)


def polish(problem: Problem, choice: Choice, extra_budget: float = 0.0) -> Choice:
    """The choice with each curved channel's spend at its own best, one at a time."""
    spend = choice.spend.copy()
    for i, c in enumerate(problem.channels):
        if c.high <= c.low or (not c.curve.concave and inflection(c.curve) is None):
            continue
        lo, hi = _room(problem, Choice(choice.options, spend), i, extra_budget)
        if c.uncertain:  # only scenario objectives draw heights
            spend[i] = _risk_best(problem, Choice(choice.options, spend), i, lo, hi)
            continue
        best = best_spend(c.curve, lo, hi)
        if _gain(c.curve, best) > _gain(c.curve, float(spend[i])):
            spend[i] = best
    return Choice(choice.options, spend)
