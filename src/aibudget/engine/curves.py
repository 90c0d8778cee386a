"""Response curves of ad spend, registered by name, and their piecewise-linear form.

A curve maps a monthly spend x >= 0 to a monthly return f(x) >= 0 (money). Parameters
are validated by the plan models in :mod:`aibudget.domain.allocation`; a curve
round-trips through a plain dict (``curve_from_dict(c.to_dict()) == c``), so plans
stay plain YAML/JSON. New kinds are added with :func:`register_curve`.

A curve's height (``max_return``) may be uncertain, a low / likely / high range: every
built-in kind's return is proportional to its height, so a curve of another height is
the same curve with its return (not its spend) scaled, and the optimiser's scenarios
scale one curve per scenario (see :mod:`aibudget.engine.optimize_problem`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray
from pydantic import BaseModel, TypeAdapter, ValidationError

from aibudget.domain.allocation import (
    CurveSpec,
    ExponentialCurve,
    HillCurve,
    MichaelisMentenCurve,
)
from aibudget.domain.errors import AibudgetError
from aibudget.domain.ranges import Range
from aibudget.domain.texts import N_
from aibudget.engine import exact

Floats = NDArray[np.float64]
CONCAVITY_TOLERANCE = 1e-12
MERGE_TOLERANCE = 1e-6  # breakpoints closer than this share of the width are one
OUTER_LIFT = 1e-12  # relative lift of an outer approximation (rounding of its kinks)
STEEP = 1e6  # a tangent rising more than this many times the curve's range is unusable


class CurveError(AibudgetError):
    """A response curve of an unknown kind or with invalid parameters."""

    message_id = N_("optimize.curve_invalid")
    http_status = 422


class ResponseCurve(Protocol):
    """What the optimiser needs from a response model."""

    @property
    def kind(self) -> str: ...

    def value(self, spend: Floats) -> Floats: ...

    def derivative(self, spend: Floats) -> Floats: ...

    @property
    def concave(self) -> bool: ...

    def scaled(self, factor: float) -> ResponseCurve:
        """The same curve with money (spend and return) multiplied by ``factor``."""
        ...

    def to_dict(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Exponential:
    max_return: float
    spend_scale: float
    kind: str = "exponential"

    def value(self, spend: Floats) -> Floats:
        out: Floats = self.max_return * -exact.expm1(-spend / self.spend_scale)
        return out

    def derivative(self, spend: Floats) -> Floats:
        out: Floats = self.max_return / self.spend_scale * exact.exp(-spend / self.spend_scale)
        return out

    @property
    def concave(self) -> bool:
        return True

    def scaled(self, factor: float) -> Exponential:
        return Exponential(self.max_return * factor, self.spend_scale * factor)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "max_return": self.max_return, "spend_scale": self.spend_scale}


@dataclass(frozen=True)
class Hill:
    """Hill curve; Michaelis-Menten is the Hill curve with slope 1."""

    max_return: float
    half_saturation: float
    slope: float = 1.0
    kind: str = "hill"

    def value(self, spend: Floats) -> Floats:
        ratio = exact.power(np.maximum(spend, 0.0) / self.half_saturation, self.slope)
        out: Floats = self.max_return * ratio / (1.0 + ratio)
        return out

    def derivative(self, spend: Floats) -> Floats:
        x = np.maximum(spend, 1e-300)
        ratio = exact.power(x / self.half_saturation, self.slope)
        out: Floats = self.max_return * self.slope * ratio / (x * (1.0 + ratio) ** 2)
        return out

    @property
    def concave(self) -> bool:
        return self.slope <= 1.0

    def scaled(self, factor: float) -> Hill:
        return Hill(self.max_return * factor, self.half_saturation * factor, self.slope, self.kind)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "max_return": self.max_return,
            "half_saturation": self.half_saturation,
        }
        if self.kind == "hill":
            out["slope"] = self.slope
        return out


def _exponential(spec: BaseModel) -> ResponseCurve:
    assert isinstance(spec, ExponentialCurve)
    return Exponential(float(spec.max_return.likely), float(spec.spend_scale))


def _michaelis_menten(spec: BaseModel) -> ResponseCurve:
    assert isinstance(spec, MichaelisMentenCurve)
    height = float(spec.max_return.likely)
    return Hill(height, float(spec.half_saturation), 1.0, "michaelis_menten")


def _hill(spec: BaseModel) -> ResponseCurve:
    assert isinstance(spec, HillCurve)
    return Hill(float(spec.max_return.likely), float(spec.half_saturation), float(spec.slope))


Factory = Callable[[BaseModel], ResponseCurve]
_REGISTRY: dict[str, tuple[type[BaseModel], Factory]] = {
    "exponential": (ExponentialCurve, _exponential),
    "michaelis_menten": (MichaelisMentenCurve, _michaelis_menten),
    "hill": (HillCurve, _hill),
}
_SPEC = TypeAdapter[CurveSpec](CurveSpec)


def register_curve(kind: str, params: type[BaseModel], factory: Factory) -> None:
    """Add a curve kind: ``params`` validates its dict, ``factory`` builds the curve."""
    _REGISTRY[kind] = (params, factory)


def curve_kinds() -> list[str]:
    return sorted(_REGISTRY)


def curve_from_spec(spec: BaseModel, height: float | None = None) -> ResponseCurve:
    """The curve a spec describes, at its likely height, or at ``height`` (a curve's
    ``max_return``) when given and the kind has one."""
    kind = str(getattr(spec, "kind", ""))
    if kind not in _REGISTRY:
        raise CurveError(kind=kind, kinds=", ".join(curve_kinds()))
    if height is not None and height_range(spec) is not None:
        at = Decimal(repr(float(height)))
        spec = spec.model_copy(update={"max_return": Range(low=at, likely=at, high=at)})
    return _REGISTRY[kind][1](spec)


def height_range(spec: BaseModel) -> Range | None:
    """A curve's height (``max_return``) as the owner gave it; None for a kind that has
    no height (its return is then certain)."""
    value = getattr(spec, "max_return", None)
    return value if isinstance(value, Range) else None


def curve_from_dict(data: dict[str, Any]) -> ResponseCurve:
    """Validate a plain dict (``{"kind": "hill", ...}``) and build its curve."""
    kind = str(data.get("kind", ""))
    if kind not in _REGISTRY:
        raise CurveError(kind=kind, kinds=", ".join(curve_kinds()))
    try:
        spec = _REGISTRY[kind][0].model_validate(data)
    except ValidationError as exc:
        detail = str(exc.errors()[0]["msg"])
        raise CurveError(N_("optimize.curve_params"), kind=kind, detail=detail) from None
    return curve_from_spec(spec)


@dataclass(frozen=True)
class Piecewise:
    """Breakpoints (x_0 < ... < x_K) and curve values there; ``concave`` if the segment
    slopes never increase, so the MILP needs no binaries for it."""

    x: Floats
    y: Floats

    @property
    def slopes(self) -> Floats:
        out: Floats = np.diff(self.y) / np.diff(self.x)
        return out

    @property
    def concave(self) -> bool:
        s = self.slopes
        scale = max(float(np.max(np.abs(s))), 1e-300) if s.size else 1.0
        return bool(np.all(np.diff(s) <= CONCAVITY_TOLERANCE * scale))

    def __call__(self, spend: Floats) -> Floats:
        out: Floats = np.interp(spend, self.x, self.y)
        return out


def _grid(lo: float, hi: float, segments: int, point: float, keep_ends: bool) -> Floats:
    """``segments + 1`` even breakpoints on [lo, hi] with ``point`` added. Breakpoints
    closer than ``MERGE_TOLERANCE`` of the width are merged: two breakpoints a rounding
    error apart make a segment whose slope is noise (a concave curve would look
    otherwise). The merged pair keeps ``point``, or the end if ``keep_ends``."""
    x = np.linspace(lo, hi, segments + 1)
    if not lo <= point <= hi:
        return x
    tol = MERGE_TOLERANCE * (hi - lo)
    near = np.abs(x - point) <= tol
    if keep_ends and (near[0] or near[-1]):
        return x  # an end stands for the point
    out: Floats = np.sort(np.append(x[~near], point))
    return out


def inflection(curve: ResponseCurve) -> float | None:
    """Where an S-curve turns from convex to concave (None: concave from zero on)."""
    if isinstance(curve, Hill) and curve.slope > 1.0:
        ratio = (curve.slope - 1) / (curve.slope + 1)
        return float(curve.half_saturation * ratio ** (1 / curve.slope))
    return None


def piecewise(curve: ResponseCurve, low: float, high: float, segments: int) -> Piecewise:
    """Evenly spaced breakpoints on [low, high]; an S-curve also gets its inflection
    point as a breakpoint, so the concave part is not cut across."""
    if high <= low:
        x = np.array([low])
        return Piecewise(x, curve.value(x))
    turn = inflection(curve)
    point = low if turn is None or not low < turn < high else turn
    x = _grid(low, high, segments, point, keep_ends=True)
    return Piecewise(x, curve.value(x))


def window(
    curve: ResponseCurve, around: float, half_width: float, low: float, high: float, segments: int
) -> Piecewise:
    """Breakpoints on [around - half_width, around + half_width] (within [low, high]),
    ``around`` itself included: the grid for one refinement round."""
    lo = max(low, around - half_width)
    hi = min(high, around + half_width)
    if hi <= lo:
        x = np.array([lo])
        return Piecewise(x, curve.value(x))
    x = _grid(lo, hi, segments, min(max(around, lo), hi), keep_ends=False)
    return Piecewise(x, curve.value(x))


def envelope_touch(curve: ResponseCurve, low: float, high: float) -> float | None:
    """Where the line from (low, f(low)) touches an S-curve from above (its concave
    envelope on [low, high] is that line, then the curve); ``high`` when the chord to
    ``high`` is steeper than the curve there. None where the curve is concave."""
    turn = inflection(curve)
    if turn is None or turn <= low or high <= low:
        return None

    def above(x: float) -> float:  # f(x) - f(low) - f'(x) (x - low): rises past turn
        xs = np.array([low, x])
        f = curve.value(xs)
        return float(f[1] - f[0] - curve.derivative(xs[1:])[0] * (x - low))

    if above(high) <= 0:
        return high
    lo, hi = min(turn, high), high
    for _ in range(100):
        mid = 0.5 * (lo + hi)
        lo, hi = (lo, mid) if above(mid) > 0 else (mid, hi)
    return hi


def outer(
    curve: ResponseCurve, points: Floats, low: float, high: float, envelope: bool = False
) -> Piecewise | None:
    """A piecewise-linear function at or above the curve on [low, high] that touches
    it at ``points``: chords where the curve is convex (below the inflection point),
    the lower envelope of tangent lines where it is concave. With ``envelope`` the
    convex part is replaced by the line from (low, f(low)) tangent to the curve: the
    result is concave (no binaries in the MILP) but looser. Optimising over it bounds
    the optimum over the curve from above. None for a curve that is neither concave
    nor of a known S shape (no such bound is known for it)."""
    if high <= low:
        x = np.array([low])
        return Piecewise(x, curve.value(x))
    if not curve.concave and inflection(curve) is None:
        return None
    turn = min(max(inflection(curve) or low, low), high)
    start = turn
    touch = envelope_touch(curve, low, high) if envelope else None
    if touch is not None:
        if touch >= high:  # convex enough throughout: the envelope is the chord
            ends = np.array([low, high])
            return Piecewise(ends, curve.value(ends))
        start, turn = low, touch
    t = np.unique(np.clip(np.concatenate([points, [low, high, turn]]), low, high))
    t = t[np.concatenate([[True], np.diff(t) > MERGE_TOLERANCE * (high - low)])]
    xs = [t[t < start]]
    ys = [curve.value(xs[0])]
    at = np.unique(np.concatenate([[turn], t[t >= turn]]))
    v, s = curve.value(at), curve.derivative(at)
    # A tangent too steep to be a usable row (a Hill slope < 1 at zero) is left out:
    # the others still lie above the curve, only less tightly.
    steep = ~np.isfinite(s) | (s * (high - low) > STEEP * max(float(np.abs(v).max()), 1e-300))
    at, v, s = at[~steep], v[~steep], s[~steep]
    left, right = at[:-1], at[1:]
    # Consecutive tangents meet where v_k + s_k (x - t_k) = v_j + s_j (x - t_j).
    rise = (v[1:] - s[1:] * right) - (v[:-1] - s[:-1] * left)
    fall = s[:-1] - s[1:]
    meet = np.where(fall > 0, rise / np.where(fall > 0, fall, 1.0), 0.5 * (left + right))
    kinks = np.concatenate([[start], np.clip(meet, left, right), [high]])
    lines = v[None, :] + s[None, :] * (kinks[:, None] - at[None, :])
    xs.append(kinks)
    ys.append(lines.min(axis=1))
    x = np.concatenate(xs)
    y = np.concatenate(ys)
    keep = np.concatenate([[True], np.diff(x) > MERGE_TOLERANCE * (high - low)])
    x, y = x[keep], y[keep]
    x[-1] = high
    # Lift by a rounding error's worth so that interpolating between the kinks, each
    # computed in floating point, never dips below the curve.
    lift = OUTER_LIFT * float(np.abs(y).max(initial=0.0))
    return Piecewise(x, y + lift)
