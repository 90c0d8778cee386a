"""The same seed gives the same simulation as before the simulation was made faster:
every quantile, mean, probability of loss, fan point and tornado bar, to the last
rounding error of a float sum (``SAME``)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.engine.simulate_golden import GOLDEN, instances, result_of

SAME = 1e-12  # relative: only the order of a float sum may differ
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
        assert got == pytest.approx(want, rel=SAME, abs=SAME), where
    else:
        assert got == want, where


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_simulation_equals_the_golden_one(name: str) -> None:
    _same(result_of(PLANS[name]), EXPECTED[name], name)
