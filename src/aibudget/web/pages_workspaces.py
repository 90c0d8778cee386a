"""Workspace list, one workspace's page (plans, members, activity), invitations, help."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from aibudget.domain.texts import N_
from aibudget.service import workspace
from aibudget.store import workspaces
from aibudget.store.errors import NotFound
from aibudget.store.records import Role
from aibudget.web.context import CurrentUser, ReadSession, T, WebDep, check_csrf, render

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
Text = Annotated[str, Form(max_length=1000)]
HELP_STEPS = (
    "start",
    "import",
    "goals",
    "team",
    "tools",
    "roi",
    "allocation",
    "health",
    "versions",
)


# Message ids built at run time from the values above, declared for message extraction.
HELP_MESSAGES = (
    N_("web.help_allocation"),
    N_("web.help_goals"),
    N_("web.help_health"),
    N_("web.help_import"),
    N_("web.help_readiness"),
    N_("web.help_roi"),
    N_("web.help_start"),
    N_("web.help_team"),
    N_("web.help_tools"),
    N_("web.help_versions"),
)


@router.get("/workspaces")
def workspace_list(request: Request, s: ReadSession, user: CurrentUser) -> Response:
    spaces = workspaces.list_for(s, user.id)
    return render(request, "workspaces.html", spaces=spaces, problems={})


@router.post("/workspaces")
def workspace_create(
    request: Request, web: WebDep, t: T, user: CurrentUser, name: Text
) -> Response:
    if not name.strip() or len(name) > 200:
        spaces = workspace.listed(web.db, user.id)
        problems = {"name": t("web.name_needed")}
        return render(request, "workspaces.html", 422, spaces=spaces, problems=problems)
    with web.db.write() as s:
        space = workspaces.create(s, user.id, name)
    return RedirectResponse(f"/w/{space.id}", status_code=303)


def _workspace_page(
    request: Request, web: WebDep, user: CurrentUser, ws: str, **extra: Any
) -> Response:
    space, plan_list, members, log, assessed = workspace.overview(web.db, user.id, ws)
    names = {m.user_id: m.name for m in members}
    context = {"problems": {}, "values": {}, "invite_link": None, **extra}
    return render(
        request,
        "workspace.html",
        space=space,
        plans=plan_list,
        members=members,
        log=log,
        names=names,
        assessed=assessed,
        roles=list(Role),
        **context,
    )


@router.get("/w/{ws}")
def workspace_page(request: Request, web: WebDep, user: CurrentUser, ws: str) -> Response:
    return _workspace_page(request, web, user, ws)


@router.post("/w/{ws}/invites")
def invite(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, email: Text, role: Text
) -> Response:
    if "@" not in email or role not in {r.value for r in Role}:
        problems = {"invite": t("web.email_invalid")}
        return _workspace_page(request, web, user, ws, problems=problems)
    with web.db.write() as s:
        token = workspaces.invite(s, user.id, ws, email, Role(role))
    link = str(request.url_for("invite_page", token=token))
    return _workspace_page(request, web, user, ws, invite_link=link)


@router.get("/invite/{token}", name="invite_page")
def invite_page(request: Request, s: ReadSession, user: CurrentUser, token: str) -> Response:
    found = workspaces.invite_for(s, user.id, token)
    return render(request, "invite.html", invite=found, token=token)


@router.post("/invite/{token}")
def invite_accept(request: Request, web: WebDep, user: CurrentUser, token: str) -> Response:
    with web.db.write() as s:
        space = workspaces.accept_invite(s, user.id, token)
    return RedirectResponse(f"/w/{space.id}", status_code=303)


@router.get("/help")
@router.get("/help/{step}")
def help_page(request: Request, t: T, step: str = "start") -> Response:
    if step not in HELP_STEPS:
        raise NotFound()
    body = f"help/{step}.{t.locale}.html"
    return render(request, "help.html", step=step, steps=HELP_STEPS, body=body)
