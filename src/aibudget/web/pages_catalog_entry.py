"""One catalog entry of a workspace, read-only and in the owner's words: what the tool
does, its plans and prices (or "enter your quote"), where it is sold, how well it fits
a Taiwanese small business and the KPIs it serves. Reached from the readiness result,
so it needs no plan.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from aibudget.domain.guidance import CatalogPlan, CatalogTool, resolve
from aibudget.i18n import Translator
from aibudget.present.guidance import (
    fit_badges,
    markets_text,
    month_text,
    price_text,
    trial_text,
)
from aibudget.service.catalogs import merged
from aibudget.service.words import kpi_names
from aibudget.store import catalogs, workspaces
from aibudget.store.errors import NotFound
from aibudget.web.context import CurrentUser, ReadSession, T, render

router = APIRouter(include_in_schema=False)


def _tier(t: Translator, plan: CatalogPlan) -> dict[str, Any]:
    seen = ""
    if plan.price is not None and plan.as_of and plan.source:
        seen = t("readiness.tier_seen", as_of=month_text(t, plan.as_of))
    return {
        "name": plan.name.get(t.locale),
        "price": price_text(t, plan),
        "known": plan.price_known,
        "seats": t("catalog.min_seats", seats=plan.min_seats) if plan.min_seats > 1 else "",
        "seen": seen,
        "source": plan.source if plan.price is not None else None,
        "tax": t(f"catalog.tax.{plan.tax}") if plan.tax and plan.price else "",
        "note": plan.note.get(t.locale) if plan.note else "",
    }


def entry_view(t: Translator, entry: CatalogTool) -> dict[str, Any]:
    names = kpi_names(t.locale)
    return {
        "name": entry.name,
        "vendor": entry.vendor,
        "url": entry.url,
        "category": t(f"category.{entry.category.value}"),
        "summary": entry.summary.get(t.locale),
        "tiers": [_tier(t, p) for p in entry.plans],
        "markets": markets_text(t, entry),
        "badges": fit_badges(t, entry),
        "trial": trial_text(t, entry),
        "kpis": [names.get(k, k) for k in entry.kpis],
        "customer_data": entry.uses_customer_data,
        "note": entry.note.get(t.locale) if entry.note else "",
    }


@router.get("/w/{ws}/tools/{tool_id}")
def catalog_entry_page(
    request: Request, s: ReadSession, user: CurrentUser, t: T, ws: str, tool_id: str
) -> Response:
    space = workspaces.require(s, user.id, ws)
    own = catalogs.get(s, user.id, ws)
    catalog, _problems = merged(own.entries, None)
    entry = resolve(catalog, tool_id)
    if entry is None:
        raise NotFound()
    return render(request, "catalog_entry.html", space=space, tool=entry_view(t, entry))
