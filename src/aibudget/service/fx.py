"""Exchange rates a plan needs: a price in another currency is never a dead end.

When a tool's price is in a currency the plan has no rate for, the plan takes the
default rate (``catalog/fx.yaml``, dated) and says so in the version's note; the owner
sees it on the plan page and can change it like any other field.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from aibudget.catalog import fx_defaults
from aibudget.domain.validate import is_priced

RATE_PLACES = Decimal("0.0001")


def currency_of(document: Mapping[str, Any]) -> str:
    """The plan document's currency."""
    return str((document.get("company") or {}).get("currency", "TWD")).upper()


def default_rate(currency: str, plan_currency: str) -> Decimal | None:
    """Units of ``plan_currency`` for one ``currency`` by the default table (crossed
    through NT$), or None when either is not in it."""
    _, twd = fx_defaults()
    if currency not in twd or plan_currency not in twd:
        return None
    return (twd[currency] / twd[plan_currency]).quantize(RATE_PLACES, ROUND_HALF_UP)


def add_missing_rates(document: dict[str, Any]) -> dict[str, Decimal]:
    """Put a default rate into ``document["fx"]`` for every currency a priced tier uses
    and the plan has no rate for; the rates added (nothing when all are there)."""
    plan_currency = currency_of(document)
    found = document.get("fx")
    rates: dict[str, Any] = dict(found) if isinstance(found, dict) else {}
    added: dict[str, Decimal] = {}
    for tool in document.get("tools") or []:
        for tier in (tool.get("plans") or []) if isinstance(tool, dict) else []:
            if not isinstance(tier, dict) or not isinstance(tier.get("currency"), str):
                continue
            currency = tier["currency"].upper()
            if currency == plan_currency or currency in rates or not is_priced(tier):
                continue
            rate = default_rate(currency, plan_currency)
            if rate is not None:
                added[currency] = rate
                rates = {**rates, currency: str(rate)}
    if added:
        document["fx"] = rates
    return added


def rates_as_of() -> str:
    return fx_defaults()[0]
