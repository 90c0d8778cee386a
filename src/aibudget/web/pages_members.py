"""A workspace's members page: owners change roles, remove members and withdraw
invitations; every member sees who is in."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from aibudget.service import workspace
from aibudget.store import workspaces
from aibudget.store.errors import Conflict
from aibudget.store.records import Role
from aibudget.web.context import CurrentUser, T, WebDep, check_csrf, render

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
RoleField = Annotated[Role, Form()]


def _page(
    request: Request, web: WebDep, user: CurrentUser, ws: str, status: int = 200, problem: str = ""
) -> Response:
    space, members, invites = workspace.membership(web.db, user.id, ws)
    return render(
        request,
        "members.html",
        status,
        space=space,
        members=members,
        invites=invites,
        roles=list(Role),
        problem=problem,
    )


@router.get("/w/{ws}/members")
def members_page(request: Request, web: WebDep, user: CurrentUser, ws: str) -> Response:
    return _page(request, web, user, ws)


def _back(ws: str) -> Response:
    return RedirectResponse(f"/w/{ws}/members", status_code=303)


@router.post("/w/{ws}/members/{member_id}/role")
def change_role(
    request: Request,
    web: WebDep,
    user: CurrentUser,
    t: T,
    ws: str,
    member_id: str,
    role: RoleField,
) -> Response:
    try:
        with web.db.write() as s:
            workspaces.set_role(s, user.id, ws, member_id, role)
    except Conflict as refused:
        return _page(request, web, user, ws, 409, t(refused.message_id))
    return _back(ws)


@router.post("/w/{ws}/members/{member_id}/remove")
def remove_member(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, member_id: str
) -> Response:
    try:
        with web.db.write() as s:
            workspaces.remove_member(s, user.id, ws, member_id)
    except Conflict as refused:
        return _page(request, web, user, ws, 409, t(refused.message_id))
    if member_id == user.id:  # left the workspace
        return RedirectResponse("/workspaces", status_code=303)
    return _back(ws)


@router.post("/w/{ws}/invites/{invite_id}/revoke")
def revoke_invite(web: WebDep, user: CurrentUser, ws: str, invite_id: str) -> Response:
    with web.db.write() as s:
        workspaces.revoke_invite(s, user.id, ws, invite_id)
    return _back(ws)
