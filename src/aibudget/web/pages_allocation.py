"""The allocation page: which tools to fund and when, the line items, and why."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from aibudget.catalog import tool_catalog
from aibudget.engine.adopt import adoptable, is_proposal
from aibudget.present.practice import allocation_summary, allocation_worries
from aibudget.service import allocation, versions
from aibudget.web.charts import figures_json, line_items
from aibudget.web.context import CurrentUser, T, WebDep, render

router = APIRouter(include_in_schema=False)


@router.get("/w/{ws}/p/{plan_id}/v/{number}/allocation")
def allocation_page(
    request: Request,
    web: WebDep,
    user: CurrentUser,
    t: T,
    ws: str,
    plan_id: str,
    number: int,
) -> Response:
    from aibudget.present.optimize import (  # the one wording of reasons, conflicts
        allocation_document,
        marginal_budget_text,
        uncertain_channels,
    )

    (space, summary, version), worries = versions.shown_with_worries(
        web.db, user.id, ws, plan_id, number
    )
    result = allocation.run(web.runs, user.id, version)
    chart = line_items(t, result) if result.line_items else None
    names = {tool.id: tool.name for tool in version.plan.tools}
    members = {m.id: m.name or m.id for m in version.plan.team}
    doc = allocation_document(t, result, version.plan, tool_catalog())
    reasons = [
        (names.get(tool, tool), reason.selected, reason.text)
        for tool, reason in doc.reasons.items()
    ]
    return render(
        request,
        "allocation.html",
        space=space,
        summary=summary,
        version=version,
        plan=version.plan,
        result=result,
        charts=[chart] if chart else [],
        reasons=reasons,
        conflicts=[c.text for c in doc.conflicts],
        marginal_budget=marginal_budget_text(t, result),
        status_text=doc.status_text,
        uncertain=uncertain_channels(t, version.plan, result),
        members=members,
        figures_json=figures_json([chart] if chart else []),
        proposal=is_proposal(version.plan, result),
        adopted=adoptable(result),
        summary_text=allocation_summary(t, version.plan, result),
        worries=allocation_worries(t, version.plan, result, worries, tool_catalog()),
    )
