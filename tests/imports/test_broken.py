"""Broken files: every bad row named with its line and reason; nothing accepted."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.imports import exports
from tests.imports.conftest import load, load_path


@pytest.mark.parametrize(
    ("name", "message_id", "line"),
    [
        ("broken_wrong_columns.csv", "import.header_not_found", None),
        ("broken_mixed_encodings.csv", "import.mixed_encodings", None),
        ("broken_duplicate_rows.csv", "import.duplicate_row", 4),
        ("broken_duplicate_key.csv", "import.duplicate_key", 3),
        ("broken_formula_amount.csv", "import.bad_cell", 2),
        ("broken_empty.csv", "import.empty", None),
        ("broken_blank_lines.csv", "import.empty", None),
        ("broken_meta_ads_usd.csv", "import.currency_mismatch", 1),
        ("broken_google_ads_usd.csv", "import.currency_mismatch", 4),
        ("broken_not_tabular.pdf", "import.not_tabular", None),
    ],
)
def test_broken_file_is_refused_whole(name: str, message_id: str, line: int | None) -> None:
    p = load(name)
    assert not p.ok
    assert p.records == []
    assert p.problems[0].message_id == message_id
    assert p.problems[0].line == line


def test_every_bad_row_is_reported() -> None:
    p = load("broken_bad_cells.csv")
    found = {(x.line, x.params.get("column"), x.params.get("reason")) for x in p.problems}
    assert (2, "Month", "import.reason.not_a_date") in found
    assert (3, "Amount", "import.reason.not_a_number") in found
    assert (3, "Line item", "import.reason.unknown_line") in found
    assert any(x.message_id == "import.currency_mismatch" and x.line == 4 for x in p.problems)
    assert p.records == []


def test_duplicates_name_the_first_line() -> None:
    p = load("broken_duplicate_rows.csv")
    assert p.problems[0].params == {"first": 2}


def test_other_currency_is_said_once_but_every_row_counts() -> None:
    p = load("broken_google_ads_usd.csv")
    assert [x.message_id for x in p.problems] == ["import.currency_mismatch"]
    assert p.problems[0].params == {"found": "USD", "expected": "TWD"}
    assert p.problem_count == len(exports.GOOGLE_ROWS)


def test_a_file_in_the_plans_currency_passes() -> None:
    assert load("broken_meta_ads_usd.csv", currency="USD").ok


def test_formula_cells_are_kept_as_text() -> None:
    p = load("broken_formula_cells.csv")
    assert p.ok and p.neutralised == 3
    notes = {r.note for r in p.records}
    assert notes == {"'=1+2", "'+x"}
    assert {r.tool for r in p.records} == {"chatgpt", "'@SUM(A1)"}
    assert any(r.amount is not None and r.amount < 0 for r in p.records)  # a refund stays a number


def test_classic_mac_line_ends_are_read(tmp_path: Path) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes("月份,工具,金額\r2026-01,chatgpt,100\r2026-02,chatgpt,200\r".encode("cp950"))
    p = load_path(path)
    assert p.ok, p.problems
    assert [r.amount for r in p.records] == [100, 200]


def test_text_the_csv_module_cannot_split_is_a_problem_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "cr.csv"
    path.write_bytes(b"Month,Tool,Amount\n2026-01,a,1\n2026-02,b\rx,2\n")
    p = load_path(path)
    assert not p.ok and p.records == []
    assert (p.problems[0].message_id, p.problems[0].line) == ("import.csv_error", 3)
