"""Plans and their immutable versions. Each save is a new numbered version.

A version's document, author, time and note never change; only its status moves
(draft -> live -> approved). Restoring an old version saves its document again as the
newest version. Every function checks the asking user's membership first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from aibudget.catalog import kpi_ids
from aibudget.domain.plan import Plan
from aibudget.domain.validate import parse_plan
from aibudget.store import audit
from aibudget.store.errors import Conflict, NotFound
from aibudget.store.models import PlanRow, PlanVersionRow, UserRow, aware
from aibudget.store.records import PlanSummary, PlanVersion, Role, Status, VersionInfo
from aibudget.store.workspaces import require

MAX_VERSIONS_LISTED = 1000
PARSED_CACHE_SIZE = 256
_ROWS = "aibudget.plan_rows"


def to_document(plan: Plan) -> dict[str, Any]:
    """The stored form: every field, amounts as exact decimal strings."""
    return plan.model_dump(mode="json")


def _plan_row(session: Session, workspace_id: str, plan_id: str) -> PlanRow:
    row = session.get(PlanRow, plan_id)
    if row is None or row.workspace_id != workspace_id or row.deleted_at is not None:
        raise NotFound()
    # Held for the rest of the session, so the next get is answered by its identity map
    # (which holds rows weakly) instead of another query; changes still show.
    session.info.setdefault(_ROWS, {})[plan_id] = row
    return row


def _info(row: PlanVersionRow, author: str) -> VersionInfo:
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


class _ParsedCache:
    """Validated plans by version id. Versions never change, so entries never go stale;
    the deferred document column is not even read for a cached version."""

    def __init__(self, size: int = PARSED_CACHE_SIZE) -> None:
        self._items: OrderedDict[str, tuple[Plan, dict[str, Any]]] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def get(self, row: PlanVersionRow) -> tuple[Plan, dict[str, Any]]:
        with self._lock:
            found = self._items.get(row.id)
            if found is not None:
                self._items.move_to_end(row.id)
                return found
        document = row.document
        parsed = (parse_plan(document, kpi_ids()), document)
        with self._lock:
            self._items[row.id] = parsed
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return parsed


_parsed = _ParsedCache()


def _full(row: PlanVersionRow, author: str) -> PlanVersion:
    info = _info(row, author)
    plan, document = _parsed.get(row)
    return PlanVersion(**info.model_dump(), plan=plan, document=document)


def _add_version(
    session: Session, user_id: str, plan_row: PlanRow, plan: Plan, note: str
) -> PlanVersionRow:
    latest = session.scalar(
        select(func.max(PlanVersionRow.number)).where(PlanVersionRow.plan_id == plan_row.id)
    )
    row = PlanVersionRow(
        plan_id=plan_row.id,
        number=(latest or 0) + 1,
        author_id=user_id,
        note=note.strip(),
        status=Status.DRAFT.value,
        document=to_document(plan),
    )
    session.add(row)
    try:
        session.flush()
    except IntegrityError:  # two saves raced for the same number: the other one won
        raise Conflict("store.version_race") from None
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
    session: Session, user_id: str, workspace_id: str, plan_id: str, plan: Plan, note: str = ""
) -> PlanVersion:
    require(session, user_id, workspace_id, Role.EDITOR)
    row = _add_version(session, user_id, _plan_row(session, workspace_id, plan_id), plan, note)
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
    return [_summary(p, v) for p, v in rows]


def _summary(plan: PlanRow, latest: PlanVersionRow) -> PlanSummary:
    """A plan with its newest version's number, status and time."""
    return PlanSummary(
        id=plan.id,
        workspace_id=plan.workspace_id,
        name=plan.name,
        created_at=aware(plan.created_at),
        latest_number=latest.number,
        latest_status=Status(latest.status),
        updated_at=aware(latest.created_at),
    )


def summary(session: Session, user_id: str, workspace_id: str, plan_id: str) -> PlanSummary:
    require(session, user_id, workspace_id)
    row = _plan_row(session, workspace_id, plan_id)
    return _summary(row, _version_row(session, plan_id, None))


def versions(
    session: Session,
    user_id: str,
    workspace_id: str,
    plan_id: str,
    limit: int = MAX_VERSIONS_LISTED,
) -> list[VersionInfo]:
    """Newest first (at most ``limit``)."""
    require(session, user_id, workspace_id)
    _plan_row(session, workspace_id, plan_id)
    rows = session.execute(
        select(PlanVersionRow, UserRow.name)
        .join(UserRow, UserRow.id == PlanVersionRow.author_id)
        .where(PlanVersionRow.plan_id == plan_id)
        .order_by(PlanVersionRow.number.desc())
        .limit(min(limit, MAX_VERSIONS_LISTED))
    )
    return [_info(v, name) for v, name in rows]


def _version_row(session: Session, plan_id: str, number: int | None) -> PlanVersionRow:
    query = select(PlanVersionRow).where(PlanVersionRow.plan_id == plan_id)
    if number is None:
        query = query.order_by(PlanVersionRow.number.desc()).limit(1)
    else:
        query = query.where(PlanVersionRow.number == number)
    row = session.scalar(query)
    if row is None:
        raise NotFound()
    return row


def version(
    session: Session, user_id: str, workspace_id: str, plan_id: str, number: int | None = None
) -> PlanVersion:
    """One version with its validated plan (the newest when ``number`` is None)."""
    require(session, user_id, workspace_id)
    _plan_row(session, workspace_id, plan_id)
    row = _version_row(session, plan_id, number)
    return _full(row, _author_name(session, row.author_id))


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
    plan_row = _plan_row(session, workspace_id, plan_id)
    rows = session.execute(
        select(PlanVersionRow, UserRow.name)
        .join(UserRow, UserRow.id == PlanVersionRow.author_id)
        .where(PlanVersionRow.plan_id == plan_id)
        .order_by(PlanVersionRow.number.desc())
        .limit(max(1, min(limit, MAX_VERSIONS_LISTED)))
    ).all()
    if not rows:
        raise NotFound()
    newest = rows[0][0]
    summary = _summary(plan_row, newest)
    wanted = newest.number if number is None else number
    found = next(((r, name) for r, name in rows if r.number == wanted), None)
    if found is None:
        row = _version_row(session, plan_id, wanted)
        found = (row, _author_name(session, row.author_id))
    approved = next(((r, n) for r, n in rows if r.status == Status.APPROVED.value), None)
    listed = [_info(r, name) for r, name in rows]
    return (
        summary,
        _full(*found),
        listed,
        _info(*approved) if approved else baseline(session, user_id, workspace_id, plan_id),
    )


def baseline(session: Session, user_id: str, workspace_id: str, plan_id: str) -> VersionInfo | None:
    """The newest approved version: the baseline other versions are compared with."""
    require(session, user_id, workspace_id)
    _plan_row(session, workspace_id, plan_id)
    row = session.scalar(
        select(PlanVersionRow)
        .where(PlanVersionRow.plan_id == plan_id, PlanVersionRow.status == Status.APPROVED.value)
        .order_by(PlanVersionRow.number.desc())
        .limit(1)
    )
    return _info(row, _author_name(session, row.author_id)) if row else None


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
    audit.record(
        session, "plan.deleted", user_id=user_id, workspace_id=workspace_id, target=plan_id
    )
