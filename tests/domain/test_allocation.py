"""The optional ``optimise:`` section of a plan: defaults, and every problem reported."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from aibudget.catalog import kpi_ids
from aibudget.domain.allocation import HillCurve, Objective, OptimisePolicy
from aibudget.domain.errors import PlanError
from aibudget.domain.validate import parse_plan
from tests.factories import make_plan, plan_data, tool


def problems(optimise: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(PlanError) as caught:
        parse_plan(plan_data(optimise=optimise), kpi_ids())
    return {p.where: p.message_id for p in caught.value.problems}


def test_plans_without_the_section_stay_valid_and_get_safe_defaults() -> None:
    plan = make_plan()
    assert plan.optimise is None
    policy = OptimisePolicy()
    assert policy.objective is Objective.EXPECTED_NPV
    assert policy.channels == [] and policy.force_in == [] and policy.monthly_budget is None
    assert policy.budget_step == Decimal(10_000)


def test_a_full_section_round_trips_through_plain_data() -> None:
    section = {
        "objective": "cvar",
        "risk_aversion": 0.7,
        "force_in": ["t1"],
        "exclusive": [["t1", "t2"]],
        "channels": [
            {
                "id": "meta",
                "curve": {"kind": "hill", "max_return": 9000, "half_saturation": 1500, "slope": 2},
                "max_monthly": 5000,
            }
        ],
        "constraints": [{"label": "design", "categories": ["design_video"], "max_monthly": 500}],
    }
    plan = make_plan(tool(id="t1"), tool(id="t2"), optimise=section)
    assert plan.optimise is not None
    assert isinstance(plan.optimise.channels[0].curve, HillCurve)
    again = OptimisePolicy.model_validate(plan.optimise.model_dump(mode="json"))
    assert again == plan.optimise


def test_channel_bounds_unknown_category_and_missing_bound_are_reported() -> None:
    found = problems(
        {
            "channels": [
                {
                    "id": "meta",
                    "curve": {"kind": "exponential", "max_return": 100, "spend_scale": 10},
                    "min_monthly": 20,
                    "max_monthly": 10,
                }
            ],
            "constraints": [
                {"label": "x", "categories": ["seo"]},
                {"label": "y", "categories": ["nope"], "max_monthly": 1},
            ],
        }
    )
    assert found == {
        "optimise.channels[0]": "value.channel_bounds",
        "optimise.constraints[0]": "value.constraint_bound",
        "optimise.constraints[1].categories": "value.category_unknown",
    }


def test_cvar_weight_above_one_and_bad_curve_parameters_are_reported() -> None:
    assert problems({"objective": "cvar", "risk_aversion": 2}) == {
        "optimise": "value.risk_aversion_cvar"
    }
    found = problems(
        {
            "channels": [
                {
                    "id": "meta",
                    "curve": {"kind": "hill", "max_return": 1, "half_saturation": 0},
                    "max_monthly": 1,
                }
            ]
        }
    )
    assert list(found.values()) == ["value.greater_than"]
    assert next(iter(found)).endswith("half_saturation")


def _channel(max_return: Any) -> dict[str, Any]:
    curve = {"kind": "michaelis_menten", "max_return": max_return, "half_saturation": 1500}
    return {"channels": [{"id": "meta", "curve": curve, "max_monthly": 5000}]}


@pytest.mark.parametrize(
    "given",
    [9000, "9000", [6000, 9000, 12000], {"low": 6000, "likely": 9000, "high": 12000}],
)
def test_a_curves_height_is_one_number_or_low_likely_high(given: Any) -> None:
    plan = make_plan(optimise=_channel(given))
    assert plan.optimise is not None
    height = plan.optimise.channels[0].curve.max_return
    assert height.likely == 9000
    assert height.uncertain is (not isinstance(given, int | str))  # one number: no range
    again = OptimisePolicy.model_validate(plan.optimise.model_dump(mode="json"))
    assert again == plan.optimise  # plain data in, plain data out


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ([12000, 9000, 6000], "value.range_order"),
        ({"low": 9000, "likely": 8000, "high": 9500}, "value.range_order"),
        ([-1, 9000, 12000], "value.range_negative"),
        (-5, "value.range_negative"),
        ({"low": 1, "likely": 2}, "value.missing"),
    ],
)
def test_a_curves_height_out_of_order_or_negative_is_reported_where_it_is(
    given: Any, message: str
) -> None:
    found = problems(_channel(given))
    assert list(found.values()) == [message]
    assert next(iter(found)).startswith("optimise.channels[0].curve.max_return")
