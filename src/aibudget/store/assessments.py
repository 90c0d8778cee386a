"""Readiness self-assessments of a workspace (step 0). Answers are kept as given."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from aibudget.store import audit
from aibudget.store.models import AssessmentRow, UserRow, aware
from aibudget.store.records import Assessment, Role
from aibudget.store.workspaces import require


def save(session: Session, user_id: str, workspace_id: str, answers: dict[str, Any]) -> Assessment:
    """Store answers the caller has already checked against the questionnaire."""
    require(session, user_id, workspace_id, Role.EDITOR)
    row = AssessmentRow(workspace_id=workspace_id, user_id=user_id, answers=answers)
    session.add(row)
    session.flush()
    audit.record(
        session, "assessment.saved", user_id=user_id, workspace_id=workspace_id, target=row.id
    )
    return _record(session, row)


def latest(session: Session, user_id: str, workspace_id: str) -> Assessment | None:
    require(session, user_id, workspace_id)
    row = session.scalar(
        select(AssessmentRow)
        .where(AssessmentRow.workspace_id == workspace_id)
        .order_by(AssessmentRow.created_at.desc(), AssessmentRow.id)
        .limit(1)
    )
    return _record(session, row) if row else None


def _record(session: Session, row: AssessmentRow) -> Assessment:
    name = session.scalar(select(UserRow.name).where(UserRow.id == row.user_id)) or ""
    return Assessment(
        id=row.id,
        workspace_id=row.workspace_id,
        author_name=name,
        created_at=aware(row.created_at),
        answers=row.answers,
    )
