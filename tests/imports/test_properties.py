"""Properties of importing the template: any valid rows, any encoding, round-trip exactly."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aibudget.domain.actuals import Actuals
from aibudget.imports import ImportOptions, confirm, preview_file
from aibudget.imports.cells import safe_text
from aibudget.imports.template import headers

ALPHABET = st.sampled_from(list("abc XYZ,;\"'\t\n=+-@#%$中文咖啡豆（）、。１２"))
notes = st.text(ALPHABET, max_size=30)
amounts = st.decimals(min_value=-(10**6), max_value=10**7, places=2, allow_nan=False)
rows = st.lists(
    st.tuples(
        st.integers(1, 12), st.sampled_from(["chatgpt", "canva", "小編工具"]), amounts, notes
    ),
    min_size=1,
    max_size=30,
    unique_by=lambda r: (r[0], r[1]),
)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "cp950", "utf-16"])


def write(path: Path, items: list, encoding: str, lang: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    head = headers(lang)
    writer.writerow([head[0], head[1], head[4], head[13]])  # month, tool, amount, note
    for month, tool, amount, note in items:
        writer.writerow([f"2026/{month:02d}/15", tool, f"{amount:,}", note])
    path.write_bytes(buffer.getvalue().encode(encoding))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows, encodings, st.sampled_from(["zh-TW", "en"]))
def test_any_valid_rows_import_exactly_once(
    tmp_path: Path, items: list, encoding: str, lang: str
) -> None:
    path = tmp_path / "rows.csv"
    write(path, items, encoding, lang)
    preview = preview_file(path, ImportOptions())
    assert preview.ok, preview.problems
    assert len(preview.records) == len(items)
    assert sum(r.amount or 0 for r in preview.records) == sum(a for _, _, a, _ in items)
    for record, (_, _, _, note) in zip(preview.records, items, strict=True):
        expected = safe_text(note)[0] if note.strip() or note[:1] in "\t\r" else None
        assert record.note == (expected or None)
    once, report, _ = confirm(Actuals(currency="TWD"), [preview])
    assert report.added == len(items)
    twice, report, _ = confirm(once, [preview_file(path, ImportOptions())])
    assert report.added == 0 and twice.records == once.records
    assert sum(r.amount or Decimal(0) for r in twice.records) == sum(a for _, _, a, _ in items)
