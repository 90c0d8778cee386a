"""Golden explanations: the reasons and marginal values the optimiser gave before the
explanations were made faster (commit "Tests: golden explanations ..."), on the example
plans and on seeded random instances with ad channels and tight owner hours.

``python -m tests.engine.explain_golden`` rewrites ``data/explain_golden.json`` from the
current code: run it only when the maths of the explanations changes on purpose.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from aibudget.domain.allocation import OptimisationResult
from aibudget.domain.plan import Plan
from aibudget.planfile import load_plan
from tests.engine.optimize_instances import random_channels, random_plan_data

GOLDEN = Path(__file__).parent / "data" / "explain_golden.json"
EXAMPLES = Path(__file__).parents[2] / "examples"
RANDOM_SEEDS = range(16)


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


def instances() -> dict[str, Plan]:
    out = {path.stem: load_plan(path) for path in sorted(EXAMPLES.glob("*.yaml"))}
    out |= {f"random-{seed}": random_instance(seed) for seed in RANDOM_SEEDS}
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
