"""A large export is streamed: memory stays far below the file's size."""

from __future__ import annotations

import codecs
import tracemalloc
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from aibudget.imports import ImportOptions, preview_file

SMALL, LARGE = 5_000, 30_000


def write_google_ads(path: Path, rows: int) -> Decimal:
    start = date(2026, 1, 1)
    total = Decimal(0)
    encoder = codecs.getincrementalencoder("utf-16-le")()
    with path.open("wb") as fh:
        fh.write(codecs.BOM_UTF16_LE)
        fh.write(encoder.encode("Keyword report\n2026/01/01 - 2026/12/31\n"))
        fh.write(encoder.encode("Day\tCampaign\tAd group\tKeyword\tImpr.\tClicks\tCost\n"))
        for i in range(rows):
            day = start + timedelta(days=i % 365)
            cost = Decimal(i % 500) + Decimal("0.25")
            total += cost
            line = (
                f"{day}\t活動 {i % 12}\t群組 {i % 97}\t關鍵字 {i}\t{i % 9000:,}\t{i % 90}\t{cost}\n"
            )
            fh.write(encoder.encode(line))
    return total


def peak_of_import(path: Path) -> tuple[int, object]:
    tracemalloc.start()
    try:
        preview = preview_file(path, ImportOptions(tool="gads"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, preview


@pytest.mark.slow
def test_large_file_streams_with_bounded_memory(tmp_path: Path) -> None:
    """Memory per extra row is a small fraction of the row's bytes on disk.

    A fixed part (buffers, the first digest chunk) does not grow with the file; what
    grows is the 12-byte digest log (about 40 bytes a row while it is sorted).
    """
    small, large = tmp_path / "small.csv", tmp_path / "large.csv"
    write_google_ads(small, SMALL)
    expected = write_google_ads(large, LARGE)
    peak_small, _ = peak_of_import(small)
    peak_large, preview = peak_of_import(large)
    assert preview.ok, preview.problems
    assert preview.rows_used == LARGE
    assert sum(r.amount or 0 for r in preview.records) == expected
    spend = [r for r in preview.records if r.amount is not None]
    assert len(spend) == 12 * 12  # months x campaigns, not rows
    bytes_per_row = (large.stat().st_size - small.stat().st_size) / (LARGE - SMALL)
    memory_per_row = (peak_large - peak_small) / (LARGE - SMALL)
    assert memory_per_row < 0.5 * bytes_per_row, (memory_per_row, bytes_per_row)
    assert peak_large < large.stat().st_size  # the file is never held whole


def test_duplicates_in_a_large_file_are_found(tmp_path: Path) -> None:
    path = tmp_path / "twice.csv"
    write_google_ads(path, 3000)
    text = path.read_bytes().decode("utf-16")
    lines = text.splitlines(keepends=True)
    path.write_bytes(codecs.BOM_UTF16_LE + "".join([*lines, lines[10]]).encode("utf-16-le"))
    preview = preview_file(path, ImportOptions(tool="gads"))
    assert not preview.ok and preview.records == []
    assert [(p.message_id, p.line, p.params) for p in preview.problems] == [
        ("import.duplicate_row", len(lines) + 1, {"first": 11})
    ]
