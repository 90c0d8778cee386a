"""Plan pages: import from YAML, the plan's steps, export, history, diff, approve, restore."""

from __future__ import annotations

from contextlib import nullcontext
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from aibudget.domain.errors import PlanError, Problem
from aibudget.domain.plan import Plan
from aibudget.domain.texts import N_
from aibudget.engine.practice import OUTSIDE_HELP_SHARE, recent_wins
from aibudget.planfile import MAX_PLAN_BYTES, dump_plan, plan_from_text
from aibudget.service import catalogs
from aibudget.service.catalogs import CatalogView
from aibudget.service.context import VersionContext
from aibudget.service.words import kpi_names
from aibudget.store import actuals, learning, plans, workspaces
from aibudget.store.records import Role, Status
from aibudget.web import limits
from aibudget.web.context import (
    CurrentUser,
    ReadSession,
    T,
    WebDep,
    check_csrf,
    render,
    render_remembered,
)
from aibudget.web.diff import diff_documents
from aibudget.web.edit import FORMS
from aibudget.web.errors import BadRequest, field_list
from aibudget.web.health import health
from aibudget.web.jobs_panel import panel_facts, render_panel
from aibudget.web.pages_practice import outside_help, review_wins_text

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
Text = Annotated[str, Form(max_length=1000)]
HISTORY_ON_PAGE = 20


def read_upload(upload: UploadFile | None) -> str:
    """The uploaded plan's text (read from its spooled file: call it off the event loop)."""
    if upload is None or not upload.filename:
        return ""
    raw = upload.file.read(MAX_PLAN_BYTES + 1)
    if len(raw) > MAX_PLAN_BYTES:
        raise PlanError([Problem((), N_("plan.too_large"), {"max_mb": MAX_PLAN_BYTES // 2**20})])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PlanError([Problem((), N_("plan.not_utf8"), {"file": upload.filename})]) from None


def parse_yaml(text: str) -> Plan:
    """The same loader and messages as the CLI (aibudget.planfile)."""
    if len(text.encode()) > MAX_PLAN_BYTES:
        raise PlanError([Problem((), N_("plan.too_large"), {"max_mb": MAX_PLAN_BYTES // 2**20})])
    return plan_from_text(text)


@router.get("/w/{ws}/import")
def import_form(request: Request, s: ReadSession, user: CurrentUser, ws: str) -> Response:
    space = workspaces.require(s, user.id, ws, Role.EDITOR)
    return render(request, "import.html", space=space, values={}, problems=[], plan_id=None)


@router.post("/w/{ws}/import")
def import_plan(
    request: Request,
    web: WebDep,
    user: CurrentUser,
    t: T,
    ws: str,
    name: Text = "",
    note: Text = "",
    document: Annotated[str, Form(max_length=MAX_PLAN_BYTES)] = "",
    upload: Annotated[UploadFile | None, File()] = None,
    plan_id: Text = "",
) -> Response:
    """A new plan, or (with ``plan_id``) a new version of one; problems shown by field."""
    text = read_upload(upload) or document
    values = {"name": name, "note": note, "document": text}
    with web.db.session() as s:
        space = workspaces.require(s, user.id, ws, Role.EDITOR)
        if plan_id:
            plans.summary(s, user.id, ws, plan_id)  # 404 before anything else
    try:
        limits.costly(web.counters, web.settings, user.id, "imports")
    except limits.LimitReached as wait:  # the form comes back with the text as it was sent
        again = render(
            request, "import.html", 429, space=space, values=values, problems=[],
            plan_id=plan_id or None, wait=t(wait.message_id, **wait.params),
        )  # fmt: skip
        again.headers.update(wait.headers)
        return again
    try:
        plan = parse_yaml(text)  # seconds for a big plan: this handler runs off the loop
    except PlanError as err:
        problems = field_list(t, err.problems)
        return render(
            request,
            "import.html",
            422,
            space=space,
            values=values,
            problems=problems,
            plan_id=plan_id or None,
        )
    with web.db.write() as s:
        if plan_id:
            saved = plans.save(s, user.id, ws, plan_id, plan, note)
        else:
            saved = plans.create(s, user.id, ws, name or plan.company.name, plan, note)
    return RedirectResponse(f"/w/{ws}/p/{saved.plan_id}", status_code=303)


@router.get("/w/{ws}/p/{plan_id}")
def plan_page(
    request: Request,
    web: WebDep,
    s: ReadSession,
    user: CurrentUser,
    t: T,
    ws: str,
    plan_id: str,
    v: int | None = None,
    history: str = "recent",
) -> Response:
    return plan_view(request, web, user, t, ws, plan_id, v, history, read=s)


def plan_view(
    request: Request,
    web: WebDep,
    user: CurrentUser,
    t: T,
    ws: str,
    plan_id: str,
    v: int | None = None,
    history: str = "recent",
    status_code: int = 200,
    read: Session | None = None,
    **extra: Any,
) -> Response:
    """The plan page (also re-shown with an edit form's values and problems), its records
    read in ``read`` (the request's read session) or a read session of its own.

    Rendered once per process for the same records and viewer (``render_remembered``):
    the records are read fresh on every request, the page's text is not rebuilt.
    """
    limit = plans.MAX_VERSIONS_LISTED if history == "all" else HISTORY_ON_PAGE + 1
    with nullcontext(read) if read is not None else web.db.session() as s:
        space = workspaces.require(s, user.id, ws)
        summary, shown, listed, approved = plans.overview(s, user.id, ws, plan_id, v, limit)
        catalog, problems, stamp = catalogs.for_plan(s, user.id, ws, shown.plan)
        wins = tuple(recent_wins(learning.entries(s, user.id, ws, plan_id)))
        weak = outside_help(s, user.id, ws, shown.plan)
        check_facts = panel_facts(s, user.id, space, summary)
        recorded = actuals.get(s, user.id, ws, plan_id, shown.plan.currency)
    won = review_wins_text(web, shown, recorded, t)
    records = {
        "space": space,
        "summary": summary,
        "version": shown,
        "history": listed[:limit] if history == "all" else listed[:HISTORY_ON_PAGE],
        "more_history": history != "all" and len(listed) > HISTORY_ON_PAGE,
        "baseline": approved,
        "catalog_stamp": stamp,  # the workspace's catalog, which the health check reads
        "edit_kind": None,
        "wins": wins,  # the newest learning-log entries that saved time
        "review_wins": won,  # milestones, a month above plan, KPIs on their way up
        "outside_help": weak,  # weak readiness scales worth an advice line
        "jobs_panel": render_panel(request, t, space, summary, shown.number, check_facts),
        **extra,  # a form shown again with its values: not remembered (dicts have no hash)
    }

    def derived() -> dict[str, Any]:
        made_of = VersionContext.of(shown, catalog=CatalogView(catalog, stamp), locale=t.locale)
        checked = web.results.get_or_make(
            made_of.key("health"), lambda: health(t, shown.plan, catalog, problems)
        )
        return {
            "plan": shown.plan,
            "kpi_names": kpi_names(t.locale),
            "health": checked,
            "statuses": list(Status),
            "forms": FORMS,
            "edit_values": {},  # unless a form shown again has its own
            "edit_problems": {},
            "help_share": OUTSIDE_HELP_SHARE,
        }

    return render_remembered(request, "plan.html", records, derived, status_code)


@router.get("/w/{ws}/p/{plan_id}/v/{number}.yaml")
def export_yaml(s: ReadSession, user: CurrentUser, ws: str, plan_id: str, number: int) -> Response:
    found = plans.version(s, user.id, ws, plan_id, number)
    filename = f"plan-{plan_id[:8]}-v{number}.yaml"
    return Response(
        dump_plan(found.plan),
        media_type="application/yaml; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/w/{ws}/p/{plan_id}/edit")
def edit_form(
    request: Request, s: ReadSession, user: CurrentUser, ws: str, plan_id: str
) -> Response:
    space = workspaces.require(s, user.id, ws, Role.EDITOR)
    latest = plans.version(s, user.id, ws, plan_id)
    values = {"document": dump_plan(latest.plan)}
    return render(request, "import.html", space=space, values=values, problems=[], plan_id=plan_id)


@router.get("/w/{ws}/p/{plan_id}/diff")
def diff_page(
    request: Request,
    s: ReadSession,
    user: CurrentUser,
    ws: str,
    plan_id: str,
    a: int,
    b: int,
) -> Response:
    space = workspaces.require(s, user.id, ws)
    summary = plans.summary(s, user.id, ws, plan_id)
    old = plans.version(s, user.id, ws, plan_id, a)
    new = plans.version(s, user.id, ws, plan_id, b)
    changes = diff_documents(old.document, new.document)
    return render(
        request, "diff.html", space=space, summary=summary, old=old, new=new, changes=changes
    )


@router.post("/w/{ws}/p/{plan_id}/v/{number}/status")
def set_status(
    web: WebDep, user: CurrentUser, ws: str, plan_id: str, number: int, status: Text
) -> Response:
    if status not in {s.value for s in Status}:
        raise BadRequest()
    with web.db.write() as s:
        plans.set_status(s, user.id, ws, plan_id, number, Status(status))
    return RedirectResponse(f"/w/{ws}/p/{plan_id}?v={number}", status_code=303)


@router.post("/w/{ws}/p/{plan_id}/v/{number}/restore")
def restore(web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str, number: int) -> Response:
    with web.db.write() as s:
        plans.restore(s, user.id, ws, plan_id, number, t("web.restored_from", number=number))
    return RedirectResponse(f"/w/{ws}/p/{plan_id}", status_code=303)


@router.post("/w/{ws}/p/{plan_id}/delete")
def delete(web: WebDep, user: CurrentUser, ws: str, plan_id: str) -> Response:
    with web.db.write() as s:
        plans.delete(s, user.id, ws, plan_id)
    return RedirectResponse(f"/w/{ws}", status_code=303)
