"""The quantiles (sorted or by radix select) equal numpy's, bit for bit."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from aibudget.engine import quantiles as module
from aibudget.engine.quantiles import order_statistics, quantiles, row_quantiles

QS = [0.1, 0.5, 0.9]
samples = arrays(
    np.float32,
    st.integers(1, 400),
    elements=st.floats(-1e7, 1e7, width=32, allow_nan=False, allow_subnormal=True),
)


@pytest.mark.parametrize("radix_from", [module.RADIX_FROM, 0], ids=["sorted", "radix"])
@settings(max_examples=300, deadline=None)
@given(x=samples, q=st.floats(0, 1))
def test_quantiles_equal_numpys_bit_for_bit(radix_from: int, x: np.ndarray, q: float) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(module, "RADIX_FROM", radix_from)
        got = quantiles(x, [*QS, q])
    assert np.array_equal(np.array(got), np.quantile(x, [*QS, q]))


@settings(max_examples=200, deadline=None)
@given(
    rows=arrays(
        np.float32,
        st.tuples(st.integers(1, 30), st.integers(1, 300)),
        elements=st.floats(-1e7, 1e7, width=32, allow_nan=False, allow_subnormal=True),
    ),
    q=st.floats(0, 1),
)
def test_row_quantiles_equal_numpys_bit_for_bit(rows: np.ndarray, q: float) -> None:
    want = np.quantile(rows, [*QS, q], axis=1).astype(np.float64)
    assert np.array_equal(row_quantiles(rows, [*QS, q]), want)


def test_large_samples_with_ties_and_both_signs() -> None:
    rng = np.random.default_rng(3)
    x = np.round(rng.normal(0, 1e5, 1_000_003)).astype(np.float32)  # many ties
    before = x.copy()
    assert np.array_equal(np.array(quantiles(x, QS)), np.quantile(x, QS))
    assert np.array_equal(x, before)  # the sample is left as it was


def test_order_statistics_are_the_sorted_values() -> None:
    x = np.array([3.5, -0.0, -2.0, 7.0, 0.0, -2.0], dtype=np.float32)
    got = order_statistics(x, [0, 1, 2, 3, 4, 5])
    assert [got[r] for r in range(6)] == sorted(x.tolist())
