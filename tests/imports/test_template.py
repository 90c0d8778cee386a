"""The downloadable template: written, filled in, imported back."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from aibudget.imports import ImportOptions, preview_file
from aibudget.imports.formats import TEMPLATE_FIELDS
from aibudget.imports.template import headers, template_csv, template_xlsx

PREFILL = [("chatgpt", "subscription"), ("canva", "training"), ("=cmd", "other")]


@pytest.mark.parametrize("locale", ["zh-TW", "en"])
def test_csv_template_opens_in_excel_and_imports_back(tmp_path: Path, locale: str) -> None:
    data = template_csv("2027-01", PREFILL, "TWD", locale)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Excel on Windows
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == headers(locale)
    assert [r[1] for r in rows[1:]] == ["chatgpt", "canva", "'=cmd"]
    amount = TEMPLATE_FIELDS.index("amount")
    rows[1][amount] = "1,600"
    path = tmp_path / "filled.csv"
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    preview = preview_file(path, ImportOptions())
    assert preview.ok, preview.problems
    assert [(r.tool, r.amount) for r in preview.records] == [("chatgpt", 1600)]
    assert preview.rows_skipped == 2  # rows left empty are not records


def test_xlsx_template_has_typed_text_and_imports_back(tmp_path: Path) -> None:
    data = template_xlsx("2027-01", PREFILL, "TWD", "zh-TW")
    book = load_workbook(io.BytesIO(data))
    sheet = book["actuals"]
    assert [c.value for c in sheet[1]] == headers("zh-TW")
    assert sheet.cell(row=4, column=2).data_type == "s"  # '=cmd' is text, not a formula
    filled = Workbook()
    out = filled.active
    for row in sheet.iter_rows(values_only=True):
        out.append(list(row))
    out.cell(row=2, column=TEMPLATE_FIELDS.index("hours_saved") + 1, value=12)
    path = tmp_path / "filled.xlsx"
    filled.save(path)
    preview = preview_file(path, ImportOptions())
    assert preview.ok, preview.problems
    assert [(r.tool, r.hours_saved) for r in preview.records] == [("chatgpt", 12)]
