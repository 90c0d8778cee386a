"""Plans and their immutable versions. Each save is a new numbered version.

A version's document, author, time and note never change; only its status moves
(draft -> live -> approved). Restoring an old version saves its document again as the
newest version. Every function checks the asking user's membership first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from aibudget.catalog import kpi_ids
from aibudget.domain.plan import Plan
from aibudget.domain.validate import parse_plan
from aibudget.service.memo import Memo
from aibudget.store import audit
from aibudget.store.db import locked, read
from aibudget.store.errors import NotFound, StaleVersion
from aibudget.store.models import PlanRow, PlanVersionRow, UserRow, aware
from aibudget.store.records import PlanSummary, PlanVersion, Role, Status, VersionInfo
from aibudget.store.workspaces import require

MAX_VERSIONS_LISTED = 1000
MAX_NUMBER = 2**63 - 1
PARSED_KEPT = 256
_ROWS = "aibudget.plan_rows"
_FOUND = "aibudget.plans_found"  # (workspace id, plan id) found in this transaction

# The reads of every plan page and API call, as plain SQL built once: a version's facts
# with its author's name and its plan's (so one query also checks the plan is in the
# workspace and not deleted). Documents are read only for versions not parsed yet.
_PLANS, _VERSIONS, _USERS = PlanRow.__table__, PlanVersionRow.__table__, UserRow.__table__
_FACTS = (
    select(
        _VERSIONS.c.id,
        _VERSIONS.c.plan_id,
        _VERSIONS.c.number,
        _VERSIONS.c.author_id,
        _VERSIONS.c.created_at,
        _VERSIONS.c.note,
        _VERSIONS.c.status,
        _USERS.c.name.label("author_name"),
        _PLANS.c.workspace_id,
        _PLANS.c.name.label("plan_name"),
        _PLANS.c.created_at.label("plan_created_at"),
    )
    .join(_PLANS, _PLANS.c.id == _VERSIONS.c.plan_id)
    .join(_USERS, _USERS.c.id == _VERSIONS.c.author_id)
    .where(
        _VERSIONS.c.plan_id == bindparam("plan_id"),
        _PLANS.c.workspace_id == bindparam("workspace_id"),
        _PLANS.c.deleted_at.is_(None),
    )
)
_NEWEST = _FACTS.order_by(_VERSIONS.c.number.desc()).limit(bindparam("limit"))
_NUMBERED = _FACTS.where(_VERSIONS.c.number == bindparam("number"))
_BASELINE = (
    _FACTS.where(_VERSIONS.c.status == Status.APPROVED.value)
    .order_by(_VERSIONS.c.number.desc())
    .limit(1)
)
_DOCUMENT = select(_VERSIONS.c.document).where(_VERSIONS.c.id == bindparam("version_id"))


def to_document(plan: Plan) -> dict[str, Any]:
    """The stored form: every field, amounts as exact decimal strings."""
    return plan.model_dump(mode="json")


def _plan_row(session: Session, workspace_id: str, plan_id: str, lock: bool = False) -> PlanRow:
    """The plan's ORM row; ``lock``: held until the transaction ends, so that changes of
    the plan (a new version's number, its actuals) are made one after another."""
    row = locked(session, PlanRow, plan_id) if lock else session.get(PlanRow, plan_id)
    if row is None or row.workspace_id != workspace_id or row.deleted_at is not None:
        raise NotFound()
    # Held for the rest of the session, so the next get is answered by its identity map
    # (which holds rows weakly) instead of another query; changes still show.
    session.info.setdefault(_ROWS, {})[plan_id] = row
    return row


def _info(row: PlanVersionRow | Any, author: str) -> VersionInfo:
    """A version's facts from its ORM row or a row of ``_FACTS``."""
    return VersionInfo(
        id=row.id,
        plan_id=row.plan_id,
        number=row.number,
        author_id=row.author_id,
        author_name=author,
        created_at=aware(row.created_at),
        note=row.note,
        status=Status(row.status),
    )


# Validated plans by version id. A version's document never changes, so an entry never
# goes stale, and the deferred document column is not even read for a kept version;
# viewers of a new version at once parse it once.
_parsed: Memo[str, tuple[Plan, dict[str, Any]]] = Memo(PARSED_KEPT)


def _parse(version_id: str, document: Callable[[], dict[str, Any]]) -> tuple[Plan, dict[str, Any]]:
    def make() -> tuple[Plan, dict[str, Any]]:
        stored = document()
        return parse_plan(stored, kpi_ids()), stored

    return _parsed.get_or_make(version_id, make)


def _full(row: PlanVersionRow, author: str) -> PlanVersion:
    """A version just saved (its ORM row holds the document)."""
    info = _info(row, author)
    plan, document = _parse(row.id, lambda: row.document)
    return PlanVersion(**info.model_dump(), plan=plan, document=document)


def _stored(session: Session, facts: Any) -> PlanVersion:
    """A stored version from a row of ``_FACTS`` (its document read only if not parsed)."""
    info = _info(facts, facts.author_name)

    def document() -> dict[str, Any]:
        found: dict[str, Any] = read(session, _DOCUMENT, version_id=facts.id).scalar_one()
        return found

    plan, stored = _parse(facts.id, document)
    return PlanVersion(**info.model_dump(), plan=plan, document=stored)


def _facts(session: Session, workspace_id: str, plan_id: str, number: int | None = None) -> Any:
    """The row of ``_FACTS`` for version ``number`` (the newest when None); NotFound when
    the plan is not in the workspace, is deleted or has no such version."""
    if number is None:
        query = read(session, _NEWEST, workspace_id=workspace_id, plan_id=plan_id, limit=1)
    elif not 0 < number <= MAX_NUMBER:
        raise NotFound()  # never a version's number (and too large for a database integer)
    else:
        query = read(session, _NUMBERED, workspace_id=workspace_id, plan_id=plan_id, number=number)
    row = query.first()
    if row is None:
        raise NotFound()
    return row


def _add_version(
    session: Session, user_id: str, plan_row: PlanRow, plan: Plan, note: str,
    base: int | None = None,
) -> PlanVersionRow:  # fmt: skip
    """The next numbered version; with ``base``, only while ``base`` is the newest."""
    latest = session.scalar(
        select(func.max(PlanVersionRow.number)).where(PlanVersionRow.plan_id == plan_row.id)
    )
    if base is not None and latest != base:
        raise StaleVersion(base=base, newest=latest)
    row = PlanVersionRow(
        plan_id=plan_row.id,
        number=(latest or 0) + 1,
        author_id=user_id,
        note=note.strip(),
        status=Status.DRAFT.value,
        document=to_document(plan),
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        "version.saved",
        user_id=user_id,
        workspace_id=plan_row.workspace_id,
        target=plan_row.id,
        number=row.number,
    )
    return row


def _author_name(session: Session, user_id: str) -> str:
    return session.scalar(select(UserRow.name).where(UserRow.id == user_id)) or ""


def create(
    session: Session, user_id: str, workspace_id: str, name: str, plan: Plan, note: str = ""
) -> PlanVersion:
    require(session, user_id, workspace_id, Role.EDITOR)
    row = PlanRow(workspace_id=workspace_id, name=name.strip())
    session.add(row)
    session.flush()
    audit.record(session, "plan.created", user_id=user_id, workspace_id=workspace_id, target=row.id)
    version = _add_version(session, user_id, row, plan, note)
    return _full(version, _author_name(session, user_id))


def save(
    session: Session, user_id: str, workspace_id: str, plan_id: str, plan: Plan, note: str = "",
    base: int | None = None,
) -> PlanVersion:  # fmt: skip
    """A new version; with ``base``, only while version ``base`` is still the newest
    (StaleVersion otherwise: the edit was made on an older version)."""
    require(session, user_id, workspace_id, Role.EDITOR)
    plan_row = _plan_row(session, workspace_id, plan_id, lock=True)
    row = _add_version(session, user_id, plan_row, plan, note, base)
    return _full(row, _author_name(session, user_id))


def list_plans(session: Session, user_id: str, workspace_id: str) -> list[PlanSummary]:
    require(session, user_id, workspace_id)
    latest = (
        select(PlanVersionRow.plan_id, func.max(PlanVersionRow.number).label("number"))
        .group_by(PlanVersionRow.plan_id)
        .subquery()
    )
    rows = session.execute(
        select(PlanRow, PlanVersionRow)
        .join(latest, latest.c.plan_id == PlanRow.id)
        .join(
            PlanVersionRow,
            (PlanVersionRow.plan_id == PlanRow.id) & (PlanVersionRow.number == latest.c.number),
        )
        .where(PlanRow.workspace_id == workspace_id, PlanRow.deleted_at.is_(None))
        .order_by(PlanRow.name, PlanRow.id)
    )
    return [_summary(p.id, p.workspace_id, p.name, p.created_at, v) for p, v in rows]


def _summary(
    plan_id: str, workspace_id: str, name: str, created_at: datetime, latest: Any
) -> PlanSummary:
    """A plan with its newest version's number, status and time (``latest`` is its ORM
    row or its row of ``_FACTS``)."""
    return PlanSummary(
        id=plan_id,
        workspace_id=workspace_id,
        name=name,
        created_at=aware(created_at),
        latest_number=latest.number,
        latest_status=Status(latest.status),
        updated_at=aware(latest.created_at),
    )


def _summary_of(newest: Any) -> PlanSummary:
    """The summary from the ``_FACTS`` row of the plan's newest version."""
    return _summary(
        newest.plan_id, newest.workspace_id, newest.plan_name, newest.plan_created_at, newest
    )


def summary(session: Session, user_id: str, workspace_id: str, plan_id: str) -> PlanSummary:
    require(session, user_id, workspace_id)
    found = _summary_of(_facts(session, workspace_id, plan_id))
    _found(session, workspace_id, plan_id)
    return found


def _found(session: Session, workspace_id: str, plan_id: str) -> None:
    """Remember for the rest of the transaction that the plan is in the workspace."""
    session.info.setdefault(_FOUND, set()).add((workspace_id, plan_id))


def require_plan(
    session: Session, user_id: str, workspace_id: str, plan_id: str, need: Role = Role.VIEWER
) -> None:
    """NotFound unless the plan is in the workspace and not deleted and the user is a
    member (Forbidden when short of ``need``).

    A plan found once is remembered for the rest of the transaction (a page asks for the
    plan's versions, actuals, learning log and checks in one), as memberships are;
    deleting it there forgets it.
    """
    require(session, user_id, workspace_id, need)
    if (workspace_id, plan_id) not in session.info.get(_FOUND, ()):
        _facts(session, workspace_id, plan_id)  # NotFound for other workspaces
        _found(session, workspace_id, plan_id)


def versions(
    session: Session,
    user_id: str,
    workspace_id: str,
    plan_id: str,
    limit: int = MAX_VERSIONS_LISTED,
) -> list[VersionInfo]:
    """Newest first (at most ``limit``)."""
    require(session, user_id, workspace_id)
    rows = _listed(session, workspace_id, plan_id, limit)
    return [_info(row, row.author_name) for row in rows]


def _listed(session: Session, workspace_id: str, plan_id: str, limit: int) -> Sequence[Any]:
    """``_FACTS`` rows, newest first; NotFound for a plan not in the workspace or deleted."""
    limit = max(1, min(limit, MAX_VERSIONS_LISTED))
    rows = read(session, _NEWEST, workspace_id=workspace_id, plan_id=plan_id, limit=limit).all()
    if not rows:
        raise NotFound()  # every plan has a version, so the plan is not there
    return rows


def _version_row(session: Session, plan_id: str, number: int) -> PlanVersionRow:
    """The ORM row of a version, to change its status."""
    row = None
    if 0 < number <= MAX_NUMBER:
        row = session.scalar(
            select(PlanVersionRow)
            .where(PlanVersionRow.plan_id == plan_id, PlanVersionRow.number == number)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    if row is None:
        raise NotFound()
    return row


def version(
    session: Session, user_id: str, workspace_id: str, plan_id: str, number: int | None = None
) -> PlanVersion:
    """One version with its validated plan (the newest when ``number`` is None)."""
    require(session, user_id, workspace_id)
    return _stored(session, _facts(session, workspace_id, plan_id, number))


def overview(
    session: Session,
    user_id: str,
    workspace_id: str,
    plan_id: str,
    number: int | None = None,
    limit: int = MAX_VERSIONS_LISTED,
) -> tuple[PlanSummary, PlanVersion, list[VersionInfo], VersionInfo | None]:
    """What the plan page shows, as ``summary``, ``version``, ``versions`` and ``baseline``
    would give, with fewer queries: those are answered from the listed versions when they
    are among them."""
    require(session, user_id, workspace_id)
    limit = max(1, min(limit, MAX_VERSIONS_LISTED))
    rows = _listed(session, workspace_id, plan_id, limit)
    _found(session, workspace_id, plan_id)
    wanted = rows[0].number if number is None else number
    found = next((r for r in rows if r.number == wanted), None)
    if found is None:
        found = _facts(session, workspace_id, plan_id, wanted)
    approved = next((r for r in rows if r.status == Status.APPROVED.value), None)
    if approved is None and len(rows) == limit:  # an older, unlisted one may be approved
        approved = read(session, _BASELINE, workspace_id=workspace_id, plan_id=plan_id).first()
    return (
        _summary_of(rows[0]),
        _stored(session, found),
        [_info(r, r.author_name) for r in rows],
        _info(approved, approved.author_name) if approved else None,
    )


def baseline(session: Session, user_id: str, workspace_id: str, plan_id: str) -> VersionInfo | None:
    """The newest approved version: the baseline other versions are compared with."""
    require(session, user_id, workspace_id)
    _listed(session, workspace_id, plan_id, 1)  # NotFound for a plan not there
    row = read(session, _BASELINE, workspace_id=workspace_id, plan_id=plan_id).first()
    return _info(row, row.author_name) if row else None


def set_status(
    session: Session, user_id: str, workspace_id: str, plan_id: str, number: int, status: Status
) -> VersionInfo:
    """Mark a version draft, live or approved. Approving needs the owner."""
    need = Role.OWNER if status is Status.APPROVED else Role.EDITOR
    require(session, user_id, workspace_id, need)
    _plan_row(session, workspace_id, plan_id)
    row = _version_row(session, plan_id, number)
    before = row.status
    row.status = status.value
    audit.record(
        session,
        "version.status",
        user_id=user_id,
        workspace_id=workspace_id,
        target=plan_id,
        number=number,
        before=before,
        after=status.value,
    )
    return _info(row, _author_name(session, row.author_id))


def restore(
    session: Session, user_id: str, workspace_id: str, plan_id: str, number: int, note: str
) -> PlanVersion:
    """Save version ``number``'s document again as the newest version."""
    old = version(session, user_id, workspace_id, plan_id, number)
    return save(session, user_id, workspace_id, plan_id, old.plan, note)


def rename(session: Session, user_id: str, workspace_id: str, plan_id: str, name: str) -> None:
    require(session, user_id, workspace_id, Role.EDITOR)
    row = _plan_row(session, workspace_id, plan_id)
    row.name = name.strip()
    audit.record(
        session, "plan.renamed", user_id=user_id, workspace_id=workspace_id, target=plan_id
    )


def delete(session: Session, user_id: str, workspace_id: str, plan_id: str) -> None:
    """Hide a plan (its versions stay in the database for the audit trail)."""
    require(session, user_id, workspace_id, Role.EDITOR)
    row = _plan_row(session, workspace_id, plan_id)
    row.deleted_at = datetime.now(UTC)
    session.info.get(_FOUND, set()).discard((workspace_id, plan_id))
    audit.record(
        session, "plan.deleted", user_id=user_id, workspace_id=workspace_id, target=plan_id
    )
