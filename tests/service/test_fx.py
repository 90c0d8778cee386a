"""A price in another currency takes a dated default rate; a free tier needs none."""

from __future__ import annotations

from decimal import Decimal

from aibudget.catalog import fx_defaults, kpi_ids
from aibudget.domain.validate import parse_plan
from aibudget.service.fx import add_missing_rates, default_rate
from tests.factories import plan_data, tool


def _usd(price: int, **company: str) -> dict:
    return plan_data(
        tool(id="gpt", name="ChatGPT", plans=[{"id": "m", "price": price, "currency": "USD"}]),
        company=company,
    )


def test_a_priced_tier_in_another_currency_takes_the_default_rate() -> None:
    doc = _usd(25)
    added = add_missing_rates(doc)
    assert added == {"USD": fx_defaults()[1]["USD"]}
    assert parse_plan(doc, kpi_ids()).fx["USD"] == added["USD"]
    assert add_missing_rates(doc) == {}  # the plan has it now: kept as it is


def test_the_owners_own_rate_is_kept() -> None:
    doc = _usd(25) | {"fx": {"USD": "30"}}
    assert add_missing_rates(doc) == {} and doc["fx"] == {"USD": "30"}


def test_a_free_tier_needs_no_rate() -> None:
    doc = _usd(0)
    assert add_missing_rates(doc) == {}
    plan = parse_plan(doc, kpi_ids())  # valid without any rate
    assert plan.bill(plan.tools[0].plans[0]) == 0


def test_rates_cross_through_the_nt_dollar() -> None:
    _, twd = fx_defaults()
    assert default_rate("USD", "HKD") == (twd["USD"] / twd["HKD"]).quantize(Decimal("0.0001"))
    assert default_rate("USD", "TWD") == twd["USD"]
    assert default_rate("XYZ", "TWD") is None
