"""The quarterly review page: plan vs forecast vs actual, KPIs, variance, realised ROI,
advice per tool, milestones, and the reallocation proposal the owner accepts or rejects.

The review, the proposal and the owner's decision are :mod:`aibudget.service.review`
(shared with the API); the proposal's digest travels with the form.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from aibudget.catalog import kpi_entries
from aibudget.domain.actuals import PLAN_LEVEL
from aibudget.domain.errors import AibudgetError
from aibudget.domain.plan import Plan
from aibudget.domain.reallocation import changes_plan
from aibudget.domain.review import Review
from aibudget.i18n import Translator
from aibudget.present.monitor import goal_names, milestone_text, tool_reasons, unrecorded_text
from aibudget.present.reallocate import change_text, summary_text
from aibudget.present.review_kpis import method_text, projection_text
from aibudget.service import review, versions
from aibudget.service.review import plan_digest, practice_beside_review, reviewed
from aibudget.service.words import kpi_names
from aibudget.store.records import Role
from aibudget.web.charts import figures_json
from aibudget.web.charts_monitor import review_charts
from aibudget.web.context import CurrentUser, T, WebDep, check_csrf, render

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
Small = Annotated[str, Form(max_length=64)]


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
    try:
        space, summary, version, result, proposal, note = reviewed(
            web.db, user.id, ws, plan_id, as_of, t, Role.VIEWER
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
        learning=practice_beside_review(web.db, user.id, ws, plan_id, version.plan, result.as_of)
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
    space, summary, version = versions.shown(web.db, user_id, ws, plan_id)
    return render(
        request, "review.html", status_code=422, space=space, summary=summary, version=version,
        plan=version.plan, result=None, tools=[], names={}, kpi_names={}, projections=[], charts=[],
        figures_json="{}", proposal=None, changes=[], proposal_summary="", digest="", milestones=[],
        note="", rejected=False, as_of="", failure=message, unrecorded=None,
    )  # fmt: skip


@router.post("/w/{ws}/p/{plan_id}/review/accept")
def accept(
    web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str, as_of: Small, digest: Small
) -> Response:
    number = review.accept(web.db, user.id, ws, plan_id, as_of, digest, t)
    return RedirectResponse(f"/w/{ws}/p/{plan_id}?v={number}", status_code=303)


@router.post("/w/{ws}/p/{plan_id}/review/reject")
def reject(
    web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str, as_of: Small, digest: Small
) -> Response:
    review.reject(web.db, user.id, ws, plan_id, as_of, digest, t)
    query = f"as_of={as_of}&rejected=1" if as_of else "rejected=1"
    return RedirectResponse(f"/w/{ws}/p/{plan_id}/review?{query}", status_code=303)
