"""Adopting the optimiser's allocation: the plan changed so that it is the allocation.

``adopt(plan, result)`` answers with the changed plan document and the list of changes
(for the confirmation page and the version's note):

- a tool the optimiser leaves out is removed (the plan has no "not now" state; the
  previous version keeps it, so restoring that version brings it back), and its id is
  taken out of the optimiser's own settings (forced in/out, exclusive groups, limits);
- a funded tool gets the plan (tier) and start month the optimiser chose;
- the training and data/privacy top-ups the optimiser added to meet the budget rules
  become training fees and privacy costs of the funded tools (split evenly; privacy
  only on the tools that use customer data), so the plan's own spending is the
  allocation's; the reserve stays the budget rule it already is;
- ad channels get the monthly spend chosen as their current spend.

Nothing is validated here beyond the model; the caller checks the whole plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from aibudget.domain.adoption import AdoptChange, Adoption, ChangeKind
from aibudget.domain.allocation import OptimisationResult
from aibudget.domain.money import CENT, ZERO, round_money
from aibudget.domain.plan import LineItem, Plan
from aibudget.engine.cashflow import evaluate

ADOPTABLE = frozenset({"optimal", "time_limit", "approximate"})  # statuses with a choice
UNIT = Decimal(1)  # top-ups below one unit of money are rounding, not a change


def adoptable(result: OptimisationResult) -> bool:
    """The result holds a choice to adopt (not an infeasible or unfinished search)."""
    return result.objective is not None and str(result.status.value) in ADOPTABLE


def _split(amount: Decimal, count: int) -> list[Decimal]:
    """``amount`` in ``count`` shares of whole cents adding up exactly."""
    share = (amount / count).quantize(CENT, rounding=ROUND_FLOOR)
    out = [share] * count
    out[0] += amount - share * count
    return out


def _without(ids: Sequence[str], dropped: set[str]) -> list[str]:
    return [i for i in ids if i not in dropped]


def _clean_settings(document: dict[str, Any], dropped: set[str]) -> None:
    settings = document.get("optimise")
    if not isinstance(settings, dict) or not dropped:
        return
    for key in ("force_in", "force_out"):
        settings[key] = _without(settings.get(key) or [], dropped)
    groups = [_without(g, dropped) for g in settings.get("exclusive") or []]
    settings["exclusive"] = [g for g in groups if len(g) > 1]
    for limit in settings.get("constraints") or []:
        limit["tools"] = _without(limit.get("tools") or [], dropped)


def _top_up(
    document: dict[str, Any], tools: list[dict[str, Any]], amount: Decimal, field: tuple[str, ...]
) -> None:
    for tool, share in zip(tools, _split(amount, len(tools)), strict=True):
        node = tool
        for key in field[:-1]:
            node = node.setdefault(key, {})
        node[field[-1]] = str(Decimal(str(node.get(field[-1]) or 0)) + share)


def adopt(plan: Plan, result: OptimisationResult) -> Adoption:
    """The plan document with the optimiser's answer in it, and what changed."""
    document: dict[str, Any] = plan.model_dump(mode="json", by_alias=True)
    chosen = {s.tool: s for s in result.selected}
    changes: list[AdoptChange] = []
    kept: list[dict[str, Any]] = []
    for tool, data in zip(plan.tools, document["tools"], strict=True):
        pick = chosen.get(tool.id)
        if pick is None:
            changes.append(AdoptChange("drop", tool.id, tool.name))
            continue
        kept.append(data)
        today = tool.chosen_plan()
        if pick.plan is not None and (today is None or today.id != pick.plan):
            data["plan"] = pick.plan
            changes.append(
                AdoptChange("plan", tool.id, tool.name, today.id if today else None, pick.plan)
            )
        if pick.start_month != tool.start_month:
            data["start_month"] = pick.start_month
            changes.append(
                AdoptChange(
                    "start", tool.id, tool.name, str(tool.start_month), str(pick.start_month)
                )
            )
    document["tools"] = kept
    _clean_settings(document, {c.item for c in changes if c.kind == "drop"})
    spent = evaluate(Plan.model_validate(document)).costs_by_line
    lines: list[tuple[LineItem, ChangeKind, list[dict[str, Any]], tuple[str, ...]]] = [
        (LineItem.TRAINING, "training", kept, ("training", "fees")),
        (
            LineItem.DATA_PRIVACY,
            "privacy",
            [tool for tool in kept if tool.get("uses_customer_data")],
            ("privacy_cost",),
        ),
    ]
    for line, kind, tools, field in lines:
        wanted = result.line_items.get(line.value, ZERO)
        missing = round_money(wanted - spent.get(line.value, ZERO))
        if missing >= UNIT and tools:
            _top_up(document, tools, missing, field)
            names = tuple(str(tool["name"]) for tool in tools)
            changes.append(AdoptChange(kind, "", "", None, str(missing), names))
    changes += _channels(document, result)
    return Adoption(document, tuple(changes))


def _channels(document: dict[str, Any], result: OptimisationResult) -> list[AdoptChange]:
    settings = document.get("optimise")
    out: list[AdoptChange] = []
    for channel in (settings or {}).get("channels") or []:
        spend = result.ad_spend.get(channel["id"])
        current = channel.get("current_monthly")
        if current is None:
            current = channel.get("fixed_monthly") or channel.get("min_monthly") or 0
        if spend is None or round_money(Decimal(str(current))) == spend:
            continue
        channel["current_monthly"] = str(spend)
        name = str(channel.get("name") or channel["id"])
        out.append(AdoptChange("ad_spend", channel["id"], name, str(current), str(spend)))
    return out


def is_proposal(plan: Plan, result: OptimisationResult | None) -> bool:
    """The allocation differs from the plan: it is a proposal not adopted yet."""
    return result is not None and adoptable(result) and adopt(plan, result).changed
