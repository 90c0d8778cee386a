"""Names the owner reads for things a plan stores as ids (shared by pages and templates)."""

from __future__ import annotations

from typing import Any

from aibudget.i18n import Translator
from aibudget.service.plan_edit import QUOTE_PLAN


def _attr(thing: Any, name: str) -> Any:
    return thing.get(name) if isinstance(thing, dict) else getattr(thing, name, None)


def tier_name(t: Translator, tier: Any) -> str:
    """A tool's plan (tier) by its name; one without a name by what it is: the owner's
    own quote, a monthly or a yearly plan (a stored dict or a ToolPlan)."""
    name, tier_id = _attr(tier, "name"), str(_attr(tier, "id"))
    if name:
        return str(name)
    if tier_id == QUOTE_PLAN:
        return t("builder.own_quote")
    if tier_id in ("monthly", "annual"):
        return t(f"builder.tier_{tier_id}")
    return tier_id
