"""Correcting and deleting single stored actual records, by their fingerprint.

Each change runs in a write session with the plan's row locked first (as every change
of a plan's actuals, see :mod:`aibudget.store.actuals`) and is audited with the record
before (and after). A fingerprint no longer stored (someone else changed or deleted the
record meanwhile) is :class:`EntryGone` and nothing is changed.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from aibudget.domain.actuals import ActualRecord, Actuals, merge, same_content, with_fingerprint
from aibudget.domain.errors import Problem
from aibudget.domain.texts import N_
from aibudget.store import audit
from aibudget.store.actuals import locked_document, save_document
from aibudget.store.errors import Conflict
from aibudget.store.models_actuals import ActualImportRow
from aibudget.store.plans import require_plan
from aibudget.store.records import Role


class EntryGone(Conflict):
    """The record to correct or delete is no longer stored (changed or deleted meanwhile)."""

    message_id = "actuals.entry_gone"


def _position(existing: Actuals, fingerprint: str) -> int:
    for i, r in enumerate(existing.records):
        if r.fingerprint == fingerprint:
            return i
    raise EntryGone()


def correct(
    session: Session,
    user_id: str,
    workspace_id: str,
    plan_id: str,
    currency: str,
    fingerprint: str,
    record: ActualRecord,
) -> tuple[Actuals, list[Problem]]:
    """Replace exactly the stored record with ``fingerprint`` by ``record`` (in its place).

    :class:`EntryGone` when no stored record has that fingerprint. When the new record is
    about the same thing as another stored record (see :func:`merge`) the problem is
    returned and nothing is written; a record saying the same as before writes nothing.
    """
    require_plan(session, user_id, workspace_id, plan_id, Role.EDITOR)
    row, existing = locked_document(session, plan_id, currency)
    i = _position(existing, fingerprint)
    old, new = existing.records[i], with_fingerprint(record)
    if same_content(old, new):
        return existing, []
    others = existing.model_copy(
        update={"records": existing.records[:i] + existing.records[i + 1 :]}
    )
    _, report, problems = merge(others, [new])
    if problems or report.already_present:
        what = {"month": new.month, "tool": new.tool, "what": new.label or new.kpi or ""}
        return existing, problems or [Problem(("records", 0), N_("actuals.conflict"), what)]
    records = list(existing.records)
    records[i] = new
    changed = existing.model_copy(update={"records": records})
    save_document(session, row, user_id, workspace_id, plan_id, changed)
    audit.record(
        session, "actuals.corrected", user_id=user_id, workspace_id=workspace_id,
        target=plan_id, before=old.model_dump(mode="json"), after=new.model_dump(mode="json"),
    )  # fmt: skip
    return changed, []


def remove(
    session: Session,
    user_id: str,
    workspace_id: str,
    plan_id: str,
    currency: str,
    fingerprint: str,
) -> Actuals:
    """Delete exactly the stored record with ``fingerprint`` (:class:`EntryGone` when it
    is no longer stored); the audit log keeps the record."""
    require_plan(session, user_id, workspace_id, plan_id, Role.EDITOR)
    row, existing = locked_document(session, plan_id, currency)
    i = _position(existing, fingerprint)
    old = existing.records[i]
    changed = existing.model_copy(
        update={"records": existing.records[:i] + existing.records[i + 1 :]}
    )
    save_document(session, row, user_id, workspace_id, plan_id, changed)
    audit.record(
        session, "actuals.deleted", user_id=user_id, workspace_id=workspace_id,
        target=plan_id, before=old.model_dump(mode="json"),
    )  # fmt: skip
    return changed


def files(session: Session, user_id: str, workspace_id: str, plan_id: str) -> dict[str, str]:
    """Fingerprint -> name of the file a stored record was first imported from (for
    imports confirmed since fingerprints are kept with them)."""
    require_plan(session, user_id, workspace_id, plan_id, Role.VIEWER)
    rows = session.execute(
        select(ActualImportRow.file_name, ActualImportRow.summary)
        .where(ActualImportRow.plan_id == plan_id, ActualImportRow.confirmed_at.is_not(None))
        .order_by(ActualImportRow.confirmed_at)
    )
    found: dict[str, str] = {}
    for name, summary in rows:
        for fingerprint in (summary or {}).get("fingerprints", []):
            found.setdefault(fingerprint, name)
    return found
