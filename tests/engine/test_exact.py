"""The optimiser's arithmetic is the same on every processor (see aibudget.engine.exact)."""

from __future__ import annotations

import platform
from fractions import Fraction

import numpy as np
import pytest

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
