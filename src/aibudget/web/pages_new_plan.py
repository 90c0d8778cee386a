"""A new plan in one short step (optionally started from the readiness result); the
checks and defaults are :mod:`aibudget.service.new_plan`'s, shared with the API."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from aibudget.domain.errors import Problem
from aibudget.domain.guidance import CatalogTool
from aibudget.i18n import Translator
from aibudget.present.guidance import cheapest_text
from aibudget.service import new_plan
from aibudget.service.fields import START
from aibudget.service.plan_edit import Value
from aibudget.service.starter import Starter, workspace_starter
from aibudget.service.words import kpi_names
from aibudget.store import plans
from aibudget.web.builder_forms import PostedForm, next_month, shown_fields
from aibudget.web.context import CurrentUser, T, WebDep, check_csrf, render
from aibudget.web.errors import problem_text

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)


@router.get("/w/{ws}/new-plan")
def new_plan_form(request: Request, web: WebDep, user: CurrentUser, t: T, ws: str) -> Response:
    space, starter, catalog = workspace_starter(web.db, user.id, ws)
    values = new_plan.defaults(next_month(date.today()), t.locale)
    if starter is not None:  # everything the readiness result suggests starts ticked
        values["starter_goal"] = [str(i) for i in range(len(starter.goals))]
        values["starter_tool"] = list(starter.tools)
    return _new_plan_page(request, t, space, values, {}, [], starter, catalog)


def _new_plan_page(
    request: Request, t: Translator, space: Any, values: dict[str, Value],
    problems: dict[str, Problem], other: list[Problem], starter: Starter | None,
    catalog: dict[str, CatalogTool], status_code: int = 200,
) -> Response:  # fmt: skip
    names = kpi_names(t.locale)
    ticked_goals = values.get("starter_goal", [])
    ticked_tools = values.get("starter_tool", [])
    suggestion = None
    if starter is not None:
        suggestion = {
            "pilot": starter.pilot_tools,
            "goals": [
                {"value": str(i), "name": g.name.get(t.locale), "kpi": names.get(g.kpi, g.kpi),
                 "ticked": str(i) in ticked_goals}
                for i, g in enumerate(starter.goals)
            ],
            "tools": [
                {"value": i, "name": catalog[i].name, "price": cheapest_text(t, catalog[i]),
                 "serves": [names.get(k, k) for k in catalog[i].kpis], "ticked": i in ticked_tools}
                for i in starter.tools
            ],
        }  # fmt: skip
    return render(
        request,
        "new_plan.html",
        status_code,
        space=space,
        fields=shown_fields(t, START, values, problems, {}),
        other=[problem_text(t, p) for p in other],
        starter=suggestion,
    )


@router.post("/w/{ws}/new-plan")
def new_plan_save(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, form: PostedForm
) -> Response:
    space, starter, catalog = workspace_starter(web.db, user.id, ws)
    edited = new_plan.build(form, owner_name=user.name, t=t, starter=starter, catalog=catalog)
    if not edited.ok or edited.plan is None:
        return _new_plan_page(
            request, t, space, form, edited.problems, edited.other, starter, catalog, 422
        )
    note = t("builder.note_new")
    if starter is not None and (edited.plan.goals or edited.plan.tools):
        note = t("builder.note_new_from_readiness")
    with web.db.write() as s:
        saved = plans.create(s, user.id, ws, edited.plan.company.name, edited.plan, note)
    return RedirectResponse(f"/w/{ws}/p/{saved.plan_id}?new=1", status_code=303)
