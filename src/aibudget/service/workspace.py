"""A workspace as its pages show it, read in one transaction: the list of the caller's
workspaces, one workspace's overview (plans, members, recent changes, readiness), and
its members with the invitations an owner may withdraw."""

from __future__ import annotations

from typing import NamedTuple

from aibudget.store import assessments, audit, plans, workspaces
from aibudget.store.db import Database
from aibudget.store.records import (
    Assessment,
    AuditEntry,
    Member,
    PendingInvite,
    PlanSummary,
    Workspace,
)

RECENT_CHANGES = 15


class Overview(NamedTuple):
    space: Workspace
    plans: list[PlanSummary]
    members: list[Member]
    log: list[AuditEntry]  # the newest changes first
    assessed: Assessment | None  # the newest readiness check


class Membership(NamedTuple):
    space: Workspace
    members: list[Member]
    invites: list[PendingInvite]  # pending ones, for an owner (empty for anyone else)


def listed(db: Database, user_id: str) -> list[Workspace]:
    with db.session() as s:
        return workspaces.list_for(s, user_id)


def overview(db: Database, user_id: str, ws: str) -> Overview:
    with db.session() as s:
        return Overview(
            workspaces.require(s, user_id, ws),
            plans.list_plans(s, user_id, ws),
            workspaces.members(s, user_id, ws),
            audit.entries(s, ws, limit=RECENT_CHANGES),
            assessments.latest(s, user_id, ws),
        )


def membership(db: Database, user_id: str, ws: str) -> Membership:
    with db.session() as s:
        space = workspaces.require(s, user_id, ws)
        members = workspaces.members(s, user_id, ws)
        invites = workspaces.pending_invites(s, user_id, ws) if space.role.can_manage else []
    return Membership(space, members, invites)
