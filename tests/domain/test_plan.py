"""Small rules that live on the plan model."""

from __future__ import annotations

from tests.factories import make_plan, tool


def test_ad_exports_go_to_the_only_ad_tool() -> None:
    one = make_plan(tool(id="ads", category="ad_optimisation"), tool(id="gpt"))
    assert one.single_ad_tool() == "ads"
    two = make_plan(
        tool(id="ads", category="ad_optimisation"), tool(id="pmax", category="ad_optimisation")
    )
    assert two.single_ad_tool() is None
    assert make_plan(tool(id="gpt")).single_ad_tool() is None


def test_a_yearly_plan_inside_the_pilot_is_a_lock_in() -> None:
    yearly = [{"id": "y", "billing": "annual", "price": 1200}, {"id": "m", "price": 120}]
    plan = make_plan(tool(plans=yearly, start_month=2))
    pilot = plan.budget.pilot.months
    assert plan.tools[0].locks_in_during_pilot(pilot)
    later = make_plan(tool(plans=yearly, start_month=pilot + 1))
    assert not later.tools[0].locks_in_during_pilot(pilot)
    monthly = make_plan(tool(plans=yearly, plan="m", start_month=1))
    assert not monthly.tools[0].locks_in_during_pilot(pilot)
    assert monthly.tools[0].has_monthly_plan()
