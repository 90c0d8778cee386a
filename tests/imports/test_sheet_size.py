"""A workbook's declared size is not trusted: a tiny file that declares A1:XFD1048576
(and has one cell in the very last row) is refused quickly with the row it stopped at,
instead of being walked a million rows of sixteen thousand columns."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from aibudget.imports import preview_file
from aibudget.imports.reader import MAX_XLSX_COLUMNS, MAX_XLSX_ROWS

PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
        'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
        'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>'
        "</workbook>"
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>"
    ),
}


def cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def workbook(dimension: str, rows: dict[int, list[tuple[str, str]]]) -> bytes:
    """A workbook written by hand, so that its declared dimension can lie."""
    data = "".join(
        f'<row r="{n}">{"".join(cell(ref, text) for ref, text in cells)}</row>'
        for n, cells in sorted(rows.items())
    )
    sheet = (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{data}'
        "</sheetData></worksheet>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        for name, text in (PARTS | {"xl/worksheets/sheet1.xml": sheet}).items():
            book.writestr(name, text)
    return buffer.getvalue()


HEADER = [("A1", "Day"), ("B1", "Campaign"), ("C1", "Cost")]
ROW = [("A2", "2026-01-05"), ("B2", "Spring"), ("C2", "120")]


def test_a_huge_declared_size_with_one_far_cell_is_refused_at_the_row_limit(
    tmp_path: Path,
) -> None:
    path = tmp_path / "huge.xlsx"
    path.write_bytes(workbook("A1:XFD1048576", {1: HEADER, 2: ROW, 1048576: [("XFD1048576", "x")]}))
    assert path.stat().st_size < 5_000
    p = preview_file(path)
    assert [(x.message_id, x.line) for x in p.problems] == [
        ("import.sheet_too_large.rows", MAX_XLSX_ROWS + 1)
    ]
    assert p.records == []


def test_a_cell_far_to_the_right_is_refused_with_its_row(tmp_path: Path) -> None:
    path = tmp_path / "wide.xlsx"
    path.write_bytes(workbook("A1:XFD3", {1: HEADER, 2: ROW, 3: [("XFD3", "x")]}))
    p = preview_file(path)
    assert [(x.message_id, x.line, x.params) for x in p.problems] == [
        ("import.sheet_too_large.columns", 3, {"limit": MAX_XLSX_COLUMNS})
    ]
    assert p.records == []


def test_a_declared_size_larger_than_the_cells_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "declared.xlsx"
    path.write_bytes(workbook("A1:XFD1048576", {1: HEADER, 2: ROW}))
    p = preview_file(path)
    assert p.ok, p.problems
    assert [(r.month, r.amount) for r in p.records if r.amount is not None] == [("2026-01", 120)]
