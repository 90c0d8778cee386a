"""Source of the message catalogues: `python tools/messages.py` rewrites the .po files.

Each entry: message id -> (English, Traditional Chinese). The core messages live here;
each feature area keeps its own ``tools/messages_<area>.py`` with a ``MESSAGES`` dict of
the same shape, merged below. Edit them, then run `make i18n`.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

MESSAGES: dict[str, tuple[str, str]] = {
    # Loading a plan
    "plan.invalid": (
        ("The plan has {count} problem:", "The plan has {count} problems:"),
        "計畫有 {count} 個問題：",
    ),
    "plan.yaml_syntax": ("The file is not valid YAML: {detail}", "檔案不是有效的 YAML：{detail}"),
    "plan.empty": ("The plan file is empty.", "計畫檔是空的。"),
    "plan.not_mapping": (
        "A plan file must be a mapping of fields (company:, horizon:, ...).",
        "計畫檔必須是欄位對應（company:、horizon: …）。",
    ),
    "plan.file_missing": ("File not found: {file}", "找不到檔案：{file}"),
    "plan.file_unreadable": ("Cannot read {file}: {detail}", "無法讀取 {file}：{detail}"),
    "plan.too_large": ("The plan file is larger than {max_mb} MB.", "計畫檔超過 {max_mb} MB。"),
    "plan.not_utf8": (
        "{file} is not UTF-8 text; save it as UTF-8.",
        "{file} 不是 UTF-8 文字檔，請另存為 UTF-8。",
    ),
    "plan.valid": (
        "The plan is valid: {tools} tools, {goals} goals, {months} months from {start}.",
        "計畫有效：{tools} 項工具、{goals} 個目標，自 {start} 起共 {months} 個月。",
    ),
    "error.at_line": ("line {line}", "第 {line} 行"),
    "error.internal": (
        "Something went wrong inside aibudget; nothing was changed.",
        "aibudget 內部發生錯誤，沒有任何資料被更改。",
    ),
    # Cross-references
    "ref.duplicate_id": (
        'The id "{id}" is used twice (first at item {first}).',
        "代號「{id}」重複了（第一次出現在第 {first} 項）。",
    ),
    "ref.owner_unknown": (
        'The owner "{member}" is not in the team.',
        "負責人「{member}」不在團隊名單中。",
    ),
    "ref.member_unknown": ('"{member}" is not in the team.', "「{member}」不在團隊名單中。"),
    "ref.kpi_unknown": (
        'Unknown KPI "{kpi}": use an id from the KPI library.',
        "未知的 KPI「{kpi}」：請使用 KPI 庫中的代號。",
    ),
    "ref.deadline_before_start": (
        "The deadline {deadline} is not after the plan's start {start}.",
        "期限 {deadline} 沒有晚於計畫開始月份 {start}。",
    ),
    "ref.deadline_after_horizon": (
        "The deadline {deadline} is beyond the {months}-month horizon.",
        "期限 {deadline} 超出 {months} 個月的規劃期。",
    ),
    "ref.plan_unknown": (
        'No plan "{plan}" among this tool\'s plans ({plans}).',
        "此工具的方案中沒有「{plan}」（現有：{plans}）。",
    ),
    "ref.fx_missing": (
        "This price is in {currency}: the plan needs the rate of {currency} (under the business and planning period).",
        "這個價格以 {currency} 計價：請在「公司與規劃期間」填入 {currency} 的匯率。",
    ),
    "ref.tool_unknown": ('No tool "{id}" in this plan.', "計畫中沒有工具「{id}」。"),
    "ref.channel_unknown": (
        'No ad channel "{id}" under optimise.channels.',
        "optimise.channels 中沒有廣告管道「{id}」。",
    ),
    "ref.start_after_horizon": (
        "Start month {month} is after the {months}-month horizon.",
        "開始月份 {month} 超出 {months} 個月的規劃期。",
    ),
    # Field values (pydantic error types, and our own)
    "value.invalid": ("This value is not valid.", "此值無效。"),
    "value.missing": ("Required.", "必填。"),
    "value.extra_forbidden": ("Unknown field (check the spelling).", "未知的欄位（請檢查拼字）。"),
    "value.greater_than_equal": ("Must be at least {ge}.", "不可小於 {ge}。"),
    "value.greater_than": ("Must be more than {gt}.", "必須大於 {gt}。"),
    "value.less_than_equal": ("Must be at most {le}.", "不可大於 {le}。"),
    "value.less_than": ("Must be less than {lt}.", "必須小於 {lt}。"),
    "value.decimal_parsing": ('Not a number: "{input}".', "不是數字：「{input}」。"),
    "value.decimal_type": ('Not a number: "{input}".', "不是數字：「{input}」。"),
    "value.float_parsing": ('Not a number: "{input}".', "不是數字：「{input}」。"),
    "value.int_parsing": ('Not a whole number: "{input}".', "不是整數：「{input}」。"),
    "value.int_type": ('Not a whole number: "{input}".', "不是整數：「{input}」。"),
    "value.int_from_float": ('Not a whole number: "{input}".', "不是整數：「{input}」。"),
    "value.bool_parsing": ("Must be true or false.", "必須是 true 或 false。"),
    "value.bool_type": ("Must be true or false.", "必須是 true 或 false。"),
    "value.string_type": ("Must be text.", "必須是文字。"),
    "value.list_type": ("Must be a list.", "必須是清單。"),
    "value.dict_type": ("Must be a mapping of fields.", "必須是欄位對應。"),
    "value.model_type": ("Must be a mapping of fields.", "必須是欄位對應。"),
    "value.model_attributes_type": ("Must be a mapping of fields.", "必須是欄位對應。"),
    "value.string_too_short": ("Must not be empty.", "不可空白。"),
    "value.string_too_long": ("At most {max_length} characters.", "最多 {max_length} 個字元。"),
    "value.string_pattern_mismatch": (
        "Use letters, digits, '-', '_' or '.' only, starting with a letter or digit.",
        "只能使用英數字與「-」「_」「.」，並以英數字開頭。",
    ),
    "value.enum": ("Must be one of: {expected}.", "必須是下列之一：{expected}。"),
    "value.literal_error": ("Must be one of: {expected}.", "必須是下列之一：{expected}。"),
    "value.union_tag_invalid": (
        'Unknown kind "{tag}"; expected one of: {expected_tags}.',
        "未知的種類「{tag}」，應為下列之一：{expected_tags}。",
    ),
    "value.union_tag_not_found": (
        "Say which kind this is (kind: hours_saved, revenue_lift, cost_avoided or kpi_effect).",
        "請註明種類（kind: hours_saved、revenue_lift、cost_avoided 或 kpi_effect）。",
    ),
    "value.range_order": (
        "Needs low ≤ likely ≤ high (got {low} / {likely} / {high}).",
        "需要 低 ≤ 可能 ≤ 高（目前為 {low} / {likely} / {high}）。",
    ),
    "value.range_negative": ("Must not be negative.", "不可為負數。"),
    "value.range_share": (
        "A share between 0 and 1 (e.g. 0.05 for 5%).",
        "須為 0 到 1 之間的比例（例如 0.05 代表 5%）。",
    ),
    "value.currency_unknown": (
        '"{value}" is not an ISO 4217 currency code (e.g. TWD, USD).',
        "「{value}」不是 ISO 4217 幣別代碼（例如 TWD、USD）。",
    ),
    "value.month_format": (
        'Write the month as YYYY-MM (got "{value}").',
        "月份請寫成 YYYY-MM（目前為「{value}」）。",
    ),
    "ref.budget_amount_xor_share": (
        "Give either annual_amount or share_of_marketing (exactly one of them).",
        "請填 annual_amount 或 share_of_marketing 其中一項（只能一項）。",
    ),
    # Driver labels
    "driver.hours_saved": ("Hours saved", "節省工時"),
    "driver.revenue_lift": ("Revenue lift", "營收提升"),
    "driver.cost_avoided": ("Cost avoided", "避免的成本"),
    "driver.kpi_effect": ("KPI effect: {kpi}", "KPI 效果：{kpi}"),
    # CLI
    "cli.title": (
        "{company}: {months} months from {start}, discount rate {rate}, {convention}",
        "{company}：自 {start} 起 {months} 個月，年折現率 {rate}，{convention}",
    ),
    "convention.monthly": ("monthly discounting", "按月折現"),
    "convention.annual": ("annual discounting (TEI)", "按年折現（TEI 慣例）"),
    "cli.expected": ("Expected", "期望值"),
    "cli.risk_adjusted": ("Risk-adjusted", "風險調整後"),
    "cli.pv_costs": ("PV of costs", "成本現值"),
    "cli.pv_benefits": ("PV of benefits", "效益現值"),
    "cli.npv": ("NPV", "淨現值"),
    "cli.roi": ("ROI", "投資報酬率"),
    "cli.payback": ("Payback", "回本"),
    "cli.payback_month": ("month {month}", "第 {month} 個月"),
    "cli.payback_never": ("not in horizon", "規劃期內未回本"),
    "cli.not_applicable": ("n/a", "不適用"),
    "cli.tool": ("Tool", "工具"),
    "cli.plan_total": ("Whole plan", "整體計畫"),
    "cli.plan_lines": ("Plan-level lines", "計畫層級項目"),
    "cli.simulation_title": (
        "Monte Carlo: {trials} trials, random seed {seed}; estimates: {distribution}",
        "蒙地卡羅模擬：{trials} 次，亂數種子 {seed}；估計值{distribution}",
    ),
    "cli.npv_range": ("NPV P10 / P50 / P90", "淨現值 P10 / P50 / P90"),
    "cli.prob_loss": ("Chance of losing money", "虧損機率"),
    "cli.tornado_title": ("What drives the risk most", "最影響結果的假設"),
    "cli.input": ("Assumption", "假設"),
    "cli.range": ("Low – high", "低 – 高"),
    "cli.npv_low_high": ("NPV at low → high", "低 → 高時的淨現值"),
    "cli.simulating": ("Simulating", "模擬中"),
    "cli.periods_title": ("Cash flows by year", "各年度現金流"),
    "cli.period_initial": ("Initial", "初期"),
    "cli.period_year": ("Year {year}", "第 {year} 年"),
    "cli.costs": ("Costs", "成本"),
    "cli.benefits": ("Benefits", "效益"),
    "cli.net": ("Net", "淨額"),
    "cli.present_value": ("Present value", "現值"),
    "cli.total": ("Total", "合計"),
    "cli.bad_option": ("{option}: {detail}", "{option}：{detail}"),
    "cli.trials_range": (
        "the number of trials must be between {low} and {high}",
        "模擬次數必須介於 {low} 與 {high} 之間",
    ),
}

ROOT = Path(__file__).resolve().parents[1] / "src" / "aibudget" / "i18n"


def all_messages() -> dict[str, tuple[str | tuple[str, str], str]]:
    """The core messages plus every tools/messages_<area>.py, refusing duplicate ids."""
    merged = dict(MESSAGES)
    for path in sorted(Path(__file__).parent.glob("messages_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        clash = merged.keys() & module.MESSAGES.keys()
        if clash:
            raise SystemExit(f"{path.name} repeats message ids: {sorted(clash)}")
        merged.update(module.MESSAGES)
    return merged


def write(locale: str, index: int) -> None:
    """One catalogue. A message whose English is a pair (one, other) is a plural entry:
    the form is chosen by its ``count`` (Chinese has one form)."""
    cat = Catalog(locale=locale, project="aibudget", domain="aibudget", charset="utf-8")
    for msgid, texts in all_messages().items():
        english = texts[0]
        if isinstance(english, tuple):
            forms = english if index == 0 else (texts[1],)
            cat.add((msgid, msgid), forms)
        else:
            cat.add(msgid, texts[index])
    path = ROOT / locale / "LC_MESSAGES" / "aibudget.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write_po(fh, cat, width=100, omit_header=False, no_location=True)


if __name__ == "__main__":
    write("en", 0)
    write("zh_TW", 1)
