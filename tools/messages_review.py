"""Messages of the review and its proposal an owner acts on: id -> (English, Traditional
Chinese). Money params arrive formatted by the shell; counts pick the singular or the
plural id (``..._one``) in the engine."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "review.kpi_line": (
        "{goal}: {status} — latest {latest}, target {target}: {pct} of the way from the "
        "starting point to the target",
        "{goal}：{status}－最新 {latest}，要達到 {target}，從起點算起已完成 {pct}",
    ),
    "review.unrecorded_column": ("Planned, not recorded", "計畫中、尚未記錄"),
    "review.proposal_not_written": (
        "Nothing changes, so no proposal was written ({file} was not touched)",
        "不需調整，因此沒有寫出調整後的計畫（未更動 {file}）",
    ),
}
