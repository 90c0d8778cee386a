"""A tool's plan (tier) by its name in the owner's language, with the built-in catalog
the names come from (the rule is :mod:`aibudget.present.tiers`)."""

from __future__ import annotations

from typing import Any

from aibudget.catalog import tool_catalog
from aibudget.domain.texts import N_
from aibudget.i18n import Translator
from aibudget.present import tiers


def tier_name(t: Translator, tier: Any, catalog_id: str | None = None) -> str:
    """A tier (a stored dict or a ToolPlan) in ``t``'s language (see
    :func:`aibudget.present.tiers.tier_name`)."""
    return tiers.tier_name(t, tier, catalog_id, tool_catalog())


def chosen_tier_name(t: Translator, plan: Any, tool_id: str, tier_id: str | None) -> str:
    """The name of the tier an allocation chose for a tool of ``plan`` ("–" for none)."""
    return tiers.chosen_tier_name(t, plan, tool_id, tier_id, tool_catalog())


def tool_tier_name(t: Translator, tool: Any) -> str:
    """The name of the tool's chosen tier ("–" when it has none)."""
    return tiers.tool_tier_name(t, tool, tool_catalog())


# Message ids built at run time in this module, declared for message extraction.
TIER_MESSAGES = (
    N_("builder.tier_annual"),
    N_("builder.tier_monthly"),
)
