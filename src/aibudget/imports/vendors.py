"""Column names of the ad platforms' and GA4's exports, as their interfaces write them.

Each field lists the English header first (it is shown when a header is missing), then
the Traditional Chinese ones, then older or shorter variants still seen in files that
owners keep. Google Ads: "Reports -> Download" of campaign, ad group and keyword
reports, segmented by day, week or month (UTF-16 tab-separated "CSV", CSV or Excel).
Meta Ads Manager: "Export table data" (CSV or XLSX), the currency in the spend column's
header. GA4: "Share this report -> Download file" of the traffic acquisition reports
(default channel group, source / medium).
"""

from __future__ import annotations

from aibudget.imports.columns import Format

GOOGLE_ADS = Format(
    "google_ads",
    required=("campaign", "cost"),
    aliases={
        "day": ("Day", "Date", "日", "天", "日期"),
        "week": ("Week", "週", "周", "星期"),
        "month": ("Month", "月", "月份"),
        "campaign": ("Campaign", "Campaign name", "行銷活動", "廣告活動", "廣告活動名稱"),
        "ad_group": ("Ad group", "Ad group name", "廣告群組", "廣告群組名稱"),
        "cost": ("Cost", "費用", "成本", "花費"),
        "currency": ("Currency code", "Currency", "貨幣代碼", "幣別", "貨幣"),
        "clicks": ("Clicks", "點擊", "點擊次數"),
        "impressions": ("Impr.", "Impressions", "曝光", "曝光次數"),
        "conversions": ("Conversions", "轉換", "轉換次數"),
    },
)

META_ADS = Format(
    "meta_ads",
    required=("campaign", "spend"),
    aliases={
        "day": ("Day", "天數", "天", "日", "日期"),
        "starts": ("Reporting starts", "報告開始", "分析報告開始"),
        "ends": ("Reporting ends", "報告結束", "分析報告結束"),
        "campaign": ("Campaign name", "行銷活動名稱", "廣告活動名稱"),
        "ad_set": ("Ad set name", "廣告組合名稱"),
        "ad": ("Ad name", "廣告名稱"),
        "spend": ("Amount spent", "花費金額", "花費"),
        "currency": ("Currency", "幣別", "貨幣"),
        "results": ("Results", "成果"),
        "result_indicator": ("Result indicator", "成果指標"),
        "result_type": ("Result type", "成果類型"),
        "reach": ("Reach", "觸及人數"),
        "impressions": ("Impressions", "曝光次數"),
        "clicks": ("Link clicks", "連結點擊次數"),
    },
    currency_prefixes={"spend": ("Amount spent", "花費金額", "花費")},
)

GA4 = Format(
    "ga4",
    required=("sessions",),
    aliases={
        "date": ("Date", "日期"),
        "month": ("Month", "Year month", "月", "年月"),
        "channel": (
            "Session default channel group",
            "Session primary channel group (Default Channel Group)",
            "Default channel group",
            "First user default channel group",
            "First user primary channel group (Default Channel Group)",
            "工作階段預設管道群組",
            "工作階段主要管道群組 (預設管道群組)",
            "預設管道群組",
            "首次使用者預設管道群組",
            "首次使用者主要管道群組 (預設管道群組)",
        ),
        "source_medium": (
            "Session source / medium",
            "Session source/medium",
            "Source / medium",
            "First user source / medium",
            "工作階段來源 / 媒介",
            "工作階段來源/媒介",
            "來源 / 媒介",
            "來源/媒介",
            "首次使用者來源 / 媒介",
            "首次使用者來源/媒介",
        ),
        "sessions": ("Sessions", "工作階段", "工作階段數"),
        "engaged_sessions": ("Engaged sessions", "互動工作階段", "參與的工作階段"),
        "users": (
            "Total users",
            "Users",
            "Active users",
            "使用者總數",
            "總使用者",
            "使用者",
            "活躍使用者",
        ),
        "new_users": ("New users", "新使用者"),
        "key_events": ("Key events", "Conversions", "主要事件", "重要事件", "轉換"),
        "revenue": ("Total revenue", "Purchase revenue", "總收益", "購買收益"),
    },
)
