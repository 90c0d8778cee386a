"""Monte Carlo over every low/likely/high input.

Model: each uncertain input is drawn independently from its distribution (Beta-PERT
with shape 4, or triangular; see :class:`aibudget.domain.plan.Distribution`). Costs
are known amounts. Because cash flows are linear in each input (see
:mod:`aibudget.engine.flows`), a trial's NPV is ``sum_i value_i x pv_unit_i - pv_costs``:
the per-input present values are computed once and each chunk of trials is a few
whole-array operations (:mod:`.simulate_kernel`). Draws use inverse-CDF tables: each
input takes one of ``PPF_POINTS`` equally likely values, the medians of as many
equal-probability slices of its distribution (the quantile at (k + 0.5) / PPF_POINTS),
chosen by integers from the plan's seeded ``numpy`` generator. The discretisation
moves no quantile by more than 1/8,192 in probability, and the same seed gives the
same result whatever the chunk size.

Memory stays bounded: trials are drawn in chunks; only the total NPV (float64) and the
per-tool NPVs (float32) are kept per trial, and the monthly fan of cumulative cash is
computed from the first ``FAN_TRIALS_MAX`` trials.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from aibudget.domain.plan import Convention, Distribution, Plan
from aibudget.domain.results import (
    Evaluation,
    FanPoint,
    Quantiles,
    SimulationResult,
    ToolDistribution,
    TornadoBar,
)
from aibudget.engine.beta import regularized_beta
from aibudget.engine.cashflow import discount_factors, evaluate_flows
from aibudget.engine.flows import Driver, FlowModel, build_flows
from aibudget.engine.quantiles import row_quantiles
from aibudget.engine.simulate_kernel import Outputs, layout, run

PPF_POINTS = 4096
CDF_POINTS = 8193
FAN_TRIALS_MAX = 200_000
CHUNK_TRIALS = 2_048  # draws of a chunk (2,048 x 90 inputs: 1.5 MB) stay in cache
TORNADO_BARS = 10
PERT_SHAPE = 4.0
QUANTILES = [0.1, 0.5, 0.9]  # P10, P50, P90
SHAPES_REMEMBERED = 256  # standard tables kept (32 KiB each): at most 8 MiB

Floats = NDArray[np.float64]
Progress = Callable[[int, int], None]


def slice_medians() -> Floats:
    """Probabilities (k + 0.5) / PPF_POINTS, k = 0 .. PPF_POINTS - 1."""
    return (np.arange(PPF_POINTS) + 0.5) / PPF_POINTS


def _standard_ppf(c: float, distribution: Distribution, p: Floats) -> Floats:
    """Inverse CDF on [0, 1] of a distribution whose mode sits at ``c`` of the range."""
    if distribution is Distribution.TRIANGULAR:
        left = np.sqrt(p * c)
        right = 1.0 - np.sqrt((1.0 - p) * (1.0 - c))
        out: Floats = np.where(p < c, left, right)
        return out
    # Beta-PERT: invert the CDF, evaluated on a fine grid of x, by interpolation
    # (exact inverses via betaincinv cost about 2 microseconds each).
    x = np.linspace(0.0, 1.0, CDF_POINTS)
    cdf = regularized_beta(1.0 + PERT_SHAPE * c, 1.0 + PERT_SHAPE * (1.0 - c), x)
    inverse: Floats = np.interp(p, cdf, x)
    return inverse


@lru_cache(maxsize=SHAPES_REMEMBERED)
def _standard_table(c: float, distribution: Distribution) -> Floats:
    """The standard inverse CDF at the slice medians, computed once per shape (read-only).

    A pure function of its arguments, so remembering it changes no result; plans tend to
    reuse a few shapes (for example a likely value halfway between low and high).
    """
    table = _standard_ppf(c, distribution, slice_medians())
    table.setflags(write=False)
    return table


def standard_tables(
    low: Floats, mode: Floats, high: Floats, distribution: Distribution
) -> tuple[NDArray[np.intp], Floats]:
    """Each input's shape (the mode's relative position), and the standard inverse CDF
    of each shape at the PPF_POINTS slice medians (rows: shapes)."""
    width = high - low
    c = np.divide(mode - low, width, out=np.zeros_like(width), where=width > 0)
    shapes, which = np.unique(c, return_inverse=True)
    standard = np.array([_standard_table(float(s), distribution) for s in shapes])
    return which.reshape(-1).astype(np.intp), standard.reshape(len(shapes), PPF_POINTS)


def ppf_table(low: Floats, mode: Floats, high: Floats, distribution: Distribution) -> Floats:
    """Inverse CDF of each input at the PPF_POINTS slice medians (rows: inputs).

    Inputs that share the same shape (the mode's relative position) share one
    standard table, scaled to their own range.
    """
    which, standard = standard_tables(low, mode, high, distribution)
    table: Floats = low[:, None] + (high - low)[:, None] * standard[which]
    return table


@dataclass(frozen=True)
class LinearModel:
    """The plan reduced to vectors: NPV = const + values @ pv_unit, per tool and per month."""

    tool_ids: list[str]
    drivers: list[Driver]
    low: Floats
    mode: Floats
    high: Floats
    mean: Floats
    pv_unit: Floats  # (inputs,)
    tool_of: NDArray[np.intp]  # (inputs,)
    cum_unit: Floats  # (inputs, months + 1): cumulative undiscounted cash per unit
    pv_costs: Floats  # (tools,)
    cum_costs: Floats  # (months + 1,)


def linear_model(model: FlowModel, plan: Plan, convention: Convention) -> LinearModel:
    n = model.months
    factors = np.array(
        [float(f) for f in discount_factors(plan.horizon.discount_rate, n, convention)]
    )
    dist = plan.simulation.distribution
    tool_ids = [e.tool_id for e in model.entities]
    drivers = model.drivers
    units = np.array([[float(u) for u in d.unit] for d in drivers]).reshape(len(drivers), n + 1)
    costs = np.zeros((len(tool_ids), n + 1))
    for t, entity in enumerate(model.entities):
        for line in entity.costs:
            costs[t] += np.array([float(a) for a in line.amounts])
    return LinearModel(
        tool_ids=tool_ids,
        drivers=drivers,
        low=np.array([float(d.range.low) for d in drivers]),
        mode=np.array([float(d.range.likely) for d in drivers]),
        high=np.array([float(d.range.high) for d in drivers]),
        mean=np.array([float(d.range.mean(dist)) for d in drivers]),
        pv_unit=units @ factors,
        tool_of=np.array([tool_ids.index(d.tool_id) for d in drivers], dtype=np.intp),
        cum_unit=np.cumsum(units, axis=1),
        pv_costs=costs @ factors,
        cum_costs=np.cumsum(costs.sum(axis=0)),
    )


def _quantiles(values: Floats) -> Quantiles:
    """P10, P50, P90 (numpy's "linear" quantiles)."""
    p10, p50, p90 = np.quantile(values, QUANTILES)
    return Quantiles(p10=float(p10), p50=float(p50), p90=float(p90))


def evaluate_and_simulate(
    plan: Plan,
    trials: int | None = None,
    convention: Convention | None = None,
    progress: Progress | None = None,
    chunk_trials: int = CHUNK_TRIALS,
) -> tuple[Evaluation, SimulationResult]:
    """The expected figures (:func:`.cashflow.evaluate`) and the seeded simulation, from
    one build of the plan's cash flows."""
    conv = convention or plan.horizon.convention
    flows = build_flows(plan)
    expected = evaluate_flows(plan, flows, conv)
    return expected, _simulate(plan, flows, trials, conv, progress, chunk_trials)


def simulate(
    plan: Plan,
    trials: int | None = None,
    convention: Convention | None = None,
    progress: Progress | None = None,
    chunk_trials: int = CHUNK_TRIALS,
) -> SimulationResult:
    """Run the seeded simulation; ``progress(done, total)`` is called after each chunk."""
    conv = convention or plan.horizon.convention
    return _simulate(plan, build_flows(plan), trials, conv, progress, chunk_trials)


def _simulate(
    plan: Plan,
    flows: FlowModel,
    trials: int | None,
    conv: Convention,
    progress: Progress | None,
    chunk_trials: int,
) -> SimulationResult:
    lm = linear_model(flows, plan, conv)
    total = trials or plan.simulation.trials
    n_tools = len(lm.tool_ids)
    uncertain = np.flatnonzero(lm.high > lm.low)
    fixed = np.setdiff1d(np.arange(len(lm.drivers)), uncertain)

    # Constant parts: fixed inputs at their value, minus the known costs.
    tool_const = np.zeros(n_tools)
    np.add.at(tool_const, lm.tool_of[fixed], lm.low[fixed] * lm.pv_unit[fixed])
    tool_const -= lm.pv_costs
    cum_const = lm.low[fixed] @ lm.cum_unit[fixed] - lm.cum_costs

    low, width = lm.low[uncertain], lm.high[uncertain] - lm.low[uncertain]
    shape_of, standard = standard_tables(
        low, lm.mode[uncertain], lm.high[uncertain], plan.simulation.distribution
    )
    lay = layout(
        lm.tool_of[uncertain],
        shape_of,
        standard,
        lm.pv_unit[uncertain] * width,
        lm.cum_unit[uncertain] * width[:, None],
        n_tools,
    )
    # Each input's low end is a constant part too.
    np.add.at(tool_const, lm.tool_of[uncertain], low * lm.pv_unit[uncertain])
    cum_const = cum_const + low @ lm.cum_unit[uncertain]

    rng = np.random.default_rng(plan.horizon.seed)
    k = len(uncertain)
    fan_trials = min(total, FAN_TRIALS_MAX)
    out = Outputs(
        npv=np.empty(total),
        tool_npv=np.empty((n_tools, total), dtype=np.float32),  # rows: contiguous per tool
        fan=np.empty((lm.cum_costs.shape[0], fan_trials), dtype=np.float32),  # rows: months
    )
    run(
        lay,
        lambda size: rng.integers(0, PPF_POINTS, (size, k)),
        tool_const,
        cum_const,
        out,
        chunk_trials,
        progress,
    )
    npv, tool_npv, fan = out.npv, out.tool_npv, out.fan

    pv_costs = float(lm.pv_costs.sum())
    npv_q = _quantiles(npv)
    roi_q = (
        Quantiles(p10=npv_q.p10 / pv_costs, p50=npv_q.p50 / pv_costs, p90=npv_q.p90 / pv_costs)
        if pv_costs > 0
        else None
    )
    fan_q = row_quantiles(fan, QUANTILES)  # numpy's "linear" quantiles of every month
    tool_q = row_quantiles(tool_npv, QUANTILES)  # and of every tool
    return SimulationResult(
        trials=total,
        seed=plan.horizon.seed,
        distribution=plan.simulation.distribution.value,
        convention=conv.value,
        npv=npv_q,
        roi=roi_q,
        mean_npv=float(npv.mean()),
        prob_loss=float((npv < 0).mean()),
        tools=[
            ToolDistribution(
                id=tool_id,
                npv=Quantiles(
                    p10=float(tool_q[0, t]), p50=float(tool_q[1, t]), p90=float(tool_q[2, t])
                ),
                mean_npv=float(tool_npv[t].mean(dtype=np.float64)),
                prob_loss=float((tool_npv[t] < 0).mean()),
            )
            for t, tool_id in enumerate(lm.tool_ids)
        ],
        fan=[
            FanPoint(
                month=m, p10=float(fan_q[0, m]), p50=float(fan_q[1, m]), p90=float(fan_q[2, m])
            )
            for m in range(fan_q.shape[1])
        ],
        fan_trials=fan_trials,
        tornado=tornado(lm),
    )


def tornado(lm: LinearModel, bars: int = TORNADO_BARS) -> list[TornadoBar]:
    """One-way sensitivity: each input from low to high, all others at their mean."""
    base = float(lm.mean @ lm.pv_unit - lm.pv_costs.sum())
    at_low = base + lm.pv_unit * (lm.low - lm.mean)
    at_high = base + lm.pv_unit * (lm.high - lm.mean)
    swing = np.abs(at_high - at_low)
    order = [i for i in np.argsort(-swing, kind="stable") if swing[i] > 0][:bars]
    return [
        TornadoBar(
            input=lm.drivers[i].path,
            tool=lm.drivers[i].tool_id,
            driver=lm.drivers[i].ref,
            low=float(lm.low[i]),
            high=float(lm.high[i]),
            npv_at_low=float(at_low[i]),
            npv_at_high=float(at_high[i]),
            swing=float(swing[i]),
        )
        for i in order
    ]


def scenario_draws(
    low: float, likely: float, high: float, distribution: Distribution, count: int,
    rng: np.random.Generator,
) -> Floats:  # fmt: skip
    """``count`` draws of one low/likely/high input for the optimiser's scenarios, from
    the same inverse-CDF table as the simulation: a Latin hypercube, one draw in each of
    ``count`` equal-probability strata, in random order. Used for tool benefits and for
    the height of an ad channel's response curve alike (one rule for both)."""
    table = ppf_table(
        np.array([float(low)]), np.array([float(likely)]), np.array([float(high)]), distribution
    )[0]
    strata = (rng.permutation(count) + rng.random(count)) / count
    out: Floats = np.interp(strata * (PPF_POINTS - 1), np.arange(PPF_POINTS), table)
    return out
