"""Arithmetic whose result is the same on every processor.

BLAS's dot product (numpy's ``a @ b`` on vectors) adds in an order its kernel picks for
the processor it runs on, so its last bits differ from one machine to another. An
optimiser fed those bits may walk another search path and, between two equally good
answers, pick the other one: its explanations would then differ by machine. Products of
two numbers are rounded the same everywhere, and ``math.fsum`` rounds their sum
correctly, so :func:`dot` is one number wherever it runs.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray


def dot(a: NDArray[np.float64], b: NDArray[np.float64]) -> float:
    """``a @ b`` of two vectors, correctly rounded."""
    return math.fsum(np.multiply(a, b).tolist())
