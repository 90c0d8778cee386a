"""An export as rows of text, and the files it is written to.

Each :class:`Export` keeps its rows as text (as in the tool's CSV) next to the field
each column holds, so tests add up the figures themselves; :func:`encode` writes an
export as UTF-8 with BOM or cp950 CSV, UTF-16 tab-separated text (Google Ads' own
"CSV"), or a workbook with typed cells (numbers as numbers, days as dates).
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

KINDS = ("utf8_bom.csv", "cp950.csv", "utf16.tsv", "xlsx")
DATE_FIELDS = frozenset({"day", "week", "month", "starts", "ends", "date"})
TEXT_FIELDS = frozenset(
    {
        "campaign",
        "ad_group",
        "ad_set",
        "currency",
        "channel",
        "source_medium",
        "indicator",
        "title",
        "order",
        "status",
        "customer",
    }
)


@dataclass(frozen=True)
class Export:
    fmt: str
    lang: str
    fields: tuple[str, ...]
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    above: tuple[str, ...] = ()  # title, date range or "#" comment lines
    below: tuple[tuple[str, ...], ...] = field(default=())  # totals rows

    def values(self, name: str) -> list[str]:
        index = self.fields.index(name)
        return [row[index] for row in self.rows]

    def total(self, name: str) -> Decimal:
        """A column added up: ``1,234.50`` is 1234.50; empty and ``--`` are nothing."""
        return sum((number(v) for v in self.values(name)), Decimal(0))

    def by_month(self, name: str, when: str) -> dict[str, Decimal]:
        out: dict[str, Decimal] = {}
        for day, value in zip(self.values(when), self.values(name), strict=True):
            month = month_of(day)
            out[month] = out.get(month, Decimal(0)) + number(value)
        return out

    def lines(self, delimiter: str) -> list[str]:
        """The text lines of the file, each with its line end."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
        for text in self.above:
            writer.writerow([text])
        writer.writerows([self.header, *self.rows, *self.below])
        return buffer.getvalue().splitlines(keepends=True)

    @property
    def header_line(self) -> int:
        return len(self.above) + 1


def number(text: str) -> Decimal:
    text = text.replace(",", "").strip()
    return Decimal(text) if text not in ("", "--") else Decimal(0)


def month_of(text: str) -> str:
    if text.isdigit():  # GA4 20260105
        return f"{text[:4]}-{text[4:6]}"
    if text[:1].isdigit():  # 2026-01-05, 2026/01/05 12:00
        return text[:7].replace("/", "-")
    moment = datetime.strptime(text, "%B %Y")  # Google Ads month: January 2026
    return f"{moment.year:04d}-{moment.month:02d}"


def encode(export: Export, kind: str) -> bytes:
    if kind == "xlsx":
        return workbook(export)
    if kind == "utf16.tsv":
        return codecs.BOM_UTF16_LE + "".join(export.lines("\t")).encode("utf-16-le")
    text = "".join(export.lines(","))
    return text.encode("utf-8-sig" if kind == "utf8_bom.csv" else "cp950")


def typed(name: str, text: str) -> object:
    if name in TEXT_FIELDS or text in ("", "--"):
        return text
    if name in DATE_FIELDS:
        if text.isdigit():
            return int(text)  # GA4 days stay numbers in a sheet
        if not text[:1].isdigit():  # "January 2026": a spreadsheet makes it a date
            return datetime.strptime(text, "%B %Y")
        return datetime.fromisoformat(text.replace("/", "-"))
    value = number(text)
    return int(value) if value == value.to_integral_value() else float(value)


def workbook(export: Export) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    book.set_properties({"created": datetime(2026, 3, 1)})  # byte-identical on every run
    sheet = book.add_worksheet("Sheet1")
    dates = book.add_format({"num_format": "yyyy-mm-dd"})
    r = 0
    for text in export.above:
        sheet.write_string(r, 0, text)
        r += 1
    sheet.write_row(r, 0, export.header)
    for row in export.rows:
        r += 1
        for c, (name, text) in enumerate(zip(export.fields, row, strict=True)):
            value = typed(name, text)
            if isinstance(value, datetime):
                sheet.write_datetime(r, c, value, dates)
            elif isinstance(value, str):
                sheet.write_string(r, c, value)
            else:
                sheet.write_number(r, c, value)
    for row in export.below:
        r += 1
        sheet.write_row(r, 0, row)
    book.close()
    return buffer.getvalue()
