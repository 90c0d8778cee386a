"""Messages of the PDF report: id -> (English, 繁體中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Page furniture and cover
    "pdf.title": ("AI marketing budget plan", "AI 行銷預算計畫"),
    "pdf.page_of": ("Page {page} of {pages}", "第 {page} 頁，共 {pages} 頁"),
    "pdf.cover_horizon": (
        "{months} months from {start} · AI marketing budget {budget}",
        "自 {start} 起 {months} 個月 · AI 行銷預算 {budget}",
    ),
    "pdf.cover_version": ("Plan version", "計畫版本"),
    "pdf.cover_date": ("Report date", "報告日期"),
    "pdf.cover_state": ("Approval", "核准狀態"),
    "pdf.cover_note": ("Note", "備註"),
    "pdf.state.draft": ("Draft, not approved yet", "草稿，尚未核准"),
    "pdf.state.live": ("In use", "執行中"),
    "pdf.state.approved": ("Approved", "已核准"),
    "pdf.state.none": ("Not recorded (a plan file)", "未記錄（計畫檔）"),
    "pdf.cover_disclaimer": (
        "The figures are estimates computed from the assumptions in this plan (each "
        "result is shown with its assumptions); the ranges come from a seeded simulation, "
        "so the same plan always gives the same numbers. Made with aibudget.",
        "本報告的數字是依計畫中的假設估算而來（每項結果都附上其假設）；區間來自固定亂數種子的"
        "模擬，同一份計畫每次都得到相同的數字。由 aibudget 製作。",
    ),
    "pdf.list_separator": (", ", "、"),
    "pdf.label_value": ("{label}: {value}", "{label}：{value}"),
    # Summary page
    "pdf.summary": ("Summary", "一頁摘要"),
    "pdf.summary_lead": (
        "{company} sets aside {budget} for AI in marketing over {months} months "
        "({annual} a year). Tools planned: {tools}. What it may return:",
        "{company} 在 {months} 個月內為 AI 行銷編列 {budget}（每年 {annual}），"
        "規劃 {tools} 項工具。可能的回報：",
    ),
    "pdf.expected_npv": ("Expected NPV", "預期淨現值"),
    "pdf.npv_p10_p90": ("NPV P10 – P90", "淨現值 P10 – P90"),
    "pdf.p50_note": ("median (P50) {value}", "中位數（P50）{value}"),
    "pdf.roi_note": ("ROI {roi}", "投資報酬率 {roi}"),
    "pdf.trials_note": ("in {trials} simulated scenarios", "{trials} 次模擬情境中"),
    "pdf.budget_lines": ("Budget and line items", "預算與各項目"),
    "pdf.share_of_budget": ("Share of budget", "占預算比例"),
    "pdf.planned_spend": ("Planned spending", "計畫支出合計"),
    "pdf.budget": ("Budget", "預算"),
    "pdf.budget_left": (
        "{amount} of the {budget} budget is not spent by the plan (room for experiments).",
        "預算 {budget} 中有 {amount} 未被計畫使用（可作為實驗空間）。",
    ),
    "pdf.budget_over": (
        "The plan spends {amount} more than the {budget} budget.",
        "計畫支出超出預算 {budget} 共 {amount}。",
    ),
    "pdf.staff_time_note": (
        "The team's time on the tools is counted in the returns as a cost of {amount}, "
        "paid in hours rather than from the budget.",
        "團隊投入工具的時間在報酬計算中以成本 {amount} 計入，以工時支付，不占預算。",
    ),
    "pdf.top_risks": ("The three biggest risks", "三大風險"),
    "pdf.risk_line": (
        "{label} ({tool}): at its low estimate the plan's NPV is {low}, at its high "
        "estimate {high}.",
        "{label}（{tool}）：若取低估值，計畫淨現值為 {low}；若取高估值為 {high}。",
    ),
    "pdf.no_risks": (
        "No uncertain assumption: every estimate in the plan is a single number.",
        "沒有不確定的假設：計畫中的每項估計都是單一數字。",
    ),
    "pdf.pilot": ("The pilot", "試行計畫"),
    "pdf.pilot_text": (
        "For the first {months} months ({start} – {end}) the business tries {tools}, at a "
        "cost of {cost}. At the review in {decide} it decides, on the measured results, "
        "which tools to scale up, keep or stop.",
        "前 {months} 個月（{start} – {end}）先試行 {tools}，費用 {cost}。"
        "於 {decide} 的檢討時，依實際成效決定哪些工具擴大、維持或停止。",
    ),
    "pdf.no_pilot": (
        "No tool starts in the first {months} months, so there is no pilot yet.",
        "前 {months} 個月沒有工具開始使用，因此目前沒有試行計畫。",
    ),
    # Goals
    "pdf.goals": ("Goals and KPIs", "目標與 KPI"),
    "pdf.goals_lead": (
        "Each goal is measured by one KPI, from a baseline to a target by a deadline.",
        "每個目標以一項 KPI 衡量：從現況到目標值，並有完成期限。",
    ),
    "pdf.no_goals": (
        "The plan has no goals yet. Add at least one goal with a KPI, a baseline, a target "
        "and a deadline, so the tools can be judged by results.",
        "計畫尚未設定目標。請至少加入一個含 KPI、現況、目標值與期限的目標，才能依成效評估工具。",
    ),
    "pdf.col.goal": ("Goal", "目標"),
    "pdf.col.kpi": ("KPI", "衡量指標"),
    "pdf.col.baseline_target": ("Baseline → target", "現況 → 目標"),
    "pdf.col.deadline": ("Deadline", "期限"),
    "pdf.col.priority": ("Priority", "優先"),
    "pdf.col.measured_by": ("Measured by", "衡量方式"),
    "pdf.priority.1": ("high", "高"),
    "pdf.priority.2": ("medium", "中"),
    "pdf.priority.3": ("low", "低"),
    # Tools
    "pdf.tools": ("Tool choices", "工具選擇"),
    "pdf.no_tools": (
        "The plan has no tools yet, so there is nothing to fund or to measure.",
        "計畫尚未列入任何工具，因此沒有可編列或評估的項目。",
    ),
    "pdf.col.category": ("Category", "類別"),
    "pdf.col.starts": ("Starts", "開始"),
    "pdf.tools_note": (
        "Expected figures over the horizon, staff time included; payback counts months "
        "from the start of the plan.",
        "以上為規劃期間的期望值，已計入人員工時；回本月份自計畫開始起算。",
    ),
    "pdf.no_optimisation": (
        "The optimiser was not run for this report.",
        "本報告未執行最佳化。",
    ),
    "pdf.tool_in": ("funded", "採用"),
    "pdf.tool_out": ("left out", "不採用"),
    # Allocation
    "pdf.allocation": ("Allocation of the budget", "預算配置"),
    "pdf.allocation_lead": (
        "The optimiser splits the {budget} budget for {months} months into the line items "
        "below; {total} is allocated.",
        "最佳化將 {months} 個月的預算 {budget} 分配到下列項目，共配置 {total}。",
    ),
    "pdf.allocation_fallback": (
        "The optimiser found no allocation that meets every constraint (see the tool "
        "choices); the chart shows the plan's own spending against the {budget} budget.",
        "最佳化找不到符合所有限制的配置（見工具選擇一節）；下圖顯示計畫本身的支出相對於預算 {budget}。",
    ),
    "pdf.no_allocation": (
        "Nothing is allocated or spent yet.",
        "目前沒有任何配置或支出。",
    ),
    "pdf.donut_spend": ("Planned\nspending\n{amount}", "計畫支出\n{amount}"),
    "pdf.share_of_spend": ("Share of spending", "占支出比例"),
    "pdf.budget_vs_spend": (
        "The plan spends {spend} against a budget of {budget} over the horizon.",
        "規劃期間計畫支出 {spend}，預算為 {budget}。",
    ),
    "pdf.no_cash_flows": (
        "The plan has no costs or benefits yet, so there is nothing to chart.",
        "計畫尚無任何成本或效益，因此沒有可繪製的圖表。",
    ),
    "pdf.ad_channel": ("Ad spend: {channel}", "廣告支出：{channel}"),
    "pdf.donut_centre": ("Budget\n{budget}", "預算\n{budget}"),
    "pdf.selected_tools": ("Funded tools, phase and timing", "採用的工具、階段與時程"),
    # Cash flow
    "pdf.cash_flow": ("Cash flow and payback", "現金流量與回本"),
    "pdf.cumulative_net": ("Cumulative net", "累計淨額"),
    "pdf.payback_marker": ("Payback: month {month}", "回本：第 {month} 個月"),
    "pdf.payback_at": ("month {month} ({calendar})", "第 {month} 個月（{calendar}）"),
    "pdf.payback_sentence": (
        "Expected payback (the first month whose cumulative net cash is zero or more): {payback}.",
        "預期回本時間（累計淨現金首次大於或等於零的月份）：{payback}。",
    ),
    "pdf.views": ("Expected and risk-adjusted view", "期望值與風險調整後"),
    "pdf.risk_adjusted_note": (
        "The risk-adjusted view cuts each benefit and pads each cost by the risk shares "
        "set in the plan, as total-economic-impact studies do.",
        "風險調整後的數字依計畫中設定的風險比例調降效益、調高成本（與總體經濟影響研究的做法相同）。",
    ),
    # Distribution and drivers
    "pdf.distribution": ("How sure is the return?", "報酬有多確定？"),
    "pdf.distribution_lead": (
        "In {trials} simulated scenarios the plan's NPV is above {p10} in nine out of ten "
        "and below {p90} in nine out of ten; the chance of losing money is {loss}.",
        "在 {trials} 次模擬情境中，計畫淨現值有九成機會高於 {p10}、九成機會低於 {p90}；"
        "虧損機率為 {loss}。",
    ),
    "pdf.range_p10_p90": ("P10 – P90 range", "P10 – P90 區間"),
    "pdf.median_p50": ("median (P50)", "中位數（P50）"),
    "pdf.tornado_lead": (
        "Each bar moves one assumption from its low to its high estimate, the others "
        "staying at their expected values; the widest bars are the risks to watch.",
        "每條長條代表將一項假設從低估值調到高估值（其他假設維持期望值）時淨現值的變化；"
        "最長的長條就是最需要留意的風險。",
    ),
    "pdf.at_low": ("NPV at the low estimate", "低估值時的淨現值"),
    "pdf.at_high": ("NPV at the high estimate", "高估值時的淨現值"),
    # Health check and routine
    "pdf.health_check": ("Health check", "健康檢查"),
    "pdf.routine": ("The monthly routine", "每月例行工作"),
    "pdf.routine_lead": (
        "A plan stays useful when it is checked against what really happens:",
        "計畫要與實際情況對照，才能持續發揮作用：",
    ),
    "pdf.routine_monthly": (
        "Every month, in its first week: record last month's actuals — spending per line "
        "item, seats in use, hours saved, KPI values and the team's feedback (use the "
        "actuals template, or import the Google Ads and Meta Ads exports).",
        "每月第一週：記錄上個月的實際數字——各預算項目支出、使用人數、節省工時、KPI 數值與"
        "團隊回饋（可使用實際數字範本，或匯入 Google Ads、Meta Ads 報表）。",
    ),
    "pdf.routine_reviews": (
        "Every {every} months, a review of plan vs actual decides for each tool: scale up, "
        "keep, improve, replace or stop. Review dates: {dates}.",
        "每 {every} 個月檢討一次計畫與實際的差異，逐一決定每項工具要擴大、維持、改善、更換或停止。"
        "檢討日期：{dates}。",
    ),
    "pdf.routine_no_reviews": (
        "No review date is set: add one (every three months is usual) so the budget can "
        "move from weak tools to strong ones.",
        "尚未設定檢討日期：建議每三個月檢討一次，讓預算能從成效差的工具移到成效好的工具。",
    ),
    "pdf.routine_pilot_end": (
        "At the end of the pilot ({month}): compare the pilot tools with their expected "
        "benefits before committing to more.",
        "試行結束時（{month}）：先將試行工具的成效與預期效益比較，再決定是否投入更多。",
    ),
    "pdf.routine_renewals": (
        "Annual renewals to decide on before they are billed: {renewals}.",
        "年繳方案續約前需先決定：{renewals}。",
    ),
    "pdf.routine_deadlines": ("Goal deadlines: {goals}.", "目標期限：{goals}。"),
    # Review
    "pdf.review": (
        "Review of {month}: plan, forecast and actual",
        "{month} 檢討：計畫、預測與實際",
    ),
    "pdf.review_lead": (
        "Months reviewed: {months}. Spend recorded: {spent}; benefits recorded: {benefits}. "
        "The plan's NPV was {plan}; with the actuals and the updated estimates the forecast "
        "is {forecast}.",
        "已進行 {months} 個月：已記錄的支出 {spent}，記錄的效益 {benefits}。計畫淨現值原為 {plan}，"
        "依實際數字與更新後的估計，預測淨現值為 {forecast}。",
    ),
    "pdf.forecast": ("Forecast", "預測"),
    "pdf.review_month": ("review", "檢討"),
    "pdf.review_chart_note": (
        "Cumulative net cash (benefits minus costs): the approved plan, the forecast that "
        "learns from the actuals, and the actuals recorded so far.",
        "累計淨現金（效益減成本）：核准的計畫、依實際數字更新的預測，以及目前已記錄的實際數字。",
    ),
    "pdf.recommendations": ("Recommendations", "建議"),
    "pdf.because": ("Because: {reasons}.", "原因：{reasons}。"),
    "pdf.kpi_status": ("Goals so far", "目標進度"),
    "pdf.milestones": ("Small wins", "小小成就"),
}
