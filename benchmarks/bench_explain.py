"""What the optimiser's explanations cost beside its answer.

The generated plans of bench_optimize.py (every constraint on) with 100 candidate tools
x 3 plans and 5 ad channels, the first three feasible seeds. Per plan: the median time
of ``optimize(plan, explain=False)`` (the answer) and of ``optimize(plan)`` (the answer
with why each tool is in or out, what one more budget step and one more owner hour
buy), wall and CPU (on a shared machine the CPU time is the steadier figure), and the
explanations' share: (with - without) / without.

Target on a 2-core machine: explanations at most 2x the answer.

Run: .venv/bin/python benchmarks/bench_explain.py [--repeat N] [--tools 100]
(with PYTHONPATH pointing at an older checkout's src/ to measure "before").
"""

from __future__ import annotations

import argparse
import os
import statistics

from bench_optimize import MAX_SEEDS, _median_time, bench_plan

from aibudget.cli.optimize import native_stdout_silenced
from aibudget.domain.allocation import OptimiseStatus
from aibudget.engine.optimize import optimize

TARGET = 2.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--tools", type=int, default=100)
    args = parser.parse_args()
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(
        f"{'tools':>5} {'seed':>4} {'answer s':>9} {'cpu':>7} {'explained s':>11} {'cpu':>7} "
        f"{'extra/answer (cpu)':>18}"
    )
    shares = []
    for seed in range(1, MAX_SEEDS + 1):
        plan = bench_plan(args.tools, 5, seed=seed)
        with native_stdout_silenced():
            bare_t, bare_cpu, bare = _median_time(lambda p=plan: optimize(p, explain=False), 1)
            if bare.status is OptimiseStatus.INFEASIBLE:
                continue
            repeat = args.repeat
            bare_t, bare_cpu, _ = _median_time(lambda p=plan: optimize(p, explain=False), repeat)
            full_t, full_cpu, _ = _median_time(lambda p=plan: optimize(p), repeat)
        share = (full_cpu - bare_cpu) / bare_cpu
        shares.append(share)
        print(
            f"{args.tools:>5} {seed:>4} {bare_t:9.3f} {bare_cpu:7.3f} {full_t:11.3f} "
            f"{full_cpu:7.3f} {share:18.2f}"
        )
        if len(shares) == args.seeds:
            break
    print(
        f"explanations / answer (CPU), median over {len(shares)} plans: "
        f"{statistics.median(shares):.2f}x (max {max(shares):.2f}x); target <= {TARGET:.0f}x"
    )
    print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
