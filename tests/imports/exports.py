"""Ad platform and GA4 exports as the tools write them, in English and zh-TW: the rows
of every vendor fixture (written by :mod:`tests.imports.make_fixtures`)."""

from __future__ import annotations

from tests.imports import exports_line_shop
from tests.imports.export_files import KINDS, Export, encode, number

__all__ = [
    "KINDS",
    "Export",
    "cancelled_rows",
    "encode",
    "export_files",
    "exports",
    "number",
    "split_name",
]

cancelled_rows = exports_line_shop.cancelled_rows


# Google Ads ad group report, segmented by day
GOOGLE_FIELDS = (
    "day",
    "campaign",
    "ad_group",
    "currency",
    "cost",
    "clicks",
    "impressions",
    "conversions",
)
GOOGLE_HEADERS = {
    "en": (
        "Day",
        "Campaign",
        "Ad group",
        "Currency code",
        "Cost",
        "Clicks",
        "Impr.",
        "Conversions",
    ),
    "zh": ("日", "行銷活動", "廣告群組", "貨幣代碼", "費用", "點擊", "曝光", "轉換"),
}
GOOGLE_ROWS = (
    (
        "2026-01-05",
        "春季咖啡豆 Spring beans",
        "手沖 Pour-over",
        "TWD",
        "3,456.78",
        "1,234",
        "20,345",
        "12.00",
    ),
    (
        "2026-01-05",
        "春季咖啡豆 Spring beans",
        "禮盒 Gift box",
        "TWD",
        "210.00",
        "31",
        "1,020",
        "0.00",
    ),
    (
        "2026-01-06",
        "春季咖啡豆 Spring beans",
        "手沖 Pour-over",
        "TWD",
        "412.00",
        "98",
        "2,001",
        "--",
    ),
    ("2026-01-06", "濾掛品牌 Drip bags", "濾掛 Drip", "TWD", "150.50", "45", "1,500", "1.50"),
    ("2026-01-31", "濾掛品牌 Drip bags", "濾掛 Drip", "TWD", "0.00", "0", "12", "0.00"),
    ("2026-02-01", "濾掛品牌 Drip bags", "濾掛 Drip", "TWD", "1,200.00", "60", "1,700", "3.00"),
    ("2026-02-14", "情人節 Valentine", "禮盒 Gift box", "TWD", "2,048.25", "301", "9,876", "7.25"),
)
GOOGLE_TITLES = {
    "en": ("Ad group report", "January 1, 2026 - February 28, 2026"),
    "zh": ("廣告群組報表", "2026年1月1日 - 2026年2月28日"),
}
TOTAL_WORD = {"en": "Total: Account", "zh": "總計：帳戶"}


def google_ads(lang: str, rows: tuple[tuple[str, ...], ...] = GOOGLE_ROWS) -> Export:
    draft = Export("google_ads", lang, GOOGLE_FIELDS, GOOGLE_HEADERS[lang], rows)
    sums = [f"{draft.total(n):,}" for n in ("cost", "clicks", "impressions", "conversions")]
    total = (TOTAL_WORD[lang], "--", "--", "TWD", *sums)
    return Export(
        "google_ads", lang, GOOGLE_FIELDS, GOOGLE_HEADERS[lang], rows, GOOGLE_TITLES[lang], (total,)
    )


def google_ads_weeks(lang: str) -> Export:
    """A campaign report by week; weeks start on Monday and stay inside one month."""
    fields = ("week", "campaign", "cost", "clicks", "conversions")
    header = {
        "en": ("Week", "Campaign", "Cost", "Clicks", "Conversions"),
        "zh": ("週", "行銷活動", "費用", "點擊", "轉換"),
    }[lang]
    rows = (
        ("2026-01-05", "春季咖啡豆 Spring beans", "4,078.78", "1,363", "12.00"),
        ("2026-01-12", "春季咖啡豆 Spring beans", "3,120.00", "987", "9.00"),
        ("2026-01-19", "濾掛品牌 Drip bags", "980.40", "210", "2.50"),
        ("2026-02-02", "濾掛品牌 Drip bags", "1,200.00", "60", "3.00"),
        ("2026-02-09", "情人節 Valentine", "2,048.25", "301", "7.25"),
    )
    titles = {
        "en": ("Campaign report", "January 5, 2026 - February 15, 2026"),
        "zh": ("行銷活動報表", "2026年1月5日 - 2026年2月15日"),
    }[lang]
    return Export("google_ads", lang, fields, header, rows, titles)


def google_ads_months(lang: str) -> Export:
    fields = ("month", "campaign", "currency", "cost", "clicks", "impressions")
    header = {
        "en": ("Month", "Campaign", "Currency code", "Cost", "Clicks", "Impressions"),
        "zh": ("月", "行銷活動", "貨幣代碼", "費用", "點擊次數", "曝光次數"),
    }[lang]
    rows = (
        ("January 2026", "春季咖啡豆 Spring beans", "TWD", "7,198.78", "2,350", "40,120"),
        ("January 2026", "濾掛品牌 Drip bags", "TWD", "980.40", "210", "3,400"),
        ("February 2026", "情人節 Valentine", "TWD", "2,048.25", "301", "9,876"),
    )
    return Export("google_ads", lang, fields, header, rows, GOOGLE_TITLES[lang])


# Meta Ads Manager "Export table data": one row per ad set and day (or a period)
META_FIELDS = (
    "starts",
    "ends",
    "campaign",
    "ad_set",
    "results",
    "indicator",
    "reach",
    "impressions",
    "clicks",
    "spend",
)
META_HEADERS = {
    "en": (
        "Reporting starts",
        "Reporting ends",
        "Campaign name",
        "Ad set name",
        "Results",
        "Result indicator",
        "Reach",
        "Impressions",
        "Link clicks",
        "Amount spent (TWD)",
    ),
    "zh": (
        "報告開始",
        "報告結束",
        "行銷活動名稱",
        "廣告組合名稱",
        "成果",
        "成果指標",
        "觸及人數",
        "曝光次數",
        "連結點擊次數",
        "花費金額 (TWD)",
    ),
}
MESSAGING = "actions:onsite_conversion.messaging_conversation_started_7d"
META_ROWS = (
    (
        "2026-01-03",
        "2026-01-03",
        "會員回購 Repeat buyers",
        "老客戶 Past buyers",
        "12",
        "actions:link_click",
        "1830",
        "2410",
        "12",
        "1000",
    ),
    (
        "2026-01-04",
        "2026-01-04",
        "會員回購 Repeat buyers",
        "老客戶 Past buyers",
        "9",
        "actions:link_click",
        "1512",
        "1990",
        "9",
        "850.5",
    ),
    (
        "2026-01-04",
        "2026-01-04",
        "新品上市 New roast",
        "類似受眾 Lookalike",
        "3",
        MESSAGING,
        "4002",
        "5120",
        "41",
        "620",
    ),
    (
        "2026-01-20",
        "2026-01-31",
        "新品上市 New roast",
        "類似受眾 Lookalike",
        "",
        "",
        "8800",
        "12034",
        "96",
        "2315.75",
    ),
    (
        "2026-02-10",
        "2026-02-10",
        "新品上市 New roast",
        "類似受眾 Lookalike",
        "5",
        "reach",
        "3100",
        "3900",
        "",
        "700",
    ),
)


def meta_ads(lang: str) -> Export:
    return Export("meta_ads", lang, META_FIELDS, META_HEADERS[lang], META_ROWS)


# GA4 traffic acquisition: session default channel group (the period in the comments)
GA4_FIELDS = ("channel", "sessions", "engaged", "users", "key_events", "revenue")
GA4_HEADERS = {
    "en": (
        "Session default channel group",
        "Sessions",
        "Engaged sessions",
        "Total users",
        "Key events",
        "Total revenue",
    ),
    "zh": ("工作階段預設管道群組", "工作階段", "互動工作階段", "使用者總數", "主要事件", "總收益"),
}
GA4_CHANNELS = {
    "en": ("Organic Search", "Paid Social", "Direct", "Referral", "Unassigned"),
    "zh": ("隨機搜尋", "付費社交", "直接", "參照連結網址", "未指定"),
}
GA4_FIGURES = (
    ("1,200", "640", "980", "30", "12,450.00"),
    ("800", "301", "700", "12", "3,200.50"),
    ("450", "220", "410", "5", "0"),
    ("96", "50", "90", "2", "980"),
    ("14", "0", "14", "0", "0"),
)


def ga4_comments(lang: str, title: str, start: str, end: str) -> tuple[str, ...]:
    dates = ("開始日期", "結束日期") if lang == "zh" else ("Start date", "End date")
    colon = "：" if lang == "zh" else ": "
    return (
        "# ----------------------------------------",
        f"# {title}",
        "# 山嵐咖啡 Shanlan Coffee - GA4",
        f"# {dates[0]}{colon}{start}",
        f"# {dates[1]}{colon}{end}",
        "# ----------------------------------------",
    )


def ga4_channels(lang: str) -> Export:
    rows = tuple((c, *f) for c, f in zip(GA4_CHANNELS[lang], GA4_FIGURES, strict=True))
    title = "流量開發：工作階段預設管道群組" if lang == "zh" else "Traffic acquisition"
    draft = Export("ga4", lang, GA4_FIELDS, GA4_HEADERS[lang], rows)
    sums = [f"{draft.total(n):,}" for n in GA4_FIELDS[1:]]
    total = ("總計" if lang == "zh" else "Grand total", *sums)
    above = ga4_comments(lang, title, "20260101", "20260131")
    return Export("ga4", lang, GA4_FIELDS, GA4_HEADERS[lang], rows, above, (total,))


def ga4_source_medium(lang: str) -> Export:
    """Sessions by day and session source / medium across two months."""
    fields = ("date", "source_medium", "sessions", "users", "key_events", "revenue")
    header = {
        "en": (
            "Date",
            "Session source / medium",
            "Sessions",
            "Total users",
            "Key events",
            "Total revenue",
        ),
        "zh": ("日期", "工作階段來源/媒介", "工作階段", "使用者總數", "主要事件", "總收益"),
    }[lang]
    rows = (
        ("20260105", "google / organic", "120", "100", "3", "1,200"),
        ("20260105", "facebook / paid", "80", "77", "1", "0"),
        ("20260131", "(direct) / (none)", "40", "38", "0", "0"),
        ("20260201", "google / organic", "150", "122", "4", "2,050.5"),
    )
    title = "流量開發：工作階段來源/媒介" if lang == "zh" else "Traffic acquisition"
    above = ga4_comments(lang, title, "20260101", "20260228")
    return Export("ga4", lang, fields, header, rows, above)


def exports() -> dict[str, Export]:
    """Every vendor export fixture (without its file kind) by name."""
    out: dict[str, Export] = {}
    for lang in ("en", "zh"):
        out[f"google_ads_{lang}"] = google_ads(lang)
        out[f"meta_ads_{lang}"] = meta_ads(lang)
        out[f"ga4_{lang}"] = ga4_channels(lang)
        out[f"google_ads_weeks_{lang}"] = google_ads_weeks(lang)
        out[f"google_ads_months_{lang}"] = google_ads_months(lang)
        out[f"ga4_source_medium_{lang}"] = ga4_source_medium(lang)
    return out | exports_line_shop.exports()


# written in every kind; the others in two
MATRIX = (
    "google_ads",
    "meta_ads",
    "ga4",
    "line_friends",
    "line_messages",
    "shopline_orders",
    "cyberbiz_orders",
    "91app_orders",
)


def export_files() -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for name, export in exports().items():
        kinds = KINDS if name.rsplit("_", 1)[0] in MATRIX else ("utf16.tsv", "xlsx")
        for kind in kinds:
            files[f"{name}_{kind}" if kind != "xlsx" else f"{name}.xlsx"] = encode(export, kind)
    return files


def split_name(file: str) -> tuple[str, str]:
    """(export name, kind) of a fixture file name."""
    if file.endswith(".xlsx"):
        return file.removesuffix(".xlsx"), "xlsx"
    kind = next(k for k in KINDS if file.endswith(k))
    return file.removesuffix(f"_{kind}"), kind
