"""The files aibudget reads, told apart by their header row.

Each :class:`Format` lists its fields with the header texts seen in English and
Traditional Chinese exports (see the research notes: Google Ads "Download -> .csv",
Meta Ads Manager "Export table data", GA4 "Download file -> CSV", and the app's own
template). A header row is the first row that contains every required field of a
format; rows above it are titles (Google Ads) or ``#`` comments (GA4).

The found mapping (field -> header text as written in the file) is returned with every
preview so a caller can remember it per workspace and source and pass it back.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

CURRENCY_IN_HEADER = re.compile(r"\(([A-Za-z]{3})\)\s*$")


def norm(header: object) -> str:
    text = unicodedata.normalize("NFKC", "" if header is None else str(header))
    return " ".join(text.replace("\ufeff", "").lower().split())


@dataclass(frozen=True)
class Format:
    name: str
    required: tuple[str, ...]
    aliases: Mapping[str, tuple[str, ...]]
    # fields whose header carries a currency code, e.g. "Amount spent (TWD)"
    currency_prefixes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def _currency_code(self, name: str, cell: str) -> str | None:
        prefixes = self.currency_prefixes.get(name, ())
        if not any(cell.startswith(norm(p)) for p in prefixes):
            return None
        found = CURRENCY_IN_HEADER.search(cell)
        return found.group(1).upper() if found else None

    def match(self, row: Sequence[object], override: Mapping[str, str] | None = None) -> Match:
        cells = [norm(c) for c in row]
        columns: dict[str, int] = {}
        headers: dict[str, str] = {}
        currency: str | None = None
        wanted = {k: tuple(norm(a) for a in v) for k, v in self.aliases.items()}
        for name, text in (override or {}).items():
            if name in wanted:
                wanted[name] = (norm(text),)
        for index, cell in enumerate(cells):
            if not cell:
                continue
            for name, aliases in wanted.items():
                if name in columns:
                    continue
                code = self._currency_code(name, cell)
                if cell in aliases or code:
                    columns[name] = index
                    headers[name] = str(row[index]).replace("\ufeff", "").strip()
                    currency = code or currency
                    break
        ok = all(r in columns for r in self.required)
        used = set(columns.values())
        unknown = [str(row[i]).strip() for i, c in enumerate(cells) if c and i not in used]
        return Match(self, ok, columns, headers, currency, unknown)


@dataclass(frozen=True)
class Match:
    format: Format
    ok: bool
    columns: dict[str, int]
    headers: dict[str, str]
    currency: str | None
    unknown: list[str] = field(default_factory=list)  # header cells no field took


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

GOOGLE_ADS = Format(
    "google_ads",
    required=("campaign", "cost"),
    aliases={
        "day": ("Day", "Date", "日", "日期", "天"),
        "campaign": ("Campaign", "廣告活動", "廣告活動名稱"),
        "cost": ("Cost", "費用", "成本"),
        "currency": ("Currency code", "Currency", "貨幣代碼", "幣別"),
        "clicks": ("Clicks", "點擊", "點擊次數"),
        "impressions": ("Impr.", "Impressions", "曝光", "曝光次數"),
        "conversions": ("Conversions", "轉換", "轉換次數"),
    },
)

META_ADS = Format(
    "meta_ads",
    required=("campaign", "spend"),
    aliases={
        "day": ("Day", "天數", "日期", "天"),
        "starts": ("Reporting starts", "分析報告開始"),
        "ends": ("Reporting ends", "分析報告結束"),
        "campaign": ("Campaign name", "行銷活動名稱"),
        "spend": ("Amount spent", "花費金額"),
        "currency": ("Currency", "幣別"),
        "results": ("Results", "成果"),
        "impressions": ("Impressions", "曝光次數"),
        "clicks": ("Link clicks", "連結點擊次數"),
    },
    currency_prefixes={"spend": ("Amount spent", "花費金額")},
)

GA4 = Format(
    "ga4",
    required=("sessions",),
    aliases={
        "date": ("Date", "日期"),
        "channel": (
            "Session primary channel group (Default Channel Group)",
            "Session default channel group",
            "First user primary channel group (Default Channel Group)",
            "工作階段主要管道群組 (預設管道群組)",
            "工作階段預設管道群組",
        ),
        "sessions": ("Sessions", "工作階段"),
        "key_events": ("Key events", "Conversions", "重要事件", "轉換"),
        "users": ("Total users", "Active users", "使用者總數", "活躍使用者"),
    },
)

FORMATS: dict[str, Format] = {f.name: f for f in (TEMPLATE, GOOGLE_ADS, META_ADS, GA4)}


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
