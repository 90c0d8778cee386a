"""Adopting the optimiser's allocation in the owner's words: each change as a line
("ChatGPT：方案由 年繳 改為 月繳") and the version's note (whether an allocation is still
only a proposal is :func:`aibudget.engine.adopt.is_proposal`)."""

from __future__ import annotations

from decimal import Decimal

from aibudget.domain.adoption import AdoptChange, Adoption
from aibudget.domain.plan import Plan
from aibudget.domain.texts import N_
from aibudget.i18n import Translator
from aibudget.present.tiers import ToolCatalog, tier_name

NOTE_CHANGES = 4  # changes named in a version's note; the rest are counted


def _tier(t: Translator, plan: Plan, tool_id: str, tier_id: str | None, tools: ToolCatalog) -> str:
    if tier_id is None:
        return "—"
    tool = next((x for x in plan.tools if x.id == tool_id), None)
    tier = next((p for p in tool.plans if p.id == tier_id), None) if tool else None
    if tier is None:
        return tier_id
    billing = t(f"field.choice.@plan.billing.{tier.billing.value}")
    return f"{tier_name(t, tier, tool.catalog_id if tool else None, tools)} ({billing})"


def change_text(t: Translator, plan: Plan, change: AdoptChange, tools: ToolCatalog) -> str:
    """One change in words; ``tools``: the built-in catalog (tier names)."""
    cur = plan.currency
    if change.kind == "drop":
        return t("adopt.change.drop", tool=change.name)
    if change.kind == "plan":
        before = _tier(t, plan, change.item, change.before, tools)
        after = _tier(t, plan, change.item, change.after, tools)
        return t("adopt.change.plan", tool=change.name, before=before, after=after)
    if change.kind == "start":
        return t("adopt.change.start", tool=change.name, before=change.before, after=change.after)
    if change.kind in ("training", "privacy"):
        amount = t.money(Decimal(change.after or 0), cur)
        shared = t("builder.list_sep").join(change.names)
        return t(f"adopt.change.{change.kind}", amount=amount, tools=shared)
    before = t.money(Decimal(change.before or 0), cur)
    after = t.money(Decimal(change.after or 0), cur)
    return t("adopt.change.ad_spend", channel=change.name, before=before, after=after)


def change_lines(t: Translator, plan: Plan, adoption: Adoption, tools: ToolCatalog) -> list[str]:
    return [change_text(t, plan, c, tools) for c in adoption.changes]


def note(t: Translator, plan: Plan, adoption: Adoption, tools: ToolCatalog) -> str:
    """The new version's note: "採用建議配置：Canva：不納入；…"."""
    lines = change_lines(t, plan, adoption, tools)
    shown = lines[:NOTE_CHANGES]
    if len(lines) > NOTE_CHANGES:
        shown.append(t("adopt.note_more", count=len(lines) - NOTE_CHANGES))
    return t("adopt.note", changes=t("adopt.sep").join(shown))


# Message ids built at run time in this module, declared for message extraction.
CHANGE_MESSAGES = (
    N_("adopt.change.privacy"),
    N_("adopt.change.training"),
)
