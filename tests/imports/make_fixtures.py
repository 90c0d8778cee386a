"""Writes the small real-shaped import fixtures in tests/imports/fixtures/.

Run ``python tests/imports/make_fixtures.py`` after changing the data below or in
:mod:`tests.imports.exports` (the ad platforms and GA4); the tests read both the files
and these constants (the expected totals come from the data, not from the importer).
"""

from __future__ import annotations

import csv
import io
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.imports import exports

HERE = Path(__file__).resolve().parent / "fixtures"

TEMPLATE_ZH = [
    # month, tool, line, status, amount, currency, seats, active, hours, feedback, note
    (
        "115/01/05",
        "chatgpt",
        "訂閱",
        "已支出",
        "NT$1,600",
        "TWD",
        "2",
        "2",
        "12",
        "4",
        "小陳說很好用",
    ),
    ("115/01/20", "canva", "訂閱", "已支出", "480", "", "1", "1", "6", "5", ""),
    ("115/02/05", "chatgpt", "訂閱", "已支出", "1,600", "TWD", "2", "1", "9.5", "3", "老闆較少用"),
]
TEMPLATE_ZH_HEADER = [
    "月份",
    "工具",
    "預算項目",
    "狀態",
    "金額",
    "幣別",
    "席次",
    "活躍使用者",
    "節省工時",
    "團隊回饋 (1-5)",
    "備註",
]
TEMPLATE_EN_HEADER = [
    "Month",
    "Tool",
    "Line item",
    "Status",
    "Amount",
    "Currency",
    "Hours saved",
    "KPI",
    "KPI value",
    "Note",
]
TEMPLATE_EN = [
    ("2026-01-05", "chatgpt", "subscription", "spent", "1600", "TWD", "12", "", "", ""),
    ("2026/02/05", "chatgpt", "subscription", "committed", "1600", "TWD", "", "", "", ""),
    ("2026-01", "", "", "", "", "", "", "content_output", "14", "IG + FB posts"),
]


def _csv(rows: list[list[str]] | list[tuple[str, ...]], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def usd_exports() -> dict[str, bytes]:
    """A Google Ads and a Meta export in US dollars (refused for a plan in TWD)."""
    google = exports.google_ads("en")
    rows = tuple((*r[:3], "USD", *r[4:]) for r in google.rows)
    google = replace(google, rows=rows, below=tuple((*r[:3], "USD", *r[4:]) for r in google.below))
    meta = exports.meta_ads("en")
    meta = replace(meta, header=(*meta.header[:-1], "Amount spent (USD)"))
    return {
        "meta_ads_usd.csv": exports.encode(meta, "utf8_bom.csv"),
        "google_ads_usd.csv": exports.encode(google, "utf16.tsv"),
    }


def broken() -> dict[str, bytes]:
    mixed = _csv([TEMPLATE_ZH_HEADER, TEMPLATE_ZH[0]]).encode("utf-8") + _csv(
        [TEMPLATE_ZH[1]]
    ).encode("cp950")
    duplicate = _csv([TEMPLATE_EN_HEADER, TEMPLATE_EN[0], TEMPLATE_EN[1], TEMPLATE_EN[0]])
    same_key = _csv(
        [
            TEMPLATE_EN_HEADER,
            TEMPLATE_EN[0],
            ("2026-01-20", "chatgpt", "subscription", "spent", "300", "TWD", "", "", "", ""),
        ]
    )
    formulas = _csv(
        [
            TEMPLATE_EN_HEADER,
            ("2026-01-05", "chatgpt", "subscription", "spent", "1600", "TWD", "", "", "", "=1+2"),
            ("2026-01-05", "@SUM(A1)", "subscription", "spent", "-200", "TWD", "", "", "", "+x"),
        ]
    )
    formula_amount = _csv(
        [
            TEMPLATE_EN_HEADER,
            ("2026-01-05", "chatgpt", "subscription", "spent", "=A1*2", "TWD", "", "", "", ""),
        ]
    )
    bad_cells = _csv(
        [
            TEMPLATE_EN_HEADER,
            ("2026-13-05", "chatgpt", "subscription", "spent", "1600", "TWD", "", "", "", ""),
            ("2026-01-05", "chatgpt", "coffee", "spent", "abc", "TWD", "", "", "", ""),
            ("2026-01-05", "canva", "subscription", "spent", "200", "USD", "", "", "", ""),
        ]
    )
    return {
        "wrong_columns.csv": _csv([["Name", "Value"], ["a", "1"]]).encode("utf-8"),
        "mixed_encodings.csv": mixed,
        "duplicate_rows.csv": duplicate.encode("utf-8"),
        "duplicate_key.csv": same_key.encode("utf-8"),
        "formula_cells.csv": formulas.encode("utf-8"),
        "formula_amount.csv": formula_amount.encode("utf-8"),
        "bad_cells.csv": bad_cells.encode("utf-8"),
        "empty.csv": b"",
        "blank_lines.csv": b"\r\n\r\n ,,\r\n",
        **usd_exports(),
        "not_tabular.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
    }


def template_xlsx() -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    book.set_properties({"created": datetime(2026, 1, 1)})  # byte-identical on every run
    sheet = book.add_worksheet("實際數")
    sheet.write_row(0, 0, TEMPLATE_ZH_HEADER)
    for r, row in enumerate(TEMPLATE_ZH, start=1):
        sheet.write_row(r, 0, row)
    book.close()
    return buffer.getvalue()


def files() -> dict[str, bytes]:
    zh = _csv([TEMPLATE_ZH_HEADER, *TEMPLATE_ZH])
    en = _csv([TEMPLATE_EN_HEADER, *TEMPLATE_EN])
    return {
        "template_zh_cp950.csv": zh.encode("cp950"),
        "template_zh_big5.csv": zh.encode("big5"),
        "template_zh_utf8_bom.csv": zh.encode("utf-8-sig"),
        "template_en_utf8.csv": en.encode("utf-8"),
        "template_zh.xlsx": template_xlsx(),
        **exports.export_files(),
        **{f"broken_{k}": v for k, v in broken().items()},
    }


if __name__ == "__main__":
    HERE.mkdir(exist_ok=True)
    for name, data in files().items():
        (HERE / name).write_bytes(data)
    print(f"wrote {len(files())} files to {HERE}")
