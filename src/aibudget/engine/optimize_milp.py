"""The allocation as one mixed-integer programme, solved by HiGHS (scipy.optimize.milp).

Columns: one binary per tool option; per ad channel the spend above its minimum split
into piecewise-linear segments (continuous; plus one binary per inner breakpoint in
the incremental formulation when the curve is not concave, so S-curves are solved
globally); the training, data/privacy and reserve top-ups; a data-use indicator; and
for the scenario objectives one column per scenario (and the CVaR threshold).

Scaling: money columns and rows are divided by one money scale, every row by its
largest coefficient and the objective by its largest coefficient, so that plans in
NT$ or in millions solve alike. Every constraint row belongs to a named *group*; a
set of groups can be relaxed, which is how conflicts are found (see optimize_explain).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_array

from aibudget.domain.allocation import Objective, OptimiseStatus
from aibudget.engine.curves import Piecewise
from aibudget.engine.optimize_check import Choice
from aibudget.engine.optimize_problem import Problem

MIP_REL_GAP = 1e-7
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
    min_cash: bool = False  # minimise cash instead (to say how much the minimums need)


@dataclass(frozen=True)
class Solution:
    status: OptimiseStatus
    choice: Choice | None
    gap: float | None


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
        self.rows: list[tuple[dict[int, float], float, float]] = []
        self.budget_coefs: dict[int, float] = {}
        self.x_cols: list[int] = []
        self.chan_cols: list[list[int]] = []

    def column(self, cost: float, lb: float, ub: float, integer: bool) -> int:
        self.cost.append(cost)
        self.lb.append(lb)
        self.ub.append(ub)
        self.integer.append(1 if integer else 0)
        return len(self.cost) - 1

    def row(self, group: str, coefs: dict[int, float], lb: float, ub: float) -> None:
        if group not in self.t.relax:
            self.rows.append((coefs, lb, ub))


def _pwl(problem: Problem, tweaks: Tweaks, c: int) -> Piecewise:
    return tweaks.pwl.get(c, problem.channels[c].pwl)


def build(problem: Problem, tweaks: Tweaks) -> _Builder:
    """Columns and grouped rows; money in units of ``b.money``, objective maximised."""
    p, t = problem, tweaks
    b = _Builder(p, t)
    m = b.money
    n = p.months
    scen = p.objective in (Objective.CVAR, Objective.MEAN_DOWNSIDE)
    a = p.risk_aversion
    n_opts = p.n_options
    # Per-option objective: scenario objectives use the scenario mean (+ risk terms below).
    if scen:
        weight = 1 - a if p.objective is Objective.CVAR else 1.0
        s_count = p.scenarios.shape[1]
        opt_obj = weight * p.scenarios.mean(axis=1) if s_count else np.zeros(n_opts)
    else:
        weight = 1.0
        opt_obj = p.value
    banned = set(p.forced_out)
    x = [
        b.column(
            float(opt_obj[o]) / m,
            0.0,
            0.0 if int(p.opt_tool[o]) in banned and "force_out" not in t.relax else 1.0,
            True,
        )
        for o in range(n_opts)
    ]
    # Options too large for the share cap are switched off (group "max_share").
    if "max_share" not in t.relax:
        over = p.cash.sum(axis=1) > p.max_tool_cash * (1 + 1e-12)
        for o in np.flatnonzero(over):
            b.ub[x[o]] = 0.0
    # Channels: spend = low + sum(delta); value = annuity (f(low) - low + sum(slope-1) delta).
    chan_cols: list[list[int]] = []
    chan_unit: dict[int, float] = {}  # unweighted objective coefficient per delta column
    chan_const = 0.0
    spend_const = 0.0
    for ci, c in enumerate(p.channels):
        pwl = _pwl(p, t, ci)
        if f"channel_min:{c.id}" in t.relax and pwl.x[0] > 0:
            xs = np.concatenate([[0.0], pwl.x])
            pwl = Piecewise(xs, c.curve.value(xs))
        chan_const += c.annuity * (float(pwl.y[0]) - float(pwl.x[0]))
        spend_const += float(pwl.x[0])
        widths = np.diff(pwl.x)
        cols = []
        for slope, width in zip(pwl.slopes, widths, strict=True):
            unit = c.annuity * (float(slope) - 1.0)
            col = b.column(weight * unit, 0.0, float(width) / m, False)
            chan_unit[col] = unit
            cols.append(col)
        chan_cols.append(cols)
        if not pwl.concave:
            for k in range(len(cols) - 1):
                z = b.column(0.0, 0.0, 1.0, True)
                b.row("curve", {cols[k]: 1.0, z: -float(widths[k]) / m}, 0.0, np.inf)
                b.row("curve", {cols[k + 1]: 1.0, z: -float(widths[k + 1]) / m}, -np.inf, 0.0)
    chan_all = [col for cols in chan_cols for col in cols]
    tr = b.column(-weight, 0.0, np.inf, False)
    dp = b.column(-weight, 0.0, np.inf, False)
    rs = b.column(0.0, 0.0, np.inf, False)
    # Budget over the horizon.
    budget = p.budget + t.extra_budget - float(p.fixed_cash.sum()) - n * spend_const
    coefs = {x[o]: float(p.cash[o].sum()) / m for o in range(n_opts)}
    coefs.update({col: float(n) for col in chan_all})
    coefs.update({tr: 1.0, dp: 1.0, rs: 1.0})
    b.budget_coefs = coefs
    b.row("budget", coefs, -np.inf, budget / m)
    if p.monthly_budget is not None:
        for month in range(n + 1):
            coefs = {x[o]: float(p.cash[o, month]) / m for o in range(n_opts) if p.cash[o, month]}
            spend = 0.0
            if month >= 1:
                coefs.update({col: 1.0 for col in chan_all})
                spend = spend_const
            cap = p.monthly_budget - float(p.fixed_cash[month]) - spend
            if coefs or cap < 0:
                b.row("monthly_budget", coefs, -np.inf, cap / m)
    for k, member in enumerate(p.members):
        free = float(p.free_hours[k]) + t.extra_hours.get(member, 0.0)
        load = p.hours[:, k, :]
        for month in range(n + 1):
            need = load[:, month]
            if np.any(need > 0):
                row = {x[o]: float(need[o]) for o in np.flatnonzero(need > 0)}
                b.row(f"hours:{member}", row, -np.inf, free)
    for ti in range(len(p.tools)):
        opts = p.options_of(ti)
        if opts.size:
            forced = ti in p.forced_in and f"force_in:{p.tools[ti].id}" not in t.relax
            lo = 1.0 if forced or ti in t.force else 0.0
            b.row("one_option", {x[o]: 1.0 for o in opts}, lo, 1.0)
        elif ti in p.forced_in:
            b.row(f"force_in:{p.tools[ti].id}", {}, 1.0, 1.0)
    pilot = np.flatnonzero(p.opt_start <= p.pilot_months)
    if pilot.size > p.pilot_max:
        b.row("pilot", {x[o]: 1.0 for o in pilot}, -np.inf, float(p.pilot_max))
    for goal, serving in p.goals.items():
        b.row(f"goal:{goal}", {x[o]: 1.0 for o in serving}, 1.0, np.inf)
    for i, group in enumerate(p.exclusive):
        members = [x[o] for ti in group for o in p.options_of(ti)]
        b.row(f"exclusive:{i}", dict.fromkeys(members, 1.0), -np.inf, 1.0)
    coefs = {x[o]: float(p.training[o]) / m for o in range(n_opts) if p.training[o]}
    coefs[tr] = 1.0
    b.row("training", coefs, p.min_training / m, np.inf)
    b.row("reserve", {rs: 1.0}, p.min_reserve / m, np.inf)
    data_opts = np.flatnonzero(p.uses_data)
    if data_opts.size and p.min_privacy > 0:
        zd = b.column(0.0, 0.0, 1.0, False)
        for ti in sorted({int(p.opt_tool[o]) for o in data_opts}):
            of_tool = [o for o in data_opts if int(p.opt_tool[o]) == ti]
            b.row("privacy", {zd: 1.0, **{x[o]: -1.0 for o in of_tool}}, 0.0, np.inf)
        coefs = {x[o]: float(p.privacy[o]) / m for o in range(n_opts) if p.privacy[o]}
        coefs.update({dp: 1.0, zd: -p.min_privacy / m})
        b.row("privacy", coefs, 0.0, np.inf)
    for i, extra in enumerate(p.extras):
        coefs = {
            x[o]: float(extra.option_coef[o]) / m for o in range(n_opts) if extra.option_coef[o]
        }
        for ci, cols in enumerate(chan_cols):
            if extra.channel_coef[ci]:
                coefs.update({col: 1.0 for col in cols})
        base = (
            float(extra.channel_coef @ np.array([c.low for c in p.channels])) if p.channels else 0.0
        )
        lo = -np.inf if extra.low is None else (extra.low - base) / m
        hi = np.inf if extra.high is None else (extra.high - base) / m
        b.row(f"extra:{i}", coefs, lo, hi)
    if scen:
        _scenario_rows(b, x, chan_unit, tr, dp, chan_const)
    b.x_cols = x
    b.chan_cols = chan_cols
    return b


def _scenario_rows(
    b: _Builder, x: list[int], chan_coef: dict[int, float], tr: int, dp: int, chan_const: float
) -> None:
    """NPV_s = sum_o v_os x_o + channels - top-ups + constants; CVaR or downside terms."""
    p = b.p
    m = b.money
    s_count = p.scenarios.shape[1]
    a = p.risk_aversion
    if p.objective is Objective.CVAR:
        eta = b.column(a, -np.inf, np.inf, False)
        for s in range(s_count):
            u = b.column(-a / (p.cvar_tail * s_count), 0.0, np.inf, False)
            coefs = {x[o]: float(p.scenarios[o, s]) / m for o in range(p.n_options)}
            coefs.update(chan_coef)
            coefs.update({tr: -1.0, dp: -1.0, u: 1.0, eta: -1.0})
            const = (float(p.fixed_scenarios[s]) + chan_const) / m
            b.row("scenario", coefs, -const, np.inf)
    else:
        for s in range(s_count):
            d = b.column(-a / s_count, 0.0, np.inf, False)
            coefs = {x[o]: float(p.scenarios[o, s]) / m for o in range(p.n_options)}
            coefs.update(chan_coef)
            coefs.update({tr: -1.0, dp: -1.0, d: 1.0})
            const = (float(p.fixed_scenarios[s]) + chan_const) / m
            b.row("scenario", coefs, -const, np.inf)


def solve(problem: Problem, tweaks: Tweaks | None = None) -> Solution:
    tweaks = tweaks or Tweaks()
    b = build(problem, tweaks)
    n_cols = len(b.cost)
    cost = np.array(b.cost)
    if tweaks.min_cash:
        cost = np.zeros(n_cols)
        for col, coef in b.budget_coefs.items():
            cost[col] = -coef
    scale = float(np.abs(cost).max(initial=0.0)) or 1.0
    c = -cost / scale * OBJECTIVE_SCALE
    constraints = []
    if b.rows:
        data, ri, cj, lo, hi = [], [], [], [], []
        for r, (coefs, low, high) in enumerate(b.rows):
            big = max((abs(v) for v in coefs.values()), default=1.0) or 1.0
            for col, v in coefs.items():
                ri.append(r)
                cj.append(col)
                data.append(v / big)
            lo.append(low / big)
            hi.append(high / big)
        matrix = csr_array((data, (ri, cj)), shape=(len(b.rows), n_cols))
        constraints.append(LinearConstraint(matrix, np.array(lo), np.array(hi)))
    limit = tweaks.time_limit if tweaks.time_limit is not None else problem.time_limit
    result = milp(
        c,
        integrality=np.array(b.integer),
        bounds=Bounds(np.array(b.lb), np.array(b.ub)),
        constraints=constraints,
        options={"time_limit": limit, "mip_rel_gap": MIP_REL_GAP, "presolve": True},
    )
    if result.status == 2:
        return Solution(OptimiseStatus.INFEASIBLE, None, None)
    if result.x is None:
        status = OptimiseStatus.NO_SOLUTION if result.status == 1 else OptimiseStatus.INFEASIBLE
        return Solution(status, None, None)
    sol = np.asarray(result.x)
    options = np.full(len(problem.tools), -1, dtype=np.intp)
    for o, col in enumerate(b.x_cols):
        if sol[col] > 0.5:
            options[int(problem.opt_tool[o])] = o
    spend = []
    for ci, ccols in enumerate(b.chan_cols):
        pwl = _pwl(problem, tweaks, ci)
        c_ = problem.channels[ci]
        relaxed = f"channel_min:{c_.id}" in tweaks.relax
        low = 0.0 if relaxed else float(pwl.x[0])
        spend.append(low + b.money * float(sum(sol[k] for k in ccols)))
    gap = float(getattr(result, "mip_gap", 0.0) or 0.0)
    status = OptimiseStatus.OPTIMAL if result.status == 0 else OptimiseStatus.TIME_LIMIT
    return Solution(status, Choice(options, np.array(spend)), gap)
