"""A workspace's own catalog entries (e.g. a consultant's negotiated prices).

Entries use the plan file's ``catalog:`` format; callers check them with
aibudget.catalog.catalog_for before saving.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from aibudget.store import audit
from aibudget.store.db import locked, read
from aibudget.store.models import WorkspaceCatalogRow, WorkspaceRow, aware, utcnow
from aibudget.store.records import CatalogOverrides, Role
from aibudget.store.workspaces import require

_CATALOGS = WorkspaceCatalogRow.__table__
_ENTRIES = select(_CATALOGS.c.entries, _CATALOGS.c.updated_at).where(
    _CATALOGS.c.workspace_id == bindparam("workspace_id")
)


def get(session: Session, user_id: str, workspace_id: str) -> CatalogOverrides:
    require(session, user_id, workspace_id)
    row = read(session, _ENTRIES, workspace_id=workspace_id).first()
    if row is None:
        return CatalogOverrides(workspace_id=workspace_id, entries=[], updated_at=None)
    return CatalogOverrides(
        workspace_id=workspace_id, entries=row.entries, updated_at=aware(row.updated_at)
    )


def put(
    session: Session, user_id: str, workspace_id: str, entries: list[dict[str, Any]]
) -> CatalogOverrides:
    require(session, user_id, workspace_id, Role.EDITOR)
    locked(session, WorkspaceRow, workspace_id)  # two first saves would clash
    row = locked(session, WorkspaceCatalogRow, workspace_id)
    if row is None:
        row = WorkspaceCatalogRow(workspace_id=workspace_id, entries=entries, updated_by=user_id)
        session.add(row)
    else:
        row.entries = entries
        row.updated_by = user_id
        row.updated_at = utcnow()
    session.flush()
    audit.record(
        session, "catalog.updated", user_id=user_id, workspace_id=workspace_id, count=len(entries)
    )
    return get(session, user_id, workspace_id)
