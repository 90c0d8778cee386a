"""The allocation as one mixed-integer programme, solved by HiGHS (:mod:`.highs`).

Columns: one binary per tool option; per ad channel the spend above the start of its
grid split into piecewise-linear segments (continuous, each the share of its segment
filled, 0..1, so that narrow segments stay well scaled; plus, in the incremental form, one
binary per breakpoint before the curve's concave tail, so S-curves are solved
globally); the training, data/privacy and reserve top-ups; a data-use indicator; and
for the scenario objectives one column per scenario (and the CVaR threshold). Then
``optimize_refine`` polishes the ad spend on finer grids around the global answer.

Scaling: money columns and rows are divided by one money scale, every row by its
largest coefficient and the objective by its largest coefficient, so that plans in
NT$ or in millions solve alike. Every constraint row belongs to a named *group*; a
set of groups can be relaxed, which is how conflicts are found (see optimize_explain).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from aibudget.domain.allocation import Objective, OptimiseStatus
from aibudget.engine import highs
from aibudget.engine.curves import CONCAVITY_TOLERANCE, Piecewise
from aibudget.engine.exact import dot
from aibudget.engine.optimize_check import Choice
from aibudget.engine.optimize_dominance import dominated
from aibudget.engine.optimize_problem import Floats, Problem

Index = NDArray[np.intp]
Touch = tuple[dict[int, Floats], frozenset[int]]  # touching points per channel, exact S-curves
MIP_REL_GAP = 1e-6  # relative gap HiGHS must prove before it calls a plan optimal
OBJECTIVE_SCALE = 100.0


@dataclass(frozen=True)
class Tweaks:
    """Changes for what-if solves: relaxed groups, more budget or hours, forced tools."""

    relax: frozenset[str] = frozenset()
    extra_budget: float = 0.0
    extra_hours: dict[str, float] = field(default_factory=dict)
    force: tuple[int, ...] = ()
    pwl: dict[int, Piecewise] = field(default_factory=dict)
    time_limit: float | None = None
    node_limit: int | None = None  # branch-and-bound nodes (deterministic, unlike time)
    min_cash: bool = False  # minimise cash instead (to say how much the minimums need)
    fixed: tuple[int, ...] | None = None  # fund exactly these options (to refine channels)
    presolve: bool = True  # HiGHS's MIP presolve has returned worse plans as optimal
    sub_mip_heuristics: bool = True  # off where a solve must prove its bound (see highs)
    hint: tuple[int, ...] | None = None  # funded options of a plan meeting these tweaks


@dataclass(frozen=True)
class Solution:
    """A solve's outcome. ``bound``: an upper bound (money) on the optimum of the model
    solved, from the solver's dual bound; it bounds the plan's true optimum only where
    the model over-approximates every curve (see optimize_refine). ``notes``: internal
    solves that failed on the way (e.g. ``refine_failed``). ``touch``: where the last
    bounding solve's curves touched the true ones, and which S-curves it took exactly
    (see optimize_refine), so that a what-if on the same plan can start from there."""

    status: OptimiseStatus
    choice: Choice | None
    gap: float | None
    bound: float | None = None
    notes: tuple[str, ...] = ()
    touch: Touch | None = None


class _Builder:
    def __init__(self, problem: Problem, tweaks: Tweaks) -> None:
        self.p = problem
        self.t = tweaks
        self.money = max(
            problem.budget + tweaks.extra_budget,
            float(np.abs(problem.value).max(initial=0.0)),
            float(problem.cash.sum(axis=1).max(initial=0.0)),
            max((c.high * problem.months for c in problem.channels), default=0.0),
            1e-300,
        )
        self.cost: list[float] = []
        self.lb: list[float] = []
        self.ub: list[float] = []
        self.integer: list[int] = []
        self.rows: list[tuple[Index, Floats, float, float]] = []
        self.budget_row: tuple[Index, Floats] = (np.zeros(0, np.intp), np.zeros(0))
        self.chan_cols: list[list[int]] = []
        self.chan_width: list[Floats] = []  # segment widths in money units per column
        self.chan_start: Floats = np.zeros(0)  # each channel's spend with every delta 0
        self.constant = 0.0  # money the objective adds to the columns' (constants)

    def column(self, cost: float, lb: float, ub: float, integer: bool) -> int:
        self.cost.append(cost)
        self.lb.append(lb)
        self.ub.append(ub)
        self.integer.append(1 if integer else 0)
        return len(self.cost) - 1

    def row(self, group: str, cols: Any, vals: Any, lb: float, ub: float) -> None:
        """One constraint ``lb <= sum vals x cols <= ub`` of a relaxable group."""
        if group in self.t.relax:
            return
        c = np.asarray(cols, dtype=np.intp)
        v = np.broadcast_to(np.asarray(vals, dtype=np.float64), c.shape)
        self.rows.append((c, np.array(v), lb, ub))


def _nonzero(vec: Floats, divide: float = 1.0) -> tuple[Index, Floats]:
    """Options (= their columns) with a non-zero coefficient, and the coefficients."""
    idx: Index = np.flatnonzero(vec)
    out: Floats = vec[idx] / divide
    return idx, out


def _pwl(problem: Problem, tweaks: Tweaks, c: int) -> Piecewise:
    return tweaks.pwl.get(c, problem.channels[c].pwl)


def _cat(*parts: tuple[Any, Any]) -> tuple[Index, Floats]:
    cols = np.concatenate([np.asarray(c, dtype=np.intp).ravel() for c, _ in parts])
    vals = np.concatenate(
        [np.broadcast_to(np.asarray(v, dtype=np.float64), np.shape(c)).ravel() for c, v in parts]
    )
    return cols, vals


@dataclass
class _Ads:
    """The channels' part of the objective. Channel c with every delta at 0 is worth
    annuity (g f(x_0) - x_0), its delta column k adds annuity (g slope_k - 1) width_k,
    with g its height multiple: the scenarios' mean for the mean part, ``factors[c][s]``
    in scenario s, 1 without scenarios."""

    money: float
    cols: list[list[int]] = field(default_factory=list)
    annuity: list[float] = field(default_factory=list)
    slopes: list[Floats] = field(default_factory=list)
    widths: list[Floats] = field(default_factory=list)
    start: list[tuple[float, float]] = field(default_factory=list)  # (x_0, f(x_0))
    factors: list[Floats] = field(default_factory=list)
    mean: list[float] = field(default_factory=list)

    def coefficients(self, c: int, g: float) -> Floats:
        out: Floats = self.annuity[c] * (g * self.slopes[c] - 1.0) * self.widths[c] / self.money
        return out

    def const(self, s: int | None = None) -> float:
        """The value (money) with every delta at 0: at the mean multiples (``s`` None)
        or in scenario ``s``."""
        g = self.mean if s is None else [float(f[s]) for f in self.factors]
        return sum(
            a * (gc * y0 - x0) for a, gc, (x0, y0) in zip(self.annuity, g, self.start, strict=True)
        )

    def scenario(self, s: int) -> tuple[Index, Floats]:
        """Columns and coefficients of the channels' value in scenario ``s``."""
        parts = [(cols, self.coefficients(c, float(self.factors[c][s]))) for c, cols in
                 enumerate(self.cols)]  # fmt: skip
        if not parts:
            return np.zeros(0, dtype=np.intp), np.zeros(0)
        return _cat(*parts)


def _channels(b: _Builder, weight: float) -> tuple[_Ads, float]:
    """Channel columns: spend = x_0 + sum(delta) with x_0 the grid's first breakpoint
    (``b.chan_start``), valued as in :class:`_Ads`; binaries of the incremental form
    where not concave."""
    p, t, m = b.p, b.t, b.money
    ads = _Ads(m)
    spend_const = 0.0
    starts = []
    for ci, c in enumerate(p.channels):
        pwl = _pwl(p, t, ci)
        if f"channel_min:{c.id}" in t.relax and pwl.x[0] > 0:
            xs = np.concatenate([[0.0], pwl.x])
            pwl = Piecewise(xs, c.curve.value(xs))
        spend_const += float(pwl.x[0])
        starts.append(float(pwl.x[0]))
        widths = np.diff(pwl.x)
        ads.annuity.append(c.annuity)
        ads.slopes.append(pwl.slopes)
        ads.widths.append(widths)
        ads.start.append((float(pwl.x[0]), float(pwl.y[0])))
        ads.factors.append(c.factors)
        ads.mean.append(c.mean_factor)
        cols = [
            b.column(weight * float(v), 0.0, 1.0, False) for v in ads.coefficients(ci, ads.mean[-1])
        ]
        ads.cols.append(cols)
        b.chan_cols.append(cols)
        b.chan_width.append(widths / m)
        _order_segments(b, cols, concave_tail(pwl.slopes))
    b.chan_start = np.array(starts)
    return ads, spend_const


def concave_tail(slopes: Floats) -> int:
    """First segment from which the slopes never increase (0 for a concave curve)."""
    tol = CONCAVITY_TOLERANCE * max(float(np.abs(slopes).max(initial=0.0)), 1e-300)
    rises = np.flatnonzero(np.diff(slopes) > tol)
    return 0 if rises.size == 0 else int(rises[-1]) + 1


def _order_segments(b: _Builder, cols: list[int], tail: int) -> None:
    """Incremental formulation where it is needed: segment k must be full before
    segment k + 1 starts, for the segments before the concave tail (one binary each);
    the tail as a whole may start only once the segment before it is full. Within the
    tail, slopes fall, so the LP fills it in order by itself."""
    for k in range(tail):
        z = b.column(0.0, 0.0, 1.0, True)
        b.row("curve", [cols[k], z], [1.0, -1.0], 0.0, np.inf)
        if k + 1 < tail:
            b.row("curve", [cols[k + 1], z], [1.0, -1.0], -np.inf, 0.0)
        else:
            for j in range(k + 1, len(cols)):
                b.row("curve", [cols[j], z], [1.0, -1.0], -np.inf, 0.0)


def build(problem: Problem, tweaks: Tweaks) -> _Builder:
    """Columns and grouped rows; money in units of ``b.money``, objective maximised.
    The first columns are the options, in option order."""
    p, t = problem, tweaks
    b = _Builder(p, t)
    m = b.money
    n = p.months
    scen = p.objective in (Objective.CVAR, Objective.MEAN_DOWNSIDE)
    n_opts = p.n_options
    # Per-option objective: scenario objectives use the scenario mean (+ risk terms below).
    weight = 1 - p.risk_aversion if p.objective is Objective.CVAR else 1.0
    if scen:
        s_count = p.scenarios.shape[1]
        opt_obj = weight * p.scenarios.mean(axis=1) if s_count else np.zeros(n_opts)
    else:
        opt_obj = p.value
    upper = np.ones(n_opts)
    if "force_out" not in t.relax:
        upper[np.isin(p.opt_tool, p.forced_out)] = 0.0
    upper[dominated(p)] = 0.0  # another option of the same tool is never worse
    if "max_share" not in t.relax:
        upper[p.cash.sum(axis=1) > p.max_tool_cash * (1 + 1e-12)] = 0.0
    lower = np.zeros(n_opts)
    if t.fixed is not None:
        upper[:] = 0.0
        upper[list(t.fixed)] = lower[list(t.fixed)] = 1.0
    for o in range(n_opts):
        b.column(float(opt_obj[o]) / m, float(lower[o]), float(upper[o]), True)
    opts = np.arange(n_opts)
    ads, spend_const = _channels(b, weight)
    chan_all = np.array([col for cols in b.chan_cols for col in cols], dtype=np.intp)
    chan_width = np.concatenate([np.zeros(0), *b.chan_width])
    # Top-ups are measured in units of their own minimum (better conditioned rows).
    ut = max(p.min_training / m, 1e-6)
    up = max(p.min_privacy / m, 1e-6)
    tr = b.column(-weight * ut, 0.0, np.inf, False)
    dp = b.column(-weight * up, 0.0, np.inf, False)
    rs = b.column(0.0, 0.0, np.inf, False)
    # Budget over the horizon.
    budget = p.budget + t.extra_budget - float(p.fixed_cash.sum()) - n * spend_const
    b.budget_row = _cat(
        (opts, p.cash.sum(axis=1) / m), (chan_all, n * chan_width), ([tr, dp, rs], [ut, up, 1.0])
    )
    b.row("budget", *b.budget_row, -np.inf, budget / m)
    if p.monthly_budget is not None:
        for month in range(n + 1):
            cols, vals = _nonzero(p.cash[:, month], m)
            spend = spend_const if month >= 1 else 0.0
            if month >= 1:
                cols, vals = _cat((cols, vals), (chan_all, chan_width))
            cap = p.monthly_budget - float(p.fixed_cash[month]) - spend
            if cols.size or cap < 0:
                b.row("monthly_budget", cols, vals, -np.inf, cap / m)
    for k, member in enumerate(p.members):
        free = float(p.free_hours[k]) + t.extra_hours.get(member, 0.0)
        for month in range(n + 1):
            cols, vals = _nonzero(p.hours[:, k, month])
            if cols.size:
                b.row(f"hours:{member}", cols, vals, -np.inf, free)
    for ti in range(len(p.tools)):
        of_tool = p.options_of(ti)
        if of_tool.size:
            forced = ti in p.forced_in and f"force_in:{p.tools[ti].id}" not in t.relax
            lo = 1.0 if forced or ti in t.force else 0.0
            b.row("one_option", of_tool, 1.0, lo, 1.0)
    pilot = np.flatnonzero(p.opt_start <= p.pilot_months)
    if pilot.size > p.pilot_max:
        b.row("pilot", pilot, 1.0, -np.inf, float(p.pilot_max))
    for goal, serving in p.goals.items():
        b.row(f"goal:{goal}", serving, 1.0, 1.0, np.inf)
    for i, group in enumerate(p.exclusive):
        b.row(f"exclusive:{i}", np.flatnonzero(np.isin(p.opt_tool, group)), 1.0, -np.inf, 1.0)
    b.row("training", *_cat(_nonzero(p.training, m), ([tr], ut)), p.min_training / m, np.inf)
    b.row("reserve", [rs], 1.0, p.min_reserve / m, np.inf)
    data_opts = np.flatnonzero(p.uses_data)
    if data_opts.size and p.min_privacy > 0:
        zd = b.column(0.0, 0.0, 1.0, False)
        for ti in np.unique(p.opt_tool[data_opts]):
            of_tool = data_opts[p.opt_tool[data_opts] == ti]
            b.row("privacy", *_cat(([zd], 1.0), (of_tool, -1.0)), 0.0, np.inf)
        cols, vals = _cat(_nonzero(p.privacy, m), ([dp, zd], [up, -p.min_privacy / m]))
        b.row("privacy", cols, vals, 0.0, np.inf)
    for i, extra in enumerate(p.extras):
        parts: list[tuple[Any, Any]] = [_nonzero(extra.option_coef, m)]
        parts += [(b.chan_cols[ci], b.chan_width[ci]) for ci in np.flatnonzero(extra.channel_coef)]
        # The channels' spend with every delta at 0: where each grid starts (a
        # refinement window's lower end, or 0 for a relaxed minimum), not ``low``.
        base = dot(extra.channel_coef, b.chan_start) if p.channels else 0.0
        lo = -np.inf if extra.low is None else (extra.low - base) / m
        hi = np.inf if extra.high is None else (extra.high - base) / m
        b.row(f"extra:{i}", *_cat(*parts), lo, hi)
    if scen:
        _scenario_rows(b, ads, (tr, ut), (dp, up))
        fixed = float(p.fixed_scenarios.mean()) if p.fixed_scenarios.size else 0.0
        # CVaR's a x CVaR part carries the constants in its rows; the mean part not.
        b.constant = weight * (fixed + ads.const())
    else:
        b.constant = p.fixed_value + ads.const()
    return b


def _scenario_rows(
    b: _Builder, ads: _Ads, training: tuple[int, float], privacy: tuple[int, float]
) -> None:
    """NPV_s = sum_o v_os x_o + channels_s - top-ups + constants; CVaR or downside terms.
    Each scenario values the channels on its own curves (the mean curve scaled)."""
    p = b.p
    m = b.money
    (tr, ut), (dp, up) = training, privacy
    s_count = p.scenarios.shape[1]
    a = p.risk_aversion
    opts = np.arange(p.n_options)
    eta = b.column(a, -np.inf, np.inf, False) if p.objective is Objective.CVAR else -1
    for s in range(s_count):
        const = (float(p.fixed_scenarios[s]) + ads.const(s)) / m
        if p.objective is Objective.CVAR:
            u = b.column(-a / (p.cvar_tail * s_count), 0.0, np.inf, False)
            extra = ([tr, dp, u, eta], [-ut, -up, 1.0, -1.0])
        else:
            d = b.column(-a / s_count, 0.0, np.inf, False)
            extra = ([tr, dp, d], [-ut, -up, 1.0])
        cols, vals = _cat((opts, p.scenarios[:, s] / m), ads.scenario(s), extra)
        b.row("scenario", cols, vals, -const, np.inf)


def _scaled_rows(b: _Builder, n_cols: int) -> highs.Rows:
    """The rows, each divided by its largest coefficient."""
    if not b.rows:
        empty = np.zeros(0)
        return highs.Rows(np.zeros(0, np.intp), np.zeros(0, np.intp), empty, empty, empty)
    big = np.array([float(np.abs(v).max(initial=0.0)) or 1.0 for _, v, _, _ in b.rows])
    sizes = [c.size for c, _, _, _ in b.rows]
    return highs.Rows(
        row=np.repeat(np.arange(len(b.rows)), sizes),
        col=np.concatenate([c for c, _, _, _ in b.rows]),
        value=np.concatenate([v for _, v, _, _ in b.rows]) / np.repeat(big, sizes),
        lo=np.array([r[2] for r in b.rows]) / big,
        hi=np.array([r[3] for r in b.rows]) / big,
    )


def _hint(problem: Problem, tweaks: Tweaks) -> tuple[NDArray[np.int32], Floats] | None:
    """The option columns of ``tweaks.hint`` (1 funded, 0 not), for HiGHS to start from;
    none where the options are fixed anyway."""
    if tweaks.hint is None or tweaks.fixed is not None:
        return None
    values = np.zeros(problem.n_options)
    values[list(tweaks.hint)] = 1.0
    return np.arange(problem.n_options, dtype=np.int32), values


def solve(problem: Problem, tweaks: Tweaks | None = None) -> Solution:
    tweaks = tweaks or Tweaks()
    b = build(problem, tweaks)
    n_cols = len(b.cost)
    cost = np.array(b.cost)
    if tweaks.min_cash:
        cost = np.zeros(n_cols)
        cost[b.budget_row[0]] = -b.budget_row[1]
    scale = float(np.abs(cost).max(initial=0.0)) or 1.0
    c = -cost / scale * OBJECTIVE_SCALE
    rows = _scaled_rows(b, n_cols)
    limit = tweaks.time_limit if tweaks.time_limit is not None else problem.time_limit
    result = highs.solve_milp(
        c,
        np.array(b.integer, dtype=bool),
        np.array(b.lb, dtype=float),
        np.array(b.ub, dtype=float),
        rows,
        time_limit=limit,
        node_limit=tweaks.node_limit,
        mip_rel_gap=MIP_REL_GAP,
        presolve=tweaks.presolve,
        sub_mip_heuristics=tweaks.sub_mip_heuristics,
        hint=_hint(problem, tweaks),
    )
    if result.outcome is highs.Outcome.INFEASIBLE:
        return Solution(OptimiseStatus.INFEASIBLE, None, None)
    if result.x is None:
        limited = result.outcome is highs.Outcome.LIMIT
        status = OptimiseStatus.NO_SOLUTION if limited else OptimiseStatus.INFEASIBLE
        return Solution(status, None, None)
    sol = result.x
    options = np.full(len(problem.tools), -1, dtype=np.intp)
    for o in np.flatnonzero(sol[: problem.n_options] > 0.5):
        options[int(problem.opt_tool[o])] = o
    spend = [
        float(start) + b.money * dot(width, sol[ccols])
        for start, ccols, width in zip(b.chan_start, b.chan_cols, b.chan_width, strict=True)
    ]
    optimal = result.outcome is highs.Outcome.OPTIMAL
    status = OptimiseStatus.OPTIMAL if optimal else OptimiseStatus.TIME_LIMIT
    bound = None
    if not tweaks.min_cash and result.dual_bound is not None:
        bound = -result.dual_bound * scale / OBJECTIVE_SCALE * b.money + b.constant
    gap = result.gap
    return Solution(status, Choice(options, np.array(spend)), gap, bound)
