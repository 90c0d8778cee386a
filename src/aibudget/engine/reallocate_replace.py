"""A named alternative from the catalog for a tool the review says to replace.

A catalog entry *serves the same need* as a tool when it shares one of the tool's KPIs
or, for a tool with a category other than ``other``, its category. Left out: the tool's
own entry, entries another tool of the plan already uses, entries with no known price
(or only usage-priced plans) and prices in a currency the plan has no rate for.

The best one: most KPIs shared, then the same category, then the easiest to use
(``ease``), then the cheapest monthly bill, then the id. It becomes a candidate tool of
the rebased plan, starting the month after the review, with its monthly plans only (no
yearly bill for a tool not tried yet), the replaced tool's owner, the replaced tool's
KPIs it serves, the catalog's benefit defaults (a revenue-lift default takes the
replaced tool's gross margin, and is left out when it had none), the catalog's set-up
and running hours, as many seats as the replaced tool had on a plan priced per seat,
and ``TRAINING_HOURS`` (2) hours of training for the replaced tool's trainees. The
optimiser funds it or not like any other candidate.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from pydantic import ValidationError

from aibudget.domain.guidance import CatalogTool, catalog_tool_to_plan_tool, resolve
from aibudget.domain.plan import Billing, Category, Plan, RevenueLift, Tool, Training

TRAINING_HOURS = Decimal(2)


def _serves(tool: Tool, entry: CatalogTool) -> tuple[int, bool]:
    shared = len(set(tool.kpis) & set(entry.kpis))
    same = tool.category is not Category.OTHER and entry.category is tool.category
    return shared, same


def _taken(plan: Plan, catalog: Mapping[str, CatalogTool]) -> set[str]:
    out = {t.id for t in plan.tools}
    for t in plan.tools:
        entry = resolve(catalog, t.catalog_id) if t.catalog_id else None
        if entry is not None:
            out.add(entry.id)
    return out


def _margin(tool: Tool) -> Decimal | None:
    return next((b.gross_margin for b in tool.benefits if isinstance(b, RevenueLift)), None)


def _candidate(plan: Plan, tool: Tool, entry: CatalogTool) -> Tool | None:
    """The entry as a plan tool replacing ``tool``, or None if it cannot be priced."""
    data = catalog_tool_to_plan_tool(entry, tool.owner, gross_margin=_margin(tool))
    per_seat = {p.id for p in entry.plans if p.per == "seat"}
    chosen = tool.chosen_plan()
    seats = chosen.seats if chosen is not None else 1
    plans = [
        {**p, "seats": max(p["seats"], seats) if p["id"] in per_seat else p["seats"]}
        for p in data["plans"]
        if p["billing"] == Billing.MONTHLY.value
        and (p["currency"] in (None, plan.currency) or p["currency"] in plan.fx or not p["price"])
    ]
    if not plans:
        return None
    shared = [k for k in tool.kpis if k in entry.kpis]
    data.update(
        plans=plans,
        kpis=tool.kpis if entry.category is tool.category else shared,
        start_month=1,
        training=Training(hours_per_person=TRAINING_HOURS, trainees=tool.training.trainees),
    )
    try:
        found = Tool.model_validate(data)
    except ValidationError:
        return None
    cheapest = min(found.plans, key=lambda p: (plan.bill(p), p.id))
    return found.model_copy(update={"plan": cheapest.id})


def monthly_bill(plan: Plan, tool: Tool) -> Decimal:
    """What the tool's chosen plan costs a month in the plan's currency."""
    chosen = tool.chosen_plan()
    return plan.bill(chosen) if chosen is not None else Decimal(0)


def alternative(
    plan: Plan, tool: Tool, catalog: Mapping[str, CatalogTool] | None
) -> tuple[CatalogTool, Tool] | None:
    """The best catalog entry serving the same need as ``tool``, as a plan tool."""
    if not catalog:
        return None
    taken = _taken(plan, catalog)
    found = []
    for entry in catalog.values():
        shared, same = _serves(tool, entry)
        if entry.id in taken or not entry.price_known or not (shared or same):
            continue
        candidate = _candidate(plan, tool, entry)
        if candidate is not None:
            rank = (-shared, not same, -(entry.ease or 0), monthly_bill(plan, candidate), entry.id)
            found.append((rank, entry, candidate))
    if not found:
        return None
    _, entry, candidate = min(found, key=lambda item: item[0])
    return entry, candidate
