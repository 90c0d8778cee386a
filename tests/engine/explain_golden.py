"""Golden explanations: the reasons and marginal values the optimiser gave before the
explanations were made faster (commit "Tests: golden explanations ..."), on the example
plans, on seeded random instances with ad channels and tight owner hours, and on two
plans of the size bench_explain times (added later from the code of that time, whose
explanations of the benchmark's plans had not changed since). large-5 was written again
when the optimiser's dot products became the same on every processor (engine.exact): its
old entry held one processor's rounding, which had picked another equally good answer.
Since then the curves' exp and power come from the C library too (numpy's AVX-512
versions round otherwise), and the goldens hold for the HiGHS release pinned in
pyproject.toml: its search path decides between equally good answers. random-16 to
random-47 were added from the code before the marginal what-ifs started from the answer
without HiGHS's sub-MIP heuristics, and before a plan at hand could stand in for the
what-if with twice the budget.

``python -m tests.engine.explain_golden`` rewrites ``data/explain_golden.json`` from the
current code: run it only when the maths of the explanations changes on purpose.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from aibudget.domain.allocation import OptimisationResult
from aibudget.domain.plan import Plan
from aibudget.planfile import load_plan
from tests.engine.optimize_instances import random_channels, random_plan_data
from tests.scripts import load_script

GOLDEN = Path(__file__).parent / "data" / "explain_golden.json"
EXAMPLES = Path(__file__).parents[2] / "examples"
RANDOM_SEEDS = range(48)
BENCHMARK = Path(__file__).parents[2] / "benchmarks" / "bench_optimize.py"
LARGE_SEEDS = (1, 5)  # under a second each; seed 2 takes four


def random_instance(seed: int) -> Plan:
    """Up to 14 tools of up to 3 plans, 0-3 ad channels, a scale phase after 3 months."""
    from aibudget.catalog import kpi_ids
    from aibudget.domain.validate import parse_plan

    rng = np.random.default_rng(1000 + seed)
    data = random_plan_data(rng, int(rng.integers(6, 15)), 3, single_start=False)
    data["optimise"]["objective"] = "expected_npv" if seed % 3 else "risk_adjusted_npv"
    data["optimise"]["channels"] = random_channels(rng, seed % 4)
    data["budget"]["annual_amount"] = int(rng.integers(60_000, 400_000))
    return parse_plan(data, kpi_ids())


@cache
def _benchmark() -> ModuleType:
    """benchmarks/bench_optimize.py (a script, not a package), loaded once."""
    return load_script(BENCHMARK)


def large_instance(seed: int) -> Plan:
    """100 tools of 3 plans and 5 ad channels, from the benchmarks' own generator. A
    change of solver options once left every smaller instance's explanations as they were
    and moved these (losses by up to 6x the optimal gap, one reason code)."""
    plan: Plan = _benchmark().bench_plan(100, 5, seed=seed)
    return plan


def instances() -> dict[str, Plan]:
    out = {path.stem: load_plan(path) for path in sorted(EXAMPLES.glob("*.yaml"))}
    out |= {f"random-{seed}": random_instance(seed) for seed in RANDOM_SEEDS}
    out |= {f"large-{seed}": large_instance(seed) for seed in LARGE_SEEDS}
    return out


def explanation(result: OptimisationResult) -> dict[str, Any]:
    """The explanation parts of a result as plain JSON (money as strings)."""
    budget = result.marginal_value_of_budget
    return {
        "status": result.status.value,
        "objective": str(result.objective),
        "reasons": [
            {
                "tool": r.tool,
                "selected": r.selected,
                "code": r.code,
                "params": {k: str(v) for k, v in sorted(r.params.items())},
            }
            for r in result.reasons
        ],
        "marginal_budget": None if budget is None else str(budget),
        "marginal_hours": {k: str(v) for k, v in sorted(result.marginal_value_of_hour.items())},
        "conflicts": [
            [c.group, c.message_id, {k: str(v) for k, v in sorted(c.params.items())}]
            for c in result.conflicts
        ],
    }


def main() -> None:
    from aibudget.engine.optimize import optimize

    golden = {name: explanation(optimize(plan)) for name, plan in instances().items()}
    GOLDEN.write_text(json.dumps(golden, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
