"""Building blocks of the XLSX workbook: cell references, formats, safe text.

Every text that comes from a user (names, labels, notes) is written as a string cell,
never parsed as a formula; one that starts with ``= + - @`` or a tab also gets Excel's
quote prefix, so editing the cell later keeps it text. Inputs an owner may change are
styled as inputs (blue on light yellow), as financial models usually mark them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.utility import quote_sheetname, xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from aibudget.i18n import Translator

FORMULA_START = ("=", "+", "-", "@", "\t")
ACCENT = "#1F5F8B"
INPUT_FILL = "#FFF7D6"
INPUT_FONT = "#1B4FA0"
FONT = "Noto Sans CJK TC"  # falls back to the reader's default font where absent


# The functions XlsxWriter renames inside formulas (Excel's newer ``_xlfn.`` ones).
REWRITTEN = re.compile(
    r"_xlfn\.|INGLE\(|\b(?:ANCHORARRAY|BYCOL|BYROW|CHOOSECOLS|CHOOSEROWS|DROP|EXPAND|FILTER"
    r"|HSTACK|LAMBDA|MAKEARRAY|MAP|RANDARRAY|REDUCE|SCAN|SEQUENCE|SORT|SORTBY|SWITCH|TAKE"
    r"|TEXTSPLIT|TOCOL|TOROW|UNIQUE|VSTACK|WRAPCOLS|WRAPROWS|XLOOKUP)\("
)


class Sheet(Worksheet):  # type: ignore[misc]  # XlsxWriter has no type hints
    """A worksheet whose formulas skip XlsxWriter's thirty-odd renaming passes when they
    name none of the functions those passes rename (the report's never do): the same
    formula text, in a fraction of the time."""

    def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
        if self.use_future_functions or expand_future_functions or REWRITTEN.search(formula):
            return str(super()._prepare_formula(formula, expand_future_functions))
        if formula.startswith("{"):
            formula = formula[1:]
        if formula.startswith("="):
            formula = formula[1:]
        if formula.endswith("}"):
            formula = formula[:-1]
        return formula


@dataclass(frozen=True)
class Cell:
    """An absolute reference to one cell, usable from any sheet."""

    sheet: str
    row: int
    col: int

    @property
    def a1(self) -> str:
        return str(xl_rowcol_to_cell(self.row, self.col, row_abs=True, col_abs=True))

    @property
    def ref(self) -> str:
        return f"{quote_sheetname(self.sheet)}!{self.a1}"


def span(sheet: str, row: int, first_col: int, last_col: int) -> str:
    """An absolute row range ``'Sheet'!$E$5:$AC$5``."""
    a = xl_rowcol_to_cell(row, first_col, row_abs=True, col_abs=True)
    b = xl_rowcol_to_cell(row, last_col, row_abs=True, col_abs=True)
    return f"{quote_sheetname(sheet)}!{a}:{b}"


def number(value: Decimal | float | int | None) -> float:
    """A cached value for a cell (XLSX stores binary floats)."""
    return 0.0 if value is None else float(value)


STYLES: dict[str, dict[str, Any]] = {
    "text": {},
    "wrap": {"text_wrap": True, "valign": "top"},
    "bold": {"bold": True},
    "title": {"bold": True, "font_size": 16, "font_color": ACCENT},
    "section": {"bold": True, "font_size": 12, "font_color": ACCENT, "bottom": 1},
    "header": {
        "bold": True,
        "bg_color": "#E8EEF4",
        "bottom": 1,
        "text_wrap": True,
        "valign": "top",
    },
    "note": {"italic": True, "font_color": "#666666"},
    "money": {"num_format": "MONEY"},
    "money_bold": {"num_format": "MONEY", "bold": True, "top": 1},
    "percent": {"num_format": "0.0%"},
    "percent_bold": {"num_format": "0.0%", "bold": True},
    "number": {"num_format": "#,##0.##"},
    "integer": {"num_format": "0"},
    "factor": {"num_format": "0.000000"},
    "helper": {"num_format": "0", "font_color": "#888888"},
    "input_money": {"num_format": "MONEY", "bg_color": INPUT_FILL, "font_color": INPUT_FONT},
    "input_number": {"num_format": "#,##0.####", "bg_color": INPUT_FILL, "font_color": INPUT_FONT},
    "input_percent": {"num_format": "0.0%", "bg_color": INPUT_FILL, "font_color": INPUT_FONT},
    "input_integer": {"num_format": "0", "bg_color": INPUT_FILL, "font_color": INPUT_FONT},
    "input_text": {"bg_color": INPUT_FILL, "font_color": INPUT_FONT},
}


class Book:
    """A workbook with named formats (money in the plan's currency) and safe writers."""

    def __init__(self, workbook: Workbook, currency_symbol: str) -> None:
        self.workbook = workbook
        self._money = f'"{currency_symbol}"#,##0;[Red]-"{currency_symbol}"#,##0'
        self._formats: dict[tuple[str, bool], Format] = {}

    def fmt(self, style: str, quote: bool = False) -> Format:
        key = (style, quote)
        if key not in self._formats:
            props = {"font_name": FONT, "font_size": 10, **STYLES[style]}
            if props.get("num_format") == "MONEY":
                props["num_format"] = self._money
            if quote:
                props["quote_prefix"] = True
            self._formats[key] = self.workbook.add_format(props)
        return self._formats[key]

    def text(
        self, ws: Worksheet, row: int, col: int, value: str | None, style: str = "text"
    ) -> None:
        """User text as a string cell; formula-looking text keeps a quote prefix."""
        value = value or ""
        ws.write_string(row, col, value, self.fmt(style, value.startswith(FORMULA_START)))

    def value(
        self, ws: Worksheet, row: int, col: int, value: Decimal | float | int | None, style: str
    ) -> None:
        if value is None:
            ws.write_blank(row, col, None, self.fmt(style))
        else:
            ws.write_number(row, col, float(value), self.fmt(style))

    def formula(
        self, ws: Worksheet, row: int, col: int, formula: str, style: str, cached: Any = 0
    ) -> None:
        """A live formula; ``cached`` is the engine's value, shown by readers that do not
        recalculate on opening (LibreOffice does not by default)."""
        if isinstance(cached, Decimal):
            cached = float(cached)
        ws.write_formula(row, col, formula, self.fmt(style), cached)


def headers(book: Book, ws: Worksheet, row: int, t: Translator, ids: list[str]) -> None:
    """A header row of translated labels (an empty id leaves its cell blank)."""
    for col, message_id in enumerate(ids):
        book.text(ws, row, col, t(message_id) if message_id else "", "header")
