"""The app's own actuals template, to download, fill in and import back.

CSV is written as UTF-8 with a byte-order mark so Excel on Windows (zh-TW) opens it
without mojibake; XLSX holds typed cells. Headers are in the chosen language; both
languages are accepted on import. Text cells are neutralised against formulas.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from aibudget.imports.cells import safe_text
from aibudget.imports.formats import TEMPLATE_FIELDS, TEMPLATE_HEADERS

PrefillRow = tuple[str, str]  # (tool id, line item)


def headers(locale: str) -> list[str]:
    index = 0 if locale.lower().startswith("en") else 1
    return [TEMPLATE_HEADERS[name][index] for name in TEMPLATE_FIELDS]


def rows(month: str, prefill: Sequence[PrefillRow], currency: str) -> list[list[str]]:
    """One empty row per planned (tool, line) of the month, ready to be filled in."""
    out = []
    for tool, line in prefill:
        cells = dict.fromkeys(TEMPLATE_FIELDS, "")
        cells.update(month=month, tool=safe_text(tool)[0], line=line, currency=currency)
        cells["status"] = "spent"
        out.append([cells[name] for name in TEMPLATE_FIELDS])
    return out


def template_csv(
    month: str, prefill: Sequence[PrefillRow], currency: str, locale: str = "zh-TW"
) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers(locale))
    writer.writerows(rows(month, prefill, currency))
    return buffer.getvalue().encode("utf-8-sig")


def template_xlsx(
    month: str, prefill: Sequence[PrefillRow], currency: str, locale: str = "zh-TW"
) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    sheet = book.add_worksheet("actuals")
    bold = book.add_format({"bold": True})
    sheet.write_row(0, 0, headers(locale), bold)
    for r, values in enumerate(rows(month, prefill, currency), start=1):
        for c, value in enumerate(values):
            sheet.write_string(r, c, value)
    sheet.set_column(0, len(TEMPLATE_FIELDS) - 1, 14)
    sheet.freeze_panes(1, 0)
    book.close()
    return buffer.getvalue()
