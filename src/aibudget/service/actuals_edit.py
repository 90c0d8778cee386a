"""Correcting and deleting single monthly entries: shared by the page and the API.

An entry is named by its fingerprint. A correction is read like the entry form (the
same fields, problems and messages, :func:`aibudget.service.actuals_entry.read_entry`) into
one record that keeps what the form does not show (source, reference, days covered,
other benefits), and replaces exactly the stored record
(:func:`aibudget.store.actuals_edit.correct`). A fingerprint no longer stored is
:class:`~aibudget.store.actuals_edit.EntryGone` (409) and nothing is changed.
"""

from __future__ import annotations

from decimal import Decimal

from aibudget.domain.actuals import (
    PLAN_LEVEL,
    ActualRecord,
    Actuals,
    same_content,
    with_fingerprint,
)
from aibudget.domain.plan import Plan
from aibudget.domain.texts import N_
from aibudget.service.actuals_entry import FIELDS, Entry, read_entry
from aibudget.store import actuals_edit
from aibudget.store.actuals_edit import EntryGone
from aibudget.store.db import Database
from aibudget.store.errors import Conflict

KEPT = ("source", "label", "benefit", "first_day", "last_day", "rows")


class CorrectionConflict(Conflict):
    message_id = N_("monitor.web.correction_conflict")


def find(stored: Actuals, fingerprint: str) -> ActualRecord:
    """The stored record with ``fingerprint`` (:class:`EntryGone` when there is none)."""
    for record in stored.records:
        if record.fingerprint == fingerprint:
            return record
    raise EntryGone()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(getattr(value, "value", value))


def form_values(record: ActualRecord) -> dict[str, str]:
    """The entry form's fields filled with a stored record's values."""
    values = {name: _text(getattr(record, name)) for name in FIELDS}
    values["tool"] = record.tool or PLAN_LEVEL
    return values


def read_correction(plan: Plan, original: ActualRecord, form: dict[str, str]) -> Entry:
    """The corrected record (one), or the problems of the form, field by field."""
    entry = read_entry(plan, form, single=True, keep=original)
    if entry.records:
        kept = {name: getattr(original, name) for name in KEPT}
        entry.records = [with_fingerprint(entry.records[0].model_copy(update=kept))]
    return entry


def correct(
    db: Database,
    user_id: str,
    ws: str,
    plan_id: str,
    plan: Plan,
    stored: Actuals,
    fingerprint: str,
    form: dict[str, str],
) -> tuple[Entry, bool]:
    """Check the correction of one entry and, without problems, save it in one write;
    the form read, and whether anything changed.

    :class:`EntryGone` when the entry is no longer stored; :class:`CorrectionConflict`
    when the corrected entry would describe the same thing as another stored entry.
    """
    original = find(stored, fingerprint)
    entry = read_correction(plan, original, form)
    if entry.problems:
        return entry, False
    if same_content(original, entry.records[0]):
        return entry, False
    with db.write() as s:
        _, conflicts = actuals_edit.correct(
            s, user_id, ws, plan_id, plan.currency, fingerprint, entry.records[0]
        )
    if conflicts:
        raise CorrectionConflict()
    return entry, True


def delete(db: Database, user_id: str, ws: str, plan_id: str, currency: str, fp: str) -> None:
    """Delete one entry in one write (:class:`EntryGone` when it is no longer stored)."""
    with db.write() as s:
        actuals_edit.remove(s, user_id, ws, plan_id, currency, fp)


def imported_files(db: Database, user_id: str, ws: str, plan_id: str) -> dict[str, str]:
    """The name of the file each imported entry came from, by the entry's fingerprint."""
    with db.session() as s:
        return actuals_edit.files(s, user_id, ws, plan_id)
