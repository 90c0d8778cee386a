"""One mixed-integer programme handed to HiGHS through its own Python binding (highspy).

scipy.optimize.milp wraps the same solver, but importing scipy.optimize takes about half
a second, which every cold ``aibudget report`` paid; highspy loads in about 20 ms.
The binding's raw class is used: the public ``highspy.Highs`` prints a banner on
standard output when it is made, which would corrupt ``--json`` output.

One thread per solve: the same search path every time, and no helper threads spinning
beside the other requests of a server process.

Limits: ``time_limit`` (seconds, wall clock) and ``node_limit`` (branch-and-bound
nodes). A node limit stops at the same point on a busy machine as on an idle one, so a
solve bounded by nodes alone answers the same every time; a time limit does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import numpy as np
from highspy import _core
from numpy.typing import NDArray

Floats = NDArray[np.float64]


class Outcome(Enum):
    OPTIMAL = "optimal"
    INFEASIBLE = "infeasible"
    LIMIT = "limit"  # stopped by a time or node limit (with or without a solution)
    OTHER = "other"  # unbounded, or the solver failed


_LIMITS = {
    _core.HighsModelStatus.kTimeLimit,
    _core.HighsModelStatus.kIterationLimit,
    _core.HighsModelStatus.kSolutionLimit,
    _core.HighsModelStatus.kInterrupt,
}


@dataclass(frozen=True)
class Rows:
    """Constraint rows as coordinates: ``lo <= A @ x <= hi`` with A[row, col] += value."""

    row: NDArray[np.intp]
    col: NDArray[np.intp]
    value: Floats
    lo: Floats
    hi: Floats


@dataclass(frozen=True)
class Result:
    outcome: Outcome
    x: Floats | None  # a feasible point, when the solver has one
    objective: float | None  # of x (minimised)
    dual_bound: float | None  # a proven lower bound on the minimum
    gap: float  # relative gap between objective and dual bound (0 for an LP's optimum)
    nodes: int = 0  # branch-and-bound nodes explored


def _rowwise(rows: Rows, n_cols: int) -> tuple[NDArray[np.int32], NDArray[np.int32], Floats]:
    """Compressed rows with repeated (row, col) entries summed, as HiGHS requires."""
    key = rows.row.astype(np.int64) * n_cols + rows.col
    unique, where = np.unique(key, return_inverse=True)
    values = np.asarray(np.bincount(where, rows.value, unique.size), dtype=np.float64)
    row_of = unique // n_cols
    start = np.searchsorted(row_of, np.arange(rows.lo.size + 1)).astype(np.int32)
    index = (unique % n_cols).astype(np.int32)
    return start, index, values


def solve_milp(
    cost: Floats,
    integer: NDArray[np.bool_],
    lower: Floats,
    upper: Floats,
    rows: Rows,
    *,
    time_limit: float,
    node_limit: int | None = None,
    mip_rel_gap: float,
    presolve: bool = True,
    sub_mip_heuristics: bool = True,
    hint: tuple[NDArray[np.int32], Floats] | None = None,
) -> Result:
    """Minimise ``cost @ x`` over the bounds, rows and integrality given.
    ``sub_mip_heuristics``: HiGHS's RINS and RENS, which solve smaller MIPs around the
    LP's solution to find good plans sooner (on by default). ``hint``: values of some
    integer columns (indices, values) of a point believed feasible; HiGHS completes it
    (an LP over the other columns) into its first plan, or drops it."""
    n_cols = cost.size
    lp = _core.HighsLp()
    lp.num_col_ = n_cols
    lp.num_row_ = rows.lo.size
    lp.col_cost_ = cost
    lp.col_lower_ = lower
    lp.col_upper_ = upper
    lp.row_lower_ = rows.lo
    lp.row_upper_ = rows.hi
    lp.a_matrix_.format_ = _core.MatrixFormat.kRowwise
    lp.a_matrix_.num_col_ = n_cols
    lp.a_matrix_.num_row_ = rows.lo.size
    start, index, value = _rowwise(rows, n_cols)
    lp.a_matrix_.start_ = start
    lp.a_matrix_.index_ = index
    lp.a_matrix_.value_ = value
    is_mip = bool(integer.any())
    if is_mip:
        kinds = (_core.HighsVarType.kContinuous, _core.HighsVarType.kInteger)
        lp.integrality_ = [kinds[int(flag)] for flag in integer]
    highs = _core._Highs()
    options: dict[str, bool | int | float | str] = {
        "output_flag": False,
        "time_limit": float(time_limit),
        "mip_rel_gap": float(mip_rel_gap),
        "presolve": "on" if presolve else "off",
        "threads": 1,
        "mip_heuristic_run_rins": sub_mip_heuristics,
        "mip_heuristic_run_rens": sub_mip_heuristics,
    }
    if node_limit is not None:
        options["mip_max_nodes"] = int(node_limit)
    set_options(highs, options)
    highs.passModel(lp)
    if hint is not None and is_mip:
        highs.setSolution(hint[0].size, hint[0], hint[1])
    highs.run()
    return _result(highs, is_mip)


def set_options(highs: _core._Highs, options: dict[str, bool | int | float | str]) -> None:
    """Set each option, or raise: HiGHS only returns an error status for an option it
    does not know (e.g. one renamed by a new release) and would solve without it."""
    for name, value in options.items():
        if highs.setOptionValue(name, value) != _core.HighsStatus.kOk:
            raise ValueError(f"HiGHS refused the option {name}={value!r}")


def _result(highs: _core._Highs, is_mip: bool) -> Result:
    status = highs.getModelStatus()
    info = highs.getInfo()
    feasible = info.primal_solution_status == _core.SolutionStatus.kSolutionStatusFeasible
    x = np.array(highs.getSolution().col_value) if feasible else None
    if status == _core.HighsModelStatus.kOptimal:
        outcome = Outcome.OPTIMAL
    elif status == _core.HighsModelStatus.kInfeasible:
        outcome = Outcome.INFEASIBLE
    elif status in _LIMITS:
        outcome = Outcome.LIMIT
    else:
        outcome = Outcome.OTHER
    objective = float(info.objective_function_value) if x is not None else None
    bound = float(info.mip_dual_bound) if is_mip else None
    if bound is None or not np.isfinite(bound):  # an LP (or MIP) at its optimum bounds itself
        bound = objective if outcome is Outcome.OPTIMAL else None
    gap = float(info.mip_gap) if is_mip and x is not None else 0.0
    nodes = int(info.mip_node_count) if is_mip else 0
    return Result(outcome, x, objective, bound, gap, nodes)
