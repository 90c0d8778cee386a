"""Plan pages: import from YAML, the plan's steps, export, history, diff, approve, restore."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from aibudget.domain.errors import PlanError, Problem
from aibudget.domain.plan import Plan
from aibudget.domain.texts import N_
from aibudget.planfile import MAX_PLAN_BYTES, dump_plan, plan_from_text
from aibudget.service import access, limits
from aibudget.store import plans, workspaces
from aibudget.store.records import Role, Status
from aibudget.web.context import (
    CurrentUser,
    ReadSession,
    T,
    WebDep,
    check_csrf,
    render,
)
from aibudget.web.diff import diff_documents
from aibudget.web.errors import BadRequest, field_list
from aibudget.web.plan_views import plan_view

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
Text = Annotated[str, Form(max_length=1000)]


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
    if plan_id:  # 404 before anything else
        space = access.plan(web.db, user.id, ws, plan_id, Role.EDITOR)
    else:
        space = access.workspace(web.db, user.id, ws, Role.EDITOR)
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
    return plan_view(request, web, user, t, ws, plan_id, v, history)


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
