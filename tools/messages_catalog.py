"""Messages of the tool catalog's price check, its entry page and the readiness pages:
id -> (English, Traditional Chinese), same placeholders in both."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- aibudget catalog check ------------------------------------------------------------
    "catalog.check.clean": (
        "Every price in the catalog is known and seen in the last six months.",
        "目錄中的價格都已知，且都是近六個月內查得。",
    ),
    "catalog.check.summary": (
        "{stale} prices seen more than six months ago, {missing} plans without a price.",
        "{stale} 個價格是六個多月前查得，{missing} 個方案沒有價格。",
    ),
    "catalog.check.stale": (
        "seen {months} months ago: check the vendor's page",
        "{months} 個月前查得：請到廠商網頁確認",
    ),
    "catalog.check.missing": (
        "no public price: enter your quote",
        "沒有公開價格：請輸入您的報價",
    ),
    "catalog.check.col_tier": ("Plan", "方案"),
    "catalog.check.col_issue": ("What to do", "要做的事"),
    "catalog.check.col_as_of": ("Seen", "查得時間"),
    # --- a price's details ------------------------------------------------------------------
    "catalog.tax.included": ("tax included", "含稅"),
    "catalog.tax.excluded": ("before tax", "未稅"),
    "catalog.tax.not_stated": (
        "the source does not say whether tax is included",
        "來源未註明是否含稅",
    ),
    "catalog.markets": ("Sold in: {markets}", "銷售地區：{markets}"),
    "catalog.market.global": ("worldwide", "全球"),
    "catalog.market.TW": ("Taiwan", "台灣"),
    "catalog.market.HK": ("Hong Kong", "香港"),
    "catalog.market.JP": ("Japan", "日本"),
    "catalog.market.TH": ("Thailand", "泰國"),
    "catalog.market.SG": ("Singapore", "新加坡"),
    "catalog.market.MY": ("Malaysia", "馬來西亞"),
}
