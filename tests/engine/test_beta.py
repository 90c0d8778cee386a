"""The incomplete beta function against scipy.special.betainc (the independent check):
every PERT shape the simulation can use, and shapes far from them."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import betainc

from aibudget.engine.beta import regularized_beta
from aibudget.engine.simulate import CDF_POINTS, PERT_SHAPE

GRID = np.linspace(0.0, 1.0, CDF_POINTS)
MAX_SHAPE = 20.0  # PERT shapes lie in [1, 5]; see beta.py for larger ones


@pytest.mark.parametrize("c", np.linspace(0.0, 1.0, 41))
def test_every_pert_shape_matches_scipy(c: float) -> None:
    a, b = 1.0 + PERT_SHAPE * c, 1.0 + PERT_SHAPE * (1.0 - c)
    assert np.max(np.abs(regularized_beta(a, b, GRID) - betainc(a, b, GRID))) < 1e-14


@settings(max_examples=300, deadline=None)
@given(
    st.floats(min_value=0.05, max_value=MAX_SHAPE),
    st.floats(min_value=0.05, max_value=MAX_SHAPE),
    st.floats(min_value=0.0, max_value=1.0),
)
def test_any_shape_and_point_matches_scipy(a: float, b: float, x: float) -> None:
    got = regularized_beta(a, b, np.array([x]))[0]
    assert got == pytest.approx(betainc(a, b, x), abs=1e-14, rel=1e-13)


def test_the_ends_and_monotony() -> None:
    cdf = regularized_beta(2.5, 3.5, GRID)
    assert cdf[0] == 0.0 and cdf[-1] == 1.0
    assert np.all(np.diff(cdf) >= 0.0)
