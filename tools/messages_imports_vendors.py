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
}
