"""The nightly check's alerts, each against figures worked out here by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from aibudget.domain.actuals import ActualRecord, Actuals
from aibudget.domain.checks import AlertKind
from aibudget.engine.cashflow import evaluate
from aibudget.engine.checks import check_plan
from tests.store.factories import example_plan

NO_ACTUALS = Actuals(currency="TWD")


def _kinds(result: object) -> list[AlertKind]:
    return [a.kind for a in result.alerts]  # type: ignore[attr-defined]


def test_the_figures_are_the_evaluation_of_the_plan() -> None:
    plan = example_plan()
    result = check_plan(plan, NO_ACTUALS, date(2027, 2, 10))
    assert result.npv == evaluate(plan).expected.npv
    assert result.months_recorded == 0


def test_a_review_is_due_when_a_period_of_the_plan_is_complete() -> None:
    plan = example_plan()  # starts 2027-01, review every 3 months
    assert plan.horizon.start == "2027-01" and plan.budget.review_every_months == 3
    due = [d for d in (date(2027, m, 5) for m in range(1, 13)) if AlertKind.REVIEW_DUE
           in _kinds(check_plan(plan, NO_ACTUALS, d))]  # fmt: skip
    assert [d.month for d in due] == [4, 7, 10]


def test_a_price_seen_more_than_six_months_ago_is_out_of_date() -> None:
    plan = example_plan()
    priced = [(t.name, t.chosen_plan().as_of) for t in plan.tools if t.chosen_plan()]
    seen = [(name, as_of) for name, as_of in priced if as_of is not None]
    assert seen, "the example has dated prices"
    name, as_of = seen[0]
    month_after_six = date(as_of.year + (as_of.month + 6) // 12, (as_of.month + 6) % 12 + 1, 1)
    six = date(as_of.year + (as_of.month + 5) // 12, (as_of.month + 5) % 12 + 1, 1)
    stale_at_six = [a for a in check_plan(plan, NO_ACTUALS, six).alerts if a.tool == name]
    stale_after = [
        a for a in check_plan(plan, NO_ACTUALS, month_after_six).alerts if a.tool == name
    ]
    assert not [a for a in stale_at_six if a.kind is AlertKind.PRICE_STALE]
    assert [a.params["months"] for a in stale_after if a.kind is AlertKind.PRICE_STALE] == [7]


def _month(tool: str, month: str, amount: str, hours: str) -> ActualRecord:
    return ActualRecord(
        month=month, tool=tool, line="subscription", amount=Decimal(amount),
        hours_saved=Decimal(hours),
    )  # fmt: skip


def test_spending_over_plan_and_a_tool_far_below_plan_are_alerts() -> None:
    plan = example_plan()
    tool = plan.tools[0]
    months = ["2027-01", "2027-02", "2027-03"]
    spent = [Decimal(9000)] * 3
    actuals = Actuals(
        currency="TWD",
        records=[_month(tool.id, m, str(a), "0") for m, a in zip(months, spent, strict=True)],
    )
    result = check_plan(plan, actuals, date(2027, 4, 2))
    over = [a for a in result.alerts if a.kind is AlertKind.OVER_PLAN]
    assert [a.tool for a in over] == [tool.name]
    assert Decimal(over[0].params["spent"]) == sum(spent)
    assert Decimal(over[0].params["spent"]) > Decimal(over[0].params["planned"]) * Decimal("1.1")
    below = [a for a in result.alerts if a.kind is AlertKind.BELOW_PLAN]
    assert [a.tool for a in below] == [tool.name]
    assert Decimal(below[0].params["share"]) < Decimal("0.5")
    assert result.months_recorded == 3


def test_a_plan_with_fresh_prices_and_no_period_complete_raises_no_alert() -> None:
    plan = example_plan()
    newest = max(t.chosen_plan().as_of for t in plan.tools if t.chosen_plan())
    result = check_plan(plan, NO_ACTUALS, date(newest.year, newest.month, 28))
    assert result.alerts == []
