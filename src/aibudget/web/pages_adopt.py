"""Adopt the optimiser's allocation: a confirmation page listing every change in words,
then a new version of the plan on confirmation (owner or editor).

The allocation is the newest version's (computed and cached as on the allocation page);
the document change is :func:`aibudget.engine.adopt.adopt`'s, checked as a whole plan.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from aibudget.catalog import kpi_ids, tool_catalog
from aibudget.domain.adoption import Adoption
from aibudget.domain.errors import PlanError
from aibudget.domain.plan import Plan
from aibudget.domain.validate import parse_plan
from aibudget.engine.adopt import adopt, adoptable
from aibudget.i18n import Translator
from aibudget.present.adopt import change_lines, note
from aibudget.service import allocation, versions
from aibudget.store import plans
from aibudget.store.errors import StaleVersion
from aibudget.store.records import PlanVersion, Role, User
from aibudget.web.context import CurrentUser, T, WebDep, check_csrf, render
from aibudget.web.errors import problem_text

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)


def _proposal(
    web: WebDep, user: User, t: Translator, version: PlanVersion
) -> tuple[Adoption | None, Plan | None, str]:
    """The adoption of the version's allocation, the checked new plan, or why not."""
    result = allocation.run(web.runs, user.id, version)
    if not adoptable(result):
        return None, None, t("adopt.cannot")
    adoption = adopt(version.plan, result)
    if not adoption.changed:
        return adoption, None, t("adopt.nothing")
    try:
        return adoption, parse_plan(adoption.document, kpi_ids()), ""
    except PlanError as err:
        return adoption, None, t("adopt.invalid", problem=problem_text(t, err.problems[0]))


def _page(
    request: Request, t: Translator, space: Any, summary: Any, version: PlanVersion,
    adoption: Adoption | None, ready: bool, message: str, notice: str = "",
) -> Response:  # fmt: skip
    lines = change_lines(t, version.plan, adoption, tool_catalog()) if adoption and ready else []
    return render(
        request,
        "adopt.html",
        space=space,
        summary=summary,
        version=version,
        lines=lines,
        ready=ready,
        message=message,
        notice=notice,
    )


@router.get("/w/{ws}/p/{plan_id}/adopt")
def adopt_page(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str
) -> Response:
    space, summary, latest = versions.shown(web.db, user.id, ws, plan_id, need=Role.EDITOR)
    adoption, plan, message = _proposal(web, user, t, latest)
    return _page(request, t, space, summary, latest, adoption, plan is not None, message)


@router.post("/w/{ws}/p/{plan_id}/adopt")
def adopt_save(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str,
    version: Annotated[int, Form()],
) -> Response:  # fmt: skip
    space, summary, latest = versions.shown(web.db, user.id, ws, plan_id, need=Role.EDITOR)
    adoption, plan, message = _proposal(web, user, t, latest)
    if latest.number != version:
        notice = t("adopt.moved_on")
        return _page(
            request, t, space, summary, latest, adoption, plan is not None, message, notice
        )
    if adoption is None or plan is None:
        return _page(request, t, space, summary, latest, adoption, False, message)
    try:
        with web.db.write() as s:
            plans.save(
                s,
                user.id,
                ws,
                plan_id,
                plan,
                note(t, latest.plan, adoption, tool_catalog()),
                base=version,
            )
    except StaleVersion:  # saved by someone else a moment ago
        notice = t("adopt.moved_on")
        return _page(request, t, space, summary, latest, adoption, True, "", notice)
    return RedirectResponse(f"/w/{ws}/p/{plan_id}", status_code=303)
