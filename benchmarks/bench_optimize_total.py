"""Ad-channel allocation with the channels' monthly total fixed by a user constraint.

Plans of N = 20 and 50 channels (Michaelis-Menten, or Hill with slope 2.5), a tenth of
each channel's maximum as its minimum for every other channel, and one user constraint
fixing the channels' monthly total (min_monthly = max_monthly = 40% of the maxima);
the budget does not bind. Prints per case the median wall time of ``solve_refined``,
the binary columns of its MILPs (first grid + refinement rounds + bounding solves),
the status and the gap it reports, and its true objective. For Michaelis-Menten the optimum is known
independently (water-filling on the Lagrange multiplier), so the true shortfall
is printed too.

Target on a 2-core machine: a 50-channel fixed-total allocation in < 1 s, within
0.01% of the optimum when it says "optimal".

Run: .venv/bin/python benchmarks/bench_optimize_total.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
from typing import Any

import numpy as np
from timing import median_seconds  # benchmarks/timing.py (run as scripts)

from aibudget.catalog import kpi_ids
from aibudget.cli.optimize import native_stdout_silenced
from aibudget.domain.plan import Plan
from aibudget.domain.validate import parse_plan
from aibudget.engine import optimize_milp
from aibudget.engine.optimize_check import objective
from aibudget.engine.optimize_problem import Problem, build_problem

try:
    from aibudget.engine.optimize_refine import solve_refined
except ImportError:  # a checkout from before the bound (to measure "before")
    solve_refined = optimize_milp.solve_refined  # type: ignore[attr-defined]

TOTAL_SHARE = 0.4


def total_plan(n: int, slope: float, seed: int = 1) -> Plan:
    rng = np.random.default_rng(seed)
    channels = []
    for i in range(n):
        high = round(float(rng.uniform(30_000, 150_000)))
        curve: dict[str, Any] = {
            "kind": "michaelis_menten" if slope == 1.0 else "hill",
            "max_return": round(float(rng.uniform(40_000, 300_000))),
            "half_saturation": round(float(rng.uniform(5_000, 60_000))),
        }
        if slope != 1.0:
            curve["slope"] = slope
        channel: dict[str, Any] = {"id": f"c{i}", "curve": curve, "max_monthly": high}
        if i % 2:
            channel["min_monthly"] = round(high * 0.1)
        channels.append(channel)
    total = round(TOTAL_SHARE * sum(c["max_monthly"] for c in channels))
    data = {
        "company": {
            "name": "Ads Co",
            "employees": 3,
            "annual_revenue": 1_000_000,
            "annual_marketing_budget": 1_000_000,
        },
        "horizon": {"months": 12, "start": "2027-01", "discount_rate": 0.05, "seed": 1},
        "budget": {
            "annual_amount": 12 * sum(c["max_monthly"] for c in channels),
            "min_reserve_share": 0,
            "min_training_share": 0,
        },
        "optimise": {
            "channels": channels,
            "constraints": [
                {
                    "label": "ads total",
                    "channels": [c["id"] for c in channels],
                    "min_monthly": total,
                    "max_monthly": total,
                }
            ],
        },
    }
    return parse_plan(data, kpi_ids())


def water_filling(problem: Problem, total: float) -> float:
    """The optimum of concave Hill curves with sum(spend) = total: f_i'(x_i) = lambda,
    clipped to each channel's bounds, lambda found by bisection."""
    ch = problem.channels

    def spend(lam: float) -> np.ndarray:
        out = []
        for c in ch:
            lo, hi = c.low, c.high
            for _ in range(100):
                mid = 0.5 * (lo + hi)
                if float(c.curve.derivative(np.array([mid]))[0]) > lam:
                    lo = mid
                else:
                    hi = mid
            out.append(0.5 * (lo + hi))
        return np.array(out)

    lo_l, hi_l = 0.0, max(float(c.curve.derivative(np.array([c.low]))[0]) for c in ch) + 1.0
    for _ in range(100):
        lam = 0.5 * (lo_l + hi_l)
        if spend(lam).sum() > total:
            lo_l = lam
        else:
            hi_l = lam
    x = spend(0.5 * (lo_l + hi_l))
    values = [float(c.curve.value(np.array([a]))[0]) for c, a in zip(ch, x, strict=True)]
    return sum(c.annuity * (v - a) for c, v, a in zip(ch, values, x, strict=True))


def _counting_binaries() -> list[int]:
    """Record the binary columns of every MILP built from now on."""
    counts: list[int] = []
    original = optimize_milp.build

    def build(problem: Problem, tweaks: Any) -> Any:
        b = original(problem, tweaks)
        counts.append(int(sum(b.integer)) - problem.n_options)
        return b

    optimize_milp.build = build  # type: ignore[assignment]
    return counts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    counts = _counting_binaries()
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(
        f"{'curve':>8} {'N':>3} {'median s':>9} {'binaries':>16} {'status':>12} "
        f"{'gap':>9} {'objective':>16} {'short of KKT':>12}"
    )
    for slope in (1.0, 2.5):
        for n in (20, 50):
            problem = build_problem(total_plan(n, slope))
            with native_stdout_silenced():
                seconds = median_seconds(lambda p=problem: solve_refined(p), args.repeat)
                counts.clear()
                sol = solve_refined(problem)
            assert sol.choice is not None
            value = objective(problem, sol.choice)
            short = "n/a"
            if slope == 1.0:
                total = problem.extras[0].high or 0.0
                best = water_filling(problem, total)
                short = f"{(best - value) / abs(best):12.2e}"
            gap = f"{sol.gap:9.1e}" if sol.gap is not None else "      n/a"
            binaries = "+".join(str(c) for c in counts)
            print(
                f"{'MM' if slope == 1.0 else f'Hill {slope}':>8} {n:>3} {seconds:9.3f} "
                f"{binaries:>16} {sol.status.value:>12} {gap} {value:16,.0f} {short:>12}"
            )
    print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
