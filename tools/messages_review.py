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
    "review.price_times": (
        "the subscription you really paid in the last three months is about {times} times "
        "the plan's price; the forecast and the proposal use what you pay",
        "近三個月實際支付的訂閱費約為計畫價格的 {times} 倍，預測與調整提案都已改用實際價格",
    ),
    "review.price_share": (
        "the subscription you really paid in the last three months is about {pct} of the "
        "plan's price; the forecast and the proposal use what you pay",
        "近三個月實際支付的訂閱費約為計畫價格的 {pct}，預測與調整提案都已改用實際價格",
    ),
    "review.unrecorded_column": ("Planned, not recorded", "計畫中、尚未記錄"),
    "review.proposal_not_written": (
        "Nothing changes, so no proposal was written ({file} was not touched)",
        "不需調整，因此沒有寫出調整後的計畫（未更動 {file}）",
    ),
}

MESSAGES |= {
    "reallocate.replace_with": (
        "Replace {name} with {alternative} from month {month} ({calendar}): your team rates "
        "{name} poorly and {alternative} serves the same goals. Its {plan} plan costs {price} "
        "a month; with set-up and about {hours} h of training a person, about {amount} a month",
        "自第 {month} 個月（{calendar}）起改用 {alternative} 取代 {name}：團隊對 {name} 評價偏低，"
        "而 {alternative} 能服務同樣的目標。{plan} 方案每月 {price}；連同導入與每人約 {hours} 小時的"
        "教育訓練，平均每月約 {amount}",
    ),
    "reallocate.replace_not_worth": (
        "Stop {name} from month {month} ({calendar}): your team rates it poorly. "
        "{alternative} would serve the same goals but does not pay back on current "
        "estimates. Frees {amount} a month",
        "自第 {month} 個月（{calendar}）起停用 {name}：團隊評價偏低。{alternative} 雖能服務同樣的"
        "目標，但以目前的估計不划算。每月省下 {amount}",
    ),
    "reallocate.replace_none": (
        "Stop {name} from month {month} ({calendar}): your team rates it poorly, and the tool "
        "catalog has no other tool for the same goals. Frees {amount} a month",
        "自第 {month} 個月（{calendar}）起停用 {name}：團隊評價偏低，工具目錄中也沒有能服務同樣"
        "目標的其他工具。每月省下 {amount}",
    ),
    "reallocate.add_channels": (
        "Scale up {name}: {seats} more channels from month {month} ({calendar}), {amount} a month",
        "擴大使用 {name}：自第 {month} 個月（{calendar}）起增加 {seats} 個頻道，每月 {amount}",
    ),
    "reallocate.add_channel": (
        "Scale up {name}: 1 more channel from month {month} ({calendar}), {amount} a month",
        "擴大使用 {name}：自第 {month} 個月（{calendar}）起增加 1 個頻道，每月 {amount}",
    ),
    "reallocate.upgrade": (
        "Scale up {name}: move up to the {plan} plan from month {month} ({calendar}), "
        "{amount} more a month",
        "擴大使用 {name}：自第 {month} 個月（{calendar}）起升級到 {plan} 方案，每月多 {amount}",
    ),
    "reallocate.scale_no_step": (
        "{name} does better than planned, but its plan has no larger tier or extra seats to "
        "buy: give it more of the team's tasks",
        "{name} 的成效優於計畫，但它的方案沒有更大的等級或可加購的席位：可以把更多工作交給它",
    ),
    "reallocate.switch_to_annual_priced": (
        "Switch {name} to yearly billing: {amount} once a year, about {monthly} a month "
        "(now {was} a month)",
        "將 {name} 改為年繳：一年付一次 {amount}，約每月 {monthly}（目前每月 {was}）",
    ),
    "reallocate.switch_plan_priced": (
        "Switch {name} to its plan at about {monthly} a month (now {was} a month)",
        "將 {name} 改用約每月 {monthly} 的方案（目前每月 {was}）",
    ),
    "reallocate.stop_at_renewal": (
        "Stop {name} when its paid year ends: the annual plan is paid up to month {until} "
        "({until_calendar}); do not renew it in month {month} ({calendar})",
        "{name} 的年費已付到第 {until} 個月（{until_calendar}），到期後停用："
        "請勿在第 {month} 個月（{calendar}）續約",
    ),
}
