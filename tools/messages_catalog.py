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
    # --- readiness result: a 90-day pilot -------------------------------------------------
    "readiness.pilot_title": ("Your first 90 days", "您的前 90 天試行清單"),
    "readiness.pilot_lead": (
        (
            "Pilot {count} tool on real work, measure, then decide. Small steps, no big bets.",
            "Pilot {count} tools on real work, measure, then decide. Small steps, no big bets.",
        ),
        "先在真實工作上試行 {count} 項工具，量測後再決定。小步前進，不押大注。",
    ),
    "readiness.pilot.1": (
        "Weeks 1-2: pick the tool and one person who owns it; write down today's numbers (reply time, posts a month).",
        "第 1–2 週：選定工具與一位負責人，記下現在的數字（例如回覆時間、每月貼文數）。",
    ),
    "readiness.pilot.2": (
        "Weeks 2-4: use the free plan or the trial on real tasks; note the minutes saved each week.",
        "第 2–4 週：用免費方案或試用期處理真實工作，每週記下省下的時間。",
    ),
    "readiness.pilot.3": (
        "Weeks 5-8: write what works on one page and share it in a 10-minute team talk each month.",
        "第 5–8 週：把好用的做法寫成一頁，每月在團隊裡花 10 分鐘分享。",
    ),
    "readiness.pilot.4": (
        "Weeks 9-12: compare with the numbers of week 1; then scale up, adjust or stop, and only then pay for a yearly plan.",
        "第 9–12 週：和第 1 週的數字比較，再決定擴大、調整或停止；之後才考慮付年費。",
    ),
    "readiness.pilot.5": (
        "All along: keep customers' personal data out of personal AI accounts.",
        "全程：不要把顧客的個人資料貼進個人版的 AI 工具。",
    ),
    "readiness.scores": ("Your scores in detail", "查看各項分數"),
    "readiness.fit_tw": ("sold in Taiwan", "台灣在地"),
    "readiness.fit_line": ("works with LINE", "可串接 LINE"),
    "readiness.free": ("free to start", "可免費開始"),
}
