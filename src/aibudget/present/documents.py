"""JSON documents shared by the CLI (``--json``) and the API: one definition each."""

from __future__ import annotations

from typing import Any

from aibudget.domain.results import Evaluation, SimulationResult


def evaluation_json(result: Evaluation, sim: SimulationResult) -> dict[str, Any]:
    """The ``evaluate --json`` document (also the API's evaluate response)."""
    by_tool = {d.id: d for d in sim.tools}
    return {
        "currency": result.currency,
        "convention": result.convention,
        "months": result.months,
        "start": result.start,
        "discount_rate": result.discount_rate,
        "expected": result.expected.model_dump(),
        "risk_adjusted": result.risk_adjusted.model_dump(),
        "periods": [row.model_dump() for row in result.periods],
        "costs_by_line": result.costs_by_line,
        "monthly": {
            "costs": result.monthly_costs,
            "benefits": result.monthly_benefits,
            "cumulative_net": result.cumulative_net,
        },
        "simulation": {
            "trials": sim.trials,
            "seed": sim.seed,
            "distribution": sim.distribution,
            "npv_p10": sim.npv.p10,
            "npv_p50": sim.npv.p50,
            "npv_p90": sim.npv.p90,
            "roi_p10": sim.roi.p10 if sim.roi else None,
            "roi_p50": sim.roi.p50 if sim.roi else None,
            "roi_p90": sim.roi.p90 if sim.roi else None,
            "mean_npv": sim.mean_npv,
            "prob_loss": sim.prob_loss,
            "tornado": [bar.model_dump() for bar in sim.tornado],
            "fan": [point.model_dump() for point in sim.fan],
            "fan_trials": sim.fan_trials,
        },
        "tools": [
            {
                "id": tool.id,
                "name": tool.name,
                "expected": tool.expected.model_dump(),
                "risk_adjusted": tool.risk_adjusted.model_dump(),
                "costs_by_line": tool.costs_by_line,
                "simulation": {
                    "npv_p10": by_tool[tool.id].npv.p10,
                    "npv_p50": by_tool[tool.id].npv.p50,
                    "npv_p90": by_tool[tool.id].npv.p90,
                    "mean_npv": by_tool[tool.id].mean_npv,
                    "prob_loss": by_tool[tool.id].prob_loss,
                },
            }
            for tool in result.tools
        ],
    }
