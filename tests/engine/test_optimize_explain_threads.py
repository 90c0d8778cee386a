"""Explaining solves run side by side on threads, and the explanations stay those of one
thread: the same reasons, figures and marginal values, the same tools solved."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any

import numpy as np
import pytest

from aibudget.engine import optimize_explain
from aibudget.engine.optimize import optimize
from aibudget.engine.optimize_check import Choice
from aibudget.engine.optimize_explain import EXPLAIN_MAX_TOOLS, WhyOut, reasons
from aibudget.engine.optimize_problem import Problem, build_problem
from tests.engine.explain_golden import explanation, large_instance, random_instance
from tests.engine.test_optimize import OPEN_POLICY, paid_tool
from tests.factories import make_plan

SOLVED = {"budget", "crowded_out", "tie"}  # reasons only a what-if solve gives


@pytest.mark.parametrize(
    "name", ["random-1", "random-4", "random-8", "random-12", "random-14", "large-1"]
)
def test_explanations_on_threads_are_those_of_one_thread(name: str) -> None:
    kind, _, seed = name.partition("-")
    plan = large_instance(int(seed)) if kind == "large" else random_instance(int(seed))
    alone = explanation(optimize(plan, threads=1))
    side_by_side = explanation(optimize(plan, threads=3))
    assert side_by_side == alone  # byte for byte, money included
    # the instance asks for what-ifs and marginals, so the threads had work to share
    assert any(r["code"] in SOLVED for r in alone["reasons"] if not r["selected"])
    assert alone["marginal_budget"] is not None


def _left_out(tools: int) -> tuple[Problem, Choice]:
    """A problem of ``tools`` paying tools and a choice that funds none of them."""
    plan = make_plan(
        *(paid_tool(f"t{i:02d}", 100 + i, 400 + 10 * i) for i in range(tools)),
        budget=OPEN_POLICY,
    )
    problem = build_problem(plan)
    return problem, Choice(np.full(tools, -1), np.zeros(len(problem.channels)))


def _fake_what_ifs(monkeypatch: pytest.MonkeyPatch, out_of_time: set[int]) -> list[int]:
    """What-ifs that answer at once: ``out_of_time`` tools ran out of time (reason
    "not_chosen"), the others lost money. Returns the tools solved, as they are."""
    solved: list[int] = []
    lock = threading.Lock()

    def what_if(problem: Problem, choice: Choice, tool: int, base: float) -> WhyOut:
        with lock:
            solved.append(tool)
        if tool in out_of_time:
            return "not_chosen", {}
        return "crowded_out", {"loss": Decimal(tool)}

    monkeypatch.setattr(optimize_explain, "_what_if", what_if)
    return solved


def _codes(found: list[Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(r.tool, r.code, r.params) for r in found]


def test_a_what_if_out_of_time_leaves_its_turn_to_a_later_tool_on_threads_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    problem, choice = _left_out(EXPLAIN_MAX_TOOLS + 6)
    solved = _fake_what_ifs(monkeypatch, out_of_time={1, 4})
    alone = reasons(problem, choice, 0.0, what_if=True)
    alone_solved = sorted(solved)
    solved.clear()
    with ThreadPoolExecutor(max_workers=3) as pool:
        side_by_side = reasons(problem, choice, 0.0, what_if=True, pool=pool)
    assert _codes(side_by_side) == _codes(alone)
    # ten tools lost money, two ran out of time: twelve solved, then the cap
    assert alone_solved == list(range(EXPLAIN_MAX_TOOLS + 2))
    assert sorted(solved) == alone_solved
    codes = [code for _, code, _ in _codes(alone)]
    assert codes.count("crowded_out") == EXPLAIN_MAX_TOOLS
    assert codes[EXPLAIN_MAX_TOOLS + 2 :] == ["not_chosen"] * 4


def test_a_what_if_that_fails_fails_the_explanation(monkeypatch: pytest.MonkeyPatch) -> None:
    problem, choice = _left_out(4)

    def broken(problem: Problem, choice: Choice, tool: int, base: float) -> WhyOut:
        raise RuntimeError(f"solver failed on tool {tool}")

    monkeypatch.setattr(optimize_explain, "_what_if", broken)
    with ThreadPoolExecutor(max_workers=2) as pool, pytest.raises(RuntimeError, match="tool 0"):
        reasons(problem, choice, 0.0, what_if=True, pool=pool)
