"""The audit log: one row per change, written in the same transaction as the change."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from aibudget.store.models import AuditRow, aware
from aibudget.store.records import AuditEntry

MAX_ENTRIES = 500


def record(
    session: Session,
    action: str,
    *,
    user_id: str | None,
    workspace_id: str | None = None,
    target: str = "",
    **detail: Any,
) -> None:
    session.add(
        AuditRow(
            action=action,
            user_id=user_id,
            workspace_id=workspace_id,
            target=target,
            detail=detail,
        )
    )


def entries(session: Session, workspace_id: str, limit: int = 100) -> list[AuditEntry]:
    """Newest first. Callers check membership first (see workspaces.require)."""
    rows = session.scalars(
        select(AuditRow)
        .where(AuditRow.workspace_id == workspace_id)
        .order_by(AuditRow.id.desc())
        .limit(min(limit, MAX_ENTRIES))
    )
    return [
        AuditEntry(
            at=aware(r.at), user_id=r.user_id, action=r.action, target=r.target, detail=r.detail
        )
        for r in rows
    ]
