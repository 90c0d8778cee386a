"""The owner's worries travel with the plan through its workspace: the newest readiness
check says which of the four worries are strong; result pages answer those."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from aibudget.catalog import readiness_questionnaire
from aibudget.domain.guidance import ANXIETIES, AnswersError, ReadinessResult
from aibudget.engine.readiness import score
from aibudget.store import assessments


def assessed(answers: Mapping[str, Any] | None) -> ReadinessResult | None:
    """The scored readiness check, or None without one (or with answers that no longer
    fit the questionnaire)."""
    if answers is None:
        return None
    try:
        return score(readiness_questionnaire(), answers)
    except AnswersError:
        return None


def strong_worries(result: ReadinessResult | None) -> list[str]:
    """The worries to answer: the strong ones of the readiness check, or all four when
    the owner has not taken it (no worry is assumed away)."""
    if result is None:
        return list(ANXIETIES)
    limit = readiness_questionnaire().thresholds.anxiety_from
    return [a for a in ANXIETIES if result.anxieties.get(a, 0) >= limit]


def owner_worries(s: Session, user_id: str, ws: str) -> list[str]:
    """The worries the workspace's newest readiness check found strong (all without one)."""
    found = assessments.latest(s, user_id, ws)
    return strong_worries(assessed(found.answers if found else None))
