"""What a tool really costs replaces the plan's price in the forecast and the proposal."""

from __future__ import annotations

from decimal import Decimal

from aibudget.engine.reallocate import reallocate
from aibudget.engine.reallocate_rebase import rebase
from aibudget.engine.review import price_factor, review
from tests.engine.test_review import actuals, hours_tool, rec
from tests.factories import make_plan

PLANNED = Decimal(1000)  # 500 a seat, 2 seats


def paid(amount: int, months: int = 3) -> list:
    return [
        rec(m, "t1", line="subscription", amount=Decimal(amount), hours_saved=Decimal(30))
        for m in range(1, months + 1)
    ]


def plan():  # type: ignore[no-untyped-def]
    return make_plan(hours_tool("t1", (20, 30, 40), 500), horizon={"months": 24})


def test_ten_times_the_price_is_the_forecast_for_the_remaining_months() -> None:
    done = review(plan(), actuals(*paid(10_000)))
    line = next(v for v in done.variance if v.tool == "t1" and v.line == "subscription")
    assert line.actual == Decimal(30_000)
    assert line.forecast == Decimal(24 * 10_000)
    assert line.plan_horizon == 24 * PLANNED
    t1 = next(t for t in done.tools if t.tool == "t1")
    assert t1.price_factor == Decimal(10)
    assert done.monthly.forecast_costs[5] >= Decimal(10_000)


def test_the_proposal_prices_the_tool_at_what_it_really_costs() -> None:
    p = plan()
    done = review(p, actuals(*paid(10_000)))
    t1 = next(t for t in rebase(p, done).plan.tools if t.id == "t1")
    assert t1.plans[0].price == Decimal(5000)
    result = reallocate(p, done)
    cheap = reallocate(p, review(p, actuals(*paid(1000))))
    assert result.current_npv < cheap.current_npv - Decimal(100_000)
    stop = next(c for c in result.changes if c.tool == "t1")
    assert stop.message_id == "reallocate.stop"
    assert stop.params["amount"] == Decimal(10_000)  # what it really costs a month


def test_the_price_as_planned_changes_nothing() -> None:
    done = review(plan(), actuals(*paid(1000)))
    assert next(t for t in done.tools if t.tool == "t1").price_factor is None
    line = next(v for v in done.variance if v.line == "subscription")
    assert line.forecast == 24 * PLANNED


def test_the_last_three_recorded_months_set_the_price() -> None:
    planned = [Decimal(0)] + [PLANNED] * 6
    spent = {
        1: Decimal(1000),
        2: Decimal(1000),
        3: Decimal(2000),
        4: Decimal(2000),
        5: Decimal(2000),
    }
    assert price_factor(spent, planned, 5) == Decimal(2)
    assert price_factor(spent, planned, 2) is None
    assert price_factor({}, planned, 5) is None


def test_the_price_really_paid_is_said_in_words() -> None:
    from aibudget.i18n import Translator
    from aibudget.present.monitor import tool_reasons

    for amount, en, zh in (
        (10_000, "about 10 times the plan's price", "約為計畫價格的 10 倍"),
        (800, "about 80% of the plan's price", "約為計畫價格的 80%"),
    ):
        done = review(plan(), actuals(*paid(amount)))
        t1 = next(t for t in done.tools if t.tool == "t1")
        assert t1.price_factor == Decimal(amount) / PLANNED  # recomputed from the records
        assert any(en in text for text in tool_reasons(Translator("en"), t1))
        assert any(zh in text for text in tool_reasons(Translator("zh_TW"), t1))
