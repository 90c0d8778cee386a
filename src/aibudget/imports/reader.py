"""Rows of a file, streamed: (line number, cells), from CSV/TSV text or an XLSX sheet.

Nothing reads a whole file into memory: text is decoded line by line
(:mod:`aibudget.imports.encoding`) and fed to :mod:`csv`; workbooks are opened with
openpyxl's read-only mode, which streams rows from the sheet XML.

Text rows are handed on one row late: a last line without a line end was cut off
(a download stopped, a copy interrupted) and is never handed on as a row; it raises
:class:`~aibudget.imports.encoding.CutOff` with its line instead, so no row made of half
a line is ever imported. A workbook that cannot be read to its end is not tabular.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterator
from itertools import chain, count, islice
from typing import BinaryIO

from aibudget.imports.encoding import CutOff, Detected, decoded_lines, detect

XLSX_MAGIC = b"PK\x03\x04"
SNIFF_LINES = 30
DELIMITERS = ("\t", ",", ";")
MAX_FIELD = 1_000_000  # characters in one cell; csv's own limit is 128 KiB
MAX_XLSX_ROWS = 250_000  # rows of a sheet (a year of daily rows of 600 ad groups)
MAX_XLSX_COLUMNS = 200  # columns with a value in one row

Row = tuple[int, list[object]]


class BadCsv(Exception):
    """Text that the csv module cannot split (e.g. an unclosed quote), with its line."""

    def __init__(self, line: int, detail: str) -> None:
        super().__init__(line, detail)
        self.line = line
        self.detail = detail


class TooLarge(Exception):
    """A sheet past the rows or columns read (``what``: rows | columns), at ``line``."""

    def __init__(self, what: str, line: int, limit: int) -> None:
        super().__init__(what, line, limit)
        self.what = what
        self.line = line
        self.limit = limit


class NotTabular(Exception):
    """The bytes are neither delimited text nor a workbook (zip, PDF, image...)."""


def is_xlsx(sample: bytes) -> bool:
    return sample.startswith(XLSX_MAGIC)


def sniff_delimiter(lines: list[str]) -> str:
    body = [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    counts = {d: sum(ln.count(d) for ln in body) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


class _Ends:
    """Lines passed through, remembering whether the last one had a line end."""

    def __init__(self, lines: Iterator[str]) -> None:
        self.lines = lines
        self.open = False

    def __iter__(self) -> Iterator[str]:
        for text in self.lines:
            self.open = not text.endswith(("\n", "\r"))
            yield text


def text_rows(stream: BinaryIO, detected: Detected) -> tuple[str, Iterator[Row]]:
    """The delimiter and the rows of a delimited text file."""
    lines = decoded_lines(stream, detected)
    head = list(islice(lines, SNIFF_LINES))
    delimiter = sniff_delimiter(head)
    csv.field_size_limit(MAX_FIELD)
    ends = _Ends(chain(head, lines))
    reader = csv.reader(ends, delimiter=delimiter)

    def rows() -> Iterator[Row]:
        held: Row | None = None
        try:
            for cells in reader:
                if held is not None:
                    yield held
                held = (reader.line_num, list(cells))
        except csv.Error as exc:
            if ends.open:
                raise CutOff(reader.line_num) from None
            raise BadCsv(reader.line_num, str(exc)) from None
        if held is None:
            return
        if ends.open and any(str(c).strip() for c in held[1]):
            raise CutOff(held[0])
        yield held

    return delimiter, rows()


def xlsx_rows(stream: BinaryIO) -> Iterator[Row]:
    """Rows of the first sheet (or one named actuals / 實際數), values only."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(stream, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, InvalidFileException) as exc:
        raise NotTabular(str(exc)) from None
    except Exception as exc:  # any damage inside the zip: not a workbook
        raise NotTabular(repr(exc)) from None
    try:
        names = [n for n in book.sheetnames if n.lower() in ("actuals", "實際數")]
        if not names and not book.worksheets:  # a damaged workbook that lists no sheet
            raise NotTabular("no worksheet")
        sheet = book[names[0]] if names else book.worksheets[0]
        sheet.reset_dimensions()  # the declared size may be anything: read the cells
        cells = sheet.iter_rows(values_only=True)
        for number in count(1):
            try:
                values = next(cells)
            except StopIteration:
                return
            except Exception as exc:  # damaged sheet XML or zip member
                raise NotTabular(repr(exc)) from None
            if number > MAX_XLSX_ROWS:
                raise TooLarge("rows", number, MAX_XLSX_ROWS)
            yield number, _bounded(number, values)
    finally:
        book.close()


def _bounded(number: int, values: tuple[object, ...]) -> list[object]:
    """A sheet row without its empty tail; refused when a value lies too far right."""
    width = len(values)
    while width and values[width - 1] is None:
        width -= 1
    if width > MAX_XLSX_COLUMNS:
        raise TooLarge("columns", number, MAX_XLSX_COLUMNS)
    return list(values[:width])


def open_rows(
    stream: BinaryIO, encoding: str | None = None
) -> tuple[Detected | None, str | None, Iterator[Row]]:
    """(detected encoding, delimiter, rows); both None for a workbook."""
    sample = stream.read(64 * 1024)
    complete = len(sample) < 64 * 1024
    stream.seek(0)
    if is_xlsx(sample):
        return None, None, xlsx_rows(stream)
    utf16 = sample[:2] in (b"\xff\xfe", b"\xfe\xff")
    if sample[:4] in (b"%PDF", b"\x89PNG") or (b"\0\0" in sample and not utf16):
        raise NotTabular("binary")
    detected = detect(sample, complete, encoding)
    if detected.mixed_lines:
        return detected, None, iter(())
    delimiter, rows = text_rows(stream, detected)
    return detected, delimiter, rows
