"""The forecast that learns: each benefit estimate updated by the months observed.

Model (normal-normal shrinkage, one multiplier per observation group)
--------------------------------------------------------------------
A tool's benefit drivers are observed in two groups: **hours** (the hours saved the
team records for the tool; all HoursSaved drivers of the tool) and **money** (the
other benefits recorded as an amount; revenue lift, costs avoided, KPI effects and
benefit schedules). Drivers observed together share one unknown multiplier ``phi``
on their plan means: the true monthly benefit of the group is ``phi x planned[m]``.

Prior: ``phi ~ N(1, kappa^2)`` where ``kappa`` is the plan's own uncertainty: the
standard deviation of each driver's low/likely/high range under the plan's
distribution (Beta-PERT: sqrt((mean-low)(high-mean)/7); triangular: the usual
formula), weighted by its planned money over the horizon, divided by the planned
mean. ``kappa`` is at least ``PRIOR_FLOOR`` (10%) so a plain number still learns.

Observations: in a month m with planned level P[m] > 0 and observed level O[m],
``z = O[m] / P[m]`` with weight ``w = (P[m] / max P)^2`` (ramp-up months say less).
Noise: ``z ~ N(phi, tau^2 / w)``; ``tau`` is estimated by blending a prior guess
``NOISE_PRIOR`` (30% month-to-month scatter) worth ``NOISE_WEIGHT`` (4) months with
the weighted scatter of the observed z around their mean.

Posterior: precision ``1/kappa^2 + sum(w)/tau^2``; mean
``(1/kappa^2 + sum(w z)/tau^2) / precision``. A driver's posterior mean is its plan
mean times ``phi``. Months not recorded are not zeros: they stay unobserved.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from aibudget.domain.plan import Distribution, Range

PRIOR_FLOOR = 0.10
NOISE_PRIOR = 0.30
NOISE_WEIGHT = 4.0


def range_sd(value: Range, distribution: Distribution) -> float:
    """Standard deviation of a low/likely/high input under the plan's distribution."""
    a, c, b = float(value.low), float(value.likely), float(value.high)
    if distribution is Distribution.PERT:
        mean = (a + 4 * c + b) / 6
        return math.sqrt(max((mean - a) * (b - mean), 0.0) / 7)
    return math.sqrt(max(a * a + b * b + c * c - a * b - a * c - b * c, 0.0) / 18)


def group_kappa(means: Sequence[float], sds: Sequence[float], weights: Sequence[float]) -> float:
    """Relative prior spread of a group's total (drivers independent)."""
    total = sum(m * w for m, w in zip(means, weights, strict=True))
    if total <= 0:
        return PRIOR_FLOOR
    spread = math.sqrt(sum((s * w) ** 2 for s, w in zip(sds, weights, strict=True)))
    return max(spread / total, PRIOR_FLOOR)


@dataclass(frozen=True)
class GroupPosterior:
    phi: float  # posterior mean of the multiplier on the plan
    phi_sd: float
    kappa: float  # prior sd of the multiplier
    ratios: Mapping[int, float]  # month -> observed / planned level

    @property
    def months(self) -> int:
        return len(self.ratios)


def update_group(
    planned: Sequence[float], observed: Mapping[int, float], kappa: float
) -> GroupPosterior:
    """Posterior of a group's multiplier from planned levels and observed months."""
    top = max(planned, default=0.0)
    points = [
        (m, value / planned[m], (planned[m] / top) ** 2)
        for m, value in sorted(observed.items())
        if 0 <= m < len(planned) and planned[m] > 0
    ]
    if top <= 0 or not points:
        return GroupPosterior(1.0, kappa, kappa, {})
    sw = sum(w for _, _, w in points)
    z_ml = sum(w * z for _, z, w in points) / sw
    scatter = sum(w * (z - z_ml) ** 2 for _, z, w in points)
    tau2 = (NOISE_WEIGHT * NOISE_PRIOR**2 + scatter) / (NOISE_WEIGHT + len(points) - 1)
    precision = 1 / kappa**2 + sw / tau2
    phi = (1 / kappa**2 + sum(w * z for _, z, w in points) / tau2) / precision
    return GroupPosterior(phi, math.sqrt(1 / precision), kappa, {m: z for m, z, _ in points})
