"""The explanations (why each tool is in or out, what more budget or one more owner hour
buys, which constraints conflict) are the same as before they were made faster.

Expected values: ``data/explain_golden.json``, written by :mod:`tests.engine.explain_golden`
with the code from before the change. Reason codes, tools and conflicts must match
exactly; money figures to the cent, except that a marginal value is only as exact as
the "optimal" status it rests on: within ``OPTIMAL_GAP`` of the objective (then both
are the same figure to within what the solver proves).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from aibudget.engine.optimize import optimize
from aibudget.engine.optimize_refine import OPTIMAL_GAP
from tests.engine.explain_golden import GOLDEN, explanation, instances

EXPECTED: dict[str, Any] = json.loads(GOLDEN.read_text(encoding="utf-8"))
PLANS = instances()


def _close(got: str | None, want: str | None, objective: str) -> bool:
    if got is None or want is None:
        return got == want
    allowed = Decimal(str(OPTIMAL_GAP)) * abs(Decimal(objective))
    return abs(Decimal(got) - Decimal(want)) <= allowed


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_explanations_equal_the_golden_ones(name: str) -> None:
    got = explanation(optimize(PLANS[name]))
    want = EXPECTED[name]
    assert got["status"] == want["status"]
    assert got["objective"] == want["objective"]
    assert got["reasons"] == want["reasons"]
    assert got["conflicts"] == want["conflicts"]
    assert _close(got["marginal_budget"], want["marginal_budget"], want["objective"] or "0")
    assert sorted(got["marginal_hours"]) == sorted(want["marginal_hours"])
    for member, value in want["marginal_hours"].items():
        assert _close(got["marginal_hours"][member], value, want["objective"]), member
