"""Which catalog prices need a look: a price seen more than six months ago (stale) and a
tier with no price at all (missing: the owner is asked for a quote). Pure: the caller
passes today's date."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from aibudget.domain.catalog import CatalogTool, PriceIssue
from aibudget.domain.months import month_of, months_between

STALE_AFTER_MONTHS = 6


def price_issues(catalog: Mapping[str, CatalogTool], today: date) -> list[PriceIssue]:
    """Every stale or missing price, in catalog order."""
    out: list[PriceIssue] = []
    this_month = month_of(today)
    for entry in catalog.values():
        for tier in entry.plans:
            if tier.price is None:
                out.append(PriceIssue(entry.id, tier.id, "missing"))
            elif tier.as_of is not None:
                age = months_between(tier.as_of, this_month)
                if age > STALE_AFTER_MONTHS:
                    out.append(PriceIssue(entry.id, tier.id, "stale", tier.as_of, age))
    return out
