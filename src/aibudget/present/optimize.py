"""Words for the optimiser's results, shared by the CLI, the web pages and the API."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from aibudget.domain.allocation import Objective, OptimisationResult, OptimiseStatus, ToolReason
from aibudget.domain.plan import Plan
from aibudget.i18n import Translator
from aibudget.service.tiers import tier_name


def text_params(t: Translator, currency: str, params: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, Decimal):
            out[key] = t.money(value, currency)
        elif isinstance(value, float):
            out[key] = t.number(value, 1 if value % 1 else 0)
        else:
            out[key] = value
    return out


def reason_text(t: Translator, plan: Plan, reason: ToolReason) -> str:
    """Why a tool is in or out, in words (the other plans it beats by their names)."""
    params = text_params(t, plan.currency, reason.params)
    text = t(f"optimize.reason.{reason.code}", **params)
    if reason.selected and "others" in params:
        others = _tier_names(t, plan, reason.tool, str(params["others"]).split(", "))
        text += " " + t("optimize.reason.plan_beats", others=others)
    return text


def _tier_names(t: Translator, plan: Plan, tool_id: str, tier_ids: list[str]) -> str:
    tool = next((x for x in plan.tools if x.id == tool_id), None)
    tiers = {p.id: p for p in tool.plans} if tool else {}
    catalog_id = tool.catalog_id if tool else None
    names = [tier_name(t, tiers[i], catalog_id) if i in tiers else i for i in tier_ids]
    return ("、" if t.locale == "zh_TW" else ", ").join(names)


CAREFUL = (Objective.CVAR, Objective.MEAN_DOWNSIDE)  # the aims that weigh poor outcomes


def channel_name(plan: Plan, channel_id: str) -> str:
    """What the owner calls an ad channel (its id only when it has no name)."""
    channels = plan.optimise.channels if plan.optimise else []
    found = next((c for c in channels if c.id == channel_id), None)
    return (found.name if found else None) or channel_id


def uncertain_channels(t: Translator, plan: Plan, result: OptimisationResult) -> list[str]:
    """One sentence per ad channel whose return is uncertain (its curve's height given
    as low / likely / high): the range, and how this allocation took it into account."""
    if plan.optimise is None:
        return []
    careful = result.objective_kind in CAREFUL
    out = []
    for c in plan.optimise.channels:
        height = getattr(c.curve, "max_return", None)
        if height is None or not height.uncertain:
            continue
        out.append(
            t(
                "optimize.channel_uncertain_careful" if careful else "optimize.channel_uncertain",
                channel=c.name or c.id,
                low=t.money(height.low, result.currency),
                likely=t.money(height.likely, result.currency),
                high=t.money(height.high, result.currency),
            )
        )
    return out


def status_lines(t: Translator, result: OptimisationResult) -> list[str]:
    """The status in words, how far from the best it may be (when not proven optimal
    but bounded) and every internal step that failed on the way."""
    gap = t.percent(result.gap, 2) if result.gap is not None else "–"
    lines = [t(f"optimize.status.{result.status.value}", gap=gap)]
    if result.status is OptimiseStatus.APPROXIMATE and result.gap is not None:
        lines.append(t("optimize.gap_known", gap=gap))
    lines += [t(f"optimize.note.{note}") for note in result.notes]
    return lines


def result_json(t: Translator, result: OptimisationResult, plan: Plan) -> dict[str, Any]:
    """The ``optimize --json`` document (amounts as exact decimal numbers)."""
    cur = result.currency
    return {
        "status": result.status.value,
        "status_text": " ".join(status_lines(t, result)),
        "objective_kind": result.objective_kind.value,
        "objective": result.objective,
        "expected_npv": result.expected_npv,
        "gap": result.gap,
        "notes": [{"code": n, "text": t(f"optimize.note.{n}")} for n in result.notes],
        "currency": cur,
        "budget": result.budget,
        "total": result.total,
        "unallocated": result.unallocated,
        "selected": [s.model_dump() for s in result.selected],
        "line_items": result.line_items,
        "ad_spend": result.ad_spend,
        "reasons": {
            r.tool: {
                "selected": r.selected,
                "code": r.code,
                "params": r.params,
                "text": reason_text(t, plan, r),
            }
            for r in result.reasons
        },
        "marginal_value_of_budget": result.marginal_value_of_budget,
        "budget_step": result.budget_step,
        "marginal_value_of_hour": result.marginal_value_of_hour,
        "incumbent_objective": result.incumbent_objective,
        "incumbent_feasible": result.incumbent_feasible,
        "kept_incumbent": result.kept_incumbent,
        "conflicts": [
            {
                "group": c.group,
                "message_id": c.message_id,
                "params": c.params,
                "text": t(c.message_id, **text_params(t, cur, c.params)),
            }
            for c in result.conflicts
        ],
    }
