"""The HiGHS binding: answers checked by enumeration, rows with repeated entries, the
node limit (the same answer every time), hints that change no optimum, options HiGHS
does not know refused, and nothing printed on standard output."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from highspy import _core

from aibudget.engine import highs
from tests.engine.test_optimize import knapsack_plan

VALUES = np.array([13.0, 7.0, 11.0, 8.0, 5.0, 9.0, 6.0, 12.0, 4.0, 10.0, 3.0, 14.0])
WEIGHTS = np.array([9.0, 4.0, 7.0, 6.0, 3.0, 8.0, 5.0, 10.0, 2.0, 7.0, 3.0, 11.0])
CAPACITY = 31.0


def _knapsack(**limits: object) -> highs.Result:
    n = VALUES.size
    rows = highs.Rows(np.zeros(n, np.intp), np.arange(n), WEIGHTS, np.array([-np.inf]),
                      np.array([CAPACITY]))  # fmt: skip
    return highs.solve_milp(
        -VALUES, np.ones(n, bool), np.zeros(n), np.ones(n), rows, mip_rel_gap=0.0,
        **{"time_limit": 10.0, **limits},  # type: ignore[arg-type]
    )  # fmt: skip


def _best_by_enumeration() -> float:
    best = 0.0
    for pick in itertools.product((0.0, 1.0), repeat=VALUES.size):
        x = np.array(pick)
        if x @ WEIGHTS <= CAPACITY:
            best = max(best, float(x @ VALUES))
    return best


def test_the_optimum_equals_the_best_of_every_choice() -> None:
    result = _knapsack()
    assert result.outcome is highs.Outcome.OPTIMAL
    assert result.x is not None
    assert float(np.round(result.x) @ WEIGHTS) <= CAPACITY
    assert -float(result.objective or 0.0) == pytest.approx(_best_by_enumeration())
    assert result.dual_bound == pytest.approx(result.objective)


def test_repeated_entries_of_a_row_are_added() -> None:
    # x0 + x0 + x1 <= 2 with x1 in [0, 0.5]: maximising x0 + x1 gives x0 = 0.75
    rows = highs.Rows(np.array([0, 0, 0]), np.array([0, 0, 1]), np.array([1.0, 1.0, 1.0]),
                      np.array([-np.inf]), np.array([2.0]))  # fmt: skip
    result = highs.solve_milp(
        np.array([-1.0, -1.0]), np.zeros(2, bool), np.zeros(2), np.array([np.inf, 0.5]),
        rows, time_limit=5.0, mip_rel_gap=0.0,
    )  # fmt: skip
    assert result.outcome is highs.Outcome.OPTIMAL and result.x is not None
    assert result.x.tolist() == pytest.approx([0.75, 0.5])
    assert result.gap == 0.0


def test_an_infeasible_programme_says_so() -> None:
    rows = highs.Rows(np.array([0]), np.array([0]), np.array([1.0]), np.array([3.0]),
                      np.array([np.inf]))  # fmt: skip
    result = highs.solve_milp(np.array([1.0]), np.ones(1, bool), np.zeros(1), np.ones(1), rows,
                              time_limit=5.0, mip_rel_gap=0.0)  # fmt: skip
    assert result.outcome is highs.Outcome.INFEASIBLE and result.x is None


def test_a_node_limit_stops_at_the_same_point_every_time() -> None:
    first = _knapsack(node_limit=1, presolve=False)
    assert first.nodes <= 1
    assert first.outcome in (highs.Outcome.LIMIT, highs.Outcome.OPTIMAL)
    again = _knapsack(node_limit=1, presolve=False)
    assert (first.outcome, first.objective, first.nodes) == (
        again.outcome,
        again.objective,
        again.nodes,
    )


def test_solving_prints_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    _knapsack()
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


def test_every_what_if_is_bounded_by_nodes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wall-clock limit alone stops at another point on a busy machine, so the same
    plan would be explained differently; every what-if carries a node limit."""
    from aibudget.engine.optimize import optimize

    limits: list[int | None] = []
    original_milp = highs.solve_milp

    def milp(*args: object, **kwargs: object) -> highs.Result:
        limits.append(kwargs["node_limit"])  # type: ignore[arg-type]
        return original_milp(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(highs, "solve_milp", milp)
    optimize(knapsack_plan(), explain=False)
    answer = len(limits)
    optimize(knapsack_plan())
    what_ifs = limits[2 * answer :]
    assert what_ifs, "the explanation solved no what-if"
    assert all(limit is not None for limit in what_ifs), limits


def test_a_solve_runs_on_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """One thread: the same search path every time, and no spinning helper threads
    beside the other requests of a server process (HiGHS starts them by default)."""
    options: dict[str, object] = {}

    class Recording(highs._core._Highs):  # type: ignore[misc,name-defined]
        def setOptionValue(self, name: str, value: object) -> object:
            options[name] = value
            return super().setOptionValue(name, value)

    monkeypatch.setattr(highs._core, "_Highs", Recording)
    assert _knapsack().outcome is highs.Outcome.OPTIMAL
    assert options["threads"] == 1


def test_without_sub_mip_heuristics_the_optimum_is_the_same() -> None:
    result = _knapsack(sub_mip_heuristics=False)
    assert result.outcome is highs.Outcome.OPTIMAL
    assert -float(result.objective or 0.0) == pytest.approx(_best_by_enumeration())


@pytest.mark.parametrize(
    "picked",
    [[1, 4, 8, 10], list(range(VALUES.size))],  # within the capacity; far over it
    ids=["feasible", "infeasible"],
)
def test_a_hint_changes_no_optimum(picked: list[int]) -> None:
    """A hint is only a place to start: a feasible one is improved on, an infeasible one
    dropped, and either way the optimum is the best of every choice."""
    values = np.zeros(VALUES.size)
    values[picked] = 1.0
    hint = (np.arange(VALUES.size, dtype=np.int32), values)
    result = _knapsack(hint=hint)
    assert result.outcome is highs.Outcome.OPTIMAL and result.x is not None
    assert float(np.round(result.x) @ WEIGHTS) <= CAPACITY
    assert -float(result.objective or 0.0) == pytest.approx(_best_by_enumeration())


def test_an_option_highs_does_not_know_is_refused() -> None:
    solver = _core._Highs()
    highs.set_options(solver, {"output_flag": False, "mip_heuristic_run_rins": False})
    assert solver.getOptionValue("mip_heuristic_run_rins") == (_core.HighsStatus.kOk, False)
    with pytest.raises(ValueError, match="no_such_option"):
        highs.set_options(solver, {"no_such_option": 1})
