"""Response curves of ad spend, registered by name, and their piecewise-linear form.

A curve maps a monthly spend x >= 0 to a monthly return f(x) >= 0 (money). Parameters
are validated by the plan models in :mod:`aibudget.domain.allocation`; a curve
round-trips through a plain dict (``curve_from_dict(c.to_dict()) == c``), so plans
stay plain YAML/JSON. New kinds are added with :func:`register_curve`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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

Floats = NDArray[np.float64]
CONCAVITY_TOLERANCE = 1e-12


class CurveError(AibudgetError):
    """A response curve of an unknown kind or with invalid parameters."""

    message_id = "optimize.curve_invalid"
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
        out: Floats = self.max_return * -np.expm1(-spend / self.spend_scale)
        return out

    def derivative(self, spend: Floats) -> Floats:
        out: Floats = self.max_return / self.spend_scale * np.exp(-spend / self.spend_scale)
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
        ratio = np.power(np.maximum(spend, 0.0) / self.half_saturation, self.slope)
        out: Floats = self.max_return * ratio / (1.0 + ratio)
        return out

    def derivative(self, spend: Floats) -> Floats:
        x = np.maximum(spend, 1e-300)
        ratio = np.power(x / self.half_saturation, self.slope)
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
    return Exponential(float(spec.max_return), float(spec.spend_scale))


def _michaelis_menten(spec: BaseModel) -> ResponseCurve:
    assert isinstance(spec, MichaelisMentenCurve)
    return Hill(float(spec.max_return), float(spec.half_saturation), 1.0, "michaelis_menten")


def _hill(spec: BaseModel) -> ResponseCurve:
    assert isinstance(spec, HillCurve)
    return Hill(float(spec.max_return), float(spec.half_saturation), float(spec.slope))


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


def curve_from_spec(spec: BaseModel) -> ResponseCurve:
    kind = str(getattr(spec, "kind", ""))
    if kind not in _REGISTRY:
        raise CurveError(kind=kind, kinds=", ".join(curve_kinds()))
    return _REGISTRY[kind][1](spec)


def curve_from_dict(data: dict[str, Any]) -> ResponseCurve:
    """Validate a plain dict (``{"kind": "hill", ...}``) and build its curve."""
    kind = str(data.get("kind", ""))
    if kind not in _REGISTRY:
        raise CurveError(kind=kind, kinds=", ".join(curve_kinds()))
    try:
        spec = _REGISTRY[kind][0].model_validate(data)
    except ValidationError as exc:
        detail = str(exc.errors()[0]["msg"])
        raise CurveError("optimize.curve_params", kind=kind, detail=detail) from None
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


def piecewise(curve: ResponseCurve, low: float, high: float, segments: int) -> Piecewise:
    """Evenly spaced breakpoints on [low, high]; an S-curve also gets its inflection
    point as a breakpoint, so the concave part is not cut across."""
    if high <= low:
        x = np.array([low])
        return Piecewise(x, curve.value(x))
    x = np.linspace(low, high, segments + 1)
    if isinstance(curve, Hill) and curve.slope > 1.0:
        inflection = curve.half_saturation * ((curve.slope - 1) / (curve.slope + 1)) ** (
            1 / curve.slope
        )
        if low < inflection < high:
            x = np.unique(np.append(x, inflection))
    return Piecewise(x, curve.value(x))


def window(
    curve: ResponseCurve, around: float, half_width: float, low: float, high: float, segments: int
) -> Piecewise:
    """Breakpoints on [around - half_width, around + half_width] (within [low, high]),
    ``around`` itself included: the grid for one refinement round."""
    lo = max(low, around - half_width)
    hi = min(high, around + half_width)
    x = np.unique(np.append(np.linspace(lo, hi, segments + 1), min(max(around, lo), hi)))
    return Piecewise(x, curve.value(x))
