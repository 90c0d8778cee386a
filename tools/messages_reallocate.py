"""Messages of the reallocation proposal: id -> (English, Traditional Chinese).

Money params ({amount}, {was} of a channel) arrive formatted by the shell.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "reallocate.move": (
        "Move {amount} a month from {sources} to {targets}",
        "每月將 {amount} 從 {sources} 移到 {targets}",
    ),
    "reallocate.stop": (
        "Stop {name} from month {month} ({calendar}): frees {amount} a month",
        "自第 {month} 個月（{calendar}）起停用 {name}：每月省下 {amount}",
    ),
    "reallocate.improve": (
        "Keep {name}, but train {people} (about {hours} h a person, about {amount} of their "
        "time) in month {month} ({calendar}), then check it again at the next review",
        "保留 {name}，但請在第 {month} 個月（{calendar}）安排 {people} 接受教育訓練"
        "（每人約 {hours} 小時，約 {amount} 的工時），下次檢討時再看成效",
    ),
    "reallocate.improve_team": (
        "Keep {name}, but train the team (about {hours} h a person, about {amount} of their "
        "time) in month {month} ({calendar}), then check it again at the next review",
        "保留 {name}，但請在第 {month} 個月（{calendar}）安排團隊接受教育訓練"
        "（每人約 {hours} 小時，約 {amount} 的工時），下次檢討時再看成效",
    ),
    "reallocate.cancel": (
        "Do not start {name} (planned for month {month}, {calendar}): frees {amount} a month",
        "不啟用 {name}（原訂第 {month} 個月，{calendar}）：每月省下 {amount}",
    ),
    "reallocate.switch_to_annual": (
        "Switch {name} to yearly billing: {plan} (was {was})",
        "將 {name} 改為年繳方案 {plan}（原為 {was}）",
    ),
    "reallocate.switch_plan": (
        "Switch {name} to plan {plan} (was {was})",
        "將 {name} 改為方案 {plan}（原為 {was}）",
    ),
    "reallocate.pause": (
        "Pause {name} from month {month} ({calendar}) and restart it in month {restart}",
        "自第 {month} 個月（{calendar}）起暫停 {name}，第 {restart} 個月再恢復",
    ),
    "reallocate.move_start": (
        "Start {name} in month {month} ({calendar}) instead of month {was}",
        "{name} 改在第 {month} 個月（{calendar}）啟用，而非第 {was} 個月",
    ),
    "reallocate.add_seats": (
        "Scale up {name}: {seats} more seats from month {month} ({calendar}), {amount} a month",
        "擴大使用 {name}：自第 {month} 個月（{calendar}）起增加 {seats} 個席位，每月 {amount}",
    ),
    "reallocate.add_seat": (
        "Scale up {name}: 1 more seat from month {month} ({calendar}), {amount} a month",
        "擴大使用 {name}：自第 {month} 個月（{calendar}）起增加 1 個席位，每月 {amount}",
    ),
    "reallocate.channel": (
        "Ad channel {channel}: from {was} to {amount} a month",
        "廣告通路 {channel}：每月由 {was} 調整為 {amount}",
    ),
    "reallocate.locked": (
        "Keep {name}: its annual plan {plan} is paid up to month {until}; "
        "the next renewal is month {month} ({calendar})",
        "保留 {name}：年繳方案 {plan} 已付到第 {until} 個月；"
        "下次續約在第 {month} 個月（{calendar}）",
    ),
    "reallocate.renewal_doubtful": (
        "On current results {name} is not worth renewing: decide before month {month} ({calendar})",
        "依目前成效，{name} 不值得續約：請在第 {month} 個月（{calendar}）前決定",
    ),
    "reallocate.no_change": (
        "No change: the current plan is still the best for the remaining months",
        "不需調整：目前的計畫仍是剩餘月份的最佳安排",
    ),
    "reallocate.no_solution": (
        "No feasible plan for the remaining months ({status}): review the budget and lock-ins",
        "剩餘月份找不到可行的計畫（{status}）：請檢查預算與合約綁定",
    ),
    "reallocate.horizon_over": (
        "Nothing to reallocate: month {month} is the end of the plan's horizon",
        "無需重新分配：第 {month} 個月已是計畫期間的最後一個月",
    ),
    "reallocate.summary": (
        "Remaining months {start} on ({months} months): expected NPV {proposed} with the "
        "proposal vs {current} with the current plan",
        "剩餘月份自 {start} 起（{months} 個月）：調整後預期淨現值 {proposed}，目前計畫 {current}",
    ),
    "reallocate.written": ("Proposed plan written to {file}", "調整後的計畫已寫入 {file}"),
    "reallocate.heading": ("Reallocation proposal", "預算重新分配提案"),
}
