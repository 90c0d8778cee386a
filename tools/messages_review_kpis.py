"""Messages of each goal's KPI projection in the review (web page, CLI, PDF, workbook):
id -> (English, Traditional Chinese), same placeholders in both."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str | tuple[str, str], str]] = {
    "kpi_forecast.heading": ("Where your goals are heading", "目標的走向"),
    "kpi_forecast.column": ("At the current pace", "照目前的速度"),
    "kpi_forecast.behind": (
        "At the current pace, about {value} by {month}; the target is {target} ({gap} short).",
        "照目前的速度，{month}約可達 {value}，目標值 {target}（差 {gap}）。",
    ),
    "kpi_forecast.on_track": (
        "At the current pace, about {value} by {month}; the target of {target} is within reach.",
        "照目前的速度，{month}約可達 {value}，可以達到目標值 {target}。",
    ),
    "kpi_forecast.on_track_reached": (
        (
            "At the current pace, about {value} by {month}; the target of {target} was "
            "already reached in {reach}, {count} month before the deadline.",
            "At the current pace, about {value} by {month}; the target of {target} was "
            "already reached in {reach}, {count} months before the deadline.",
        ),
        "照目前的速度，{month}約可達 {value}；目標值 {target} 已在{reach}達成，比期限早 {count} 個月。",
    ),
    "kpi_forecast.on_track_expected": (
        (
            "At the current pace, about {value} by {month}; the target of {target} is "
            "expected in {reach}, {count} month before the deadline.",
            "At the current pace, about {value} by {month}; the target of {target} is "
            "expected in {reach}, {count} months before the deadline.",
        ),
        "照目前的速度，{month}約可達 {value}；預計{reach}達到目標值 {target}，比期限早 {count} 個月。",
    ),
    "kpi_forecast.behind_level": (
        "If it stays at its recent average of {value}, it will still be {gap} short of the "
        "target of {target} in {month}.",
        "若維持最近的平均 {value}，到{month}仍比目標值 {target} 差 {gap}。",
    ),
    "kpi_forecast.on_track_level": (
        "At its recent average of {value}, the target of {target} is met by {month}.",
        "維持最近的平均 {value}，{month}就能達到目標值 {target}。",
    ),
    "kpi_forecast.method.trend": (
        (
            "From the trend of the {count} month recorded.",
            "From the trend of the {count} months recorded.",
        ),
        "依已記錄 {count} 個月的趨勢推估。",
    ),
    "kpi_forecast.method.stock": (
        (
            "The latest figure plus the average monthly change over the {count} month recorded.",
            "The latest figure plus the average monthly change over the {count} months recorded.",
        ),
        "以最新數字加上已記錄 {count} 個月的平均每月變化推估。",
    ),
    "kpi_forecast.method.average": (
        "A rate: the average of the last months recorded, assumed to stay as it is.",
        "這是比率：以最近幾個月的平均值推估，假設維持現狀。",
    ),
    "kpi_forecast.note.few_months": (
        "No projection yet: at least two months of figures are needed.",
        "還無法推估：至少需要兩個月的數字。",
    ),
    "kpi_forecast.note.no_target": (
        "No projection: the goal has no target figure.",
        "無法推估：這個目標沒有目標數值。",
    ),
    "kpi_forecast.note.no_deadline": (
        "No projection: the goal has no deadline.",
        "無法推估：這個目標沒有期限。",
    ),
    "kpi_forecast.note.past_deadline": (
        "The deadline has come: the figure recorded is the result.",
        "期限已到：已記錄的數字就是結果。",
    ),
}
