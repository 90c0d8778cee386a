"""A plan's actuals (step 5): typed in, or imported after a preview; audited.

All actuals of a plan are one JSON document (:class:`aibudget.domain.actuals.Actuals`).
Adding records goes through :func:`aibudget.domain.actuals.merge`: a record whose
fingerprint is already stored is skipped (a re-import never double counts), a different
record about the same thing is a conflict and then nothing at all is written. Every
change of the document runs in a write session (``Database.write``) with the plan's row
locked first, so two changes at once are made one after the other and neither is lost.

Corrections and deletions of single records: :mod:`aibudget.store.actuals_edit`.

Imports are staged: :func:`stage` keeps a previewed file's records (and the file's
digest) until :func:`confirm` merges them in one step. The column mapping and encoding
of a source are remembered per workspace (:func:`remember`, :func:`remembered`).
Every function checks the asking user's membership first; a plan of another workspace
does not exist for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import Session

from aibudget.domain.actuals import (
    ActualRecord,
    Actuals,
    MergeReport,
    book_spend,
    merge,
)
from aibudget.domain.errors import Problem
from aibudget.store import audit
from aibudget.store.db import locked, read
from aibudget.store.errors import NotFound
from aibudget.store.models import PlanRow, WorkspaceRow, aware, utcnow
from aibudget.store.models_actuals import ActualImportRow, ImportSettingRow, PlanActualsRow
from aibudget.store.plans import require_plan
from aibudget.store.records import Record, Role
from aibudget.store.workspaces import require

MAX_SOURCE = 50


class StagedImport(Record):
    id: str
    plan_id: str
    file_name: str
    file_digest: str
    source: str
    summary: dict[str, Any]
    records: list[ActualRecord]
    created_at: datetime
    confirmed: bool


class ImportSetting(Record):
    source: str
    mapping: dict[str, str]  # field -> the header text that holds it
    encoding: str | None
    spend_to: str | None = None  # the plan tool or ad channel the source's spend goes to


SPEND_TO = "@spend_to"  # where ``spend_to`` is kept in the stored mapping (no field has "@")


def _read(document: dict[str, Any] | None, currency: str) -> Actuals:
    if document is None:
        return Actuals(currency=currency)
    return Actuals.model_validate(document)


_DOCUMENT = select(PlanActualsRow.__table__.c.document).where(
    PlanActualsRow.__table__.c.plan_id == bindparam("plan_id")
)


def get(session: Session, user_id: str, workspace_id: str, plan_id: str, currency: str) -> Actuals:
    """The plan's actuals (empty, in ``currency``, when none were recorded yet)."""
    require_plan(session, user_id, workspace_id, plan_id, Role.VIEWER)
    return _read(read(session, _DOCUMENT, plan_id=plan_id).scalar(), currency)


def locked_document(
    session: Session, plan_id: str, currency: str
) -> tuple[PlanActualsRow | None, Actuals]:
    # The plan's row is the lock of its actuals document (it exists before the document).
    locked(session, PlanRow, plan_id)
    row = locked(session, PlanActualsRow, plan_id)
    return row, _read(None if row is None else row.document, currency)


def save_document(
    session: Session,
    row: PlanActualsRow | None,
    user_id: str,
    workspace_id: str,
    plan_id: str,
    changed: Actuals,
) -> None:
    document = changed.model_dump(mode="json")
    if row is None:
        row = PlanActualsRow(
            plan_id=plan_id, workspace_id=workspace_id, document=document, updated_by=user_id
        )
        session.add(row)
    else:
        row.document = document
        row.updated_by = user_id
        row.updated_at = utcnow()


def _merge_and_write(
    session: Session,
    user_id: str,
    workspace_id: str,
    plan_id: str,
    currency: str,
    records: Sequence[ActualRecord],
    replace: bool,
    action: str,
    detail: dict[str, Any],
) -> tuple[Actuals, MergeReport, list[Problem]]:
    row, existing = locked_document(session, plan_id, currency)
    merged, report, problems = merge(existing, records, replace)
    if problems or not (report.added or report.replaced):
        return merged, report, problems
    save_document(session, row, user_id, workspace_id, plan_id, merged)
    audit.record(
        session,
        action,
        user_id=user_id,
        workspace_id=workspace_id,
        target=plan_id,
        added=report.added,
        already_present=report.already_present,
        replaced=report.replaced,
        **detail,
    )
    return merged, report, []


def add(
    session: Session,
    user_id: str,
    workspace_id: str,
    plan_id: str,
    currency: str,
    records: Sequence[ActualRecord],
    replace: bool = False,
) -> tuple[Actuals, MergeReport, list[Problem]]:
    """Merge typed-in records; with problems (conflicts) nothing is written."""
    require_plan(session, user_id, workspace_id, plan_id, Role.EDITOR)
    months = sorted({r.month for r in records})
    return _merge_and_write(
        session,
        user_id,
        workspace_id,
        plan_id,
        currency,
        records,
        replace,
        "actuals.entered",
        {"months": months},
    )


def _staged(row: ActualImportRow) -> StagedImport:
    return StagedImport(
        id=row.id,
        plan_id=row.plan_id,
        file_name=row.file_name,
        file_digest=row.file_digest,
        source=row.source,
        summary=row.summary,
        records=[ActualRecord.model_validate(r) for r in row.records],
        created_at=aware(row.created_at),
        confirmed=row.confirmed_at is not None,
    )


def stage(
    session: Session,
    user_id: str,
    workspace_id: str,
    plan_id: str,
    *,
    file_name: str,
    file_digest: str,
    source: str,
    summary: dict[str, Any],
    records: Sequence[ActualRecord],
) -> StagedImport:
    """Keep a previewed file's records until confirmed; drops this user's earlier
    unconfirmed previews of the plan (so staged imports stay few)."""
    require_plan(session, user_id, workspace_id, plan_id, Role.EDITOR)
    session.execute(
        delete(ActualImportRow).where(
            ActualImportRow.plan_id == plan_id,
            ActualImportRow.user_id == user_id,
            ActualImportRow.confirmed_at.is_(None),
        )
    )
    row = ActualImportRow(
        plan_id=plan_id,
        user_id=user_id,
        file_name=file_name[:300],
        file_digest=file_digest,
        source=source[:MAX_SOURCE],
        summary=summary,
        records=[r.model_dump(mode="json") for r in records],
    )
    session.add(row)
    session.flush()
    return _staged(row)


def _staged_row(
    session: Session, user_id: str, plan_id: str, import_id: str, lock: bool = False
) -> ActualImportRow:
    row = (
        locked(session, ActualImportRow, import_id)
        if lock
        else session.get(ActualImportRow, import_id)
    )
    if row is None or row.plan_id != plan_id or row.user_id != user_id:
        raise NotFound()
    return row


def staged(
    session: Session, user_id: str, workspace_id: str, plan_id: str, import_id: str
) -> StagedImport:
    require_plan(session, user_id, workspace_id, plan_id, Role.EDITOR)
    return _staged(_staged_row(session, user_id, plan_id, import_id))


def confirm(
    session: Session,
    user_id: str,
    workspace_id: str,
    plan_id: str,
    import_id: str,
    currency: str,
    replace: bool = False,
    spend_to: str | None = None,
) -> tuple[Actuals, MergeReport, list[Problem]]:
    """Merge a staged import in one step (all records, or none on a conflict), its ad
    spend booked to ``spend_to`` (see :func:`aibudget.domain.actuals.book_spend`)."""
    require_plan(session, user_id, workspace_id, plan_id, Role.EDITOR)
    row = _staged_row(session, user_id, plan_id, import_id, lock=True)
    records = [ActualRecord.model_validate(r) for r in row.records]
    if spend_to:
        records = book_spend(records, spend_to)
    detail = {"file": row.file_name, "digest": row.file_digest, "source": row.source}
    result = _merge_and_write(
        session, user_id, workspace_id, plan_id, currency, records, replace, "actuals.imported",
        detail,
    )  # fmt: skip
    if not result[2]:
        row.confirmed_at = utcnow()
        row.records = []  # merged: the actuals hold them now; the row keeps file and digest
        row.summary = row.summary | {"fingerprints": [r.fingerprint for r in records]}
    return result


def remembered(
    session: Session, user_id: str, workspace_id: str, source: str
) -> ImportSetting | None:
    require(session, user_id, workspace_id)
    row = session.get(ImportSettingRow, (workspace_id, source[:MAX_SOURCE]))
    if row is None:
        return None
    mapping = {k: v for k, v in row.mapping.items() if k != SPEND_TO}
    return ImportSetting(
        source=row.source,
        mapping=mapping,
        encoding=row.encoding,
        spend_to=row.mapping.get(SPEND_TO),
    )


def remember(
    session: Session,
    user_id: str,
    workspace_id: str,
    source: str,
    mapping: dict[str, str],
    encoding: str | None,
    spend_to: str | None = None,
) -> None:
    """Remember the column mapping, encoding and (for ad platforms) the tool or ad
    channel its spend went to, of ``source`` for the workspace."""
    require(session, user_id, workspace_id, Role.EDITOR)
    key = source[:MAX_SOURCE]
    mapping = {k: v for k, v in mapping.items() if k != SPEND_TO}
    if spend_to:
        mapping[SPEND_TO] = spend_to
    locked(session, WorkspaceRow, workspace_id)  # two first settings of a source would clash
    row = session.get(ImportSettingRow, (workspace_id, key))
    if row is None:
        session.add(
            ImportSettingRow(
                workspace_id=workspace_id, source=key, mapping=mapping, encoding=encoding
            )
        )
    elif row.mapping != mapping or row.encoding != encoding:
        row.mapping, row.encoding, row.updated_at = dict(mapping), encoding, utcnow()
    else:
        return
    audit.record(
        session, "imports.settings", user_id=user_id, workspace_id=workspace_id, target=key
    )


def staged_count(session: Session, plan_id: str) -> int:
    """Unconfirmed previews of a plan (for tests and housekeeping)."""
    rows = session.scalars(
        select(ActualImportRow.id).where(
            ActualImportRow.plan_id == plan_id, ActualImportRow.confirmed_at.is_(None)
        )
    )
    return len(list(rows))
