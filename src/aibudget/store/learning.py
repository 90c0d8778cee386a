"""A plan's team learning log: entries added and removed by editors, read by every
member; each change audited in the same transaction. A plan of another workspace does
not exist for the asking user (NotFound)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import Session

from aibudget.domain.practice import LearningEntry
from aibudget.store import audit
from aibudget.store.db import read
from aibudget.store.errors import NotFound
from aibudget.store.models_practice import LearningEntryRow
from aibudget.store.plans import require_plan
from aibudget.store.records import Role

MAX_LISTED = 1000  # a log grows by a few entries a week; the newest thousand are plenty
_LOG = LearningEntryRow.__table__.c
_NEWEST = (
    select(_LOG.id, _LOG.tool, _LOG.who, _LOG.tried, _LOG.minutes_saved, _LOG.tip, _LOG.on)
    .where(_LOG.plan_id == bindparam("plan_id"))
    .order_by(_LOG.on.desc(), _LOG.created_at.desc(), _LOG.id)
    .limit(MAX_LISTED)
)


class StoredEntry(LearningEntry):
    """An entry as stored: with its id (to remove it)."""

    id: str


def add(
    session: Session, user_id: str, workspace_id: str, plan_id: str, entry: LearningEntry
) -> StoredEntry:
    require_plan(session, user_id, workspace_id, plan_id, Role.EDITOR)
    row = LearningEntryRow(
        plan_id=plan_id, workspace_id=workspace_id, created_by=user_id, **entry.model_dump()
    )
    session.add(row)
    session.flush()
    audit.record(
        session, "learning.added", user_id=user_id, workspace_id=workspace_id, target=plan_id,
        entry=row.id, tool=entry.tool, minutes_saved=entry.minutes_saved,
    )  # fmt: skip
    return _stored(row)


def entries(session: Session, user_id: str, workspace_id: str, plan_id: str) -> list[StoredEntry]:
    """Newest first (by the day it happened, then by when it was written down)."""
    require_plan(session, user_id, workspace_id, plan_id, Role.VIEWER)
    return [_stored(r) for r in read(session, _NEWEST, plan_id=plan_id)]


def remove(session: Session, user_id: str, workspace_id: str, plan_id: str, entry_id: str) -> None:
    require_plan(session, user_id, workspace_id, plan_id, Role.EDITOR)
    gone = session.execute(
        delete(LearningEntryRow).where(
            LearningEntryRow.id == entry_id, LearningEntryRow.plan_id == plan_id
        )
    )
    if not gone.rowcount:  # type: ignore[attr-defined]
        raise NotFound()
    audit.record(
        session, "learning.removed", user_id=user_id, workspace_id=workspace_id,
        target=plan_id, entry=entry_id,
    )  # fmt: skip


def _stored(row: Any) -> StoredEntry:
    """The entry of a log row (stored or read as a plain row: the same names)."""
    return StoredEntry(
        id=row.id, tool=row.tool, who=row.who, tried=row.tried,
        minutes_saved=row.minutes_saved, tip=row.tip, on=row.on,
    )  # fmt: skip
