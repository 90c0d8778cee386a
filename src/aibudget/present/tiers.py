"""A tool's plan (tier) by its name in the owner's language: one rule for the web pages,
the PDF and XLSX reports and the command line. The built-in catalog whose names it uses
is passed in (``aibudget.service.tiers`` passes ``aibudget.catalog.tool_catalog()``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aibudget.domain.catalog import CatalogTool, resolve
from aibudget.domain.plan import QUOTE_PLAN
from aibudget.i18n import Translator

ToolCatalog = Mapping[str, CatalogTool]  # the built-in tool catalog by id


def _attr(thing: Any, name: str) -> Any:
    return thing.get(name) if isinstance(thing, Mapping) else getattr(thing, name, None)


def tier_name(t: Translator, tier: Any, catalog_id: str | None, tools: ToolCatalog) -> str:
    """A tier (a stored dict or a ToolPlan) in ``t``'s language.

    A tier copied from the built-in catalog (the tool's ``catalog_id``, the same tier id,
    its name unchanged) takes the catalog's name in the owner's language; a name the
    owner gave stays as given; one without a name is said by what it is: the owner's own
    quote, a monthly or a yearly plan."""
    name, tier_id = _attr(tier, "name"), str(_attr(tier, "id"))
    entry = resolve(tools, catalog_id) if catalog_id else None
    known = next((p.name for p in entry.plans if p.id == tier_id), None) if entry else None
    if known is not None and (not name or name in known.names()):
        return known.get(t.locale)
    if name:
        return str(name)
    if tier_id == QUOTE_PLAN:
        return t("builder.own_quote")
    if tier_id in ("monthly", "annual"):
        return t(f"builder.tier_{tier_id}")
    return tier_id


def plan_tier_name(
    t: Translator, plan: Any, tool_id: str, tier_id: str | None, tools: ToolCatalog
) -> str | None:
    """The name of a tier of a tool of ``plan`` (None when the plan has no such tier)."""
    tool = next((x for x in plan.tools if x.id == tool_id), None)
    tier = next((p for p in tool.plans if p.id == tier_id), None) if tool else None
    return tier_name(t, tier, tool.catalog_id, tools) if tool and tier else None


def chosen_tier_name(
    t: Translator, plan: Any, tool_id: str, tier_id: str | None, tools: ToolCatalog
) -> str:
    """The name of the tier an allocation chose for a tool of ``plan`` ("–" for none)."""
    return plan_tier_name(t, plan, tool_id, tier_id, tools) or "–"


def tool_tier_name(t: Translator, tool: Any, tools: ToolCatalog) -> str:
    """The name of the tool's chosen tier ("–" when it has none)."""
    chosen = tool.chosen_plan()
    return tier_name(t, chosen, tool.catalog_id, tools) if chosen is not None else "–"
