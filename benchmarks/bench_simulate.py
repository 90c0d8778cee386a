"""Monte Carlo benchmark: 30 tools x 36 months, 90 uncertain inputs.

Prints, for 100,000 trials (monthly fan included) and 1,000,000 trials, the median wall
and CPU time, the peak traced memory, and the time numpy alone needs to draw the same
random numbers in the same chunks (the floor: ``CHUNK_TRIALS`` trials a chunk, as the
simulation draws them), so the ratio to that floor is visible.
Targets on a 2-core machine: 100k trials < 0.3 s; 1M trials at most 5x the floor
(stretch: 3x) and < 500 MB. On a shared machine the CPU figures are the steadier ones.
The first run of each size is timed apart, outside the medians: the first time a
process writes that much new memory (120 MB of per-tool samples at 1M trials), the
system has to provide it, which on a fresh virtual machine took 0.2-0.4 s more
(numpy asks for huge pages there); a server that has run before has that memory.
BLAS runs on one thread, as in the web app (web/factory.py): on two shared cores its
extra threads only spin (``--blas-threads N`` to compare).

Run: .venv/bin/python benchmarks/bench_simulate.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits

from aibudget.catalog import kpi_ids
from aibudget.domain.plan import Plan
from aibudget.domain.validate import parse_plan
from aibudget.engine.simulate import CHUNK_TRIALS, PPF_POINTS, simulate

TOOLS = 30
MONTHS = 36


def bench_plan() -> Plan:
    team = [
        {"id": f"m{i}", "role": "staff", "hourly_cost": 250 + 10 * i, "free_hours_per_month": 40}
        for i in range(5)
    ]
    tools: list[dict[str, Any]] = []
    for i in range(TOOLS):
        tools.append(
            {
                "id": f"tool{i}",
                "name": f"Tool {i}",
                "owner": f"m{i % 5}",
                "plans": [{"id": "m", "price": 500 + 100 * i, "seats": 1 + i % 3}],
                "setup_cost": 5000,
                "training": {"hours_per_person": 4},
                "ramp_months": 1 + i % 6,
                "start_month": 1 + i % 4,
                "benefits": [
                    {"kind": "hours_saved", "hours_per_month": [2, 8 + i % 5, 20]},
                    {
                        "kind": "revenue_lift",
                        "lift": [0, 0.002, 0.01],
                        "gross_margin": 0.4,
                    },
                    {"kind": "cost_avoided", "monthly": [0, 1000, 4000]},
                ],
            }
        )
    data = {
        "company": {
            "name": "Bench",
            "employees": 50,
            "annual_revenue": 60_000_000,
            "annual_marketing_budget": 3_000_000,
        },
        "horizon": {"months": MONTHS, "start": "2027-01", "discount_rate": 0.08, "seed": 42},
        "team": team,
        "tools": tools,
        "budget": {"share_of_marketing": 0.3},
    }
    return parse_plan(data, kpi_ids())


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall and median CPU seconds of ``repeat`` calls."""
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def numpy_floor(trials: int, inputs: int) -> None:
    """Draw the same random integers the simulation draws, in the same chunks."""
    rng = np.random.default_rng(42)
    done = 0
    while done < trials:
        size = min(CHUNK_TRIALS, trials - done)
        rng.integers(0, PPF_POINTS, (size, inputs))
        done += size


def peak_mb(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--blas-threads", type=int, default=1)
    args = parser.parse_args()
    threadpool_limits(limits=args.blas_threads, user_api="blas")
    plan = bench_plan()
    inputs = 3 * TOOLS
    simulate(plan, 10_000)  # warm up imports and caches
    print(f"plan: {TOOLS} tools x {MONTHS} months, {inputs} uncertain inputs (PERT)")
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    for trials, repeat in ((100_000, args.repeat), (1_000_000, max(2, args.repeat // 2))):
        first, first_cpu = timed(lambda t=trials: simulate(plan, t), 1)
        sim, sim_cpu = timed(lambda t=trials: simulate(plan, t), repeat)
        numpy_floor(trials, inputs)
        floor, floor_cpu = timed(lambda t=trials: numpy_floor(t, inputs), repeat)
        memory = peak_mb(lambda t=trials: simulate(plan, t))
        target = "target < 0.300 s" if trials == 100_000 else "target <= 5x the floor"
        print(
            f"{trials:>9,} trials: median {sim:.3f} s wall / {sim_cpu:.3f} s cpu over {repeat}"
            f" runs | numpy draws alone {floor:.3f} s wall / {floor_cpu:.3f} s cpu"
            f" | ratio {sim / floor:.1f}x wall, {sim_cpu / floor_cpu:.1f}x cpu ({target})"
            f" | peak traced memory {memory:.0f} MB"
        )
        print(
            f"{'':>9}  first run of this size in the process (not in the median): {first:.3f} s"
            f" wall / {first_cpu:.3f} s cpu, ratio {first_cpu / floor_cpu:.1f}x cpu"
        )
    print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
