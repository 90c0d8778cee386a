"""The same seed gives the same simulation as before the simulation was made faster:
every quantile, mean, probability of loss, fan point and tornado bar, to the last
rounding error of a float sum (``SAME``).

Per-tool figures come from samples kept in float32: when a tool's float64 sum is
taken in another order, a sample can round to the neighbouring float32, which moves a
tool's quantile or mean by at most one float32 step (``FLOAT32``, relative). Other
draws would move them by about 1/sqrt(trials), some 40,000 times more."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.engine.simulate_golden import GOLDEN, instances, result_of

SAME = 1e-12  # relative: only the order of a float sum may differ
FLOAT32 = 2.0**-23  # relative: one float32 rounding step of a per-tool sample
EXPECTED: dict[str, Any] = json.loads(GOLDEN.read_text(encoding="utf-8"))
PLANS = instances()


def _same(got: Any, want: Any, where: str) -> None:
    if isinstance(want, dict):
        assert sorted(got) == sorted(want), where
        for key in want:
            _same(got[key], want[key], f"{where}.{key}")
    elif isinstance(want, list):
        assert len(got) == len(want), where
        for i, (a, b) in enumerate(zip(got, want, strict=True)):
            _same(a, b, f"{where}[{i}]")
    elif isinstance(want, float) and not isinstance(got, bool):
        rel = FLOAT32 if ".tools[" in where else SAME
        assert got == pytest.approx(want, rel=rel, abs=SAME), where
    else:
        assert got == want, where


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_simulation_equals_the_golden_one(name: str) -> None:
    _same(result_of(PLANS[name]), EXPECTED[name], name)
