"""Names the owner reads for things a plan stores as ids (shared by pages and templates)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

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


def local_time(moment: datetime, zone: ZoneInfo, *, with_time: bool = True) -> str:
    """A stored moment in the workspace's time zone (stored times without a zone are UTC)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(zone).strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")
