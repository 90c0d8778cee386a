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

# LINE Official Account Manager, "Analytics -> Friends -> Download CSV" (分析 > 好友 > 下載):
# one row a day with the counts as of that day: friends added (加入好友 / 好友人數, never
# decreasing), target reach (目標好友人數) and blocks (封鎖 / 封鎖人數). Help pages:
# https://tw.linebiz.com/manual/line-official-account/oa-manager-analysis and
# https://tw.linebiz.com/e-learning/oa/data-operate (zh-TW); the English names follow the
# manager's English interface and the Messaging API's followers / targetedReaches / blocks.
LINE_FRIENDS = Format(
    "line_friends",
    required=("date", "friends", "blocks"),
    aliases={
        "date": ("Date", "日期"),
        "friends": ("Friends", "Friends added", "Followers", "加入好友", "好友人數", "好友數"),
        "target_reach": ("Target reach", "Targeted reaches", "目標好友人數", "目標好友數"),
        "blocks": ("Blocks", "Blocked", "Blocked accounts", "封鎖", "封鎖人數", "封鎖數"),
    },
)

# LINE Official Account Manager, "Analytics -> Broadcast messages" (分析 > 群發訊息), one
# row per message: delivered (傳送數), opened (已開封: people who opened the chat and so saw
# it, the message's reach) and clicked (點擊的用戶). Same help pages as above.
LINE_MESSAGES = Format(
    "line_messages",
    required=("date", "delivered", "opened"),
    aliases={
        "date": ("Sent date", "Sent", "Date", "傳送日期", "傳送時間", "日期"),
        "title": ("Title", "Message", "訊息標題", "標題", "訊息"),
        "delivered": ("Delivered", "Messages delivered", "傳送數", "傳送則數", "已傳送"),
        "opened": ("Opened", "Unique impressions", "已開封", "開封人數"),
        "clicked": ("Clicked", "Unique clicks", "Users who clicked", "點擊的用戶", "點擊人數"),
    },
)

# Order exports of the Taiwanese shop platforms, one row per order (or per item of an
# order, the order's total repeated): SHOPLINE "Orders -> More -> Export order report"
# (訂單 > 更多動作 > 匯出訂單報表; the order number is always included, the other columns
# are chosen: https://support.shoplineapp.com/hc/zh-tw/articles/115001459203; English
# names as in SHOPLINE's Open API: order number, status, total, customer ID), CYBERBIZ
# "Orders -> Export order report" (訂單 > 訂單報表匯出, https://www.cyberbiz.io/blog/lp_faq-orders)
# and 91APP's order query export. The CYBERBIZ and 91APP column lists are not published
# on their public help pages; the names below are the closest documented ones.
SHOP_ORDERS = Format(
    "shop_orders",
    required=("order", "date", "total"),
    aliases={
        "order": (
            "Order Number",
            "Order number",
            "Order ID",
            "訂單號碼",
            "訂單編號",
            "主單編號",
        ),
        "date": (
            "Order Date",
            "Order date",
            "Order created at",
            "訂單日期",
            "訂購日期",
            "訂單成立日期",
            "成立時間",
            "下單時間",
        ),
        "status": ("Order Status", "Order status", "Status", "訂單狀態", "狀態"),
        "total": (
            "Order Total",
            "Order total",
            "Total",
            "訂單合計",
            "訂單金額",
            "訂單總金額",
            "總金額",
            "付款總金額",
        ),
        "customer": (
            "Customer ID",
            "Customer Email",
            "Member ID",
            "顧客 ID",
            "顧客ID",
            "顧客編號",
            "會員編號",
            "會員帳號",
            "顧客 Email",
        ),
        "currency": ("Currency", "幣別", "貨幣"),
    },
)
