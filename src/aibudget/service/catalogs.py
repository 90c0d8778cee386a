"""The catalog a plan sees: built-in entries, then its workspace's, then the plan's own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from aibudget.catalog import catalog_for
from aibudget.domain.errors import PlanError, Problem
from aibudget.domain.guidance import CatalogTool
from aibudget.domain.plan import Plan
from aibudget.service import access
from aibudget.store import catalogs
from aibudget.store.db import Database
from aibudget.store.records import CatalogOverrides, Role


def merged(
    workspace_entries: list[dict[str, Any]], plan: Plan | None
) -> tuple[dict[str, CatalogTool], list[Problem]]:
    """The merged catalog, and problems of the plan's own entries (paths catalog[i]...)."""
    own = list(plan.catalog) if plan is not None else []
    catalog, problems = catalog_for([*workspace_entries, *own])
    shift = len(workspace_entries)
    plan_problems = [
        Problem(("catalog", p.path[1] - shift, *p.path[2:]), p.message_id, p.params, p.line)
        for p in problems
        if len(p.path) >= 2 and isinstance(p.path[1], int) and p.path[1] >= shift
    ]
    return catalog, plan_problems


@dataclass(frozen=True)
class CatalogView:
    """The merged catalog a plan sees and a stamp that changes whenever it does."""

    entries: dict[str, CatalogTool]
    stamp: str


def view_for(session: Session, user_id: str, workspace_id: str, plan: Plan) -> CatalogView:
    catalog, _, stamp = for_plan(session, user_id, workspace_id, plan)
    return CatalogView(catalog, stamp)


def for_plan(
    session: Session, user_id: str, workspace_id: str, plan: Plan
) -> tuple[dict[str, CatalogTool], list[Problem], str]:
    """The merged catalog, the plan's catalog problems, and a key that changes with it."""
    found = catalogs.get(session, user_id, workspace_id)
    catalog, problems = merged(found.entries, plan)
    stamp = found.updated_at.isoformat() if found.updated_at else "-"
    return catalog, problems, stamp


def replace_entries(
    db: Database, user_id: str, workspace_id: str, entries: list[dict[str, Any]]
) -> CatalogOverrides:
    """Replace the workspace's own entries (editors only); PlanError naming every
    problem by its path, and nothing stored, when an entry is wrong."""
    access.workspace(db, user_id, workspace_id, Role.EDITOR)
    _catalog, problems = catalog_for(entries)
    if problems:
        raise PlanError(problems)
    with db.write() as s:
        return catalogs.put(s, user_id, workspace_id, entries)
