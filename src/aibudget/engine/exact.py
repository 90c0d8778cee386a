"""Arithmetic whose result is the same on every processor.

BLAS's dot product (numpy's ``a @ b`` on vectors) adds in an order its kernel picks for
the processor it runs on, so its last bits differ from one machine to another. numpy's
``exp``, ``expm1`` and ``power`` have their own AVX-512 versions, which round otherwise
than the C library in a few per cent of cases. An optimiser fed those bits may walk
another search path and, between two equally good answers, pick the other one: its
explanations would then differ by machine.

Products of two numbers are rounded the same everywhere, and ``math.fsum`` rounds their
sum correctly, so :func:`dot` is one number wherever it runs. :func:`exp`, :func:`expm1`
and :func:`power` take each element through the C library's function (``math``), which
does not change with the processor's vector width. (glibc has one build of them for
processors with FMA, every x86-64 one since 2013, and one for older ones; other
systems' C libraries may round otherwise.) They are for the optimiser's small arrays
(curve breakpoints, single points), not for Monte Carlo trials.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

Floats = NDArray[np.float64]


def dot(a: Floats, b: Floats) -> float:
    """``a @ b`` of two vectors, correctly rounded."""
    return math.fsum(np.multiply(a, b).tolist())


def _each(f: Callable[[float], float], x: Floats) -> Floats:
    """``f`` of every element of a float array, for the curves' arguments (finite, no
    negative base of a power): inf where it overflows, nan where ``math`` refuses it."""

    def one(v: float) -> float:
        try:
            return f(v)
        except OverflowError:
            return math.inf
        except ValueError:
            return math.nan

    a = np.asarray(x, dtype=np.float64)
    return np.array([one(v) for v in a.ravel().tolist()], dtype=np.float64).reshape(a.shape)


def exp(x: Floats) -> Floats:
    """``np.exp(x)``, element by element through the C library."""
    return _each(math.exp, x)


def expm1(x: Floats) -> Floats:
    """``np.expm1(x)``, element by element through the C library."""
    return _each(math.expm1, x)


def power(x: Floats, exponent: float) -> Floats:
    """``np.power(x, exponent)``, element by element through the C library."""
    return _each(lambda v: math.pow(v, exponent), x)
