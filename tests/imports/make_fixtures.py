"""Writes the small real-shaped import fixtures in tests/imports/fixtures/.

Run ``python tests/imports/make_fixtures.py`` after changing the data below; the tests
read both the files and these constants (the expected totals come from the data, not
from the importer).
"""

from __future__ import annotations

import codecs
import csv
import io
from datetime import datetime
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent / "fixtures"

# (day, campaign, clicks, impressions, cost text, conversions)
GOOGLE_ROWS = [
    ("2026-01-05", "春季咖啡豆 Spring beans", "1,234", "20,345", "3,456.78", "12"),
    ("2026-01-06", "春季咖啡豆 Spring beans", "98", "2,001", "412.00", "--"),
    ("2026-01-06", "濾掛品牌 Drip bags", "45", "1,500", "150.50", "1.5"),
    ("2026-02-01", "濾掛品牌 Drip bags", "60", "1,700", "1,200.00", "3"),
]
GOOGLE_COST = {"2026-01": Decimal("4019.28"), "2026-02": Decimal("1200.00")}

# (day, campaign, spend)
META_ROWS = [
    ("2026-01-03", "會員回購 Repeat buyers", "1,000"),
    ("2026-01-04", "會員回購 Repeat buyers", "850.5"),
    ("2026-01-04", "新品上市 New roast", "620"),
    ("2026-02-10", "新品上市 New roast", "700"),
]
META_SPEND = {"2026-01": Decimal("2470.5"), "2026-02": Decimal("700")}

# GA4: (channel, sessions, key events); the period is in the comment lines
GA4_ROWS = [
    ("Organic Search", "1,200", "30"),
    ("Paid Social", "800", "12"),
    ("Direct", "450", "5"),
]
GA4_SESSIONS = 2450
GA4_KEY_EVENTS = 47

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


def google_ads_text(zh: bool = False, currency: str = "TWD") -> str:
    if zh:
        title = ["廣告活動成效報告", "2026年1月1日 - 2026年2月28日"]
        header = ["日", "廣告活動", "點擊", "曝光", "費用", "貨幣代碼", "轉換"]
        total = "總計：帳戶"
    else:
        title = ["Campaign performance", "January 1, 2026 - February 28, 2026"]
        header = ["Day", "Campaign", "Clicks", "Impr.", "Cost", "Currency code", "Conversions"]
        total = "Total: Account"
    rows = [[*r[:5], currency, r[5]] for r in GOOGLE_ROWS]
    rows.append([total, "--", "1,437", "25,546", "5,219.28", currency, "16.5"])
    return "\n".join(title) + "\n" + _csv([header, *rows], "\t")


def utf16(text: str) -> bytes:
    return codecs.BOM_UTF16_LE + text.encode("utf-16-le")


def meta_text(zh: bool = False, currency: str = "TWD") -> str:
    if zh:
        header = ["分析報告開始", "分析報告結束", "天數", "行銷活動名稱", f"花費金額 ({currency})"]
    else:
        header = ["Reporting starts", "Reporting ends", "Day", "Campaign name"]
        header.append(f"Amount spent ({currency})")
    rows = [[day, day, day, name, spend] for day, name, spend in META_ROWS]
    return _csv([header, *rows])


def ga4_text(zh: bool = False) -> str:
    lines = [
        "# ----------------------------------------",
        "# Traffic acquisition: Session primary channel group (Default Channel Group)",
        "# Account: Shanlan Coffee",
        "# 開始日期：20260101" if zh else "# Start date: 20260101",
        "# 結束日期：20260131" if zh else "# End date: 20260131",
        "# ----------------------------------------",
    ]
    header = ["Session primary channel group (Default Channel Group)", "Sessions", "Key events"]
    if zh:
        header = ["工作階段主要管道群組 (預設管道群組)", "工作階段", "重要事件"]
    rows = [list(r) for r in GA4_ROWS]
    rows.append(["總計" if zh else "Grand total", "2,450", "47"])
    return "\n".join(lines) + "\n" + _csv([header, *rows])


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
        "meta_ads_usd.csv": meta_text(currency="USD").encode("utf-8-sig"),
        "google_ads_usd.csv": utf16(google_ads_text(currency="USD")),
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
        "google_ads_en.csv": utf16(google_ads_text()),
        "google_ads_zh.csv": utf16(google_ads_text(zh=True)),
        "meta_ads_en.csv": meta_text().encode("utf-8-sig"),
        "meta_ads_zh.csv": meta_text(zh=True).encode("utf-8-sig"),
        "ga4_en.csv": ga4_text().encode("utf-8"),
        "ga4_zh.csv": ga4_text(zh=True).encode("utf-8"),
        **{f"broken_{k}": v for k, v in broken().items()},
    }


if __name__ == "__main__":
    HERE.mkdir(exist_ok=True)
    for name, data in files().items():
        (HERE / name).write_bytes(data)
    print(f"wrote {len(files())} files to {HERE}")
