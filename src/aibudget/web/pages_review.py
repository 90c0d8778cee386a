"""The quarterly review: plan vs forecast vs actual, KPIs, variance, realised ROI,
advice per tool, milestones, and the reallocation proposal the owner accepts or rejects.

The review compares the actuals with the approved baseline (the newest approved
version; the newest version when none is approved), exactly as ``aibudget review``.
Accepting saves the proposed plan as a new version with a note; rejecting is audited
and saves nothing. The proposal is recomputed on accept and must be the one the owner
saw (its digest travels with the form).
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from aibudget.catalog import kpi_entries
from aibudget.domain.actuals import PLAN_LEVEL, content_digest
from aibudget.domain.errors import AibudgetError
from aibudget.domain.months import parse_month
from aibudget.domain.plan import Plan
from aibudget.domain.reallocation import Reallocation, changes_plan
from aibudget.domain.review import Review
from aibudget.domain.texts import N_
from aibudget.engine.review import review
from aibudget.i18n import Translator
from aibudget.present.monitor import goal_names, milestone_text, tool_reasons, unrecorded_text
from aibudget.present.reallocate import change_text, summary_text
from aibudget.present.review_kpis import method_text, projection_text
from aibudget.service.proposal import proposal_for
from aibudget.service.words import kpi_names
from aibudget.store import actuals, audit, plans, workspaces
from aibudget.store.errors import Conflict
from aibudget.store.plans import to_document
from aibudget.store.records import PlanVersion, Role
from aibudget.web import catalogs
from aibudget.web.charts import figures_json
from aibudget.web.charts_monitor import review_charts
from aibudget.web.context import CurrentUser, T, WebDep, check_csrf, render
from aibudget.web.errors import BadRequest

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
Small = Annotated[str, Form(max_length=64)]


class ProposalChanged(Conflict):
    message_id = N_("monitor.web.proposal_changed")


def plan_digest(plan: Plan) -> str:
    return content_digest([json.dumps(to_document(plan), sort_keys=True)])


class BadMonth(BadRequest):
    message_id = N_("monitor.bad_month")


def _month(as_of: str) -> str | None:
    if not as_of:
        return None
    try:
        return parse_month(as_of)
    except ValueError:
        raise BadMonth(value=as_of[:20]) from None


def reviewed(
    web: WebDep, user_id: str, ws: str, plan_id: str, as_of: str, t: Translator, need: Role
) -> tuple[Any, Any, PlanVersion, Review | None, Reallocation | None, str]:
    """The baseline version, its review and proposal (None without actuals)."""
    month = _month(as_of)
    with web.db.session() as s:
        space = workspaces.require(s, user_id, ws, need)
        summary = plans.summary(s, user_id, ws, plan_id)
        base = plans.baseline(s, user_id, ws, plan_id)
        version = plans.version(s, user_id, ws, plan_id, base.number if base else None)
        stored = actuals.get(s, user_id, ws, plan_id, version.plan.currency)
        catalog, _, _ = catalogs.for_plan(s, user_id, ws, version.plan)
    if not stored.records:
        return space, summary, version, None, None, ""
    result = review(version.plan, stored, month, kpi_entries())
    proposal, note = proposal_for(version.plan, result, t, catalog)
    return space, summary, version, result, proposal, note


def _tool_rows(t: Translator, r: Review) -> list[dict[str, Any]]:
    """One row per tool with its advice (plan-level lines are no tool: no advice)."""
    return [
        {
            "name": x.name,
            "action": x.action.value,
            "action_text": t(f"monitor.action.{x.action.value}"),
            "reasons": tool_reasons(t, x),
            "x": x,
        }
        for x in r.tools
        if x.tool != PLAN_LEVEL
    ]


@router.get("/w/{ws}/p/{plan_id}/review")
def review_page(
    request: Request,
    web: WebDep,
    user: CurrentUser,
    t: T,
    ws: str,
    plan_id: str,
    as_of: str = "",
    rejected: int = 0,
) -> Response:
    from aibudget.web.pages_practice import review_learning  # the learning log beside it

    try:
        space, summary, version, result, proposal, note = reviewed(
            web, user.id, ws, plan_id, as_of, t, Role.VIEWER
        )
    except AibudgetError as error:
        if error.http_status in (401, 403, 404):
            raise
        return _failed(request, web, user.id, ws, plan_id, t(error.message_id, **error.params))
    charts = review_charts(t, result) if result else []
    changing = proposal is not None and changes_plan(proposal)
    names = {x.id: x.name for x in version.plan.tools} | {PLAN_LEVEL: t("cli.plan_lines")}
    return render(
        request,
        "review.html",
        space=space,
        summary=summary,
        version=version,
        plan=version.plan,
        result=result,
        tools=_tool_rows(t, result) if result else [],
        unrecorded=unrecorded_text(t, result) if result else None,
        names=names,
        kpi_names=kpi_names(t.locale),
        projections=_projections(t, version.plan, result) if result else [],
        charts=charts,
        figures_json=figures_json(charts),
        proposal=proposal,
        changes=[change_text(t, c, proposal.currency) for c in proposal.changes]
        if proposal
        else [],
        proposal_summary=summary_text(t, proposal) if proposal and changing else "",
        digest=plan_digest(proposal.plan) if changing and proposal and proposal.plan else "",
        milestones=[(m.month, milestone_text(t, version.plan, m)) for m in result.milestones]
        if result
        else [],
        note=note,
        rejected=bool(rejected),
        as_of=as_of,
        learning=review_learning(web, user.id, ws, plan_id, version.plan, result.as_of)
        if result
        else [],
    )


def _projections(t: Translator, plan: Plan, r: Review) -> list[dict[str, str]]:
    """Each goal's projection to its deadline in words, and how it was made."""
    goals = goal_names(plan)
    return [
        {
            "goal": goals.get(k.goal, k.goal),
            "verdict": k.projection.verdict if k.projection else "none",
            "text": projection_text(t, k, r.currency, kpi_entries()),
            "method": method_text(t, k),
        }
        for k in r.kpis
    ]


def _failed(
    request: Request, web: WebDep, user_id: str, ws: str, plan_id: str, message: str
) -> Response:
    with web.db.session() as s:
        space = workspaces.require(s, user_id, ws)
        summary = plans.summary(s, user_id, ws, plan_id)
        version = plans.version(s, user_id, ws, plan_id)
    return render(
        request, "review.html", status_code=422, space=space, summary=summary, version=version,
        plan=version.plan, result=None, tools=[], names={}, kpi_names={}, projections=[], charts=[],
        figures_json="{}", proposal=None, changes=[], proposal_summary="", digest="", milestones=[],
        note="", rejected=False, as_of="", failure=message, unrecorded=None,
    )  # fmt: skip


def current_proposal(
    web: WebDep, user_id: str, ws: str, plan_id: str, as_of: str, digest: str, t: Translator
) -> tuple[PlanVersion, Review, Plan]:
    """The proposal the owner saw, recomputed; ProposalChanged if it is another one now."""
    _, _, version, result, proposal, _ = reviewed(web, user_id, ws, plan_id, as_of, t, Role.OWNER)
    if result is None or proposal is None or proposal.plan is None or not changes_plan(proposal):
        raise ProposalChanged()
    if plan_digest(proposal.plan) != digest:
        raise ProposalChanged()
    return version, result, proposal.plan


@router.post("/w/{ws}/p/{plan_id}/review/accept")
def accept(
    web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str, as_of: Small, digest: Small
) -> Response:
    version, result, proposed = current_proposal(web, user.id, ws, plan_id, as_of, digest, t)
    number = save_accepted(web, user.id, ws, plan_id, version, result, proposed, digest, t)
    return RedirectResponse(f"/w/{ws}/p/{plan_id}?v={number}", status_code=303)


def save_accepted(
    web: WebDep, user_id: str, ws: str, plan_id: str, version: PlanVersion, result: Review,
    proposed: Plan, digest: str, t: Translator,
) -> int:  # fmt: skip
    """Save an accepted proposal as a new version, audited; its number."""
    note = t("monitor.web.accepted_note", month=result.as_of, number=version.number)
    with web.db.write() as s:
        saved = plans.save(s, user_id, ws, plan_id, proposed, note)
        audit.record(
            s, "reallocation.accepted", user_id=user_id, workspace_id=ws, target=plan_id,
            as_of=result.as_of, baseline=version.number, number=saved.number, digest=digest,
        )  # fmt: skip
    return saved.number


def record_rejected(
    web: WebDep, user_id: str, ws: str, plan_id: str, version: PlanVersion, result: Review,
    digest: str,
) -> None:  # fmt: skip
    """A rejected proposal: audited (owner only), nothing saved."""
    with web.db.write() as s:
        workspaces.require(s, user_id, ws, Role.OWNER)
        audit.record(
            s, "reallocation.rejected", user_id=user_id, workspace_id=ws, target=plan_id,
            as_of=result.as_of, baseline=version.number, digest=digest,
        )  # fmt: skip


@router.post("/w/{ws}/p/{plan_id}/review/reject")
def reject(
    web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str, as_of: Small, digest: Small
) -> Response:
    version, result, _ = current_proposal(web, user.id, ws, plan_id, as_of, digest, t)
    record_rejected(web, user.id, ws, plan_id, version, result, digest)
    query = f"as_of={as_of}&rejected=1" if as_of else "rejected=1"
    return RedirectResponse(f"/w/{ws}/p/{plan_id}/review?{query}", status_code=303)
