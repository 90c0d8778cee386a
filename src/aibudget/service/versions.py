"""A stored plan's versions as the pages and the API read and save them, each in a
transaction of its own: read before the engine runs on a version (no transaction is held
through a simulation or an optimisation), checked before a document is parsed (a plan
that is not the caller's is 404 before its problems), saved once parsed.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from aibudget.catalog import kpi_ids
from aibudget.domain.guidance import CatalogTool
from aibudget.domain.validate import parse_plan
from aibudget.service import access, catalogs
from aibudget.service.worries import owner_worries
from aibudget.store import plans, workspaces
from aibudget.store.db import Database
from aibudget.store.records import PlanSummary, PlanVersion, Role, VersionInfo, Workspace

SINCE_LISTED = 20


class Shown(NamedTuple):
    """A version with the workspace and the plan it belongs to (a page's heading)."""

    space: Workspace
    summary: PlanSummary
    version: PlanVersion


def version(
    db: Database, user_id: str, ws: str, plan_id: str, number: int | None = None
) -> PlanVersion:
    """Version ``number`` of the plan (the newest without one), as ``user_id`` may see it."""
    with db.session() as s:
        return plans.version(s, user_id, ws, plan_id, number)


def newest_to_edit(db: Database, user_id: str, ws: str, plan_id: str) -> PlanVersion:
    """The plan's newest version, for an editor of its workspace (Forbidden otherwise)."""
    with db.session() as s:
        workspaces.require(s, user_id, ws, Role.EDITOR)
        return plans.version(s, user_id, ws, plan_id)


def newest_with_catalog(
    db: Database, user_id: str, ws: str, plan_id: str
) -> tuple[PlanVersion, dict[str, CatalogTool]]:
    """The plan's newest version and the catalog it sees, for an editor of its workspace."""
    with db.session() as s:
        workspaces.require(s, user_id, ws, Role.EDITOR)
        newest = plans.version(s, user_id, ws, plan_id)
        catalog, _, _ = catalogs.for_plan(s, user_id, ws, newest.plan)
    return newest, catalog


def shown(
    db: Database, user_id: str, ws: str, plan_id: str, number: int | None = None,
    need: Role = Role.VIEWER,
) -> Shown:  # fmt: skip
    """Version ``number`` (the newest without one) with its workspace and plan, as
    ``user_id`` may see them (Forbidden if short of ``need``)."""
    with db.session() as s:
        space = workspaces.require(s, user_id, ws, need)
        summary = plans.summary(s, user_id, ws, plan_id)
        return Shown(space, summary, plans.version(s, user_id, ws, plan_id, number))


def shown_with_worries(
    db: Database, user_id: str, ws: str, plan_id: str, number: int
) -> tuple[Shown, list[str]]:
    """``shown`` and the owner's strong worries the result pages answer
    (:func:`aibudget.service.worries.owner_worries`)."""
    with db.session() as s:
        space = workspaces.require(s, user_id, ws)
        summary = plans.summary(s, user_id, ws, plan_id)
        found = plans.version(s, user_id, ws, plan_id, number)
        worries = owner_worries(s, user_id, ws)
    return Shown(space, summary, found), worries


def since(
    db: Database, user_id: str, ws: str, plan_id: str, base: int
) -> tuple[Shown, PlanVersion, list[VersionInfo]]:
    """For an editor whose form was filled in on version ``base``: the newest version
    (``shown``), version ``base``, and the versions saved since (newest first, at most
    ``SINCE_LISTED``)."""
    with db.session() as s:
        space = workspaces.require(s, user_id, ws, Role.EDITOR)
        summary = plans.summary(s, user_id, ws, plan_id)
        newest = plans.version(s, user_id, ws, plan_id)
        older = plans.version(s, user_id, ws, plan_id, base)
        listed = plans.versions(s, user_id, ws, plan_id, limit=SINCE_LISTED)
    return Shown(space, summary, newest), older, [v for v in listed if v.number > base]


def create_plan(
    db: Database, user_id: str, ws: str, name: str, document: dict[str, Any], note: str
) -> PlanVersion:
    """A new plan from a plan document (PlanError with every problem), in workspace ``ws``."""
    access.workspace(db, user_id, ws)
    plan = parse_plan(document, kpi_ids())
    with db.write() as s:
        return plans.create(s, user_id, ws, name, plan, note)


def save_version(
    db: Database, user_id: str, ws: str, plan_id: str, document: dict[str, Any], note: str
) -> PlanVersion:
    """A new version of the plan from a plan document (PlanError with every problem)."""
    with db.session() as s:
        plans.summary(s, user_id, ws, plan_id)
    plan = parse_plan(document, kpi_ids())
    with db.write() as s:
        return plans.save(s, user_id, ws, plan_id, plan, note)
