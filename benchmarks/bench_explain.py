"""What the optimiser's explanations cost beside its answer.

The generated plans of bench_optimize.py (every constraint on) with 100 candidate tools
x 3 plans and 5 ad channels, the first eight feasible seeds. Per plan, medians of:
``optimize(plan, explain=False)`` (the answer); ``optimize(plan)`` (the answer with why
each tool is in or out, what one more budget step and one more owner hour buy), whose
explaining solves run side by side on one thread per core; and the same on one thread.

Two shares of the explanations, (with - without) / without:
- the wait: wall time, explanations on every core (what an owner waits for);
- the work: CPU time on one thread (all the solving the explanations do; on a shared
  machine CPU time is the steadier figure).
Target on a 2-core machine: explanations at most 2x the answer.

Run: .venv/bin/python benchmarks/bench_explain.py [--repeat N] [--tools 100]
"""

from __future__ import annotations

import argparse
import os
import statistics

from bench_optimize import MAX_SEEDS, _median_time, bench_plan

from aibudget.cli.optimize import native_stdout_silenced
from aibudget.domain.allocation import OptimiseStatus
from aibudget.engine.optimize import optimize
from aibudget.service.cores import usable_cores

TARGET = 2.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seeds", type=int, default=8)
    parser.add_argument("--tools", type=int, default=100)
    args = parser.parse_args()
    threads = usable_cores()
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"explaining threads: {threads} (one per core this process may use)")
    print(
        f"{'tools':>5} {'seed':>4} {'answer s':>9} {'cpu':>6} {'explained s':>11} {'cpu':>6} "
        f"{'1 thread s':>10} {'cpu':>6} {'wait (wall)':>11} {'work (cpu)':>10}"
    )
    waits, works = [], []
    for seed in range(1, MAX_SEEDS + 1):
        plan = bench_plan(args.tools, 5, seed=seed)
        with native_stdout_silenced():
            bare_t, bare_cpu, bare = _median_time(lambda p=plan: optimize(p, explain=False), 1)
            if bare.status is OptimiseStatus.INFEASIBLE:
                continue
            repeat = args.repeat
            bare_t, bare_cpu, _ = _median_time(lambda p=plan: optimize(p, explain=False), repeat)
            full_t, full_cpu, _ = _median_time(lambda p=plan: optimize(p, threads=threads), repeat)
            one_t, one_cpu, _ = _median_time(lambda p=plan: optimize(p), repeat)
        wait = (full_t - bare_t) / bare_t
        work = (one_cpu - bare_cpu) / bare_cpu
        waits.append(wait)
        works.append(work)
        print(
            f"{args.tools:>5} {seed:>4} {bare_t:9.3f} {bare_cpu:6.3f} {full_t:11.3f} "
            f"{full_cpu:6.3f} {one_t:10.3f} {one_cpu:6.3f} {wait:11.2f} {work:10.2f}"
        )
        if len(waits) == args.seeds:
            break
    for name, shares in (("wait (wall, every core)", waits), ("work (CPU, one thread)", works)):
        within = sum(share <= TARGET for share in shares)
        print(
            f"explanations / answer, {name}, median over {len(shares)} plans: "
            f"{statistics.median(shares):.2f}x (max {max(shares):.2f}x); target <= {TARGET:.0f}x"
            f" met by {within} of {len(shares)} plans"
        )
    print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
