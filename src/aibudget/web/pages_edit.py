"""Step-by-step editing: add or remove a goal, a team member, or a tool from the catalog.

Each change saves a new version of the plan (the old ones never change).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from aibudget.catalog import kpi_ids
from aibudget.domain.errors import PlanError, Problem
from aibudget.domain.guidance import catalog_tool_to_plan_tool
from aibudget.domain.plan import Category, Plan
from aibudget.domain.practice import with_skill_defaults
from aibudget.domain.texts import N_
from aibudget.domain.validate import parse_plan
from aibudget.i18n import Translator
from aibudget.present.guidance import cheapest_text, trial_text
from aibudget.service import catalogs, versions
from aibudget.service.fx import add_missing_rates
from aibudget.service.plan_edit import part_name, rates_note
from aibudget.service.plan_parts import Target
from aibudget.service.words import kpi_names
from aibudget.store import plans, workspaces
from aibudget.store.errors import NotFound
from aibudget.store.records import Role
from aibudget.web.builder_forms import TextForm
from aibudget.web.context import CurrentUser, ReadSession, T, WebDep, check_csrf, render
from aibudget.web.edit import (
    FORMS,
    item_from_form,
    new_id,
    split_problems,
    with_item,
    without_item,
)
from aibudget.web.errors import field_list, problem_text
from aibudget.web.plan_views import plan_view

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
Text = Annotated[str, Form(max_length=1000)]
MAX_CATALOG_SHOWN = 60


@router.post("/w/{ws}/p/{plan_id}/add/{kind}")
def add_item(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str, kind: str,
    form: TextForm,
) -> Response:  # fmt: skip
    if kind not in FORMS:
        raise NotFound()
    document = dict(versions.newest_to_edit(web.db, user.id, ws, plan_id).document)
    item = item_from_form(kind, form)
    item = {"id": new_id(document, kind, item.get("name") if kind == "team" else None), **item}
    changed = with_item(document, kind, item)
    index = len(changed[kind]) - 1
    try:
        plan = parse_plan(changed, kpi_ids())
    except PlanError as err:
        mine, rest = split_problems(err.problems, kind, index)
        return plan_view(
            request,
            web,
            user,
            t,
            ws,
            plan_id,
            status_code=422,
            edit_kind=kind,
            edit_values=form,
            edit_problems={k: problem_text(t, p) for k, p in mine.items()},
            edit_other=field_list(t, rest),
        )
    note = t("web.note_added", what=str(item.get("name") or item["id"]))
    with web.db.write() as s:
        plans.save(s, user.id, ws, plan_id, plan, note)
    return RedirectResponse(f"/w/{ws}/p/{plan_id}#{kind}", status_code=303)


@router.post("/w/{ws}/p/{plan_id}/remove/{kind}/{item_id}")
def remove_item(
    request: Request,
    web: WebDep,
    user: CurrentUser,
    t: T,
    ws: str,
    plan_id: str,
    kind: str,
    item_id: str,
) -> Response:
    if kind not in (*FORMS, "tools"):
        raise NotFound()
    document = dict(versions.newest_to_edit(web.db, user.id, ws, plan_id).document)
    changed = without_item(document, kind, item_id)
    if changed is None:
        raise NotFound()
    try:
        if kind == "team":
            _check_not_needed(t, parse_plan(document, kpi_ids()), item_id)
        plan = parse_plan(changed, kpi_ids())
    except PlanError as err:  # e.g. a member who still owns a tool
        return plan_view(
            request,
            web,
            user,
            t,
            ws,
            plan_id,
            status_code=422,
            edit_kind=kind,
            edit_other=field_list(t, err.problems),
        )
    what = part_name(t, document, Target(kind, item_id))  # its name, never its id
    with web.db.write() as s:
        plans.save(s, user.id, ws, plan_id, plan, t("web.note_removed", what=what))
    return RedirectResponse(f"/w/{ws}/p/{plan_id}#{kind}", status_code=303)


def _check_not_needed(t: Translator, plan: Plan, member_id: str) -> None:
    """A member who still owns a tool, is trained on one or is credited with hours saved
    cannot be removed: say which tools, by name, before anything changes."""
    member = plan.member(member_id)
    needed = [
        tool.name
        for tool in plan.tools
        if tool.owner == member_id
        or member_id in tool.training.trainees
        or any(getattr(b, "member", None) == member_id for b in tool.benefits)
    ]
    if member is not None and needed:
        who = member.name or member.role
        tools = t("builder.list_sep").join(needed)
        raise PlanError(
            [Problem(("team",), N_("builder.member_needed"), {"member": who, "tools": tools})]
        )


@router.get("/w/{ws}/p/{plan_id}/catalog")
def catalog_page(
    request: Request,
    s: ReadSession,
    user: CurrentUser,
    t: T,
    ws: str,
    plan_id: str,
    q: str = "",
    category: str = "",
    kpi: str = "",
) -> Response:
    """The tool catalog, searchable and filtered by category or by a KPI the tools serve
    (htmx swaps the results)."""
    space = workspaces.require(s, user.id, ws, Role.EDITOR)
    summary = plans.summary(s, user.id, ws, plan_id)
    latest = plans.version(s, user.id, ws, plan_id)
    catalog, _, _ = catalogs.for_plan(s, user.id, ws, latest.plan)
    needle = q.strip().lower()[:100]
    entries = [
        e
        for e in catalog.values()
        if (not category or e.category.value == category)
        and (not kpi or kpi in e.kpis)
        and (
            not needle
            or needle in " ".join([e.name, e.vendor, *e.aliases, e.summary.get(t.locale)]).lower()
        )
    ][:MAX_CATALOG_SHOWN]
    in_plan = {tool.catalog_id for tool in latest.plan.tools if tool.catalog_id}
    names = kpi_names(t.locale)
    rows = [
        {
            "id": e.id,
            "name": e.name,
            "vendor": e.vendor,
            "category": t(f"category.{e.category.value}"),
            "summary": e.summary.get(t.locale),
            "price": cheapest_text(t, e),
            "trial": trial_text(t, e),
            "zh_tw": e.zh_tw_interface,
            "in_plan": e.id in in_plan,
            "kpis": [names.get(k, k) for k in e.kpis],
        }
        for e in entries
    ]
    template = "catalog_results.html" if request.headers.get("hx-request") else "catalog.html"
    return render(
        request,
        template,
        space=space,
        summary=summary,
        plan=latest.plan,
        rows=rows,
        q=q,
        category=category,
        categories=[c.value for c in Category],
        kpi=kpi,
        kpi_name=names.get(kpi, ""),
    )


@router.post("/w/{ws}/p/{plan_id}/add-tool")
def add_tool(
    request: Request,
    web: WebDep,
    user: CurrentUser,
    t: T,
    ws: str,
    plan_id: str,
    catalog_id: Text,
    owner: Text,
) -> Response:
    latest, catalog = versions.newest_with_catalog(web.db, user.id, ws, plan_id)
    document = dict(latest.document)
    entry = catalog.get(catalog_id)
    if entry is None:
        raise NotFound()
    tool = catalog_tool_to_plan_tool(entry, owner, tool_id=new_id(document, "tools", entry.id))
    member = latest.plan.member(owner)
    if member is not None:  # the owner's AI skill sets the ramp and the training
        tool = with_skill_defaults(tool, member.ai_skill.value)
    changed = with_item(document, "tools", tool)
    rates = add_missing_rates(changed)
    try:
        plan = parse_plan(changed, kpi_ids())
    except PlanError as err:
        return plan_view(
            request,
            web,
            user,
            t,
            ws,
            plan_id,
            status_code=422,
            edit_kind="tools",
            edit_other=field_list(t, err.problems),
        )
    with web.db.write() as s:
        note = t("web.note_added", what=entry.name)
        extra = rates_note(t, rates, changed)
        plans.save(s, user.id, ws, plan_id, plan, t("builder.list_sep").join([note, *extra]))
    return RedirectResponse(f"/w/{ws}/p/{plan_id}#tools", status_code=303)
