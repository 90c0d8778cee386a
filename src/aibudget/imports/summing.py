"""Ad platforms and GA4: rows of days, weeks, months or a report period, summed to months.

A row covers one day (a Day or Date column), a week (Google Ads "Week": seven days from
the date shown), a month (a Month column), or the report period (Meta's reporting
start and end, or the range above a Google Ads report or in GA4's comment lines). What
a row covers is clipped to the report period when there is one, and must lie within one
month: a week or range across two months is an error asking for a breakdown by day.

Records are one per month and campaign (spend, and KPIs such as clicks); each carries
the digests of its source rows, taken from the rows' meaning rather than their bytes so
that a CSV and a workbook of the same rows are the same import.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from aibudget.domain.actuals import PLAN_LEVEL, ActualRecord, book_spend, with_fingerprint
from aibudget.domain.money import ZERO
from aibudget.domain.months import month_of
from aibudget.domain.plan import LineItem
from aibudget.domain.texts import N_
from aibudget.imports.cells import CellError, clean, day_of, is_blank, parse_number, safe_text
from aibudget.imports.formats import TOTAL_WORDS, norm
from aibudget.imports.rows import DigestLog, Handler, row_digest

DIGEST_MOD = 2**128
RATE_PLACES = Decimal("0.01")
SPAN_FIELDS = ("day", "date", "week", "month")  # first found with a value wins
_YEAR_MONTH = re.compile(r"^(\d{4})(\d{2})$")  # GA4 "Year month": 202601


@dataclass
class Group:
    sums: dict[str, Decimal | None]
    first: date
    last: date
    rows: int = 0
    digest: int = 0


def _first_day(value: object) -> date:
    text = clean(value) if isinstance(value, str | int) else ""
    found = _YEAR_MONTH.match(text)
    if found and 1 <= int(found.group(2)) <= 12:
        return date(int(found.group(1)), int(found.group(2)), 1)
    return day_of(value)


def _covers(name: str, first: date) -> tuple[date, date]:
    if name == "week":
        return first, first + timedelta(days=6)
    if name == "month":
        last = calendar.monthrange(first.year, first.month)[1]
        return first.replace(day=1), first.replace(day=last)
    return first, first


def same_month(a: date, b: date) -> bool:
    return (a.year, a.month) == (b.year, b.month)


class SummingHandler(Handler):
    """Ad platforms and GA4: rows are days (or a period); records are months."""

    source = ""
    line_item: LineItem | None = LineItem.OTHER
    amount_field = ""
    kpi_fields: dict[str, str] = {}  # noqa: RUF012 - read-only class data
    RATES: tuple[tuple[str, str, str], ...] = ()  # (KPI id, numerator, denominator)
    read_fields: tuple[str, ...] = ()  # other columns read (see kpi_values)

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.groups: dict[tuple[str, str], Group] = {}
        self.log = DigestLog()
        self.last_digest = 0
        columns = self.match.columns
        rates = (f for r in self.RATES for f in r[1:])
        fields = (self.amount_field, *self.kpi_fields, *rates, *self.read_fields)
        names = [n for n in dict.fromkeys(fields) if n and n in columns]
        self.numbers = [(n, columns[n]) for n in names]
        self.span_columns = [n for n in SPAN_FIELDS if n in columns]
        dated = (*SPAN_FIELDS, "starts", "ends")
        self.date_columns = [columns[n] for n in dated if n in columns]
        self.labels: dict[object, tuple[str, bool]] = {}

    def is_total(self, cells: Sequence[object]) -> bool:
        first = next((c for c in cells if not is_blank(c)), "")
        if not isinstance(first, str) or first[:1].isdigit():
            return False  # a date or a number: a data row
        return norm(first).startswith(TOTAL_WORDS)

    def duplicate(self, line: int, cells: Sequence[object]) -> bool:
        """Logged now, judged at the end (see DigestLog). Days are digested as days, so
        ``January 2026`` in a CSV and the date a spreadsheet made of it are one row."""
        if self.date_columns:
            cells = list(cells)
            for index in self.date_columns:
                if index < len(cells) and not is_blank(cells[index]):
                    with suppress(CellError):  # reported by span()
                        cells[index] = _first_day(cells[index])
        self.last_digest = row_digest(cells)
        self.log.add(self.last_digest, line)
        return False

    def span(self, line: int, cells: Sequence[object]) -> tuple[date, date] | None:
        """The days a row covers, within one month (None: a problem was reported)."""
        for name in self.span_columns:
            value = self.cell(cells, name)
            if is_blank(value):
                continue
            try:
                first, last = _covers(name, _first_day(value))
            except CellError as exc:
                self.bad(line, name, exc.value, N_("import.reason.not_a_date"))
                return None
            return self.within_month(line, first, last)
        if self.period and same_month(*self.period):
            return self.period
        self.sink.problem(N_("import.no_day"), line)
        return None

    def within_month(self, line: int, first: date, last: date) -> tuple[date, date] | None:
        if self.period and first <= self.period[1] and self.period[0] <= last:
            first, last = max(first, self.period[0]), min(last, self.period[1])
        if not same_month(first, last):
            start, end = first.isoformat(), last.isoformat()
            self.sink.problem(N_("import.range_spans_months"), line, start=start, end=end)
            return None
        return first, last

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
                self.bad(line, name, exc.value, N_("import.reason.not_a_number"))
                return
            values.append(number if number is not None else ZERO)
        if span is None:
            return
        self.add(span, self.label(cells), values)

    def add(self, span: tuple[date, date], label: str, values: list[Decimal]) -> None:
        key = (month_of(span[0]), label)
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
            self.sink.problem(N_("import.duplicate_row"), line, first=first)

    def base(self, month: str, label: str, group: Group) -> dict[str, Any]:
        """What every record of a month (and campaign) says besides its value."""
        return {
            "month": month,
            "tool": self.options.source or self.source if self.amount_field else PLAN_LEVEL,
            "source": self.options.source or self.source,
            "rows": group.rows,
            "first_day": group.first,
            "last_day": group.last,
            "label": label or None,
        }

    def kpi_values(self, group: Group) -> dict[str, Decimal]:
        """KPI id -> the month's value, from the group's columns."""
        out = {}
        for name, kpi in self.kpi_fields.items():
            value = group.sums.get(name)
            if value is not None:
                out[kpi] = value
        return out

    def records(self) -> list[ActualRecord]:
        out: list[ActualRecord] = []
        for (month, label), group in sorted(self.groups.items()):
            extra = f"{group.digest:032x}"
            base = self.base(month, label, group)
            if self.amount_field:
                amount = group.sums.get(self.amount_field) or ZERO
                spend = ActualRecord(**base, line=self.line_item, amount=amount)
                out.append(with_fingerprint(spend, extra))
            for kpi, value in self.kpi_values(group).items():
                out.append(with_fingerprint(ActualRecord(**base, kpi=kpi, kpi_value=value), extra))
        out += self.rate_records()
        return book_spend(out, self.options.tool) if self.options.tool else out

    def rate_records(self) -> list[ActualRecord]:
        """Rates (``RATES``: KPI id, numerator, denominator) of each month, in percent,
        from the month's totals over every campaign: rates never add up."""
        out: list[ActualRecord] = []
        months: dict[str, Group] = {}
        for (month, _), group in sorted(self.groups.items()):
            total = months.get(month)
            if total is None:
                months[month] = Group(dict(group.sums), group.first, group.last, group.rows)
                months[month].digest = group.digest
                continue
            for name, value in group.sums.items():
                if value is not None:
                    total.sums[name] = (total.sums[name] or ZERO) + value
            total.first, total.last = min(total.first, group.first), max(total.last, group.last)
            total.rows += group.rows
            total.digest = (total.digest + group.digest) % DIGEST_MOD
        for month, total in months.items():
            for kpi, numerator, denominator in self.RATES:
                value = percent(total.sums.get(numerator), total.sums.get(denominator))
                if value is not None:
                    rec = ActualRecord(**self.base(month, "", total), kpi=kpi, kpi_value=value)
                    out.append(with_fingerprint(rec, f"{total.digest:032x}"))
        return out


def percent(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    """``part`` as a percentage of ``whole`` to two places (None without a whole)."""
    if part is None or not whole:
        return None
    return (part * 100 / whole).quantize(RATE_PLACES)


class GoogleAdsHandler(SummingHandler):
    source = "google_ads"
    amount_field = "cost"
    kpi_fields = {"conversions": "conversions", "clicks": "clicks"}  # noqa: RUF012
    RATES = (("ad_click_through_rate", "clicks", "impressions"),)


class MetaAdsHandler(SummingHandler):
    """Meta: a Day column, else each row's reporting start and end."""

    source = "meta_ads"
    amount_field = "spend"
    # "Results" count whatever each campaign's objective is (see "Result indicator"):
    # they do not add up across campaigns, so only link clicks are kept.
    kpi_fields = {"clicks": "clicks"}  # noqa: RUF012
    RATES = (("ad_click_through_rate", "clicks", "impressions"),)

    def span(self, line: int, cells: Sequence[object]) -> tuple[date, date] | None:
        columns = self.match.columns
        if not {"starts", "ends"} <= columns.keys() or not is_blank(self.cell(cells, "day")):
            return super().span(line, cells)
        try:
            start = day_of(self.cell(cells, "starts"))
        except CellError as exc:
            self.bad(line, "starts", exc.value, N_("import.reason.not_a_date"))
            return None
        try:
            end = day_of(self.cell(cells, "ends"))
        except CellError as exc:
            self.bad(line, "ends", exc.value, N_("import.reason.not_a_date"))
            return None
        if end < start:
            self.bad(line, "ends", self.cell(cells, "ends"), N_("import.reason.not_a_date"))
            return None
        return self.within_month(line, start, end)


class Ga4Handler(SummingHandler):
    source = "ga4"
    line_item = None
    amount_field = ""
    kpi_fields = {  # noqa: RUF012
        "sessions": "monthly_sessions",
        "key_events": "key_events",
        "revenue": "online_revenue",
    }
    RATES = (("conversion_rate", "key_events", "sessions"),)

    def label(self, cells: Sequence[object]) -> str:
        return ""
