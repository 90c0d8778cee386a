"""Every number of a plan is finite and bounded: absurd figures are refused at input,
by the field that holds them, so no page of a saved plan can fail on them later."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
import yaml

from aibudget.domain.errors import PlanError
from aibudget.domain.money import MAX_AMOUNT
from aibudget.domain.plan import MAX_HOURS
from aibudget.planfile import plan_from_text
from tests.factories import make_plan, plan_data, tool

SLOT = "__number__"
HOSTILE = {  # as written in a YAML plan file
    "huge exponent": "1e999999",
    "largest float": "1.0e+308",
    "not a number": ".nan",
    "infinity": ".inf",
    "minus infinity": "-.inf",
    "5,000 digits": "9" * 5000,
}
SUBSCRIPTION = {"id": "basic", "price": 600}
FIELDS: dict[str, Any] = {  # path -> plan data with SLOT where the number goes
    "company.annual_revenue": plan_data(company={"annual_revenue": SLOT}),
    "budget.annual_amount": plan_data(budget={"annual_amount": SLOT}),
    "team[0].hourly_cost": plan_data(
        team=[{"id": "amy", "role": "marketing", "hourly_cost": SLOT, "free_hours_per_month": 1}]
    ),
    "tools[0].plans[0].price": plan_data(tool(plans=[{"id": "basic", "price": SLOT}])),
    "tools[0].setup_hours": plan_data(tool(setup_hours=SLOT)),
    "tools[0].run_hours_per_month": plan_data(tool(run_hours_per_month=SLOT)),
    "tools[0].benefits[0].hours_per_month": plan_data(
        tool(benefits=[{"kind": "hours_saved", "hours_per_month": SLOT}])
    ),
    "tools[0].benefits[0].monthly.high": plan_data(
        tool(benefits=[{"kind": "cost_avoided", "monthly": {"low": 0, "likely": 0, "high": SLOT}}])
    ),
    "tools[0].schedules[0].amounts[1]": plan_data(
        tool(schedules=[{"label": "quote", "kind": "cost", "amounts": [1, SLOT]}])
    ),
    "fx.USD": plan_data(
        tool(plans=[{"id": "pro", "price": 20, "currency": "USD"}]), fx={"USD": SLOT}
    ),
    "schema_version": plan_data(schema_version=SLOT),
}


def plan_text(data: dict[str, Any], number: str) -> str:
    text = yaml.safe_dump(data, sort_keys=False)
    assert text.count(SLOT) == 1
    return text.replace(SLOT, number)


@pytest.mark.parametrize("number", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize("where", FIELDS)
def test_an_absurd_number_is_refused_by_its_field(where: str, number: str) -> None:
    with pytest.raises(PlanError) as caught:
        plan_from_text(plan_text(FIELDS[where], number))
    paths = {problem.where for problem in caught.value.problems}
    assert any(path == where or path.startswith(where + ".") for path in paths), paths
    for problem in caught.value.problems:
        assert len(str(problem.params.get("input", ""))) <= 80


@pytest.mark.parametrize(
    ("where", "number"),
    [
        ("company.annual_revenue", str(MAX_AMOUNT)),
        ("tools[0].plans[0].price", "9999999999999.99"),
        ("tools[0].setup_hours", str(MAX_HOURS)),
        ("tools[0].benefits[0].hours_per_month", str(MAX_HOURS)),
        ("fx.USD", "0.000001"),
    ],
)
def test_large_but_sane_numbers_are_kept(where: str, number: str) -> None:
    plan = plan_from_text(plan_text(FIELDS[where], number))
    assert plan.company.name == "Test Co"


def test_the_bound_is_just_past_the_largest_amount() -> None:
    make_plan(company={"annual_revenue": MAX_AMOUNT})
    with pytest.raises(PlanError) as caught:
        make_plan(company={"annual_revenue": MAX_AMOUNT + Decimal("0.01")})
    [problem] = caught.value.problems
    assert (problem.where, problem.message_id) == (
        "company.annual_revenue",
        "value.less_than_equal",
    )
