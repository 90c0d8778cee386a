"""The readiness self-assessment of a workspace, stored as the page and the API take it:
the answers so far (the newest assessment and an unfinished draft), and a finished one
scored and kept (the questionnaire and the scoring: :mod:`aibudget.engine.readiness`)."""

from __future__ import annotations

from typing import Any, NamedTuple

from aibudget.catalog import readiness_questionnaire
from aibudget.domain.guidance import ReadinessResult
from aibudget.engine.readiness import score
from aibudget.service import access
from aibudget.store import assessments, workspaces
from aibudget.store.assessments import Draft
from aibudget.store.db import Database
from aibudget.store.records import Assessment, Role, Workspace


class Answering(NamedTuple):
    """The workspace an editor answers for, its newest assessment and the draft."""

    space: Workspace
    latest: Assessment | None
    draft: Draft | None


def answering(db: Database, user_id: str, ws: str) -> Answering:
    with db.session() as s:
        space = workspaces.require(s, user_id, ws, Role.EDITOR)
        latest = assessments.latest(s, user_id, ws)
        return Answering(space, latest, assessments.draft(s, user_id, ws))


def assess(db: Database, user_id: str, ws: str, answers: dict[str, Any]) -> ReadinessResult:
    """The answers scored (AnswersError naming every problem) and kept, for an editor of
    the workspace."""
    access.workspace(db, user_id, ws, Role.EDITOR)
    result = score(readiness_questionnaire(), answers)
    with db.write() as s:
        assessments.save(s, user_id, ws, answers)
    return result
