"""The simulation's inner loop: tools with different numbers of uncertain inputs (slots
padded), the same result whatever the chunk size, and the same NPVs as a direct
recount of every trial from the seeded draws."""

from __future__ import annotations

import numpy as np
import pytest

from aibudget.domain.plan import Plan
from aibudget.engine.flows import build_flows
from aibudget.engine.simulate import PPF_POINTS, linear_model, ppf_table, simulate
from tests.factories import make_plan, tool

TRIALS = 1_500


def _uneven_plan() -> Plan:
    """Three uncertain inputs, one (and a fixed one), none: tools pad to three slots."""
    many = tool(
        id="many",
        plans=[{"id": "m", "price": 900}],
        benefits=[
            {"kind": "hours_saved", "hours_per_month": [2, 9, 30]},
            {"kind": "cost_avoided", "monthly": [0, 1000, 4000]},
            {"kind": "revenue_lift", "lift": [0, 0.002, 0.01], "gross_margin": 0.4},
        ],
    )
    one = tool(
        id="one",
        plans=[{"id": "m", "price": 300}],
        benefits=[
            {"kind": "cost_avoided", "monthly": [500, 500, 500]},
            {"kind": "hours_saved", "hours_per_month": [0, 3, 4]},
        ],
    )
    fixed = tool(
        id="fixed",
        plans=[{"id": "m", "price": 200}],
        benefits=[{"kind": "cost_avoided", "monthly": [700, 700, 700]}],
    )
    return make_plan(one, many, fixed, horizon={"seed": 7})


def test_uneven_tools_give_the_same_result_whatever_the_chunk_size() -> None:
    plan = _uneven_plan()
    first = simulate(plan, TRIALS, chunk_trials=4_096)
    for chunk in (1, 7, 333):
        assert simulate(plan, TRIALS, chunk_trials=chunk) == first


def test_every_trial_equals_a_direct_recount_of_its_draws() -> None:
    plan = _uneven_plan()
    sim = simulate(plan, TRIALS)
    # Independent: the same draws, each input's value from its own inverse-CDF table,
    # and each tool's NPV as the plain sum of value x present value per unit.
    lm = linear_model(build_flows(plan), plan, plan.horizon.convention)
    uncertain = np.flatnonzero(lm.high > lm.low)
    table = ppf_table(
        lm.low[uncertain], lm.mode[uncertain], lm.high[uncertain], plan.simulation.distribution
    )
    draws = np.random.default_rng(plan.horizon.seed).integers(
        0, PPF_POINTS, (TRIALS, len(uncertain))
    )
    values = np.tile(lm.low, (TRIALS, 1))
    values[:, uncertain] = table[np.arange(len(uncertain)), draws]
    per_tool = np.zeros((TRIALS, len(lm.tool_ids)))
    for t in range(len(lm.tool_ids)):
        mine = lm.tool_of == t
        per_tool[:, t] = values[:, mine] @ lm.pv_unit[mine] - lm.pv_costs[t]
    npv = per_tool.sum(axis=1)
    assert sim.mean_npv == pytest.approx(float(npv.mean()), rel=1e-12)
    assert sim.npv.p50 == pytest.approx(float(np.quantile(npv, 0.5)), rel=1e-12)
    for t, tool_result in enumerate(sim.tools):
        assert tool_result.id == lm.tool_ids[t]
        assert tool_result.mean_npv == pytest.approx(float(per_tool[:, t].mean()), rel=1e-6)
        p10 = float(np.quantile(per_tool[:, t], 0.1))
        assert tool_result.npv.p10 == pytest.approx(p10, rel=1e-6, abs=1e-6)
