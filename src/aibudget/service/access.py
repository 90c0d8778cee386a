"""What a caller may use, checked in a short read transaction of its own before a use
case parses, runs or saves anything: a workspace or plan that is not the caller's is
refused first (NotFound; Forbidden when the caller's role falls short)."""

from __future__ import annotations

from aibudget.store import plans, workspaces
from aibudget.store.db import Database
from aibudget.store.records import Role, Workspace


def workspace(db: Database, user_id: str, ws: str, need: Role = Role.VIEWER) -> Workspace:
    """The workspace, when ``user_id`` has ``need`` in it."""
    with db.session() as s:
        return workspaces.require(s, user_id, ws, need)


def plan(db: Database, user_id: str, ws: str, plan_id: str, need: Role = Role.VIEWER) -> Workspace:
    """The workspace, when ``user_id`` has ``need`` in it and ``plan_id`` is one of its
    plans."""
    with db.session() as s:
        space = workspaces.require(s, user_id, ws, need)
        plans.summary(s, user_id, ws, plan_id)
    return space
