"""Report benchmark: how long the PDF and the XLSX of each example plan take.

Targets (issue 17), cold from the command line: PDF < 2 s, XLSX < 0.7 s, and
``aibudget --help`` < 0.4 s. Prints first the median of ``--cold`` fresh ``--help`` runs
(wall and the child's CPU), then per example:
- ``cli``: the whole ``aibudget report`` command in a fresh process (imports, fonts,
  engine, file), median wall and CPU of ``--cold`` runs: what an owner waits for;
- ``gather``: the engine part in-process (evaluate, simulate with the plan's trials,
  optimise, health check), median of ``--repeat`` runs after a warm-up;
- ``render``: laying out each format in-process, same medians.
The machine is shared: quote medians and the ratio of render to gather, not single runs.

Run: .venv/bin/python benchmarks/bench_reports.py [--repeat 5] [--cold 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from timing import median_seconds  # benchmarks/timing.py (run as scripts)

from aibudget.i18n import Translator
from aibudget.planfile import load_plan
from aibudget.reports import ReportMeta, gather, render

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ("taipei-cafe.yaml", "b2b-machine-parts.yaml", "beauty-clinic.yaml")
CLI = Path(sys.executable).with_name("aibudget")


def cold(command: list[str], repeat: int) -> tuple[float, float]:
    """Median wall and median CPU (the child's user + system) seconds of a command."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = os.times()
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
        after = os.times()
        cpus.append(
            after.children_user + after.children_system
            - before.children_user - before.children_system
        )  # fmt: skip
    return statistics.median(walls), statistics.median(cpus)


def cold_cli(path: Path, fmt: str, repeat: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        command = [str(CLI), "report", str(path), "--format", fmt, "-o", f"{tmp}/r.{fmt}"]
        return cold(command, repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cold", type=int, default=3)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    help_s, help_cpu = cold([str(CLI), "--help"], args.cold)
    print(f"aibudget --help (cold): {help_s:.2f} s wall, {help_cpu:.2f} s cpu (target < 0.4 s)")
    header = f"{'plan':<24}{'fmt':<6}{'cli (cold)':>12}{'cli cpu':>9}{'gather':>10}{'render':>10}"
    print(header)
    for name in EXAMPLES:
        path = ROOT / "examples" / name
        plan = load_plan(path)
        t = Translator(plan.company.locale.value)
        meta = ReportMeta(generated=date.today(), version=name)
        data = gather(plan, meta)
        gather_s = median_seconds(lambda: gather(plan, meta), args.repeat)  # noqa: B023
        for fmt in ("pdf", "xlsx"):
            render(data, fmt, t)  # warm-up: imports and fonts
            render_s = median_seconds(lambda: render(data, fmt, t), args.repeat)  # noqa: B023
            cli_s, cli_cpu = cold_cli(path, fmt, args.cold)
            print(
                f"{name:<24}{fmt:<6}{cli_s:>11.2f}s{cli_cpu:>8.2f}s{gather_s:>9.3f}s"
                f"{render_s:>9.3f}s"
            )
    print("targets: pdf < 2 s, xlsx < 0.7 s (cli, cold)")
    print(f"load average at end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
