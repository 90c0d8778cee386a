"""What scaling up a tool means in its own pricing: more seats, more channels, or the
next tier.

The unit comes from the catalog entry of the tool (``catalog_id``) and the entry's plan
with the chosen plan's id (its ``per``):

- priced per seat or per channel: as many units again as the chosen plan has (one more
  when it has one);
- priced per account or per month: the next tier up, the cheapest plan billed the same
  way that costs more, first among the tool's own plans, then among the catalog entry's
  plans with a known price (in a currency the plan has a rate for); no such tier: no
  step (the review's advice stands, in words);
- not in the catalog: seats when the chosen plan has several, else the next tier among
  the tool's own plans, else one more seat.

The step becomes an extra candidate for the optimiser, ``<id>.more``: the added units
(the chosen plan with its seats) or the upgrade (a plan costing the difference a bill,
in the plan's currency), with benefits ``EXPANSION_YIELD`` (50%) of the tool's updated
benefits (the first users are usually the keenest, so what is added is assumed to
deliver half as much).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from aibudget.domain.guidance import CatalogTool, resolve
from aibudget.domain.plan import HoursSaved, KpiEffect, Plan, Range, RevenueLift, Tool, ToolPlan

EXPANSION_YIELD = Decimal("0.5")
EXPANSION_SUFFIX = ".more"
ZERO = Decimal(0)
Unit = Literal["seat", "channel", "tier"]


@dataclass(frozen=True)
class ScaleStep:
    """One step up: ``count`` more seats or channels, or the tier ``tier``."""

    unit: Unit
    count: int
    tier: ToolPlan  # what the expansion pays: the added units, or the price difference
    tier_name: str  # the plan the owner moves to (tiers) or keeps (units)


def _entry(tool: Tool, catalog: Mapping[str, CatalogTool] | None) -> CatalogTool | None:
    if catalog is None or tool.catalog_id is None:
        return None
    return resolve(catalog, tool.catalog_id)


def _per(entry: CatalogTool | None, chosen: ToolPlan) -> str | None:
    if entry is None:
        return None
    return next((p.per for p in entry.plans if p.id == chosen.id), None)


def _catalog_tiers(plan: Plan, entry: CatalogTool | None) -> list[ToolPlan]:
    if entry is None:
        return []
    out = []
    for p in entry.plans:
        convertible = p.currency in (None, plan.currency) or p.currency in plan.fx
        if p.price is None or p.per == "resolution" or not convertible:
            continue
        currency = None if p.currency == plan.currency else p.currency
        out.append(
            ToolPlan(
                id=p.id,
                name=p.name.en,  # as a tier copied from the catalog (tier_name localises it)
                billing=p.billing,
                price=p.price,
                currency=currency,
                seats=p.min_seats,
            )
        )
    return out


def _next_tier(plan: Plan, chosen: ToolPlan, tiers: list[ToolPlan]) -> ToolPlan | None:
    now = plan.bill(chosen)
    above = [p for p in tiers if p.billing is chosen.billing and plan.bill(p) > now]
    return min(above, key=lambda p: (plan.bill(p), p.id), default=None)


def _upgrade(plan: Plan, chosen: ToolPlan, tier: ToolPlan) -> ScaleStep:
    difference = plan.bill(tier) - plan.bill(chosen)
    name = tier.name or tier.id
    extra = ToolPlan(id="upgrade", name=name, billing=tier.billing, price=difference)
    return ScaleStep("tier", 1, extra, name)


def _units(unit: Unit, chosen: ToolPlan) -> ScaleStep:
    return ScaleStep(unit, chosen.seats, chosen, chosen.name or chosen.id)


def scale_step(
    plan: Plan, tool: Tool, catalog: Mapping[str, CatalogTool] | None
) -> ScaleStep | None:
    """The step up for a tool to scale, in its own pricing unit, or None if there is none."""
    chosen = tool.chosen_plan()
    if chosen is None:
        return None
    entry = _entry(tool, catalog)
    per = _per(entry, chosen)
    if per in ("seat", "channel"):
        return _units("seat" if per == "seat" else "channel", chosen)
    if per is None and chosen.seats > 1:
        return _units("seat", chosen)
    tier = _next_tier(plan, chosen, list(tool.plans)) or _next_tier(
        plan, chosen, _catalog_tiers(plan, entry)
    )
    if tier is not None:
        return _upgrade(plan, chosen, tier)
    return _units("seat", chosen) if per is None else None


def _scaled_benefits(tool: Tool, factor: Decimal) -> Tool:
    out = []
    for b in tool.benefits:
        field = {HoursSaved: "hours_per_month", RevenueLift: "lift", KpiEffect: "change"}.get(
            type(b), "monthly"
        )
        r: Range = getattr(b, field)
        scaled = Range(low=r.low * factor, likely=r.likely * factor, high=r.high * factor)
        out.append(b.model_copy(update={field: scaled}))
    return tool.model_copy(update={"benefits": out})


def expansion(plan: Plan, original: Tool, rebased: Tool, step: ScaleStep) -> Tool | None:
    """The step as a candidate tool ``<id>.more``, or None if that id cannot be used."""
    ident = original.id + EXPANSION_SUFFIX
    if len(ident) > 64 or any(t.id == ident for t in plan.tools):
        return None
    label = f"+{step.count}" if step.unit != "tier" else f"→ {step.tier_name}"
    more = rebased.model_copy(
        update={
            "id": ident,
            "name": f"{original.name} {label}"[:200],
            "plans": [step.tier],
            "plan": step.tier.id,
            "training": original.training if step.unit != "tier" else rebased.training,
            "ramp_months": original.ramp_months,
            "maintenance_monthly": ZERO,
            "run_hours_per_month": ZERO,
            "schedules": [],
        }
    )
    return _scaled_benefits(more, EXPANSION_YIELD)
