"""Readiness self-assessments of a workspace (step 0). Answers are kept as given.

An assessment is answered page by page: what one user has answered so far is kept as
their draft in the workspace (to go on later, from any device) until they finish it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import Session

from aibudget.store import audit
from aibudget.store.db import locked, read
from aibudget.store.models import AssessmentRow, UserRow, aware
from aibudget.store.models_readiness import ReadinessDraftRow
from aibudget.store.records import Assessment, Record, Role
from aibudget.store.workspaces import require


def save(session: Session, user_id: str, workspace_id: str, answers: dict[str, Any]) -> Assessment:
    """Store answers the caller has already checked against the questionnaire; the
    user's draft in the workspace is done with."""
    require(session, user_id, workspace_id, Role.EDITOR)
    row = AssessmentRow(workspace_id=workspace_id, user_id=user_id, answers=answers)
    session.add(row)
    session.execute(_own_draft(workspace_id, user_id, delete(ReadinessDraftRow)))
    session.flush()
    audit.record(
        session, "assessment.saved", user_id=user_id, workspace_id=workspace_id, target=row.id
    )
    return _record(session, row)


_DONE = AssessmentRow.__table__.c
_LATEST = (  # with its author's name
    select(_DONE.id, _DONE.workspace_id, _DONE.created_at, _DONE.answers, UserRow.name)
    .join_from(AssessmentRow, UserRow, UserRow.id == _DONE.user_id, isouter=True)
    .where(_DONE.workspace_id == bindparam("workspace_id"))
    .order_by(_DONE.created_at.desc(), _DONE.id)
    .limit(1)
)


def latest(session: Session, user_id: str, workspace_id: str) -> Assessment | None:
    require(session, user_id, workspace_id)
    row = read(session, _LATEST, workspace_id=workspace_id).first()
    return None if row is None else _assessment(row, row.name or "")


def _record(session: Session, row: AssessmentRow) -> Assessment:
    name = session.scalar(select(UserRow.name).where(UserRow.id == row.user_id)) or ""
    return _assessment(row, name)


def _assessment(row: Any, author_name: str) -> Assessment:
    """The assessment of a row (stored, or read as a plain row: the same names)."""
    return Assessment(
        id=row.id,
        workspace_id=row.workspace_id,
        author_name=author_name,
        created_at=aware(row.created_at),
        answers=row.answers,
    )


class Draft(Record):
    """The answers a user has given so far and the page (1 = the first) to go on at."""

    page: int
    answers: dict[str, Any]
    updated_at: datetime


def _own_draft(workspace_id: str, user_id: str, statement: Any) -> Any:
    return statement.where(
        ReadinessDraftRow.workspace_id == workspace_id, ReadinessDraftRow.user_id == user_id
    )


def draft(session: Session, user_id: str, workspace_id: str) -> Draft | None:
    """The user's unfinished answers in the workspace (None: nothing started)."""
    require(session, user_id, workspace_id, Role.EDITOR)
    row = session.scalar(_own_draft(workspace_id, user_id, select(ReadinessDraftRow)))
    if row is None:
        return None
    return Draft(page=row.page, answers=row.answers, updated_at=aware(row.updated_at))


def keep_draft(
    session: Session, user_id: str, workspace_id: str, answers: dict[str, Any], page: int
) -> None:
    """Keep the user's answers so far (checked by the caller) and the page to go on at."""
    require(session, user_id, workspace_id, Role.EDITOR)
    locked(session, UserRow, user_id)  # the same user's first pages from two devices clash
    row = session.scalar(_own_draft(workspace_id, user_id, select(ReadinessDraftRow)))
    if row is None:
        row = ReadinessDraftRow(workspace_id=workspace_id, user_id=user_id)
        session.add(row)
    row.answers, row.page = answers, page
    session.flush()
