"""Allocation optimiser benchmark: the MILP against the greedy ROI baseline.

Generated plans with every constraint on: budget over the horizon (NT$150,000 + 35% of
the candidates' first-year cost + 30% of the channels' maximum) and per month (twice
the average month), five owners' free hours, a pilot of 3 tools in 3 months, three
priority-1 goals, a tool forced in and one out, five exclusive pairs, a 30% share cap,
minimum training and reserve shares, a data/privacy line, a user constraint on design
tools. Sizes: 10, 50, 100 and 200 candidate tools with 3 plans each (x 2 start phases =
6 options a tool; the third plan is dominated and pruned), with 0 and 5 ad channels of
20 segments (half of them S-shaped); the first three feasible generated instances per
size (infeasible seeds are counted and skipped). Prints per instance the median wall
time of building the problem from the plan and of solving it (wall and CPU: on a shared
machine the CPU time is the steadier figure), the status, the proven gap, and the
objective as a ratio to greedy's; then the 20-channel S-curve allocation end to end
(plan in, result out).

Targets on a 2-core machine: never below greedy; 100 tools x 3 plans x 5 channels
solved to proven optimality in < 1 s; 20-channel S-curve allocation < 0.2 s end to end.

Run: .venv/bin/python benchmarks/bench_optimize.py [--repeat N] [--sizes 10,50,100,200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from aibudget.catalog import kpi_ids
from aibudget.cli.optimize import native_stdout_silenced
from aibudget.domain.allocation import OptimiseStatus
from aibudget.domain.plan import Plan
from aibudget.domain.validate import parse_plan
from aibudget.engine.optimize import optimize, solve_refined
from aibudget.engine.optimize_check import objective
from aibudget.engine.optimize_greedy import greedy_objective
from aibudget.engine.optimize_problem import build_problem

MEMBERS = 5
MAX_SEEDS = 20
KPIS = ["content_output", "online_revenue", "engagement_rate", "qualified_leads", "roas"]
CATEGORIES = ["content_writing", "seo", "design_video", "email", "chatbot", "social_media"]


def _range(rng: np.random.Generator, low: float, high: float) -> list[int]:
    return sorted(int(v) for v in rng.uniform(low, high, 3))


def _tool(rng: np.random.Generator, i: int) -> dict[str, Any]:
    price = int(rng.integers(300, 4000))
    return {
        "id": f"t{i}",
        "name": f"Tool {i}",
        "owner": f"m{i % MEMBERS}",
        "category": str(rng.choice(CATEGORIES)),
        "kpis": sorted({str(k) for k in rng.choice(KPIS, size=2)}),
        "plans": [
            {"id": "monthly", "billing": "monthly", "price": price},
            {"id": "annual", "billing": "annual", "price": price * 10},
            {"id": "team", "billing": "monthly", "price": int(price * 1.6), "seats": 2},
        ],
        "setup_cost": int(rng.integers(0, 20_000)),
        "setup_hours": int(rng.integers(1, 12)),
        "run_hours_per_month": int(rng.integers(1, 8)),
        "training": {
            "hours_per_person": int(rng.integers(0, 8)),
            "fees": int(rng.integers(0, 5000)),
        },
        "uses_customer_data": bool(rng.random() < 0.25),
        "privacy_cost": int(rng.integers(0, 8000)),
        "ramp_months": int(rng.integers(0, 5)),
        "risk": {"benefits": round(float(rng.uniform(0.05, 0.3)), 2), "costs": 0.05},
        "benefits": [
            {"kind": "hours_saved", "hours_per_month": _range(rng, 0, 12)},
            {"kind": "cost_avoided", "monthly": _range(rng, 0, price * rng.lognormal(0.3, 0.8))},
        ],
    }


def _channels(rng: np.random.Generator, k: int, s_share: float) -> list[dict[str, Any]]:
    out = []
    for i in range(k):
        curve: dict[str, Any] = {
            "kind": "hill",
            "max_return": int(rng.integers(40_000, 200_000)),
            "half_saturation": int(rng.integers(10_000, 60_000)),
            "slope": round(float(rng.uniform(1.5, 3.5)), 2)
            if i < k * s_share
            else round(float(rng.uniform(0.5, 1.0)), 2),
        }
        out.append(
            {
                "id": f"ads{i}",
                "curve": curve,
                "min_monthly": int(rng.integers(0, 5_000)),
                "max_monthly": int(rng.integers(60_000, 150_000)),
                "segments": 20,
            }
        )
    return out


def bench_plan(n_tools: int, n_channels: int, seed: int = 1, s_share: float = 0.5) -> Plan:
    rng = np.random.default_rng(seed)
    tools = [_tool(rng, i) for i in range(n_tools)]
    ids = [t["id"] for t in tools]
    yearly_cost = sum(t["plans"][0]["price"] * 12 + t["setup_cost"] for t in tools)
    ads = _channels(rng, n_channels, s_share)
    budget = 150_000 + 0.35 * yearly_cost + sum(c["max_monthly"] for c in ads) * 12 * 0.3
    data: dict[str, Any] = {
        "company": {
            "name": "Bench Co",
            "employees": 40,
            "annual_revenue": 60_000_000,
            "annual_marketing_budget": 6_000_000,
        },
        "horizon": {"months": 24, "start": "2027-01", "discount_rate": 0.08, "seed": seed},
        "goals": [
            {"id": f"g{k}", "name": f"Goal {k}", "kpi": KPIS[k], "priority": 1} for k in range(3)
        ],
        "team": [
            {
                "id": f"m{k}",
                "role": "staff",
                "hourly_cost": 300,
                "free_hours_per_month": 10 + 3 * n_tools // MEMBERS,
            }
            for k in range(MEMBERS)
        ],
        "tools": tools,
        "budget": {
            "annual_amount": round(budget),
            "min_reserve_share": 0.05,
            "min_training_share": 0.05,
            "data_privacy_annual": 20_000,
            "max_tool_share": 0.3,
            "pilot": {"max_tools": 3, "months": 3},
        },
        "optimise": {
            "monthly_budget": round(2 * budget / 12),
            "constraints": [
                {"label": "design tools", "categories": ["design_video"], "max_monthly": 8000}
            ],
            "channels": ads,
        },
    }
    if n_tools >= 2:
        pairs = [[ids[2 + 2 * k], ids[3 + 2 * k]] for k in range(min(5, (n_tools - 2) // 2))]
        data["optimise"].update(force_in=[ids[0]], force_out=[ids[1]], exclusive=pairs)
    else:
        data["goals"] = []
    return parse_plan(data, kpi_ids())


def _median_time(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """Median wall time and median CPU time of this process (threads included)."""
    walls, cpus, out = [], [], None
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        out = fn()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), out


def _row(n: int, n_channels: int, seed: int, repeat: int) -> dict[str, Any] | None:
    """Print one feasible instance's figures and return them (None: infeasible plan)."""
    plan = bench_plan(n, n_channels, seed=seed)
    build_t, _, problem = _median_time(lambda: build_problem(plan), repeat)
    with native_stdout_silenced():
        solve_t, solve_cpu, sol = _median_time(lambda: solve_refined(problem), repeat)
    if sol.status is OptimiseStatus.INFEASIBLE:
        return None
    value = objective(problem, sol.choice) if sol.choice is not None else None
    base = greedy_objective(problem)
    ratio = value / base if value is not None and base and base > 0 else float("nan")
    gap = f"{sol.gap:8.1e}" if sol.gap is not None else "     n/a"
    print(
        f"{n:>5} {3:>5} {n_channels:>4} {seed:>4} {problem.n_options:>7} {build_t:8.3f} "
        f"{solve_t:8.3f} {solve_cpu:9.3f} {sol.status.value:>10} {gap} "
        f"{value if value is not None else float('nan'):14,.0f} "
        f"{base if base is not None else float('nan'):14,.0f} {ratio:7.4f}"
    )
    not_below = None
    if base is not None and value is not None:
        not_below = value >= base - 1e-6 * max(abs(base), 1.0)
    return {"wall": solve_t, "cpu": solve_cpu, "ratio": ratio, "not_below": not_below}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seeds", type=int, default=3, help="Feasible instances per size.")
    parser.add_argument("--sizes", default="10,50,100,200")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(
        f"{'tools':>5} {'plans':>5} {'chan':>4} {'seed':>4} {'options':>7} {'build s':>8} "
        f"{'solve s':>8} {'solve cpu':>9} {'status':>10} {'gap':>8} {'MILP':>14} "
        f"{'greedy':>14} {'ratio':>7}"
    )
    summary = []
    for n_channels in (0, 5):
        for n in sizes:
            rows, skipped = [], 0
            for seed in range(1, MAX_SEEDS + 1):
                row = _row(n, n_channels, seed, args.repeat)
                if row is None:
                    skipped += 1
                    continue
                rows.append(row)
                if len(rows) == args.seeds:
                    break
            walls = [r["wall"] for r in rows]
            cpus = [r["cpu"] for r in rows]
            ratios = [r["ratio"] for r in rows if r["ratio"] == r["ratio"]]
            compared = [r["not_below"] for r in rows if r["not_below"] is not None]
            head = f"{n:>4} tools, {n_channels} channels: "
            if ratios:
                head += (
                    f"solve median {statistics.median(walls):.3f} s wall / "
                    f"{statistics.median(cpus):.3f} s cpu (max {max(walls):.3f} s wall); "
                    f"ratio to greedy min {min(ratios):.4f}; "
                )
            else:
                head += f"solve median {statistics.median(walls):.3f} s; no ratio; "
            summary.append(head)
            summary[-1] += (
                f"not below greedy in {sum(compared)} of {len(compared)}; "
                f"{skipped} infeasible seeds skipped"
            )
    print("\n".join(summary))
    plan = bench_plan(0, 20, seed=3, s_share=1.0)
    with native_stdout_silenced():
        end_t, end_cpu, result = _median_time(lambda: optimize(plan, explain=False), args.repeat)
    print(
        f"20 S-curve channels x 20 segments, end to end (plan -> result): {end_t:.3f} s "
        f"(cpu {end_cpu:.3f} s), status {result.status.value}, gap {result.gap}"
    )
    print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
