"""Turning rows of each format into actual records (summed to months where needed)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np
from pydantic import ValidationError

from aibudget.domain.actuals import (
    PLAN_LEVEL,
    ActualRecord,
    check_record,
    record_key,
    with_fingerprint,
)
from aibudget.domain.errors import Problem
from aibudget.domain.money import ZERO
from aibudget.domain.plan import LineItem
from aibudget.imports.cells import (
    CellError,
    clean,
    day_of,
    is_blank,
    month_of,
    parse_number,
    safe_text,
)
from aibudget.imports.formats import LINE_WORDS, STATUS_WORDS, TOTAL_WORDS, Match, norm

MAX_PROBLEMS = 200
DIGEST_MOD = 2**128


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
            self.problem("import.currency_mismatch", line, found=found, expected=expected)
            self.currency_reported = True
        else:
            self.problem_count += 1

    def text(self, value: object) -> str:
        text, changed = safe_text(value)
        self.neutralised += changed
        return text


def row_digest(cells: Sequence[object]) -> int:
    try:
        text = "\x1f".join(cells)  # type: ignore[arg-type]  # text rows: all str
    except TypeError:
        text = "\x1f".join(clean(c) for c in cells)
    h = hashlib.blake2b(text.encode("utf-8"), digest_size=8)
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
            "import.bad_cell", line, column=column, value=clean(value), reason=reason, **extra
        )

    def duplicate(self, line: int, cells: Sequence[object]) -> bool:
        digest = row_digest(cells)
        first = self.seen.setdefault(digest, line)
        if first != line:
            self.sink.problem("import.duplicate_row", line, first=first)
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
            self.bad(line, "month", exc.value, "import.reason.not_a_date")
            ok = False
        tool = self.sink.text(self.cell(cells, "tool"))
        data["tool"] = tool or PLAN_LEVEL
        for name in (*self.VALUE_FIELDS, "feedback"):
            try:
                value = parse_number(self.cell(cells, name))
            except CellError as exc:
                self.bad(line, name, exc.value, "import.reason.not_a_number")
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
            self.sink.problem("import.duplicate_key", line, first=first)
        elif not refused:
            self.sink.rows_used += 1
            self.out.append(record)

    def records(self) -> list[ActualRecord]:
        return self.out


@dataclass
class Group:
    sums: dict[str, Decimal | None]
    first: date
    last: date
    rows: int = 0
    digest: int = 0


class SummingHandler(Handler):
    """Ad platforms and GA4: rows are days (or a period); records are months."""

    source = ""
    line_item: LineItem | None = LineItem.OTHER
    amount_field = ""
    kpi_fields: dict[str, str] = {}  # noqa: RUF012 - read-only class data

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.groups: dict[tuple[str, str], Group] = {}
        self.log = DigestLog()
        self.last_digest = 0
        columns = self.match.columns
        names = [n for n in (self.amount_field, *self.kpi_fields) if n and n in columns]
        self.numbers = [(n, columns[n]) for n in names]
        self.day_column = next((n for n in ("day", "date") if n in columns), None)
        self.labels: dict[object, tuple[str, bool]] = {}

    def is_total(self, cells: Sequence[object]) -> bool:
        first = next((c for c in cells if not is_blank(c)), "")
        if isinstance(first, str) and first[:1].isdigit():
            return False  # a date or a number: a data row
        return norm(first).startswith(TOTAL_WORDS)

    def duplicate(self, line: int, cells: Sequence[object]) -> bool:
        """Logged now, judged at the end (see DigestLog)."""
        self.last_digest = row_digest(cells)
        self.log.add(self.last_digest, line)
        return False

    def span(self, line: int, cells: Sequence[object]) -> tuple[date, date] | None:
        """The days a row covers (one day, or the report period within one month)."""
        if self.day_column is not None:
            value = self.cell(cells, self.day_column)
            if not is_blank(value):
                try:
                    day = day_of(value)
                except CellError as exc:
                    self.bad(line, self.day_column, exc.value, "import.reason.not_a_date")
                    return None
                return day, day
        if self.period and (self.period[0].year, self.period[0].month) == (
            self.period[1].year,
            self.period[1].month,
        ):
            return self.period
        self.sink.problem("import.no_day", line)
        return None

    def label(self, cells: Sequence[object]) -> str:
        if "campaign" not in self.match.columns:
            return ""
        raw = self.cell(cells, "campaign")
        known = self.labels.get(raw)
        if known is None:
            known = self.labels[raw] = safe_text(raw)
        self.sink.neutralised += known[1]
        return known[0]

    def row(self, line: int, cells: Sequence[object]) -> None:
        if self.is_total(cells):
            self.sink.rows_skipped += 1
            return
        self.duplicate(line, cells)
        if "currency" in self.match.columns:
            currency = clean(self.cell(cells, "currency")).upper()
            if currency and currency != self.options.currency:
                self.sink.wrong_currency(line, currency, self.options.currency)
                return
        span = self.span(line, cells)
        values: list[Decimal] = []
        for name, index in self.numbers:
            try:
                number = parse_number(cells[index] if index < len(cells) else None)
            except CellError as exc:
                self.bad(line, name, exc.value, "import.reason.not_a_number")
                return
            values.append(number if number is not None else ZERO)
        if span is None:
            return
        key = (f"{span[0].year:04d}-{span[0].month:02d}", self.label(cells))
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = Group(dict.fromkeys(n for n, _ in self.numbers), *span)
        group.first, group.last = min(group.first, span[0]), max(group.last, span[1])
        for (name, _), number in zip(self.numbers, values, strict=True):
            group.sums[name] = (group.sums[name] or ZERO) + number
        group.rows += 1
        group.digest = (group.digest + self.last_digest) % DIGEST_MOD
        self.sink.rows_used += 1

    def finish(self) -> None:
        for line, first in self.log.duplicates():
            self.sink.problem("import.duplicate_row", line, first=first)

    def records(self) -> list[ActualRecord]:
        out: list[ActualRecord] = []
        tool = self.options.tool or (PLAN_LEVEL if not self.amount_field else self.source)
        source = self.options.source or self.source
        for (month, label), group in sorted(self.groups.items()):
            extra = f"{group.digest:032x}"
            base = {
                "month": month,
                "tool": tool,
                "source": source,
                "rows": group.rows,
                "first_day": group.first,
                "last_day": group.last,
            }
            if self.amount_field:
                amount = group.sums.get(self.amount_field) or ZERO
                spend = ActualRecord(
                    **base, line=self.line_item, amount=amount, label=label or None
                )
                out.append(with_fingerprint(spend, extra))
            for name, kpi in self.kpi_fields.items():
                value = group.sums.get(name)
                if value is not None:
                    rec = ActualRecord(**base, kpi=kpi, kpi_value=value, label=label or None)
                    out.append(with_fingerprint(rec, extra))
        return out


class GoogleAdsHandler(SummingHandler):
    source = "google_ads"
    amount_field = "cost"
    kpi_fields = {"conversions": "conversions"}  # noqa: RUF012


class MetaAdsHandler(SummingHandler):
    source = "meta_ads"
    amount_field = "spend"
    kpi_fields = {}  # noqa: RUF012 - "Results" depend on the campaign objective

    def span(self, line: int, cells: Sequence[object]) -> tuple[date, date] | None:
        if "day" in self.match.columns or not {"starts", "ends"} <= self.match.columns.keys():
            return super().span(line, cells)
        try:
            start = day_of(self.cell(cells, "starts"))
            end = day_of(self.cell(cells, "ends"))
        except CellError as exc:
            self.bad(line, "starts", exc.value, "import.reason.not_a_date")
            return None
        if (start.year, start.month) != (end.year, end.month):
            self.sink.problem(
                "import.range_spans_months", line, start=start.isoformat(), end=end.isoformat()
            )
            return None
        return start, end


class Ga4Handler(SummingHandler):
    source = "ga4"
    line_item = None
    amount_field = ""
    kpi_fields = {"sessions": "monthly_sessions", "key_events": "key_events"}  # noqa: RUF012

    def label(self, cells: Sequence[object]) -> str:
        return ""


HANDLERS: dict[str, type[Handler]] = {
    "template": TemplateHandler,
    "google_ads": GoogleAdsHandler,
    "meta_ads": MetaAdsHandler,
    "ga4": Ga4Handler,
}
