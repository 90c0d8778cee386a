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
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import brentq

from aibudget.engine.curves import ResponseCurve, inflection
from aibudget.engine.optimize_check import Choice, cash_total, monthly_cash
from aibudget.engine.optimize_problem import Problem


def _gain(curve: ResponseCurve, x: float) -> float:
    return float(curve.value(np.array([x]))[0]) - x


def _slope(curve: ResponseCurve, x: float) -> float:
    return float(curve.derivative(np.array([x]))[0]) - 1.0


def best_spend(curve: ResponseCurve, lo: float, hi: float) -> float:
    """The spend in [lo, hi] with the largest return net of spend."""
    if hi <= lo:
        return lo
    candidates = [lo, hi]
    start = max(lo, min(inflection(curve) or lo, hi))
    if _slope(curve, start) > 0 > _slope(curve, hi):
        candidates.append(float(brentq(lambda x: _slope(curve, x), start, hi, xtol=1e-15 * hi)))
    return max(candidates, key=lambda x: _gain(curve, x))


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
        amount = float(x.option_coef[picked].sum()) + float(x.channel_coef @ choice.spend)
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
        best = best_spend(c.curve, lo, hi)
        if _gain(c.curve, best) > _gain(c.curve, float(spend[i])):
            spend[i] = best
    return Choice(choice.options, spend)
