"""Messages of the readiness questionnaire's pages and of a catalog entry's page:
id -> (English, Traditional Chinese)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # the questionnaire, page by page
    "readiness.step": ("Step {page} of {count}", "第 {page} 步，共 {count} 步"),
    "readiness.next": ("Next", "下一步"),
    "readiness.back": ("Back", "上一步"),
    "readiness.page_problems": (
        (
            "{count} question on this page still needs an answer; see the note beside it.",
            "{count} questions on this page still need an answer; see the note beside each.",
        ),
        "這一頁還有 {count} 題需要回答，請看題目旁的說明。",
    ),
    "readiness.kept": (
        "Your answers are kept on every page: you can stop any time and go on later, on this "
        "or another device.",
        "每一頁的回答都會保存：您可以隨時離開，之後在這台或其他裝置上接著填。",
    ),
    "readiness.draft_waiting": (
        "You started the assessment again and stopped at step {page} of {count}; this is the "
        "last finished result.",
        "您重新評估到第 {page} 步（共 {count} 步）還沒填完；下面是上一次完成的結果。",
    ),
    "readiness.draft_continue": ("Continue where I stopped", "從上次停下的地方繼續"),
    # a catalog entry, read-only, reached from the readiness result
    "readiness.details": ("Details and prices", "查看介紹與價格"),
    "readiness.tier_seen": ("price as of {as_of}", "{as_of} 查得的價格"),
    "readiness.tier_source": ("where the price comes from", "價格出處"),
    "readiness.entry_fit": ("Does it fit your business?", "適不適合您的店"),
    "readiness.entry_site": ("The vendor's website", "廠商官網"),
    "readiness.entry_back": ("Back to your readiness result", "回到準備度評估結果"),
    "readiness.fit_zh_support": ("support in Chinese", "中文客服"),
    "readiness.fit_local_payment": ("pay the Taiwanese way", "可用台灣付款方式"),
}
