"""Files cut off anywhere, and bytes of any kind: a clear problem, never a traceback,
never a row made of half a line."""

from __future__ import annotations

import codecs
import io
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aibudget.i18n import Translator
from aibudget.imports import ImportOptions, Preview, preview_stream
from tests.imports import exports
from tests.imports.conftest import FIXTURES

TEXT_KINDS = {"utf8_bom.csv": "utf-8-sig", "cp950.csv": "cp950", "utf16.tsv": "utf-16"}
FILES = sorted(exports.export_files())
TEXT_FILES = [f for f in FILES if exports.split_name(f)[1] in TEXT_KINDS]
WHAT = {"google_ads": "cost", "meta_ads": "spend", "ga4": "sessions"}  # added up
# What a file of the other formats says, as a KPI id and how its rows give it
KPI_OF = {
    "ga4": "monthly_sessions",
    "line_friends": "line_friends",
    "line_messages": "line_messages_delivered",
    "shop_orders": "online_revenue",
}
CUT_IDS = ("import.cut_off.line", "import.cut_off.character")
EN = Translator("en")


def read(data: bytes, name: str = "cut.csv") -> Preview:
    return preview_stream(io.BytesIO(data), name, ImportOptions(tool="ads"))


def encoded_length(text: str, kind: str) -> int:
    """Bytes that ``text`` takes at the start of a file of this kind (with its BOM)."""
    if kind == "utf16.tsv":
        return len(codecs.BOM_UTF16_LE) + 2 * len(text)  # no character outside the BMP
    return len(text.encode(TEXT_KINDS[kind]))


def complete_lines(file: str, cut: int) -> tuple[int, int | None]:
    """(how many lines a cut keeps whole, the line cut in its middle or None).

    A line is whole when the cut comes after its first line-end character (``\\r``
    alone ends a line too); it is cut when the cut falls inside its text."""
    name, kind = exports.split_name(file)
    lines = exports.exports()[name].lines("\t" if kind == "utf16.tsv" else ",")
    before = ""
    for number, line in enumerate(lines, start=1):
        body = line.rstrip("\r\n")
        if cut < encoded_length(before + body + line[len(body)], kind):
            inside = cut > encoded_length(before, kind) if number > 1 else cut > 0
            return number - 1, number if inside else None
        before += line
    return len(lines), None


def kept_rows(export: exports.Export, whole: int) -> list[tuple[str, ...]]:
    first_row = export.header_line + 1
    kept = export.rows[: max(0, whole - first_row + 1)]
    cancelled = exports.cancelled_rows(export)
    return [row for row in kept if row not in cancelled]


def expected_total(export: exports.Export, whole: int) -> Decimal:
    kept = kept_rows(export, whole)
    value = dict(zip(export.fields, zip(*kept, strict=True), strict=False)) if kept else {}
    if export.fmt == "line_friends":  # counts as of each day: each month's last day
        last = {row[0][:7]: row for row in kept}
        return sum((exports.number(r[1]) - exports.number(r[3]) for r in last.values()), Decimal(0))
    if export.fmt == "shop_orders":  # each order once
        orders = dict(zip(value.get("order", ()), value.get("total", ()), strict=True))
        return sum((exports.number(t) for t in orders.values()), Decimal(0))
    column = WHAT.get(export.fmt) or {"line_messages": "delivered"}[export.fmt]
    return sum((exports.number(v) for v in value.get(column, ())), Decimal(0))


def total(p: Preview, fmt: str) -> Decimal:
    if fmt in KPI_OF:
        return sum(
            (r.kpi_value or Decimal(0) for r in p.records if r.kpi == KPI_OF[fmt]), Decimal(0)
        )
    return sum((r.amount or Decimal(0) for r in p.records), Decimal(0))


def said_clearly(p: Preview) -> bool:
    return bool(p.problems) and all(EN(x.message_id) != x.message_id for x in p.problems)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FILES), st.data())
def test_a_file_cut_anywhere_imports_its_whole_rows_or_nothing(
    file: str, data: st.DataObject
) -> None:
    content = (FIXTURES / file).read_bytes()
    cut = data.draw(st.integers(0, len(content) - 1), label="cut")
    p = read(content[:cut], file)
    if exports.split_name(file)[1] == "xlsx":
        assert not p.ok and p.records == [] and said_clearly(p)
        return
    export = exports.exports()[exports.split_name(file)[0]]
    whole, inside = complete_lines(file, cut)
    if p.ok:
        assert inside is None, f"line {inside} was cut but the file was accepted"
        assert whole > export.header_line
        assert total(p, export.fmt) == expected_total(export, whole)
        assert p.rows_used == len(kept_rows(export, whole))
        return
    assert p.records == [] and said_clearly(p)
    if inside is not None and inside > export.header_line:
        assert any(x.message_id in CUT_IDS and x.line == inside for x in p.problems), p.problems


@pytest.mark.parametrize("file", TEXT_FILES)
def test_the_last_row_cut_short_is_named_and_nothing_is_imported(file: str) -> None:
    export = exports.exports()[exports.split_name(file)[0]]
    content = (FIXTURES / file).read_bytes()
    kind = exports.split_name(file)[1]
    lines = export.lines("\t" if kind == "utf16.tsv" else ",")
    last_row = export.header_line + len(export.rows)  # before any totals row
    end = encoded_length("".join(lines[:last_row]), kind)
    cut = end - (6 if kind == "utf16.tsv" else 3)  # a few characters short, no line end
    p = read(content[:cut], file)
    assert not p.ok and p.records == []
    assert [(x.message_id, x.line) for x in p.problems] == [("import.cut_off.line", last_row)]


@pytest.mark.parametrize("file", [f for f in TEXT_FILES if f.endswith("utf16.tsv")])
def test_utf16_with_an_odd_number_of_bytes_is_a_clear_error(file: str) -> None:
    content = (FIXTURES / file).read_bytes()
    p = read(content[:-1], file)
    assert not p.ok and p.records == []
    assert [x.message_id for x in p.problems] == ["import.cut_off.character"]
    assert "cut off" in EN("import.cut_off.character")


def test_a_file_without_a_line_end_after_its_totals_row_is_refused() -> None:
    content = (FIXTURES / "google_ads_en_utf8_bom.csv").read_bytes()
    p = read(content.rstrip(b"\r\n"))
    assert [x.message_id for x in p.problems] == ["import.cut_off.line"]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_no_bytes_end_in_a_traceback(data: bytes) -> None:
    p = read(data)
    assert p.ok or (p.records == [] and said_clearly(p))


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(FILES), st.data())
def test_damaged_fixtures_end_in_a_problem_or_an_import(file: str, data: st.DataObject) -> None:
    content = bytearray((FIXTURES / file).read_bytes())
    for _ in range(data.draw(st.integers(1, 4), label="changes")):
        at = data.draw(st.integers(0, len(content) - 1), label="at")
        content[at] = data.draw(st.integers(0, 255), label="byte")
    p = read(bytes(content), file)
    assert p.ok or (p.records == [] and said_clearly(p))


def test_a_workbook_that_lists_no_sheet_is_a_problem_not_a_traceback() -> None:
    """Found by the test above: one damaged byte can leave a workbook with no sheet."""
    import re
    import zipfile

    from openpyxl import Workbook

    made = io.BytesIO()
    Workbook().save(made)
    damaged = io.BytesIO()
    with zipfile.ZipFile(made) as src, zipfile.ZipFile(damaged, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/workbook.xml":
                data = re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", data, flags=re.S)
            out.writestr(item, data)
    p = read(damaged.getvalue(), "actuals.xlsx")
    assert p.records == [] and said_clearly(p)
