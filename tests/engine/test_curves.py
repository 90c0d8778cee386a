"""Response curves: registry, validated parameters, dict round trip, shape, PWL grids."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from aibudget.engine.curves import (
    CurveError,
    Exponential,
    Hill,
    ResponseCurve,
    curve_from_dict,
    curve_kinds,
    inflection,
    outer,
    piecewise,
    register_curve,
    window,
)

SPEND = np.linspace(0.0, 200_000.0, 2001)
# Central differences on a 0.5-unit step; curves vary on a 1,000-unit scale or more.
DERIVATIVE_STEP = 0.5
DERIVATIVE_RTOL = 1e-6

CURVES = {
    "exponential": {"kind": "exponential", "max_return": 90_000, "spend_scale": 30_000},
    "michaelis_menten": {
        "kind": "michaelis_menten",
        "max_return": 80_000,
        "half_saturation": 20_000,
    },
    "hill_concave": {"kind": "hill", "max_return": 70_000, "half_saturation": 25_000, "slope": 0.8},
    "hill_s": {"kind": "hill", "max_return": 70_000, "half_saturation": 25_000, "slope": 3},
}


def test_the_three_kinds_are_registered() -> None:
    assert {"exponential", "michaelis_menten", "hill"} <= set(curve_kinds())


@pytest.mark.parametrize("name", CURVES)
def test_round_trip_through_a_plain_dict(name: str) -> None:
    curve = curve_from_dict(CURVES[name])
    again = curve_from_dict(curve.to_dict())
    assert again == curve
    assert np.array_equal(again.value(SPEND), curve.value(SPEND))


@pytest.mark.parametrize("name", CURVES)
def test_monotone_from_zero_and_bounded_by_max_return(name: str) -> None:
    curve = curve_from_dict(CURVES[name])
    y = curve.value(SPEND)
    assert y[0] == 0.0
    assert np.all(np.diff(y) > 0)
    assert np.all(y < CURVES[name]["max_return"])


@pytest.mark.parametrize("name", CURVES)
def test_analytic_derivative_matches_central_differences(name: str) -> None:
    curve = curve_from_dict(CURVES[name])
    x = np.linspace(1_000.0, 150_000.0, 50)
    h = DERIVATIVE_STEP
    numeric = (curve.value(x + h) - curve.value(x - h)) / (2 * h)
    assert np.allclose(curve.derivative(x), numeric, rtol=DERIVATIVE_RTOL)


@pytest.mark.parametrize(
    ("name", "concave"),
    [("exponential", True), ("michaelis_menten", True), ("hill_concave", True), ("hill_s", False)],
)
def test_concavity_flag_and_piecewise_shape_agree(name: str, concave: bool) -> None:
    curve = curve_from_dict(CURVES[name])
    assert curve.concave is concave
    assert piecewise(curve, 0.0, 150_000.0, 20).concave is concave


def test_s_curve_grid_contains_the_inflection_point() -> None:
    curve = Hill(70_000.0, 25_000.0, 3.0)
    inflection = 25_000.0 * (2 / 4) ** (1 / 3)
    grid = piecewise(curve, 0.0, 150_000.0, 20)
    assert np.isclose(grid.x, inflection).any()
    assert grid.x.size == 22


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "exponential", "max_return": -1, "spend_scale": 10},
        {"kind": "exponential", "max_return": 10, "spend_scale": 0},
        {"kind": "hill", "max_return": 10, "half_saturation": 5, "slope": 0},
        {"kind": "hill", "max_return": 10, "half_saturation": 5, "slope": 11},
        {"kind": "michaelis_menten", "max_return": 10},
        {"kind": "hill", "max_return": 10, "half_saturation": 5, "extra": 1},
    ],
)
def test_invalid_parameters_are_refused_with_a_message_id(data: dict[str, object]) -> None:
    with pytest.raises(CurveError) as caught:
        curve_from_dict(data)
    assert caught.value.message_id == "optimize.curve_params"
    assert caught.value.params["kind"] == data["kind"]


def test_unknown_kind_names_the_known_ones() -> None:
    with pytest.raises(CurveError) as caught:
        curve_from_dict({"kind": "logistic"})
    assert caught.value.message_id == "optimize.curve_invalid"
    assert "hill" in caught.value.params["kinds"]


def test_new_kinds_can_be_registered() -> None:
    class LinearParams(BaseModel):
        kind: str
        rate: float

    def linear(spec: BaseModel) -> ResponseCurve:
        assert isinstance(spec, LinearParams)
        return Exponential(spec.rate * 1e9, 1e9)  # practically linear: rate x spend

    register_curve("linear_test", LinearParams, linear)
    curve = curve_from_dict({"kind": "linear_test", "rate": 2.0})
    assert curve.value(np.array([1_000.0]))[0] == pytest.approx(2_000.0, rel=1e-5)


def test_scaling_money_scales_the_curve() -> None:
    curve = Hill(70_000.0, 25_000.0, 2.5)
    big = curve.scaled(1e6)
    assert np.allclose(big.value(SPEND * 1e6), curve.value(SPEND) * 1e6, rtol=1e-12)


@settings(max_examples=50, deadline=None)
@given(
    around=st.floats(0, 100_000),
    half=st.floats(1, 50_000),
    segments=st.integers(2, 40),
)
def test_refinement_window_stays_in_bounds_and_keeps_its_centre(
    around: float, half: float, segments: int
) -> None:
    curve = Hill(70_000.0, 25_000.0, 3.0)
    grid = window(curve, around, half, 0.0, 100_000.0, segments)
    assert grid.x[0] >= 0.0
    assert grid.x[-1] <= 100_000.0
    assert np.all(np.diff(grid.x) > 0)
    assert np.isclose(grid.x, around).any()
    assert np.array_equal(grid.y, curve.value(grid.x))


@pytest.mark.parametrize("name", CURVES)
@pytest.mark.parametrize("envelope", [False, True])
def test_outer_approximation_lies_on_or_above_the_curve(name: str, envelope: bool) -> None:
    curve = curve_from_dict(CURVES[name])
    for low, high in [(0.0, 150_000.0), (10_000.0, 40_000.0), (30_000.0, 35_000.0)]:
        points = np.random.default_rng(1).uniform(low, high, 30)
        grid = outer(curve, points, low, high, envelope)
        assert grid is not None
        x = np.linspace(low, high, 20_001)
        assert np.all(grid(x) >= curve.value(x))
        assert grid.x[0] == low and grid.x[-1] == high
        # it touches the curve at the points where the curve is concave
        concave = points[points >= (inflection(curve) or 0.0)]
        if not envelope:
            assert np.allclose(grid(concave), curve.value(concave), rtol=1e-9)


def test_outer_of_an_s_curve_envelope_is_concave() -> None:
    curve = Hill(70_000.0, 25_000.0, 3.0)
    grid = outer(curve, np.linspace(0.0, 150_000.0, 21), 0.0, 150_000.0, envelope=True)
    assert grid is not None and grid.concave


def test_a_window_centred_a_rounding_error_off_a_grid_point_stays_concave() -> None:
    """np.unique kept two breakpoints 1e-12 apart: a segment of noise, so a concave
    curve looked otherwise and the MILP got binaries it did not need."""
    curve = Hill(80_000.0, 20_000.0, 1.0, "michaelis_menten")
    grid = window(curve, 30_000.0 + 1e-11, 10_000.0, 0.0, 100_000.0, 20)
    assert grid.concave
    assert np.min(np.diff(grid.x)) > 1e-6 * 20_000.0
    assert np.isclose(grid.x, 30_000.0 + 1e-11, rtol=0, atol=0).any()


def test_an_inflection_point_next_to_a_grid_point_is_merged() -> None:
    curve = Hill(70_000.0, 25_000.0, 3.0)
    turn = inflection(curve)
    assert turn is not None
    grid = piecewise(curve, 0.0, turn * 20 / 7 + 1e-9, 20)  # a grid point ~1e-9 from it
    assert np.min(np.diff(grid.x)) > 1e-6 * grid.x[-1]
    assert np.isclose(grid.x, turn).any()
