"""The optimiser's arithmetic is the same on every processor (see aibudget.engine.exact)."""

from __future__ import annotations

import math
import platform
from fractions import Fraction

import numpy as np
import pytest

from aibudget.engine import exact
from aibudget.engine.curves import Exponential, Hill
from aibudget.engine.exact import dot
from tests.fresh_python import run_fresh


def test_dot_rounds_the_sum_of_its_products_correctly() -> None:
    rng = np.random.default_rng(7)
    for _ in range(200):
        a = rng.standard_normal(37) * 10.0 ** rng.integers(-8, 9, 37)
        b = rng.standard_normal(37) * 10.0 ** rng.integers(-8, 9, 37)
        exact = sum((Fraction(float(x * y)) for x, y in zip(a, b, strict=True)), Fraction(0))
        assert dot(a, b) == float(exact)


def test_dot_does_not_depend_on_the_order_of_its_terms() -> None:
    a = np.array([1e16, 1.0, -1e16, 1.0])
    ones = np.ones(4)
    assert dot(a, ones) == dot(a[::-1].copy(), ones) == 2.0  # naive left to right: 1.0
    assert dot(np.zeros(0), np.zeros(0)) == 0.0


def test_exp_and_power_are_the_c_library_s_on_every_element() -> None:
    # numpy's own AVX-512 exp, expm1 and power round otherwise than the C library in a
    # few per cent of these (on a processor without AVX-512 numpy's equal the C library's).
    rng = np.random.default_rng(11)
    x = rng.uniform(-30.0, 30.0, (50, 40))
    base = rng.uniform(0.0, 50.0, 2000)
    assert exact.exp(x).tolist() == [[math.exp(v) for v in row] for row in x.tolist()]
    assert exact.expm1(x).shape == (50, 40)
    assert exact.expm1(x).ravel().tolist() == [math.expm1(v) for v in x.ravel().tolist()]
    assert exact.power(base, 2.7).tolist() == [math.pow(v, 2.7) for v in base.tolist()]


def test_exp_and_power_answer_as_numpy_does_out_of_range() -> None:
    assert exact.exp(np.array([1e4, -1e4])).tolist() == [math.inf, 0.0]
    assert math.isnan(float(exact.power(np.array([-2.0]), 0.5)[0]))
    assert exact.power(np.array([1e300]), 3.0).tolist() == [math.inf]
    assert exact.expm1(np.zeros(0)).shape == (0,)


def test_response_curves_are_computed_with_the_c_library() -> None:
    spend = np.linspace(0.0, 90_000.0, 301)
    hill = Hill(1_000.0, 12_345.0, 2.3)
    ratio = [math.pow(s / 12_345.0, 2.3) for s in spend.tolist()]
    assert hill.value(spend).tolist() == [1_000.0 * r / (1.0 + r) for r in ratio]
    curve = Exponential(1_000.0, 23_456.0)
    want = [1_000.0 * -math.expm1(-s / 23_456.0) for s in spend.tolist()]
    assert curve.value(spend).tolist() == want
    want = [1_000.0 / 23_456.0 * math.exp(-s / 23_456.0) for s in spend.tolist()]
    assert curve.derivative(spend).tolist() == want
    x = np.maximum(spend, 1e-300)
    ratio = [math.pow(v / 12_345.0, 2.3) for v in x.tolist()]
    pairs = zip(ratio, x.tolist(), strict=True)
    want = [1_000.0 * 2.3 * r / (v * ((1.0 + r) * (1.0 + r))) for r, v in pairs]  # numpy: x*x
    assert hill.derivative(spend).tolist() == want


# A fingerprint of the optimiser's problem on the largest golden plan, in a new process.
FINGERPRINT = """
import hashlib
import numpy as np
from tests.engine.explain_golden import large_instance
from aibudget.engine.optimize_problem import build_problem
p = build_problem(large_instance(5))
parts = (p.value, p.expected, p.cash, p.scenarios, p.hours)
print(hashlib.sha256(b"".join(np.ascontiguousarray(x).tobytes() for x in parts)).hexdigest())
"""


@pytest.mark.skipif(platform.machine() not in ("x86_64", "AMD64"), reason="x86 BLAS kernels")
def test_the_optimiser_problem_is_the_same_whichever_blas_kernel_runs() -> None:
    # OpenBLAS picks its kernels for the processor; an old one (SSE 4.2, which every
    # x86-64 processor this runs on has) stands in for another machine. With numpy's dot
    # products this plan's coefficients differed, and so did its answer.
    here = run_fresh(FINGERPRINT)
    elsewhere = run_fresh(FINGERPRINT, OPENBLAS_CORETYPE="Nehalem")
    assert len(here.strip()) == 64
    assert here == elsewhere
