"""Polish the MILP's ad spend, then say truthfully how good the answer is.

The first MILP (:func:`.optimize_milp.solve`) values each channel on a grid of chords,
which lie under a concave curve: its answer is feasible but can be short of the true
optimum, and its own dual bound bounds the grid, not the curves. So:

1. *Refine*: with the funded options fixed, re-solve on finer grids in windows around
   the answer (``REFINE_ROUNDS`` times, each window ``2 / segments`` as wide as the
   last). The answer with the best true objective is kept.
2. *Bound*: solve the same MILP once more with each curve replaced by a function at or
   above it (:func:`.curves.outer`: tangents where the curve is concave, chords where
   it is convex), touching it at the grids used so far. Every plan's true value is at
   most its value there, so the MILP's dual bound bounds the true optimum. The first
   try takes each S-curve's concave envelope (no binaries); where the bound is loose,
   S-curves whose spend sat on the envelope's straight part take their exact convex
   part (chords, with binaries), tangents are added where that solve put the spend,
   and its allocation (feasible for the plan) is kept if better.
3. *Judge*: the gap is (bound - true objective) / |bound|. The status is ``optimal``
   only when the gap is at most ``OPTIMAL_GAP``; otherwise ``time_limit`` (the first
   MILP stopped early) or ``approximate``. Failed internal solves are listed in the
   solution's ``notes``, never dropped.

The bound holds for every objective: a higher channel return raises every scenario's
NPV, and each objective (mean, CVaR, mean minus downside) rises with them. A channel
whose height is uncertain has one curve per scenario, its mean curve scaled by the
scenario's multiple g_s >= 0 (see optimize_problem); the MILP values every scenario on
the same breakpoints scaled by g_s, so an outer curve above the mean curve, scaled by
g_s, is above each scenario's curve: one outer approximation per channel still bounds
every scenario, and the same argument holds.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from aibudget.domain.allocation import OptimiseStatus
from aibudget.engine.curves import MERGE_TOLERANCE, envelope_touch, inflection, outer, window
from aibudget.engine.optimize_check import Choice, objective, relative_gap, violations
from aibudget.engine.optimize_milp import Solution, Touch, Tweaks, solve
from aibudget.engine.optimize_polish import polish
from aibudget.engine.optimize_problem import Floats, Problem

REFINE_ROUNDS = 2
BOUND_ROUNDS = 3
OPTIMAL_GAP = 1e-4  # "optimal": within 0.01% of a proven upper bound on the true optimum

REFINE_FAILED = "refine_failed"  # a refinement re-solve found no plan
BOUND_FAILED = "bound_failed"  # the bounding solve gave no bound
BOUND_UNKNOWN_CURVE = "bound_unknown_curve"  # a curve of a shape no bound is known for
BOUND_INVALID = "bound_invalid"  # the bounding solve came out below a plan in hand
BOUND_NOISE = 1e-9  # relative: solver tolerances, when a bound is compared with a value


def _noise(value: float) -> float:
    return BOUND_NOISE * max(abs(value), 1.0)


def _curved(problem: Problem) -> list[int]:
    return [i for i, c in enumerate(problem.channels) if c.high > c.low]


def _refine(
    problem: Problem, tweaks: Tweaks, start: Choice, notes: list[str]
) -> tuple[Choice, dict[int, list[Floats]], dict[int, float]]:
    """The best plan of the refinement rounds (each channel then polished to its own
    optimum), the grids they used, the next width."""
    curved = _curved(problem)
    best, best_value = start, objective(problem, start)
    half = {i: float(np.max(np.diff(problem.channels[i].pwl.x))) for i in curved}
    grids = {i: [problem.channels[i].pwl.x] for i in curved}
    current = start
    fixed = tuple(int(o) for o in start.picked())
    for _ in range(REFINE_ROUNDS):
        pwl = {}
        for i in curved:
            c = problem.channels[i]
            pwl[i] = window(c.curve, float(current.spend[i]), half[i], c.low, c.high, c.segments)
            grids[i].append(pwl[i].x)
            half[i] *= 2 / c.segments
        trial = solve(problem, replace(tweaks, pwl=pwl, fixed=fixed))
        if trial.choice is None:
            notes.append(REFINE_FAILED)
            break
        current = trial.choice
        value = objective(problem, current)
        if value > best_value:
            best, best_value = current, value
    if not tweaks.relax:  # each channel to its own optimum (see optimize_polish)
        best = polish(problem, best, tweaks.extra_budget)
    return best, grids, half


def _touching(problem: Problem, i: int, grids: list[Floats], spend: float) -> Floats:
    """Where the outer approximation should touch channel ``i``'s curve: its first grid,
    ``spend``, and the finer grids where the curve is concave. Where it is convex the
    finer points would only add binaries: an optimum sits at the ends of that part."""
    c = problem.channels[i]
    turn = inflection(c.curve) or c.low
    fine = np.concatenate(grids[1:]) if len(grids) > 1 else np.zeros(0)
    out: Floats = np.concatenate([c.pwl.x, grids[0], fine[fine >= turn], [spend]])
    return out


def _on_envelope_line(problem: Problem, tweaks: Tweaks, choice: Choice) -> frozenset[int]:
    out = set()
    for i, c in enumerate(problem.channels):
        low = 0.0 if f"channel_min:{c.id}" in tweaks.relax else c.low
        touch = envelope_touch(c.curve, low, c.high)
        tol = MERGE_TOLERANCE * (c.high - low)
        if touch is not None and low + tol < choice.spend[i] < touch - tol:
            out.add(i)
    return frozenset(out)


def upper_bound(
    problem: Problem,
    tweaks: Tweaks,
    points: dict[int, Floats],
    exact: frozenset[int],
    presolve: bool = True,
) -> Solution | None:
    """The MILP with every curve replaced by its outer approximation touching it at
    ``points`` (per channel; its first grid where not given). S-curves not in ``exact``
    take their concave envelope (no binaries). Its ``bound`` bounds the true optimum
    of the plan under ``tweaks``. None: a curve has no known bound."""
    pwl = {}
    for i, c in enumerate(problem.channels):
        low = 0.0 if f"channel_min:{c.id}" in tweaks.relax else c.low
        if c.high <= low:
            continue  # a fixed spend: its one-point grid is exact
        over = outer(c.curve, points.get(i, c.pwl.x), low, c.high, i not in exact)
        if over is None:
            return None
        pwl[i] = over
    return solve(problem, replace(tweaks, pwl=pwl, fixed=None, presolve=presolve))


def judged(
    first: Solution,
    choice: Choice,
    value: float,
    bound: float | None,
    notes: list[str],
    touch: Touch | None = None,
) -> Solution:
    """The solution with a status that the bound supports."""
    gap = None if bound is None else relative_gap(bound, value)
    if gap is not None and gap <= OPTIMAL_GAP:
        status = OptimiseStatus.OPTIMAL
    elif first.status is OptimiseStatus.TIME_LIMIT and gap is not None:
        status = OptimiseStatus.TIME_LIMIT
    else:
        status = OptimiseStatus.APPROXIMATE
    return Solution(status, choice, gap, bound, tuple(dict.fromkeys(notes)), touch)


def solve_refined(
    problem: Problem,
    tweaks: Tweaks | None = None,
    *,
    judge: bool = True,
    start: Touch | None = None,
) -> Solution:
    """Solve, refine the ad spend and (``judge``) bound the answer: see the module
    docstring. Without ``judge`` (what-if solves that only need a good plan) the
    status of a found plan is ``approximate``. ``start``: where an earlier solve of the
    same plan touched the curves (its ``touch``); the bound touches them there too
    (still a bound: an outer approximation may touch a curve anywhere), which mostly
    saves bounding rounds when a what-if's answer lies near the first answer."""
    tweaks = tweaks or Tweaks()
    first = solve(problem, tweaks)
    if first.choice is None:
        return first
    curved = _curved(problem)
    if not curved:  # every channel is exact on its grid: the MILP's own bound holds
        value = objective(problem, first.choice)
        return judged(first, first.choice, value, first.bound, [])
    notes: list[str] = []
    best, grids, half = _refine(problem, tweaks, first.choice, notes)
    best_value = objective(problem, best)
    if not judge:
        return Solution(OptimiseStatus.APPROXIMATE, best, None, None, tuple(notes))
    points = {i: _touching(problem, i, grids[i], best.spend[i]) for i in curved}
    bound: float | None = None
    exact: frozenset[int] = frozenset()
    touch: Touch | None = None
    if start is not None:
        points = {i: np.concatenate([points[i], start[0].get(i, points[i])]) for i in curved}
        exact = start[1]
    for _ in range(BOUND_ROUNDS):
        relaxed = upper_bound(problem, tweaks, points, exact)
        touch = (dict(points), exact)
        if relaxed is None:
            notes.append(BOUND_UNKNOWN_CURVE)
            break
        if relaxed.bound is not None and relaxed.bound < best_value - _noise(best_value):
            # Below a plan in hand: not a bound. HiGHS's MIP presolve has cut off
            # better plans before (on badly scaled columns); try once without it.
            relaxed = upper_bound(problem, tweaks, points, exact, presolve=False)
            assert relaxed is not None  # the same curves as a moment ago
            if relaxed.bound is not None and relaxed.bound < best_value - _noise(best_value):
                notes.append(BOUND_INVALID)
                bound = None
                break
        if relaxed.bound is None or relaxed.choice is None:
            notes.append(BOUND_FAILED)
            break
        bound = relaxed.bound if bound is None else min(bound, relaxed.bound)
        candidate = relaxed.choice  # meets the plan's constraints: only the curves differ
        if not violations(problem, candidate):
            value = objective(problem, candidate)
            if value > best_value:
                best, best_value = candidate, value
        if relative_gap(bound, best_value) <= OPTIMAL_GAP:
            break
        # S-curves whose spend sits on the envelope's straight part take their exact
        # shape from now on (the envelope is loose only there).
        exact = exact | _on_envelope_line(problem, tweaks, relaxed.choice)
        for i in curved:  # touch the curve where the bound's plan put the spend
            c = problem.channels[i]
            around = float(relaxed.choice.spend[i])
            grid = window(c.curve, around, half[i] * c.segments / 2, c.low, c.high, c.segments)
            points[i] = np.concatenate(
                [points[i], _touching(problem, i, [c.pwl.x, grid.x], around)]
            )
    return judged(first, best, best_value, bound, notes, touch)


def _checked_bound(problem: Problem, tweaks: Tweaks, start: Touch, floor: float) -> Solution | None:
    """The bounding solve touching the curves at ``start``; None when it gives no bound
    or one below ``floor`` (the value of a plan known to be feasible) even without
    HiGHS's presolve."""
    for presolve in (True, False):
        relaxed = upper_bound(problem, tweaks, start[0], start[1], presolve=presolve)
        if relaxed is None or relaxed.bound is None:
            return None
        if relaxed.bound >= floor - _noise(floor):
            return relaxed
    return None


def bound_near(problem: Problem, tweaks: Tweaks, start: Touch | None, floor: float) -> float | None:
    """An upper bound on the true optimum under ``tweaks``, from one solve: the bounding
    solve touching the curves where an earlier solve of the plan did (``start``), or the
    MILP's own bound when every channel is exact on its grid. ``floor``: the value of a
    plan known to be feasible under ``tweaks`` (a bound below it is no bound)."""
    if not _curved(problem):
        sol = solve(problem, tweaks)
        return sol.bound if sol.bound is not None and sol.bound >= floor - _noise(floor) else None
    if start is None:
        return solve_refined(problem, tweaks).bound
    relaxed = _checked_bound(problem, tweaks, start, floor)
    return None if relaxed is None else relaxed.bound


def solve_near(problem: Problem, tweaks: Tweaks, start: Touch | None, floor: float) -> Solution:
    """:func:`solve_refined` for a what-if whose answer lies near an earlier one (more
    budget or hours): the bounding solve touching the curves where the earlier solve
    did comes first, its plan's ad spend is refined, and when the bound already proves
    it optimal, the other solves are saved. ``floor``: as for :func:`bound_near`."""
    if start is None or not _curved(problem):
        return solve_refined(problem, tweaks, start=start)
    relaxed = _checked_bound(problem, tweaks, start, floor)
    if relaxed is None or relaxed.choice is None or relaxed.bound is None:
        return solve_refined(problem, tweaks, start=start)
    notes: list[str] = []
    best, _, _ = _refine(problem, tweaks, relaxed.choice, notes)  # never worse than it
    value = objective(problem, best)
    if notes or relative_gap(relaxed.bound, value) > OPTIMAL_GAP:
        return solve_refined(problem, tweaks, start=start)
    return judged(relaxed, best, value, relaxed.bound, notes, start)
