"""The spreadsheet baseline: rank by ROI and fund until the money runs out.

Required tools first, then the best-ROI tool for each uncovered priority-1 goal, then
every other tool in order of its best ROI (value / cash over the horizon), each on its
best-ROI option that still keeps every constraint; then ad spend in equal steps to the
channel whose next step returns most, while it returns more than it costs. It is the
baseline the optimiser is measured against, not a solver.
"""

from __future__ import annotations

import numpy as np

from aibudget.domain.allocation import Objective
from aibudget.engine.optimize_check import Choice, empty_choice, objective, violations
from aibudget.engine.optimize_problem import Floats, Problem

_MUST_HAVE = ("goal:", "force_in:")


def _values(problem: Problem) -> Floats:
    if problem.objective in (Objective.CVAR, Objective.MEAN_DOWNSIDE):
        out: Floats = problem.scenarios.mean(axis=1)
        return out
    return problem.value


def _roi(problem: Problem) -> Floats:
    cash = problem.cash.sum(axis=1)
    values = _values(problem)
    with np.errstate(divide="ignore", invalid="ignore"):
        out: Floats = np.where(cash > 0, values / np.where(cash > 0, cash, 1.0), np.inf)
    return np.where(values > 0, out, -np.inf)


def _fits(problem: Problem, options: np.ndarray, spend: Floats) -> bool:
    broken = violations(problem, Choice(options, spend))
    return not [v for v in broken if not v.startswith(_MUST_HAVE)]


def greedy(problem: Problem) -> Choice | None:
    """The baseline allocation, or None when it ends up breaking a constraint."""
    start = empty_choice(problem)
    options = start.options.copy()
    spend = start.spend.copy()
    roi = _roi(problem)

    def add_best(tool: int, allow_loss: bool) -> bool:
        candidates = problem.options_of(tool)
        ranked = sorted(candidates, key=lambda o: -_values(problem)[o] if allow_loss else -roi[o])
        for o in ranked:
            if not allow_loss and roi[o] == -np.inf:
                return False
            trial = options.copy()
            trial[tool] = o
            if _fits(problem, trial, spend):
                options[tool] = o
                return True
        return False

    for t in problem.forced_in:
        add_best(t, allow_loss=True)
    for serving in problem.goals.values():
        if np.isin(serving, options).any():
            continue
        values = _values(problem)
        best_of = {int(problem.opt_tool[o]): float("-inf") for o in serving}
        for o in serving:
            best_of[int(problem.opt_tool[o])] = max(best_of[int(problem.opt_tool[o])], values[o])
        for t in sorted(best_of, key=lambda t: -best_of[t]):
            if options[t] < 0 and add_best(t, allow_loss=True):
                break
    order = sorted(
        (t for t in range(len(problem.tools)) if options[t] < 0),
        key=lambda t: -float(roi[problem.options_of(t)].max(initial=-np.inf)),
    )
    for t in order:
        add_best(t, allow_loss=False)
    _ads(problem, options, spend)
    choice = Choice(options, spend)
    return None if violations(problem, choice) else choice


def _ads(problem: Problem, options: np.ndarray, spend: Floats) -> None:
    steps = [(c.high - c.low) / c.segments for c in problem.channels]
    for _ in range(sum(c.segments for c in problem.channels)):
        gains = []
        for i, c in enumerate(problem.channels):
            a = float(spend[i])
            step = min(steps[i], c.high - a)
            if step <= 0:
                gains.append(-np.inf)
                continue
            more = float(c.curve.value(np.array([a + step]))[0] - c.curve.value(np.array([a]))[0])
            gains.append(c.annuity * (more - step))
        best = int(np.argmax(gains)) if gains else -1
        if best < 0 or gains[best] <= 0:
            return
        trial = spend.copy()
        trial[best] += min(steps[best], problem.channels[best].high - float(spend[best]))
        if not _fits(problem, options, trial):
            return
        spend[:] = trial


def greedy_objective(problem: Problem) -> float | None:
    choice = greedy(problem)
    return None if choice is None else objective(problem, choice)
