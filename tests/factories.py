"""Small factories for plans: a valid minimal plan, changed only where a test says."""

from __future__ import annotations

import copy
from typing import Any

from aibudget.catalog import kpi_ids
from aibudget.domain.plan import Plan
from aibudget.domain.validate import parse_plan

BASE: dict[str, Any] = {
    "company": {
        "name": "Test Co",
        "employees": 5,
        "annual_revenue": 1_200_000,
        "annual_marketing_budget": 120_000,
    },
    "horizon": {"months": 12, "start": "2027-01", "discount_rate": 0, "seed": 1},
    "team": [{"id": "amy", "role": "marketing", "hourly_cost": 100, "free_hours_per_month": 20}],
    "tools": [],
    "budget": {"annual_amount": 100_000},
}


def tool(**fields: Any) -> dict[str, Any]:
    """A tool with no costs and no benefits unless given; zero risk so views agree."""
    data: dict[str, Any] = {
        "id": "t1",
        "name": "Tool",
        "owner": "amy",
        "ramp_months": 0,
        "risk": {"benefits": 0, "costs": 0},
    }
    data.update(fields)
    return data


def plan_data(*tools: dict[str, Any], **sections: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    data["tools"] = list(tools)
    for key, value in sections.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key].update(value)
        else:
            data[key] = value
    return data


def make_plan(*tools: dict[str, Any], **sections: Any) -> Plan:
    return parse_plan(plan_data(*tools, **sections), kpi_ids())
