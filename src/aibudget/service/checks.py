"""The nightly check of a stored plan as its page shows it, and the version "check now"
checks."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy.orm import Session

from aibudget.store import checks, plans, workspaces
from aibudget.store.checks import LastCheck, Target
from aibudget.store.db import Database
from aibudget.store.records import Role


class CheckFacts(NamedTuple):
    """The plan's last check, a check that keeps failing (its message id), and whether
    the plan has a live version to check."""

    last: LastCheck | None
    failed: str | None
    live: bool


def check_facts(s: Session, user_id: str, ws: str, plan_id: str) -> CheckFacts:
    return CheckFacts(
        checks.last(s, user_id, ws, plan_id),
        checks.failure(s, user_id, ws, plan_id),
        checks.live_target(s, plan_id) is not None,
    )


def target_to_check(db: Database, user_id: str, ws: str, plan_id: str) -> Target | None:
    """The plan's live version, for an editor of its workspace (None without one)."""
    with db.session() as s:
        workspaces.require(s, user_id, ws, Role.EDITOR)
        plans.summary(s, user_id, ws, plan_id)
        return checks.live_target(s, plan_id)
