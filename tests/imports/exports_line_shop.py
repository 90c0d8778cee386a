"""LINE Official Account and shop order exports as the tools write them, in English and
zh-TW: the rows of those fixtures (written by :mod:`tests.imports.make_fixtures`).

Column names come from the vendors' public help pages (see
:mod:`aibudget.imports.vendors` for the addresses); CYBERBIZ and 91APP publish no list of
their export's columns, so theirs are the closest documented names.
"""

from __future__ import annotations

from tests.imports.export_files import Export

# LINE "Analytics -> Friends -> Download": counts as of each day
LINE_FRIENDS_FIELDS = ("date", "friends", "target_reach", "blocks")
LINE_FRIENDS_HEADERS = {
    "en": ("Date", "Friends", "Target reach", "Blocks"),
    "zh": ("日期", "加入好友", "目標好友人數", "封鎖"),
}
LINE_FRIENDS_ROWS = (
    ("2026-01-01", "1,200", "1,010", "150"),
    ("2026-01-15", "1,260", "1,052", "158"),
    ("2026-01-31", "1,318", "1,090", "171"),
    ("2026-02-01", "1,320", "1,091", "171"),
    ("2026-02-28", "1,402", "1,150", "183"),
)


def line_friends(lang: str) -> Export:
    return Export(
        "line_friends", lang, LINE_FRIENDS_FIELDS, LINE_FRIENDS_HEADERS[lang], LINE_FRIENDS_ROWS
    )


# LINE "Analytics -> Broadcast messages": one row per message
LINE_MESSAGES_FIELDS = ("date", "title", "delivered", "opened", "clicked")
LINE_MESSAGES_HEADERS = {
    "en": ("Sent date", "Title", "Delivered", "Opened", "Clicked"),
    "zh": ("傳送日期", "訊息標題", "傳送數", "已開封", "點擊的用戶"),
}
LINE_MESSAGES_ROWS = (
    ("2026/01/08 12:00", "新年咖啡豆 New year beans", "1,040", "612", "88"),
    ("2026/01/22 18:30", "濾掛買五送一 Drip bag offer", "1,061", "590", "104"),
    ("2026/02/12 09:15", "情人節禮盒 Valentine box", "1,120", "701", "156"),
)


def line_messages(lang: str) -> Export:
    return Export(
        "line_messages",
        lang,
        LINE_MESSAGES_FIELDS,
        LINE_MESSAGES_HEADERS[lang],
        LINE_MESSAGES_ROWS,
    )


# Order exports: one row per order (SHOPLINE's order report repeats an order per item)
SHOP_FIELDS = ("order", "date", "status", "total", "customer")
SHOP_HEADERS = {
    "shopline": {
        "en": ("Order Number", "Order Date", "Order Status", "Order Total", "Customer ID"),
        "zh": ("訂單號碼", "訂單日期", "訂單狀態", "訂單合計", "顧客 ID"),
    },
    "cyberbiz": {
        "en": ("Order ID", "Order date", "Status", "Total", "Customer Email"),
        "zh": ("訂單編號", "訂購日期", "訂單狀態", "訂單金額", "顧客 Email"),
    },
    "91app": {
        "en": ("Order ID", "Order created at", "Order status", "Order total", "Member ID"),
        "zh": ("主單編號", "訂單成立日期", "訂單狀態", "訂單總金額", "會員編號"),
    },
}
STATUS = {
    "en": {"done": "Completed", "cancelled": "Cancelled"},
    "zh": {"done": "已完成", "cancelled": "已取消"},
}
SHOP_ROWS = (  # order, date, status, total, customer
    ("#1011", "2026-01-03 10:12:00", "done", "1,280", "c-ann"),
    ("#1012", "2026-01-03 11:40:00", "done", "560", "c-bo"),
    ("#1012", "2026-01-03 11:40:00", "done", "560", "c-bo"),  # a second item of #1012
    ("#1013", "2026-01-17 20:05:00", "cancelled", "990", "c-cy"),
    ("#1014", "2026-01-28 09:30:00", "done", "2,150.5", "c-ann"),
    ("#1015", "2026-02-02 14:00:00", "done", "880", "c-bo"),
    ("#1016", "2026-02-14 16:45:00", "done", "3,200", "c-dee"),
)


def cancelled_rows(export: Export) -> list[tuple[str, ...]]:
    """The rows of an order export whose order was cancelled (none in other exports)."""
    if "status" not in export.fields:
        return []
    index = export.fields.index("status")
    return [r for r in export.rows if r[index] == STATUS[export.lang]["cancelled"]]


def shop_orders(vendor: str, lang: str) -> Export:
    rows = tuple(
        (order, day, STATUS[lang][status], total, customer)
        for order, day, status, total, customer in SHOP_ROWS
    )
    return Export("shop_orders", lang, SHOP_FIELDS, SHOP_HEADERS[vendor][lang], rows)


def exports() -> dict[str, Export]:
    out: dict[str, Export] = {}
    for lang in ("en", "zh"):
        out[f"line_friends_{lang}"] = line_friends(lang)
        out[f"line_messages_{lang}"] = line_messages(lang)
        for vendor in SHOP_HEADERS:
            out[f"{vendor}_orders_{lang}"] = shop_orders(vendor, lang)
    return out
