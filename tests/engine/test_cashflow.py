"""Golden cash-flow tests: hand-computed cases and an independent NPV (numpy-financial)."""

from __future__ import annotations

from decimal import Decimal

import numpy_financial as npf
import pytest

from aibudget.domain.plan import Convention
from aibudget.engine.cashflow import discount_factors, evaluate, payback_month
from tests.factories import make_plan, tool

CENT = 0.01  # reported money is rounded to cents
ANNUAL_TEI = {
    "kind": "cost",
    "label": "licence",
    "period": "year",
    "initial": 100_000,
    "amounts": [50_000, 50_000, 50_000],
}
BENEFITS_TEI = {
    "kind": "benefit",
    "label": "study",
    "period": "year",
    "amounts": [120_000, 150_000, 180_000],
}


def test_annual_convention_matches_a_hand_computed_tei_table() -> None:
    plan = make_plan(
        tool(schedules=[ANNUAL_TEI, BENEFITS_TEI]),
        horizon={"months": 36, "discount_rate": 0.10, "convention": "annual"},
    )
    result = evaluate(plan)
    # By hand: costs 100,000 + 50,000/1.1 + 50,000/1.1^2 + 50,000/1.1^3 = 224,342.60
    #          benefits 120,000/1.1 + 150,000/1.1^2 + 180,000/1.1^3      = 368,294.52
    assert result.expected.pv_costs == Decimal("224342.60")
    assert result.expected.pv_benefits == Decimal("368294.52")
    assert result.expected.npv == Decimal("143951.92")
    assert result.expected.roi == Decimal("0.6417")
    independent = npf.npv(0.10, [-100_000, 70_000, 100_000, 130_000])
    assert float(result.expected.npv) == pytest.approx(independent, abs=CENT)
    assert [row.label for row in result.periods] == ["initial", "year 1", "year 2", "year 3"]
    assert [row.net for row in result.periods] == [
        Decimal("-100000.00"),
        Decimal("70000.00"),
        Decimal("100000.00"),
        Decimal("130000.00"),
    ]
    # cumulative: -100,000 + 70,000 after year 1, then +8,333.33 a month: >= 0 in month 16
    assert result.expected.payback_month == 16


def test_monthly_convention_equals_numpy_financial_at_the_monthly_rate() -> None:
    plan = make_plan(
        tool(
            setup_cost=1_000,
            plans=[{"id": "m", "price": 100}],
            benefits=[{"kind": "cost_avoided", "monthly": 300}],
        ),
        horizon={"months": 12, "discount_rate": 0.12},
    )
    result = evaluate(plan)
    monthly_rate = 1.12 ** (1 / 12) - 1
    flows = [-1_000] + [200] * 12
    assert float(result.expected.npv) == pytest.approx(npf.npv(monthly_rate, flows), abs=CENT)
    assert result.expected.payback_month == 5  # -1,000 + 5 x 200 = 0
    pv_costs = 1_000 + sum(100 / (1 + monthly_rate) ** m for m in range(1, 13))
    assert float(result.expected.pv_costs) == pytest.approx(pv_costs, abs=CENT)
    assert float(result.expected.roi or 0) == pytest.approx(
        float(result.expected.npv) / pv_costs, abs=1e-4
    )


def test_annual_billing_falls_in_the_first_month_of_each_year() -> None:
    plan = make_plan(
        tool(plans=[{"id": "y", "billing": "annual", "price": 1200, "seats": 2}], start_month=2),
        horizon={"months": 24},
    )
    costs = evaluate(plan).tools[0].monthly_costs
    paid = {m: c for m, c in enumerate(costs) if c}
    assert paid == {2: Decimal("2400.00"), 14: Decimal("2400.00")}


def test_foreign_currency_prices_use_the_plan_rate() -> None:
    plan = make_plan(
        tool(plans=[{"id": "m", "price": 25, "currency": "USD", "seats": 2}]),
        fx={"USD": 32.5},
    )
    assert evaluate(plan).tools[0].monthly_costs[1] == Decimal("1625.00")


def test_benefits_ramp_up_linearly() -> None:
    plan = make_plan(tool(ramp_months=4, benefits=[{"kind": "hours_saved", "hours_per_month": 10}]))
    benefits = evaluate(plan).tools[0].monthly_benefits
    # 10 hours x NT$100 = 1,000 at full speed; months 1-4 ramp 1/4, 2/4, 3/4, 1
    assert benefits[:6] == [Decimal(x) for x in ("0", "250", "500", "750", "1000", "1000")]


def test_one_off_costs_fall_in_the_month_before_the_tool_starts() -> None:
    plan = make_plan(
        tool(
            start_month=4,
            setup_cost=500,
            training={"hours_per_person": 3, "fees": 200},
            setup_hours=2,
            privacy_cost=300,
        )
    )
    result = evaluate(plan).tools[0]
    # setup 500 + training 3h x 100 + 200 + privacy 300 + 2 owner hours x 100
    assert result.monthly_costs[3] == Decimal("1500.00")
    assert sum(result.monthly_costs) == Decimal("1500.00")
    assert result.costs_by_line == {
        "integration": Decimal("500.00"),
        "training": Decimal("500.00"),
        "data_privacy": Decimal("300.00"),
        "internal_time": Decimal("200.00"),
    }


def test_risk_adjustment_haircuts_benefits_and_pads_costs() -> None:
    plan = make_plan(
        tool(
            plans=[{"id": "m", "price": 100}],
            benefits=[{"kind": "cost_avoided", "monthly": 1000}],
            risk={"benefits": 0.2, "costs": 0.1},
        )
    )
    result = evaluate(plan)
    assert result.expected.pv_costs == Decimal("1200.00")
    assert result.risk_adjusted.pv_costs == Decimal("1320.00")
    assert result.risk_adjusted.pv_benefits == Decimal("9600.00")
    # a driver's own risk replaces the tool's default
    plan2 = make_plan(
        tool(
            benefits=[{"kind": "cost_avoided", "monthly": 1000, "risk": 0.5}],
            risk={"benefits": 0.2},
        )
    )
    assert evaluate(plan2).risk_adjusted.pv_benefits == Decimal("6000.00")


def test_expected_view_uses_the_distribution_mean() -> None:
    driver = {"kind": "cost_avoided", "monthly": [0, 100, 500]}
    pert = make_plan(tool(benefits=[driver]))
    tri = make_plan(tool(benefits=[driver]), simulation={"distribution": "triangular"})
    assert evaluate(pert).expected.pv_benefits == Decimal("1800.00")  # (0+400+500)/6 x 12
    assert evaluate(tri).expected.pv_benefits == Decimal("2400.00")  # (0+100+500)/3 x 12


def test_revenue_lift_uses_base_revenue_and_margin() -> None:
    driver = {"kind": "revenue_lift", "lift": 0.05, "gross_margin": 0.4}
    plan = make_plan(tool(benefits=[driver]))
    # monthly revenue 1,200,000 / 12 = 100,000 x 5% x 40% = 2,000 a month
    assert evaluate(plan).expected.pv_benefits == Decimal("24000.00")


def test_plan_level_lines_count_in_the_total() -> None:
    advice = {"kind": "cost", "label": "advice", "line": "advice", "initial": 9000}
    plan = make_plan(tool(benefits=[{"kind": "cost_avoided", "monthly": 1000}]), lines=[advice])
    result = evaluate(plan)
    assert result.expected.npv == Decimal("3000.00")
    assert result.costs_by_line == {"advice": Decimal("9000.00")}


@pytest.mark.parametrize(
    ("costs", "benefits", "month"),
    [
        ([100, 10, 10, 10], [0, 50, 50, 50], 3),
        ([100, 0, 0], [0, 10, 10], None),
        ([0, 10, 10], [0, 20, 20], 1),
        ([0, 0], [0, 0], None),
    ],
)
def test_payback_month(costs: list[int], benefits: list[int], month: int | None) -> None:
    as_decimal = [Decimal(x) for x in costs], [Decimal(x) for x in benefits]
    assert payback_month(*as_decimal) == month


def test_discount_factors_of_both_conventions() -> None:
    monthly = discount_factors(Decimal("0.1"), 24, Convention.MONTHLY)
    annual = discount_factors(Decimal("0.1"), 24, Convention.ANNUAL)
    assert monthly[0] == annual[0] == 1
    assert float(monthly[12]) == pytest.approx(1 / 1.1, rel=1e-12)
    assert annual[1] == annual[12]
    assert float(annual[12]) == pytest.approx(1 / 1.1, rel=1e-12)
    assert float(annual[13]) == pytest.approx(1 / 1.21, rel=1e-12)


def test_examples_evaluate_in_both_conventions(example_path) -> None:  # type: ignore[no-untyped-def]
    from aibudget.planfile import load_plan

    plan = load_plan(example_path)
    monthly = evaluate(plan, Convention.MONTHLY)
    annual = evaluate(plan, Convention.ANNUAL)
    assert monthly.expected.pv_costs > 0
    # undiscounted totals agree; only discounting differs
    assert sum(monthly.monthly_costs) == sum(annual.monthly_costs)
    assert monthly.expected.npv != annual.expected.npv
    assert sum(t.expected.npv for t in monthly.tools) == pytest.approx(
        monthly.expected.npv, abs=Decimal("0.05")
    )
