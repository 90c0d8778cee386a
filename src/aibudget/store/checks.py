"""Nightly checks of plans: which versions to check, their stored results, and what the
plan page and the consultant's overview show of them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from aibudget.catalog import kpi_ids
from aibudget.domain.actuals import Actuals
from aibudget.domain.checks import CheckResult
from aibudget.domain.plan import Plan
from aibudget.domain.validate import parse_plan
from aibudget.store import job_runs, plans, workspaces
from aibudget.store.db import read
from aibudget.store.models import PlanRow, PlanVersionRow, aware
from aibudget.store.models_actuals import PlanActualsRow
from aibudget.store.models_jobs import PlanCheckRow
from aibudget.store.records import Record, Status, Workspace

CHECK = "check"
LIVE = (Status.LIVE.value, Status.APPROVED.value)
NEWEST_LIVE = (
    select(PlanVersionRow.plan_id, func.max(PlanVersionRow.number).label("number"))
    .join(PlanRow, PlanRow.id == PlanVersionRow.plan_id)
    .where(PlanVersionRow.status.in_(LIVE), PlanRow.deleted_at.is_(None))
    .group_by(PlanVersionRow.plan_id)
    .subquery()
)


class Target(Record):
    """A version to check (system-wide: the scheduler works for every workspace)."""

    version_id: str
    plan_id: str
    workspace_id: str


class Subject(Target):
    plan: Plan
    actuals: Actuals


class LastCheck(Record):
    number: int  # the version checked
    checked_at: datetime
    result: CheckResult


class PlanState(Record):
    plan_id: str
    name: str
    number: int
    last: LastCheck | None
    failed: str | None  # message id of a check that keeps failing


class WorkspaceState(Record):
    workspace: Workspace
    plans: list[PlanState]


def check_key(version_id: str, day: date) -> str:
    return f"{CHECK}:{version_id}:{day.isoformat()}"


def _live_rows(session: Session, workspace_ids: list[str] | None = None) -> Iterator[Any]:
    query = (
        select(PlanVersionRow.id, PlanVersionRow.plan_id, PlanVersionRow.number, PlanRow)
        .join(
            NEWEST_LIVE,
            (NEWEST_LIVE.c.plan_id == PlanVersionRow.plan_id)
            & (NEWEST_LIVE.c.number == PlanVersionRow.number),
        )
        .join(PlanRow, PlanRow.id == PlanVersionRow.plan_id)
        .order_by(PlanRow.name, PlanRow.id)
    )
    if workspace_ids is not None:
        query = query.where(PlanRow.workspace_id.in_(workspace_ids))
    yield from session.execute(query)


def _target(row: Any) -> Target:
    return Target(version_id=row.id, plan_id=row.plan_id, workspace_id=row.PlanRow.workspace_id)


def live_versions(session: Session) -> list[Target]:
    """The newest live or approved version of every plan that is not deleted."""
    return [_target(r) for r in _live_rows(session)]


# The newest live or approved version of one plan, through the (plan, number) index:
# plain SQL built once, without the grouping over every plan that NEWEST_LIVE does.
_PLANS, _VERSIONS = PlanRow.__table__, PlanVersionRow.__table__
_LIVE_OF_PLAN = (
    select(_VERSIONS.c.id, _VERSIONS.c.plan_id, _PLANS.c.workspace_id)
    .join(_PLANS, _PLANS.c.id == _VERSIONS.c.plan_id)
    .where(
        _VERSIONS.c.plan_id == bindparam("plan_id"),
        _VERSIONS.c.status.in_(LIVE),
        _PLANS.c.deleted_at.is_(None),
    )
    .order_by(_VERSIONS.c.number.desc())
    .limit(1)
)


_CHECKS = PlanCheckRow.__table__
_LAST = (
    select(_CHECKS.c.checked_at, _CHECKS.c.result, _VERSIONS.c.number)
    .join(_VERSIONS, _VERSIONS.c.id == _CHECKS.c.version_id)
    .where(_CHECKS.c.plan_id == bindparam("plan_id"))
    .order_by(_CHECKS.c.day.desc(), _CHECKS.c.checked_at.desc())
    .limit(1)
)


def live_target(session: Session, plan_id: str) -> Target | None:
    """The version of ``plan_id`` the nightly check covers (None: no live version).
    The caller has checked the plan is the user's."""
    found = read(session, _LIVE_OF_PLAN, plan_id=plan_id).first()
    if found is None:
        return None
    return Target(version_id=found.id, plan_id=found.plan_id, workspace_id=found.workspace_id)


def subject(session: Session, version_id: str) -> Subject | None:
    """The version with its plan and actuals (None when it or its plan is gone)."""
    found = session.execute(
        select(PlanVersionRow.document, PlanVersionRow.plan_id, PlanRow.workspace_id)
        .join(PlanRow, PlanRow.id == PlanVersionRow.plan_id)
        .where(PlanVersionRow.id == version_id, PlanRow.deleted_at.is_(None))
    ).first()
    if found is None:
        return None
    plan = parse_plan(found.document, kpi_ids())
    stored = session.get(PlanActualsRow, found.plan_id)
    recorded = (
        Actuals.model_validate(stored.document) if stored else Actuals(currency=plan.currency)
    )
    return Subject(
        version_id=version_id,
        plan_id=found.plan_id,
        workspace_id=found.workspace_id,
        plan=plan,
        actuals=recorded,
    )


def save(session: Session, target: Target, result: CheckResult) -> bool:
    """Store the check of ``target`` on ``result.day`` unless one is stored (True if new)."""
    exists = session.scalar(
        select(PlanCheckRow.id).where(
            PlanCheckRow.version_id == target.version_id, PlanCheckRow.day == result.day
        )
    )
    if exists:
        return False
    session.add(
        PlanCheckRow(
            version_id=target.version_id,
            plan_id=target.plan_id,
            day=result.day,
            result=result.model_dump(mode="json"),
        )
    )
    return True


def count(session: Session, version_id: str, day: date) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(PlanCheckRow)
            .where(PlanCheckRow.version_id == version_id, PlanCheckRow.day == day)
        )
        or 0
    )


def _last(session: Session, plan_id: str) -> LastCheck | None:
    row = read(session, _LAST, plan_id=plan_id).first()
    if row is None:
        return None
    return LastCheck(
        number=row.number,
        checked_at=aware(row.checked_at),
        result=CheckResult.model_validate(row.result),
    )


def last(session: Session, user_id: str, workspace_id: str, plan_id: str) -> LastCheck | None:
    """The plan's newest check (None before its first), for a member of its workspace."""
    plans.require_plan(session, user_id, workspace_id, plan_id)  # NotFound for anyone else
    return _last(session, plan_id)


def failure(session: Session, user_id: str, workspace_id: str, plan_id: str) -> str | None:
    plans.require_plan(session, user_id, workspace_id, plan_id)
    return job_runs.failed_for_plan(session, plan_id, CHECK)


def overview(session: Session, user_id: str) -> list[WorkspaceState]:
    """Every workspace of the user, each live plan with its last check and failures."""
    spaces = workspaces.list_for(session, user_id)
    by_space: dict[str, list[PlanState]] = {w.id: [] for w in spaces}
    for row in _live_rows(session, list(by_space)):
        by_space[row.PlanRow.workspace_id].append(
            PlanState(
                plan_id=row.plan_id,
                name=row.PlanRow.name,
                number=row.number,
                last=_last(session, row.plan_id),
                failed=job_runs.failed_for_plan(session, row.plan_id, CHECK),
            )
        )
    return [WorkspaceState(workspace=w, plans=by_space[w.id]) for w in spaces]
