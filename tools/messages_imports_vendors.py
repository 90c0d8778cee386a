"""Messages of the vendor imports (LINE, shop orders, column and ad spend mapping, large
sheets): id -> (English, Traditional Chinese)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "import.sheet_too_large.rows": (
        "The sheet goes on past row {limit}; only that many rows are read. Export a "
        "shorter period (for example one month per file) or delete the empty rows below "
        "your data.",
        "這個工作表超過第 {limit} 列；最多只讀取這麼多列。請匯出較短的期間（例如每個月一個檔案），"
        "或刪除資料下方的空白列。",
    ),
    "import.sheet_too_large.columns": (
        "This row has a value beyond column {limit}; only that many columns are read. "
        "Delete the cells far to the right or export the report again.",
        "這一列在第 {limit} 欄之後還有內容；最多只讀取這麼多欄。請刪除最右邊多餘的儲存格，或重新匯出報表。",
    ),
    "import.same_day_twice": (
        "A second row for {day}: a LINE friends report has one row a day. Download the "
        "report again.",
        "{day} 出現第二列：LINE 好友報表每天只有一列。請重新下載報表。",
    ),
    "import.order_differs": (
        'Order "{order}" appears again with another date, total or customer (first at '
        "line {first}); each order is counted once, so its rows must agree.",
        "訂單「{order}」再次出現，但日期、金額或顧客不同（第一次在第 {first} 行）；每筆訂單只計算一次，"
        "所以同一訂單的各列必須一致。",
    ),
    "monitor.format.line_friends": ("LINE Official Account friends", "LINE 官方帳號好友"),
    "monitor.format.line_messages": ("LINE Official Account messages", "LINE 官方帳號群發訊息"),
    "monitor.format.shop_orders": (
        "Shop orders (SHOPLINE, CYBERBIZ, 91APP)",
        "網店訂單（SHOPLINE、CYBERBIZ、91APP）",
    ),
    "import.kpi.clicks": ("Clicks", "點擊次數"),
    "import.kpi.conversions": ("Conversions (ads)", "轉換次數（廣告）"),
    "import.kpi.key_events": ("Key events (GA4)", "主要事件（GA4）"),
    "import.kpi.orders": ("Orders", "訂單數"),
    "import.kpi.repeat_buyers": ("Repeat buyers", "回購顧客數"),
    "import.kpi.line_messages_delivered": ("LINE messages delivered", "LINE 訊息傳送數"),
    "import.kpi.line_message_reach": ("LINE message reach (opened)", "LINE 訊息觸及（已開封）"),
    "import.kpi.line_message_clicks": ("LINE message clicks", "LINE 訊息點擊人數"),
    "import.web.kpis_title": ("What the figures count in", "檔案中的數字計入哪裡"),
    "import.web.kpi_counts": ("counts in: {goals}", "計入目標：{goals}"),
    "import.web.kpi_unused": (
        "no goal of your plan uses this figure yet; it is kept and counts as soon as a goal does",
        "您的計畫目前沒有目標使用這個數字；數值仍會保存，日後新增使用它的目標時就會計入",
    ),
    "import.web.kpi_line": ("{name} ({months}): {what}", "{name}（{months}）：{what}"),
    "import.web.months": (("{count} month", "{count} months"), "{count} 個月"),
    "import.web.spend_title": ("Where the ad spend goes", "廣告費記到哪裡"),
    "import.web.spend_to": ("Book the ad spend to", "廣告費記到"),
    "import.web.spend_show": ("Show", "更新預覽"),
    "import.web.spend_choose": (
        "Choose the tool or ad channel of your plan this spend belongs to. Your choice is "
        "remembered for this kind of file.",
        "請選擇這些廣告費屬於計畫中的哪個工具或廣告管道；下次匯入同類檔案時會記得您的選擇。",
    ),
    "import.web.spend_remembered": (
        "As last time for this kind of file.",
        "與上次匯入同類檔案時相同。",
    ),
    "import.web.no_target": (
        "Your plan has no tool or ad channel to book ad spend to yet. Add one to the plan "
        "first (for example an ad optimisation tool), then import the file again.",
        "您的計畫還沒有可以記入廣告費的工具或廣告管道。請先在計畫中新增一個（例如廣告優化工具），"
        "再匯入一次這個檔案。",
    ),
    "import.web.campaign": ("Campaign", "廣告活動"),
    "import.web.goes_to": ("Goes to", "記到"),
    "import.web.not_chosen": ("not chosen yet", "尚未選擇"),
    "import.web.map_title": ("Match the file's columns", "對應檔案的欄位"),
    "import.web.map_lead_source": (
        "We could not tell what kind of file this is. Choose where it comes from and pick "
        "the file again; then you can match its columns.",
        "無法判斷這是哪一種檔案。請選擇檔案的來源並再選一次檔案，接著就可以對應欄位。",
    ),
    "import.web.map_lead": (
        "For each figure, pick the column of your file that holds it, and choose the file "
        "again. The matching is remembered for this kind of file.",
        "請為每一項選擇檔案中對應的欄位，並再選一次檔案。系統會記住這個對應，下次匯入同類檔案時自動使用。",
    ),
    "import.web.map_none": ("(not in the file)", "（檔案中沒有）"),
    "import.web.map_required": ("required", "必填"),
    "import.web.map_button": ("Preview with these columns", "用這些欄位預覽"),
}
