"""Golden simulation results: what ``simulate`` returned, for a fixed seed, before it
was made faster (commit "Tests: golden simulation results ..."). The example plans and
the benchmark's 30 tools x 36 months, with several chunk sizes' worth of trials.

``python -m tests.engine.simulate_golden`` rewrites ``data/simulate_golden.json`` from
the current code: only when the draws or the maths change on purpose.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from aibudget.domain.plan import Plan
from aibudget.planfile import load_plan

GOLDEN = Path(__file__).parent / "data" / "simulate_golden.json"
ROOT = Path(__file__).parents[2]
TRIALS = 40_000  # more than two chunks, and a part-chunk


def instances() -> dict[str, Plan]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_simulate import bench_plan

    out = {path.stem: load_plan(path) for path in sorted((ROOT / "examples").glob("*.yaml"))}
    out["bench-30-tools"] = bench_plan()
    return out


def result_of(plan: Plan) -> dict[str, Any]:
    from aibudget.engine.simulate import simulate

    return simulate(plan, TRIALS).model_dump(mode="json")


def main() -> None:
    golden = {name: result_of(plan) for name, plan in instances().items()}
    GOLDEN.write_text(json.dumps(golden, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
