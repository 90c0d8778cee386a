"""Messages of the allocation optimiser: id -> (English, Traditional Chinese)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Errors
    "optimize.unknown_reference": (
        "optimise.{where} names unknown tools or channels: {ids}",
        "optimise.{where} 指定了不存在的工具或廣告渠道：{ids}",
    ),
    "optimize.curve_invalid": (
        'Unknown response curve "{kind}"; known kinds: {kinds}',
        "未知的反應曲線「{kind}」；可用的種類：{kinds}",
    ),
    "optimize.curve_params": (
        'The "{kind}" response curve has invalid parameters: {detail}',
        "「{kind}」反應曲線的參數無效：{detail}",
    ),
    # Plan-file checks of the optimise: section
    "value.channel_bounds": (
        "Needs min_monthly <= fixed_monthly, current_monthly <= max_monthly.",
        "必須符合 min_monthly <= fixed_monthly、current_monthly <= max_monthly。",
    ),
    "value.category_unknown": (
        'Unknown category "{value}".',
        "未知的類別「{value}」。",
    ),
    "value.constraint_bound": (
        "Give max_monthly, min_monthly or both.",
        "請提供 max_monthly、min_monthly 或兩者。",
    ),
    "value.risk_aversion_cvar": (
        "With the cvar objective, risk_aversion must be between 0 and 1.",
        "使用 cvar 目標時，risk_aversion 必須介於 0 與 1 之間。",
    ),
    # Status
    "optimize.status.optimal": (
        "Optimal allocation (proven).",
        "最佳配置（已證明為最優）。",
    ),
    "optimize.status.time_limit": (
        "Stopped at the time limit; the best allocation found is within {gap} of the optimum.",
        "已達時間上限；目前最佳配置與最優解的差距不超過 {gap}。",
    ),
    "optimize.status.approximate": (
        "A workable allocation that meets every constraint, but it is not proven to be "
        "the best possible.",
        "這是符合所有限制、可以執行的配置，但尚未證明是最佳的配置。",
    ),
    "optimize.gap_known": (
        "It is at most {gap} below the best possible allocation.",
        "它與最佳配置的差距最多為 {gap}。",
    ),
    "optimize.note.refine_failed": (
        "A fine-tuning step for the ad amounts could not be finished, so they may be a "
        "little rounder than ideal.",
        "廣告金額的細部調整未能完成，因此金額可能比理想值略為粗略。",
    ),
    "optimize.note.bound_failed": (
        "The check of how close this is to the best possible allocation could not be finished.",
        "無法完成「此配置與最佳配置有多接近」的檢查。",
    ),
    "optimize.note.bound_invalid": (
        "The check of how close this is to the best possible allocation gave an "
        "inconsistent answer, so it was not used.",
        "「此配置與最佳配置有多接近」的檢查結果前後不一致，因此未採用。",
    ),
    "optimize.note.bound_unknown_curve": (
        "One ad channel uses a response curve that the closeness check cannot handle, so "
        "how close this is to the best possible allocation is not known.",
        "有廣告渠道使用了無法進行接近程度檢查的反應曲線，因此無法得知此配置與最佳配置的差距。",
    ),
    "optimize.status.no_solution": (
        "Stopped at the time limit before any allocation meeting every constraint was found.",
        "已達時間上限，仍未找到符合所有限制的配置。",
    ),
    "optimize.status.infeasible": (
        "No allocation can meet every constraint. These cannot hold together:",
        "沒有任何配置能同時符合所有限制。以下條件互相衝突：",
    ),
    "optimize.title": (
        "{company}: allocation of {budget} over {months} months ({objective})",
        "{company}：{months} 個月預算 {budget} 的配置（{objective}）",
    ),
    "optimize.objective.expected_npv": ("expected NPV", "期望淨現值"),
    "optimize.objective.risk_adjusted_npv": ("risk-adjusted NPV", "風險調整後淨現值"),
    "optimize.objective.cvar": ("mean and CVaR of NPV", "淨現值平均與 CVaR"),
    "optimize.objective.mean_downside": (
        "mean NPV minus downside",
        "淨現值平均減下檔風險",
    ),
    "optimize.objective_value": ("Objective: {value}", "最佳化成效：{value}"),
    "optimize.expected_npv": (
        "Expected NPV of the allocation: {value}",
        "此配置的期望淨現值：{value}",
    ),
    "optimize.incumbent": (
        "Today's plan scores {value}; the allocation improves it by {gain}.",
        "目前計畫的最佳化成效為 {value}；此配置可再提升 {gain}。",
    ),
    "optimize.incumbent_kept": (
        "Nothing beats today's plan ({value}); it is kept.",
        "沒有配置優於目前計畫（{value}），維持原計畫。",
    ),
    "optimize.incumbent_infeasible": (
        "Today's plan breaks at least one constraint.",
        "目前計畫至少違反一項限制。",
    ),
    "optimize.selected_title": ("Tools to fund", "建議採用的工具"),
    "optimize.col.tool": ("Tool", "工具"),
    "optimize.col.plan": ("Plan", "方案"),
    "optimize.col.start": ("From month", "起始月"),
    "optimize.col.phase": ("Phase", "階段"),
    "optimize.col.owner": ("Owner", "負責人"),
    "optimize.col.monthly": ("Monthly", "每月費用"),
    "optimize.col.npv": ("Expected NPV", "期望淨現值"),
    "optimize.phase.pilot": ("pilot", "試行"),
    "optimize.phase.scale": ("scale", "擴大"),
    "optimize.lines_title": ("Line items over the horizon", "規劃期間各預算項目"),
    "optimize.col.line": ("Line", "項目"),
    "optimize.col.amount": ("Amount", "金額"),
    "optimize.total": ("Total allocated", "已配置合計"),
    "optimize.unallocated": ("Not allocated", "未配置"),
    "optimize.ads_title": ("Monthly ad spend", "每月廣告支出"),
    "optimize.reasons_title": ("Why each tool is in or out", "各工具入選或落選的原因"),
    "optimize.marginal_budget": (
        "One more {step} of budget would add {value} to the objective.",
        "預算再增加 {step}，最佳化成效可再提高 {value}。",
    ),
    "optimize.marginal_hour": (
        "One more free hour a month of {member} would add {value}.",
        "{member} 每月多一小時空檔，最佳化成效可提高 {value}。",
    ),
    "optimize.line.subscription": ("Tool subscriptions", "工具訂閱"),
    "optimize.line.integration": ("Integration and customisation", "整合與客製"),
    "optimize.line.training": ("Staff training", "員工教育訓練"),
    "optimize.line.data_privacy": ("Data processing and privacy", "資料處理與隱私"),
    "optimize.line.reserve": ("Reserve for experiments", "實驗預備金"),
    "optimize.line.advice": ("Outside advice", "外部顧問"),
    "optimize.line.maintenance": ("Maintenance", "維護"),
    "optimize.line.other": ("Other", "其他"),
    "optimize.line.ad_spend": ("AI-driven ad spend", "AI 廣告投放"),
    # Reasons
    "optimize.reason.positive_value": (
        "Funded: adds {value} of value.",
        "採用：可增加 {value} 的價值。",
    ),
    "optimize.reason.serves_goal": (
        "Funded to serve a priority-1 goal (value {value}).",
        "為達成優先目標而採用（價值 {value}）。",
    ),
    "optimize.reason.portfolio": (
        "Funded for the plan as a whole (e.g. it covers a minimum line or lowers the risk); "
        "alone its value is {value}.",
        "為整體計畫而採用（例如補足最低預算項目或降低風險）；單獨價值為 {value}。",
    ),
    "optimize.reason.forced_in": ("Funded because you required it.", "依您的指定採用。"),
    "optimize.reason.plan_beats": (
        "It is better value than: {others}.",
        "此方案優於其他方案：{others}。",
    ),
    "optimize.reason.forced_out": ("Left out because you excluded it.", "依您的指定排除。"),
    "optimize.reason.excluded_by": (
        "Left out: it excludes {tools}, which was funded.",
        "未採用：與已採用的 {tools} 互斥。",
    ),
    "optimize.reason.negative_value": (
        "Left out: its value is negative ({value}) on every plan and start.",
        "未採用：所有方案與起始時間的價值皆為負（{value}）。",
    ),
    "optimize.reason.not_chosen": (
        "Left out: other tools use the money and hours better.",
        "未採用：其他工具能更有效運用預算與工時。",
    ),
    "optimize.reason.tie": (
        "Left out: funding it instead would give the same value.",
        "未採用：改採用它價值相同。",
    ),
    "optimize.reason.budget": (
        "Left out for lack of budget: more budget would fund it (now it would cost {loss}).",
        "因預算不足未採用：預算增加即會採用（目前採用會損失 {loss}）。",
    ),
    "optimize.reason.crowded_out": (
        "Left out: funding it would lower the objective by {loss}.",
        "未採用：採用它會使最佳化成效降低 {loss}。",
    ),
    "optimize.reason.blocked_budget": (
        "Left out: it does not fit in the budget with the required tools.",
        "未採用：加上必要的工具後預算不足。",
    ),
    "optimize.reason.blocked_monthly_budget": (
        "Left out: it would break the monthly budget.",
        "未採用：會超出每月預算。",
    ),
    "optimize.reason.blocked_max_share": (
        "Left out: it would take more than the maximum share of the budget for one tool.",
        "未採用：會超過單一工具可占的預算上限。",
    ),
    "optimize.reason.blocked_pilot": (
        "Left out: the pilot is already full and it cannot wait for the scale phase.",
        "未採用：試行名額已滿，且無法延到擴大階段。",
    ),
    "optimize.reason.blocked_hours": (
        "Left out: {member} has no free hours left for it.",
        "未採用：{member} 已沒有空檔時間。",
    ),
    "optimize.reason.blocked_extra": (
        'Left out: it would break your constraint "{label}".',
        "未採用：會違反您的限制「{label}」。",
    ),
    "optimize.reason.infeasible_with_others": (
        "Left out: it cannot be funded together with the required tools.",
        "未採用：無法與必要工具同時採用。",
    ),
    # Conflicts
    "optimize.conflict.minimums": (
        "The minimum spends ({minimum}) exceed the budget ({budget}).",
        "最低必要支出（{minimum}）超過預算（{budget}）。",
    ),
    "optimize.conflict.budget": ("The budget of {budget}.", "預算 {budget}。"),
    "optimize.conflict.monthly_budget": (
        "The monthly budget of {amount}.",
        "每月預算 {amount}。",
    ),
    "optimize.conflict.training": (
        "The minimum training line of {amount}.",
        "教育訓練最低金額 {amount}。",
    ),
    "optimize.conflict.reserve": (
        "The minimum reserve of {amount}.",
        "預備金最低金額 {amount}。",
    ),
    "optimize.conflict.privacy": (
        "The data/privacy line of {amount} when a tool uses customer data.",
        "使用顧客資料時的資料與隱私預算 {amount}。",
    ),
    "optimize.conflict.max_share": (
        "No single tool may cost more than {amount}.",
        "單一工具的費用不得超過 {amount}。",
    ),
    "optimize.conflict.pilot": (
        "At most {max} tools in the first {months} months (pilot).",
        "前 {months} 個月（試行期）最多 {max} 項工具。",
    ),
    "optimize.conflict.hours": (
        "{member} has {hours} free hours a month.",
        "{member} 每月只有 {hours} 小時空檔。",
    ),
    "optimize.conflict.goal": (
        'Priority-1 goal "{goal}" must be served by a funded tool.',
        "優先目標「{goal}」必須有採用的工具支援。",
    ),
    "optimize.conflict.goal_no_tool": (
        'Priority-1 goal "{goal}" has no candidate tool with its KPI.',
        "優先目標「{goal}」沒有任何候選工具對應其 KPI。",
    ),
    "optimize.conflict.force_in": ('You required "{tool}".', "您指定必須採用「{tool}」。"),
    "optimize.conflict.force_out": ("The tools you excluded.", "您指定排除的工具。"),
    "optimize.conflict.exclusive": (
        "At most one of {tools}.",
        "{tools} 之中最多只能採用一項。",
    ),
    "optimize.conflict.extra": ('Your constraint "{label}".', "您的限制「{label}」。"),
    "optimize.conflict.channel_min": (
        "The minimum spend on {channel} of {amount} a month.",
        "{channel} 每月最低支出 {amount}。",
    ),
    "optimize.time_limit_range": (
        "the time limit must be more than 0 and at most 600 seconds",
        "時間上限必須大於 0 且不超過 600 秒",
    ),
    "optimize.exit_infeasible": (
        "Relax one of these and run again.",
        "請放寬其中一項後再執行。",
    ),
}
