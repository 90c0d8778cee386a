"""Importing a file of actuals, the same steps for the page and the API.

1. :func:`check_upload`: a file is sent, not too large, its format and spend target known.
2. :func:`preview_file`: the file read (nothing written): format, encoding, every bad row
   with its line and reason, and where its ad spend goes.
3. :func:`stage`: a file without problems kept (:func:`aibudget.store.actuals.stage`),
   with what merging it would add; :func:`staged_to` shows it again with another target.
4. :func:`confirm`: merged in one step, all its records or, on a conflict, none; the
   source's columns, encoding and spend target are remembered for the next file.

Nothing from a failed file is kept.
"""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Any, BinaryIO, NamedTuple, Protocol

from aibudget.domain.actuals import (
    ActualRecord,
    Actuals,
    MergeReport,
    book_spend,
    merge,
    plan_months,
)
from aibudget.domain.errors import AibudgetError
from aibudget.domain.plan import Plan
from aibudget.domain.texts import N_
from aibudget.imports import ImportOptions, Preview, preview_stream
from aibudget.imports.formats import FORMATS
from aibudget.service.import_routes import spend_target, spend_targets, unbooked
from aibudget.service.monitor import Merged
from aibudget.store import actuals
from aibudget.store.actuals import ImportSetting, StagedImport
from aibudget.store.db import Database

MAX_IMPORT_BYTES = 20 * 2**20
MAX_NAME = 300


class Upload(Protocol):
    """A file sent with a form (Starlette's ``UploadFile``)."""

    @property
    def filename(self) -> str | None: ...

    @property
    def size(self) -> int | None: ...

    @property
    def file(self) -> BinaryIO: ...


class UploadRefused(AibudgetError):
    """A file refused before it is read, beside its ``field``: none sent, or a format or
    spend target the plan does not know."""

    http_status = 422

    def __init__(self, field: str, message_id: str) -> None:
        super().__init__(message_id)
        self.field = field


class TooLarge(AibudgetError):
    message_id = N_("monitor.web.too_large")
    http_status = 413

    def __init__(self) -> None:
        super().__init__(max_mb=MAX_IMPORT_BYTES // 2**20)


@dataclasses.dataclass(frozen=True)
class Previewed:
    """A file read: the preview (ad spend not booked yet), a digest of its bytes, the
    source it is staged as, where its ad spend goes and whether that was remembered."""

    preview: Preview
    digest: str
    source: str
    target: str | None
    remembered: bool


class Staging(NamedTuple):
    """A staged import, where its ad spend goes and what merging it would do."""

    staged: StagedImport
    target: str | None
    would: MergeReport


class Confirmed(NamedTuple):
    """A staged import, the target its ad spend was booked to, and the merge; no merge
    when its ad spend has no target in the plan (nothing is written then)."""

    staged: StagedImport
    target: str | None
    merged: Merged | None


def check_upload(plan: Plan, upload: Upload | None, fmt: str, tool: str) -> Upload:
    """The file sent, worth reading for ``plan``: else :class:`UploadRefused` or
    :class:`TooLarge`."""
    if upload is None or not upload.filename:
        raise UploadRefused("file", N_("monitor.web.no_file"))
    if (upload.size or 0) > MAX_IMPORT_BYTES:
        raise TooLarge()
    if fmt not in ("", *FORMATS):
        raise UploadRefused("format", N_("monitor.web.unknown_choice"))
    if tool and tool not in dict(spend_targets(plan)):
        raise UploadRefused("tool", N_("monitor.web.unknown_choice"))
    return upload


def _digest(stream: BinaryIO) -> str:
    h = hashlib.sha256()
    for chunk in iter(lambda: stream.read(2**16), b""):
        h.update(chunk)
    stream.seek(0)
    return h.hexdigest()


def header_unknown(preview: Preview) -> bool:
    """Whether the only problem of the file is a header no format knows."""
    return [p.message_id for p in preview.problems] == [N_("import.header_not_found")]


def preview_file(
    db: Database, user_id: str, ws: str, plan: Plan, upload: Upload, fmt: str, tool: str,
    columns: dict[str, str] | None = None,
) -> Previewed:  # fmt: skip
    """The file read for ``plan``, nothing written; its ad spend goes to ``tool``, else
    where :func:`aibudget.service.import_routes.spend_target` says.

    What the workspace remembers for the source (encoding, columns) is used when the
    source was chosen (``fmt``), with ``columns`` (field -> header) the user mapped just
    now on top; a file whose header no format knows is tried with each source's
    remembered columns. Where ad spend went last time is used for the source found too."""
    stream = upload.file
    digest = _digest(stream)
    remembered = _remembered(db, user_id, ws, fmt) if fmt else None
    mapping = (remembered.mapping if remembered else {}) | (columns or {})
    options = ImportOptions(
        currency=plan.currency,
        format=fmt or None,
        encoding=remembered.encoding if remembered else None,
        mapping=mapping or None,
        months=plan_months(plan),
    )
    name = (upload.filename or "upload")[:MAX_NAME]
    preview = preview_stream(stream, name, options)
    if remembered and remembered.encoding and not preview.ok:  # a file saved another way
        stream.seek(0)
        preview = preview_stream(stream, name, dataclasses.replace(options, encoding=None))
    if not fmt and header_unknown(preview):
        preview, remembered = _with_remembered_columns(db, user_id, ws, stream, options, preview)
    if remembered is None and preview.format:
        remembered = _remembered(db, user_id, ws, preview.format)
    earlier = remembered.spend_to if remembered else None
    target = spend_target(plan, tool, earlier)
    source = preview.format or fmt or "import"
    kept = bool(earlier) and target == earlier and not tool
    return Previewed(preview, digest, source, target, kept)


def _remembered(db: Database, user_id: str, ws: str, source: str) -> ImportSetting | None:
    with db.session() as s:
        return actuals.remembered(s, user_id, ws, source)


def _with_remembered_columns(
    db: Database, user_id: str, ws: str, stream: BinaryIO, options: ImportOptions,
    preview: Preview,
) -> tuple[Preview, ImportSetting | None]:  # fmt: skip
    """The first source whose remembered columns read the file (one try per format)."""
    with db.session() as s:
        settings = [actuals.remembered(s, user_id, ws, source) for source in FORMATS]
    for source, setting in zip(FORMATS, settings, strict=True):
        if setting is None or not setting.mapping:
            continue
        stream.seek(0)
        tried = dataclasses.replace(options, format=source, mapping=setting.mapping)
        found = preview_stream(stream, preview.file, tried)
        if not header_unknown(found):
            return found, setting
    return preview, None


def _summary(read: Previewed) -> dict[str, Any]:
    """What a staged import keeps of its preview, and where its ad spend goes."""
    preview = read.preview
    return {
        "format": preview.format,
        "encoding": preview.encoding,
        "encoding_method": preview.encoding_method,
        "mapping": preview.mapping,
        "header_line": preview.header_line,
        "rows_used": preview.rows_used,
        "spend_to": read.target,
    }


def _would(stored: Actuals, records: list[ActualRecord], target: str | None) -> MergeReport:
    """What merging the records, their ad spend booked to ``target``, would do."""
    _, would, _ = merge(stored, book_spend(records, target) if target else records)
    return would


def stage(
    db: Database, user_id: str, ws: str, plan_id: str, stored: Actuals, read: Previewed
) -> Staging:
    """Keep a file read without problems until it is confirmed (``stored``: the plan's
    actuals, to say what it would add)."""
    preview = read.preview
    with db.write() as s:
        staged = actuals.stage(
            s, user_id, ws, plan_id, file_name=preview.file, file_digest=read.digest,
            source=read.source, summary=_summary(read), records=preview.records,
        )  # fmt: skip
    return Staging(staged, read.target, _would(stored, preview.records, read.target))


def staged_to(
    db: Database, user_id: str, ws: str, plan_id: str, plan: Plan, stored: Actuals,
    import_id: str, chosen: str,
) -> Staging:  # fmt: skip
    """A staged import again, its ad spend going to ``chosen`` (one of the plan's targets)."""
    with db.session() as s:
        staged = actuals.staged(s, user_id, ws, plan_id, import_id)
    target = spend_target(plan, chosen)
    return Staging(staged, target, _would(stored, staged.records, target))


def confirm(
    db: Database, user_id: str, ws: str, plan_id: str, plan: Plan, import_id: str,
    replace: bool, chosen: str = "",
) -> Confirmed:  # fmt: skip
    """Merge a staged import in one write, its ad spend booked to ``chosen``, else to
    the target it was staged with (see :func:`aibudget.service.import_routes.spend_target`).

    Merged without conflicts, the source's columns, encoding and (for ad spend) target
    are remembered for the workspace's next file of that source."""
    with db.write() as s:
        staged = actuals.staged(s, user_id, ws, plan_id, import_id)
        spending = bool(unbooked(staged.records))
        target = spend_target(plan, chosen, staged.summary.get("spend_to"))
        if spending and target is None:
            return Confirmed(staged, target, None)
        merged = Merged(
            *actuals.confirm(s, user_id, ws, plan_id, import_id, plan.currency, replace, target)
        )
        if not merged.conflicts:
            actuals.remember(
                s, user_id, ws, staged.source, dict(staged.summary.get("mapping") or {}),
                staged.summary.get("encoding"), target if spending else None,
            )  # fmt: skip
    return Confirmed(staged, target, merged)
