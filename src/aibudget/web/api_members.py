"""JSON API of a workspace's members and invitations (owners change; members read)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from aibudget.store import workspaces
from aibudget.web.api import ERRORS, WS, ApiUser
from aibudget.web.api_schemas import (
    InviteCreatedOut,
    InviteIn,
    InviteOut,
    MemberOut,
    RoleIn,
)
from aibudget.web.context import ReadSession, WebDep
from aibudget.web.json_bodies import JsonInThreadRoute

router = APIRouter(prefix="/api/v1", tags=["v1"], responses=ERRORS, route_class=JsonInThreadRoute)
MEMBER = WS + "/members/{user_id}"
INVITE = WS + "/invites/{invite_id}"


@router.get(WS + "/members", response_model=list[MemberOut])
def list_members(s: ReadSession, user: ApiUser, workspace_id: str) -> Any:
    return workspaces.members(s, user.id, workspace_id)


@router.patch(MEMBER, response_model=MemberOut)
def change_role(web: WebDep, user: ApiUser, workspace_id: str, user_id: str, body: RoleIn) -> Any:
    """Another role for a member (owners only); the last owner keeps the role (409)."""
    with web.db.write() as s:
        return workspaces.set_role(s, user.id, workspace_id, user_id, body.role)


@router.delete(MEMBER, status_code=204)
def remove_member(web: WebDep, user: ApiUser, workspace_id: str, user_id: str) -> Response:
    """Take a member out (owners only); the last owner cannot be removed (409)."""
    with web.db.write() as s:
        workspaces.remove_member(s, user.id, workspace_id, user_id)
    return Response(status_code=204)


@router.get(WS + "/invites", response_model=list[InviteOut])
def list_invites(s: ReadSession, user: ApiUser, workspace_id: str) -> Any:
    """Invitations not yet accepted (owners only)."""
    return workspaces.pending_invites(s, user.id, workspace_id)


@router.post(WS + "/invites", response_model=InviteCreatedOut, status_code=201)
def create_invite(
    request: Request, web: WebDep, user: ApiUser, workspace_id: str, body: InviteIn
) -> Any:
    """An invitation for one e-mail address: only that address's account can accept it."""
    with web.db.write() as s:
        token = workspaces.invite(s, user.id, workspace_id, body.email, body.role)
    link = str(request.url_for("invite_page", token=token))
    return InviteCreatedOut(email=body.email.lower(), role=body.role, link=link)


@router.delete(INVITE, status_code=204)
def revoke_invite(web: WebDep, user: ApiUser, workspace_id: str, invite_id: str) -> Response:
    """Withdraw an invitation (owners only); its link stops working."""
    with web.db.write() as s:
        workspaces.revoke_invite(s, user.id, workspace_id, invite_id)
    return Response(status_code=204)
