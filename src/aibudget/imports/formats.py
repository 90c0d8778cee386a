"""The files aibudget reads, told apart by their header row.

Each :class:`Format` lists its fields with the header texts seen in English and
Traditional Chinese exports (the ad platforms and GA4 in
:mod:`aibudget.imports.vendors`, the app's own template here). A header row is the
first row that contains every required field of a format; rows above it are titles
(Google Ads) or ``#`` comments (GA4).

The found mapping (field -> header text as written in the file) is returned with every
preview so a caller can remember it per workspace and source and pass it back.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence

from aibudget.imports.columns import Format, Match, norm
from aibudget.imports.vendors import (
    GA4,
    GOOGLE_ADS,
    LINE_FRIENDS,
    LINE_MESSAGES,
    META_ADS,
    SHOP_ORDERS,
)

__all__ = ["FORMATS", "Format", "Match", "closest_columns", "find_header", "norm"]


TEMPLATE_FIELDS = (
    "month",
    "tool",
    "line",
    "status",
    "amount",
    "currency",
    "seats",
    "active_users",
    "hours_saved",
    "benefit",
    "kpi",
    "kpi_value",
    "feedback",
    "note",
    "reference",
)

# field -> (English header, Traditional Chinese header); both are accepted on import.
TEMPLATE_HEADERS: dict[str, tuple[str, str]] = {
    "month": ("Month", "月份"),
    "tool": ("Tool", "工具"),
    "line": ("Line item", "預算項目"),
    "status": ("Status", "狀態"),
    "amount": ("Amount", "金額"),
    "currency": ("Currency", "幣別"),
    "seats": ("Seats", "席次"),
    "active_users": ("Active users", "活躍使用者"),
    "hours_saved": ("Hours saved", "節省工時"),
    "benefit": ("Other benefit", "其他效益金額"),
    "kpi": ("KPI", "KPI"),
    "kpi_value": ("KPI value", "KPI 數值"),
    "feedback": ("Team feedback (1-5)", "團隊回饋 (1-5)"),
    "note": ("Note", "備註"),
    "reference": ("Reference", "參考編號"),
}

TEMPLATE = Format(
    "template",
    required=("month", "tool"),
    aliases={
        k: (*v, k, *(("date", "日期") if k == "month" else ())) for k, v in TEMPLATE_HEADERS.items()
    },
)

FORMATS: dict[str, Format] = {
    f.name: f
    for f in (TEMPLATE, GOOGLE_ADS, META_ADS, GA4, LINE_FRIENDS, LINE_MESSAGES, SHOP_ORDERS)
}


def find_header(
    row: Sequence[object], hint: str | None = None, override: Mapping[str, str] | None = None
) -> Match | None:
    """The best matching format for a candidate header row (None: not a header)."""
    candidates = [FORMATS[hint]] if hint else list(FORMATS.values())
    best: Match | None = None
    for fmt in candidates:
        found = fmt.match(row, override)
        if found.ok and (best is None or len(found.columns) > len(best.columns)):
            best = found
    return best


def closest_columns(row: Sequence[object], hint: str | None = None, limit: int = 8) -> list[str]:
    """``found -> known`` for the cells of a row that look like a known column name."""
    known: dict[str, str] = {}
    for fmt in [FORMATS[hint]] if hint else FORMATS.values():
        for aliases in fmt.aliases.values():
            for alias in aliases:
                known.setdefault(norm(alias), alias)
    out: list[str] = []
    for cell in row:
        text = norm(cell)
        if not text or text in known:
            continue
        close = difflib.get_close_matches(text, list(known), n=1, cutoff=0.6)
        if close:
            out.append(f"{str(cell).strip()} → {known[close[0]]}")
    return out[:limit]


# Accepted words for the template's line item and status columns (besides the ids).
LINE_WORDS: dict[str, str] = {
    "訂閱": "subscription",
    "訂閱費": "subscription",
    "導入": "integration",
    "整合": "integration",
    "教育訓練": "training",
    "訓練": "training",
    "資料與隱私": "data_privacy",
    "資料處理": "data_privacy",
    "預備金": "reserve",
    "顧問": "advice",
    "外部顧問": "advice",
    "內部工時": "internal_time",
    "維護": "maintenance",
    "其他": "other",
    "廣告": "other",
}
STATUS_WORDS: dict[str, str] = {
    "規劃": "planned",
    "計畫": "planned",
    "預計": "planned",
    "已承諾": "committed",
    "已簽約": "committed",
    "承諾": "committed",
    "已支出": "spent",
    "已付款": "spent",
    "實支": "spent",
}
TOTAL_WORDS = ("total", "grand total", "總計", "合計", "總和")
