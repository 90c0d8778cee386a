"""Rows of a file into records: what every format shares, and the app's own template.

The ad platforms and GA4, whose rows are summed to months, are in
:mod:`aibudget.imports.summing`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from aibudget.domain.actuals import (
    PLAN_LEVEL,
    ActualRecord,
    check_record,
    record_key,
    with_fingerprint,
)
from aibudget.domain.errors import Problem
from aibudget.domain.plan import LineItem
from aibudget.domain.texts import N_

if TYPE_CHECKING:  # numpy is imported when rows are read, not when the CLI starts
    import numpy as np

from aibudget.imports.cells import (
    CellError,
    canonical,
    clean,
    month_of,
    parse_number,
    safe_text,
)
from aibudget.imports.formats import LINE_WORDS, STATUS_WORDS, Match, norm

MAX_PROBLEMS = 200


@dataclass
class Sink:
    """What a file produced: records or problems (kept to MAX_PROBLEMS; all counted)."""

    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    neutralised: int = 0
    rows_used: int = 0
    rows_skipped: int = 0
    currency_reported: bool = False

    def problem(self, message_id: str, line: int | None = None, **params: Any) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem((), message_id, params, line))

    def wrong_currency(self, line: int, found: str, expected: str) -> None:
        """A file in another currency: said once (at its first line), every row refused."""
        if not self.currency_reported:
            self.problem(N_("import.currency_mismatch"), line, found=found, expected=expected)
            self.currency_reported = True
        else:
            self.problem_count += 1

    def text(self, value: object) -> str:
        text, changed = safe_text(value)
        self.neutralised += changed
        return text


def row_digest(cells: Sequence[object]) -> int:
    """A digest of what a row says: equal for a CSV row and the same row in a workbook
    (``1,234.50`` and 1234.5, ``2026/01/05`` and a date cell), trailing empties aside."""
    values = [canonical(c) for c in cells]
    while values and not values[-1]:
        values.pop()
    h = hashlib.blake2b("\x1f".join(values).encode("utf-8"), digest_size=8)
    return int.from_bytes(h.digest(), "big")


class DigestLog:
    """Row digests of a big file at 12 bytes a row; exact duplicates found at the end.

    Keeps memory independent of how wide rows are (a Google Ads row in UTF-16 is
    100-400 bytes); duplicates are found by sorting the digests once.
    """

    CHUNK = 65_536

    def __init__(self) -> None:
        self.chunks: list[tuple[np.ndarray, np.ndarray]] = []
        self.used = self.CHUNK

    def add(self, digest: int, line: int) -> None:
        if self.used == self.CHUNK:
            import numpy as np

            self.chunks.append((np.empty(self.CHUNK, np.uint64), np.empty(self.CHUNK, np.uint32)))
            self.used = 0
        digests, lines = self.chunks[-1]
        digests[self.used] = digest
        lines[self.used] = line
        self.used += 1

    def duplicates(self) -> list[tuple[int, int]]:
        """(line, first line with the same content), in line order."""
        if not self.chunks:
            return []
        import numpy as np

        parts = [(d, ln) for d, ln in self.chunks[:-1]]
        last_d, last_l = self.chunks[-1]
        parts.append((last_d[: self.used], last_l[: self.used]))
        digests = np.concatenate([d for d, _ in parts])
        lines = np.concatenate([ln for _, ln in parts])
        order = np.lexsort((lines, digests))
        d, ln = digests[order], lines[order]
        same = np.flatnonzero(d[1:] == d[:-1]) + 1
        out = []
        for i in same:
            j = i
            while j > 0 and d[j - 1] == d[i]:
                j -= 1
            out.append((int(ln[i]), int(ln[j])))
        return sorted(out)


class Handler:
    """Reads the data rows of one format after its header was found."""

    def __init__(self, sink: Sink, match: Match, options: Any, period: Any) -> None:
        self.sink = sink
        self.match = match
        self.options = options
        self.period: tuple[date, date] | None = period
        self.seen: dict[int, int] = {}  # full-row digest -> first line

    def cell(self, cells: Sequence[object], name: str) -> object:
        index = self.match.columns.get(name)
        return cells[index] if index is not None and index < len(cells) else None

    def bad(self, line: int, name: str, value: object, reason: str, **extra: object) -> None:
        column = self.match.headers.get(name, name)
        self.sink.problem(
            N_("import.bad_cell"), line, column=column, value=clean(value), reason=reason, **extra
        )

    def duplicate(self, line: int, cells: Sequence[object]) -> bool:
        digest = row_digest(cells)
        first = self.seen.setdefault(digest, line)
        if first != line:
            self.sink.problem(N_("import.duplicate_row"), line, first=first)
            return True
        return False

    def row(self, line: int, cells: Sequence[object]) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Called after the last row (problems found only once everything was read)."""

    def records(self) -> list[ActualRecord]:
        raise NotImplementedError


class TemplateHandler(Handler):
    """The app's own template: one record per row; a repeated key is an error."""

    VALUE_FIELDS = ("amount", "seats", "active_users", "hours_saved", "benefit", "kpi_value")

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.out: list[ActualRecord] = []
        self.keys: dict[tuple[str, ...], int] = {}

    def row(self, line: int, cells: Sequence[object]) -> None:
        if self.duplicate(line, cells):
            return
        data: dict[str, Any] = {"source": self.options.source or "template"}
        ok = True
        try:
            data["month"] = month_of(self.cell(cells, "month"))
        except CellError as exc:
            self.bad(line, "month", exc.value, N_("import.reason.not_a_date"))
            ok = False
        tool = self.sink.text(self.cell(cells, "tool"))
        data["tool"] = tool or PLAN_LEVEL
        for name in (*self.VALUE_FIELDS, "feedback"):
            try:
                value = parse_number(self.cell(cells, name))
            except CellError as exc:
                self.bad(line, name, exc.value, N_("import.reason.not_a_number"))
                ok = False
                continue
            if value is not None:
                data[name] = value
        ok = self._words(line, cells, data) and ok
        currency = clean(self.cell(cells, "currency")).upper()
        if currency and currency != self.options.currency:
            self.sink.wrong_currency(line, currency, self.options.currency)
            ok = False
        for name, target in (("kpi", "kpi"), ("note", "note"), ("reference", "label")):
            text = self.sink.text(self.cell(cells, name))
            if text:
                data[target] = text
        if ok:
            self._add(line, data)

    def _words(self, line: int, cells: Sequence[object], data: dict[str, Any]) -> bool:
        ok = True
        for name, words, default in (
            ("line", LINE_WORDS, None),
            ("status", STATUS_WORDS, "spent"),
        ):
            text = norm(self.cell(cells, name))
            if not text:
                if default:
                    data[name] = default
                continue
            value = words.get(text, text.replace(" ", "_"))
            known = LineItem if name == "line" else ("planned", "committed", "spent")
            if value not in [getattr(k, "value", k) for k in known]:
                self.bad(line, name, text, f"import.reason.unknown_{name}")
                ok = False
            data[name] = value
        return ok

    def _add(self, line: int, data: dict[str, Any]) -> None:
        if not any(k in data for k in (*self.VALUE_FIELDS, "feedback", "note")):
            self.sink.rows_skipped += 1
            return
        try:
            record = with_fingerprint(ActualRecord(**data))
        except ValidationError as exc:
            for err in exc.errors():
                name = str(err["loc"][0]) if err["loc"] else "row"
                ctx = {k: str(v) for k, v in (err.get("ctx") or {}).items()}
                self.bad(line, name, err.get("input"), f"value.{err['type']}", **ctx)
            return
        refused = check_record(self.options.months, record) if self.options.months else []
        for problem in refused:
            name = str(problem.path[0])
            self.bad(line, name, data.get(name), problem.message_id, **problem.params)
        first = self.keys.setdefault(record_key(record), line)
        if first != line:
            self.sink.problem(N_("import.duplicate_key"), line, first=first)
        elif not refused:
            self.sink.rows_used += 1
            self.out.append(record)

    def records(self) -> list[ActualRecord]:
        return self.out


# Message ids built at run time in this module, declared for message extraction.
REASON_MESSAGES = (
    N_("import.reason.unknown_line"),
    N_("import.reason.unknown_status"),
)
