"""Messages of the readiness questionnaire's pages and of a catalog entry's page:
id -> (English, Traditional Chinese)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # the questionnaire, page by page
    "readiness.step": ("Step {page} of {count}", "第 {page} 步，共 {count} 步"),
    "readiness.next": ("Next", "下一步"),
    "readiness.back": ("Back", "上一步"),
    "readiness.kept": (
        "Your answers are kept on every page: you can stop any time and go on later, on this "
        "or another device.",
        "每一頁的回答都會保存：您可以隨時離開，之後在這台或其他裝置上接著填。",
    ),
}
