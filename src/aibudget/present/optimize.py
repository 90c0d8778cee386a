"""Words for the optimiser's results, shared by the CLI, the web pages and the API, and
the allocation's JSON document (``optimize --json`` and the API's answer)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import Field

from aibudget.domain.allocation import (
    Conflict,
    Objective,
    OptimisationResult,
    OptimiseStatus,
    SelectedTool,
    ToolReason,
)
from aibudget.domain.plan import Plan
from aibudget.domain.texts import N_
from aibudget.i18n import Translator
from aibudget.present.documents import Document
from aibudget.present.tiers import ToolCatalog, plan_tier_name


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


def reason_text(t: Translator, plan: Plan, reason: ToolReason, tools: ToolCatalog) -> str:
    """Why a tool is in or out, in words (the other plans it beats by their names;
    ``tools``: the built-in catalog)."""
    params = text_params(t, plan.currency, reason.params)
    text = t(f"optimize.reason.{reason.code}", **params)
    if reason.selected and "others" in params:
        others = _tier_names(t, plan, reason.tool, str(params["others"]).split(", "), tools)
        text += " " + t("optimize.reason.plan_beats", others=others)
    return text


def _tier_names(
    t: Translator, plan: Plan, tool_id: str, tier_ids: list[str], tools: ToolCatalog
) -> str:
    names = [plan_tier_name(t, plan, tool_id, i, tools) or i for i in tier_ids]
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
                N_("optimize.channel_uncertain_careful")
                if careful
                else N_("optimize.channel_uncertain"),
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


class Note(Document):
    code: str
    text: str


class Reason(Document):
    selected: bool
    code: str
    params: dict[str, Any]
    text: str


class ConflictText(Conflict):
    text: str


class AllocationDocument(Document):
    """``aibudget optimize --json``, and the API's allocation (amounts exact)."""

    status: OptimiseStatus
    status_text: str
    objective_kind: Objective
    objective: Decimal | None
    expected_npv: Decimal | None
    gap: float | None
    notes: list[Note]
    currency: str
    budget: Decimal
    total: Decimal
    unallocated: Decimal
    selected: list[SelectedTool]
    line_items: dict[str, Decimal]
    ad_spend: dict[str, Decimal]
    reasons: dict[str, Reason] = Field(description="Tool id -> why it is in or out.")
    marginal_value_of_budget: Decimal | None
    budget_step: Decimal
    marginal_value_of_hour: dict[str, Decimal]
    incumbent_objective: Decimal | None
    incumbent_feasible: bool
    kept_incumbent: bool
    conflicts: list[ConflictText]


def marginal_budget_text(t: Translator, result: OptimisationResult) -> str | None:
    """What one more budget step would add, in words (None: not worked out). A step that
    adds nothing says so, not "would add 0" (a larger increase might still add)."""
    value = result.marginal_value_of_budget
    if value is None:
        return None
    step = t.money(result.budget_step, result.currency)
    if value <= 0:
        return t("optimize.marginal_budget_nothing", step=step)
    return t("optimize.marginal_budget", step=step, value=t.money(value, result.currency))


def allocation_document(
    t: Translator, result: OptimisationResult, plan: Plan, tools: ToolCatalog
) -> AllocationDocument:
    """The ``optimize --json`` document; ``tools``: the built-in catalog (tier names)."""
    cur = result.currency
    return AllocationDocument(
        status=result.status,
        status_text=" ".join(status_lines(t, result)),
        objective_kind=result.objective_kind,
        objective=result.objective,
        expected_npv=result.expected_npv,
        gap=result.gap,
        notes=[Note(code=n, text=t(f"optimize.note.{n}")) for n in result.notes],
        currency=cur,
        budget=result.budget,
        total=result.total,
        unallocated=result.unallocated,
        selected=result.selected,
        line_items=result.line_items,
        ad_spend=result.ad_spend,
        reasons={
            r.tool: Reason(
                selected=r.selected,
                code=r.code,
                params=r.params,
                text=reason_text(t, plan, r, tools),
            )
            for r in result.reasons
        },
        marginal_value_of_budget=result.marginal_value_of_budget,
        budget_step=result.budget_step,
        marginal_value_of_hour=result.marginal_value_of_hour,
        incumbent_objective=result.incumbent_objective,
        incumbent_feasible=result.incumbent_feasible,
        kept_incumbent=result.kept_incumbent,
        conflicts=[
            ConflictText(**c.model_dump(), text=t(c.message_id, **text_params(t, cur, c.params)))
            for c in result.conflicts
        ],
    )


# Message ids built at run time in this module, declared for message extraction.
REASON_MESSAGES = (
    N_("optimize.note.bound_failed"),
    N_("optimize.note.bound_invalid"),
    N_("optimize.note.bound_unknown_curve"),
    N_("optimize.note.refine_failed"),
    N_("optimize.phase.pilot"),
    N_("optimize.phase.scale"),
    N_("optimize.reason.blocked_budget"),
    N_("optimize.reason.blocked_extra"),
    N_("optimize.reason.blocked_hours"),
    N_("optimize.reason.blocked_max_share"),
    N_("optimize.reason.blocked_monthly_budget"),
    N_("optimize.reason.blocked_pilot"),
    N_("optimize.reason.budget"),
    N_("optimize.reason.crowded_out"),
    N_("optimize.reason.excluded_by"),
    N_("optimize.reason.forced_in"),
    N_("optimize.reason.forced_out"),
    N_("optimize.reason.infeasible_with_others"),
    N_("optimize.reason.negative_value"),
    N_("optimize.reason.not_chosen"),
    N_("optimize.reason.portfolio"),
    N_("optimize.reason.positive_value"),
    N_("optimize.reason.serves_goal"),
    N_("optimize.reason.tie"),
)
