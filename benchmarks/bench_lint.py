"""Health-check benchmark: ``lint`` on the example plans and on a 36-month plan built
from the tool catalog (every entry with a known price, owners spread over six people,
ten goals).

Prints the median wall time of ``lint`` and, for comparison, of ``evaluate`` alone on
the same plan (lint evaluates once and then runs every rule), so the ratio shows what
the rules add on top of the cash-flow evaluation.

Run: .venv/bin/python benchmarks/bench_lint.py [--repeat N]
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path

from timing import median_seconds  # benchmarks/timing.py (run as scripts)

from aibudget.catalog import kpi_entries, kpi_ids, tool_catalog
from aibudget.domain.guidance import catalog_tool_to_plan_tool
from aibudget.domain.plan import Plan
from aibudget.domain.validate import parse_plan
from aibudget.engine.cashflow import evaluate
from aibudget.engine.lint import lint
from aibudget.planfile import load_plan

ROOT = Path(__file__).resolve().parents[1]


def catalog_plan() -> Plan:
    entries = [e for e in tool_catalog().values() if e.price_known]
    kpis = sorted(kpi_entries())[:10]
    team = [
        {"id": f"m{i}", "role": "staff", "hourly_cost": 250, "free_hours_per_month": 40}
        for i in range(6)
    ]
    tools = [
        catalog_tool_to_plan_tool(e, f"m{i % 6}", tool_id=f"t{i}", gross_margin=Decimal("0.5"))
        for i, e in enumerate(entries)
    ]
    goals = [
        {"id": f"g{i}", "name": k, "kpi": k, "baseline": 1, "target": 2, "deadline": "2027-12"}
        for i, k in enumerate(kpis)
    ]
    data = {
        "company": {
            "name": "Bench",
            "employees": 40,
            "annual_revenue": 60_000_000,
            "annual_marketing_budget": 3_000_000,
        },
        "horizon": {"months": 36, "start": "2027-01"},
        "fx": {"USD": 32},
        "team": team,
        "tools": tools,
        "goals": goals,
        "budget": {"share_of_marketing": 0.3},
    }
    return parse_plan(data, kpi_ids())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    catalog, kpis = tool_catalog(), kpi_entries()
    plans = [(p.stem, load_plan(p)) for p in sorted((ROOT / "examples").glob("*.yaml"))]
    plans.append(("catalog-priced-tools-36-months", catalog_plan()))
    print(
        f"{'plan':32} {'tools':>5} {'findings':>8} {'lint ms':>9} {'evaluate ms':>11} {'ratio':>6}"
    )
    for name, plan in plans:
        findings = lint(plan, catalog, kpis)
        t_lint = median_seconds(lambda plan=plan: lint(plan, catalog, kpis), args.repeat)
        t_eval = median_seconds(lambda plan=plan: evaluate(plan), args.repeat)
        print(
            f"{name:32} {len(plan.tools):>5} {len(findings):>8} {t_lint * 1000:>9.2f}"
            f" {t_eval * 1000:>11.2f} {t_lint / t_eval:>6.2f}"
        )


if __name__ == "__main__":
    main()
