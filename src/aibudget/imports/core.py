"""Preview, then confirm: reading files into actual records, all or nothing.

:func:`preview_file` streams one file and returns a :class:`Preview`: the format, the
encoding and how it was found, the column mapping, every problem with its line and
reason, and - only when there is no problem at all - the records. :func:`confirm`
merges the records of previews into existing actuals in one step, refusing everything
if any file failed or any record conflicts (see :func:`aibudget.domain.actuals.merge`).

Storage is the caller's business: the mapping and encoding in a preview are plain data
that a caller may remember per workspace and source and pass back as options.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from aibudget.domain.actuals import Actuals, MergeReport, merge
from aibudget.domain.errors import Problem
from aibudget.domain.preview import Preview
from aibudget.domain.texts import N_
from aibudget.imports.cells import clean, is_blank, parse_period
from aibudget.imports.encoding import CutOff, LineDecodeError
from aibudget.imports.formats import (
    FORMATS,
    TEMPLATE_HEADERS,
    Match,
    closest_columns,
    find_header,
)
from aibudget.imports.handlers import HANDLERS
from aibudget.imports.reader import BadCsv, NotTabular, TooLarge, open_rows
from aibudget.imports.rows import Sink

MAX_PREAMBLE = 20  # rows above the header (titles, date range, comments)


@dataclass(frozen=True)
class ImportOptions:
    currency: str = "TWD"  # the plan's currency; files in another one are refused
    format: str | None = None  # template | google_ads | meta_ads | ga4 (None: detect)
    encoding: str | None = None  # a Python codec name to override detection
    mapping: dict[str, str] | None = None  # field -> header text, as remembered
    tool: str | None = None  # plan tool id that ad spend belongs to
    source: str | None = None  # name used in fingerprints (default: the format)
    months: tuple[str, str] | None = None  # the plan's first and last month: template rows
    # are checked with aibudget.domain.actuals.check_record (None: not checked)


def preview_file(path: Path, options: ImportOptions | None = None) -> Preview:
    """Read one file (streamed) and say what importing it would do."""
    try:
        with path.open("rb") as stream:
            return preview_stream(stream, path.name, options or ImportOptions())
    except OSError as exc:
        preview = Preview(file=path.name)
        preview.fail(N_("import.unreadable"), file=str(path), detail=exc.strerror or str(exc))
        return preview


def preview_stream(stream: BinaryIO, name: str, options: ImportOptions) -> Preview:
    preview = Preview(file=name)
    try:
        detected, delimiter, rows = open_rows(stream, options.encoding)
    except LineDecodeError as exc:
        preview.fail(N_("import.decode_error"), exc.line, encoding=exc.encoding)
        return preview
    except CutOff as exc:
        preview.fail(f"import.cut_off.{exc.inside}", exc.line)
        return preview
    except NotTabular:
        preview.fail(N_("import.not_tabular"))
        return preview
    except LookupError:
        preview.fail(N_("import.unknown_encoding"), encoding=options.encoding or "")
        return preview
    if detected is not None:
        preview.encoding, preview.encoding_method = detected.encoding, detected.method
        preview.delimiter = delimiter
        if detected.mixed_lines:
            utf8, cp950 = detected.mixed_lines
            preview.fail(N_("import.mixed_encodings"), utf8_line=utf8, cp950_line=cp950)
            return preview
    else:
        preview.encoding, preview.encoding_method = "xlsx", "xlsx"
    try:
        _read(rows, preview, options)
    except BadCsv as exc:
        preview.fail(N_("import.csv_error"), exc.line, detail=exc.detail)
    except LineDecodeError as exc:
        preview.fail(N_("import.decode_error"), exc.line, encoding=exc.encoding)
    except CutOff as exc:
        preview.fail(f"import.cut_off.{exc.inside}", exc.line)
    except NotTabular:
        preview.fail(N_("import.not_tabular"))
    except TooLarge as exc:
        preview.fail(f"import.sheet_too_large.{exc.what}", exc.line, limit=exc.limit)
    if not preview.ok:
        preview.records = []  # nothing from a failed file
    return preview


def _read(rows: object, preview: Preview, options: ImportOptions) -> None:
    sink = Sink()
    handler = None
    preamble: list[str] = []
    widest: list[object] = []  # the fullest row above any header: named if none is found
    any_content = False
    for line, cells in rows:  # type: ignore[attr-defined]
        first = cells[0] if cells else None
        plain = isinstance(first, str) and first[:1].isalnum()  # fast path: not blank
        if not plain and all(is_blank(c) for c in cells):
            continue
        any_content = True
        if handler is not None:
            preview.rows_read += 1
            handler.row(line, cells)
            continue
        text = " ".join(clean(c) for c in cells if not is_blank(c))
        if text.startswith("#"):
            preamble.append(text.lstrip("# "))
            continue
        match = find_header(cells, options.format, options.mapping)
        if match is None:
            if _filled(cells) > _filled(widest):
                widest = list(cells)
            preamble.append(text)
            if len(preamble) > MAX_PREAMBLE:
                break
            continue
        preview.header_line = line
        if not _accept_header(match, preview, options, preamble):
            return
        handler = HANDLERS[match.format.name](sink, match, options, preview.period)
    if handler is None:
        if any_content:
            _no_header(preview, widest, options.format)
        else:
            preview.fail(N_("import.empty"))
        return
    handler.finish()
    records = handler.records() if not sink.problem_count else []
    if not records and not sink.problem_count:
        if preview.unknown_columns:
            sink.problem(N_("import.no_rows_unknown"), columns=", ".join(preview.unknown_columns))
        else:
            sink.problem(N_("import.no_rows"))
    preview.records = records
    preview.problems.extend(sink.problems)
    preview.problem_count += sink.problem_count
    preview.rows_used, preview.rows_skipped = sink.rows_used, sink.rows_skipped
    preview.neutralised = sink.neutralised


def _filled(cells: Sequence[object]) -> int:
    return sum(not is_blank(c) for c in cells)


def _no_header(preview: Preview, row: Sequence[object], hint: str | None) -> None:
    """Say which columns the file has and which known names are closest to them."""
    found = [clean(c) for c in row if not is_blank(c)]
    preview.unknown_columns = found  # what a caller may let the user map
    preview.fail(
        N_("import.header_not_found"),
        columns=", ".join(found) or "—",
        closest="; ".join(closest_columns(row, hint)) or "—",
        expected=_expected(hint),
    )


def _accept_header(
    match: Match, preview: Preview, options: ImportOptions, preamble: list[str]
) -> bool:
    preview.format = match.format.name
    preview.mapping = dict(match.headers)
    preview.unknown_columns = list(match.unknown)
    preview.currency = match.currency or options.currency
    preview.period = _period(preamble)
    if match.currency and match.currency != options.currency:
        preview.fail(
            N_("import.currency_mismatch"),
            preview.header_line,
            found=match.currency,
            expected=options.currency,
        )
        return False
    return True


def _period(preamble: Sequence[str]) -> tuple[date, date] | None:
    """GA4 ``Start date: 20260501`` / ``End date:`` comments, or a Google Ads range row."""
    found: dict[str, str] = {}
    for text in preamble:
        key, _, value = text.partition(":")
        if key.strip().lower() in ("start date", "end date", "開始日期", "結束日期"):
            found["start" if key.strip().lower() in ("start date", "開始日期") else "end"] = value
        elif (period := parse_period(text)) is not None:
            return period
    if {"start", "end"} <= found.keys():
        return parse_period(f"{found['start'].strip()} - {found['end'].strip()}")
    return None


def _expected(hint: str | None) -> str:
    if hint and hint != "template":
        fmt = FORMATS[hint]
        return ", ".join(fmt.aliases[name][0] for name in fmt.required)
    if hint is None:
        vendors = [f for f in FORMATS.values() if f.name != "template"]
        required = [" + ".join(f.aliases[n][0] for n in f.required) for f in vendors]
        names = ", ".join(f"{en} / {zh}" for en, zh in list(TEMPLATE_HEADERS.values())[:2])
        return "; ".join([names, *required])
    return ", ".join(f"{en} / {zh}" for en, zh in TEMPLATE_HEADERS.values())


def confirm(
    existing: Actuals, previews: Sequence[Preview], replace: bool = False
) -> tuple[Actuals, MergeReport, list[Problem]]:
    """One atomic result: every file valid and no conflict, or nothing changes."""
    failed = [p.file for p in previews if not p.ok]
    if failed:
        problem = Problem((), N_("import.files_failed"), {"files": ", ".join(failed)})
        return existing, MergeReport(), [problem]
    records = [r for p in previews for r in p.records]
    return merge(existing, records, replace)


# Message ids built at run time in this module, declared for message extraction.
LIMIT_MESSAGES = (
    N_("import.cut_off.character"),
    N_("import.cut_off.line"),
    N_("import.sheet_too_large.columns"),
    N_("import.sheet_too_large.rows"),
)
