"""The explanations (why each tool is in or out, what more budget or one more owner hour
buys, which constraints conflict) are the same as before they were made faster.

Expected values: ``data/explain_golden.json``, written by :mod:`tests.engine.explain_golden`
with the code from before the change. Statuses, reason codes, tools and conflicts must
match exactly. Money (the objective, losses, marginal values) must match within
``OPTIMAL_GAP`` of the objective: what the "optimal" status promises, and so as exact
as either figure is. (Since the golden values were written, each ad channel's spend is
polished to its own optimum, which raised one objective by 1.5e-6 of itself.)
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
MONEY_PARAMS = {"loss", "value"}


def _close(got: str | None, want: str | None, objective: str) -> bool:
    if got is None or want is None:
        return got == want
    allowed = Decimal(str(OPTIMAL_GAP)) * abs(Decimal(objective))
    return abs(Decimal(got) - Decimal(want)) <= allowed


def _same_reasons(got: list[dict[str, Any]], want: list[dict[str, Any]], objective: str) -> None:
    assert [(r["tool"], r["selected"], r["code"]) for r in got] == [
        (r["tool"], r["selected"], r["code"]) for r in want
    ]
    for mine, theirs in zip(got, want, strict=True):
        assert sorted(mine["params"]) == sorted(theirs["params"]), mine["tool"]
        for key, value in theirs["params"].items():
            if key in MONEY_PARAMS:
                assert _close(mine["params"][key], value, objective), (mine["tool"], key)
            else:
                assert mine["params"][key] == value, (mine["tool"], key)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_explanations_equal_the_golden_ones(name: str) -> None:
    got = explanation(optimize(PLANS[name]))
    want = EXPECTED[name]
    assert got["status"] == want["status"]
    if want["objective"] == "None":  # no plan: nothing to compare but the conflicts
        assert got == want
        return
    objective = want["objective"]
    assert _close(got["objective"], objective, objective)
    _same_reasons(got["reasons"], want["reasons"], objective)
    assert got["conflicts"] == want["conflicts"]
    assert _close(got["marginal_budget"], want["marginal_budget"], objective)
    assert sorted(got["marginal_hours"]) == sorted(want["marginal_hours"])
    for member, value in want["marginal_hours"].items():
        assert _close(got["marginal_hours"][member], value, objective), member
