"""Terminal and JSON rendering of import previews and reviews (CLI of step 5)."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.table import Table

from aibudget.catalog import kpi_entries
from aibudget.domain.plan import Plan
from aibudget.domain.review import Review
from aibudget.i18n import Translator
from aibudget.imports import Preview
from aibudget.present.monitor import (
    PROPOSAL_NOTE,
    REVIEW_TOOL_COLUMNS,
    _pct,
    goal_names,
    kpi_text,
    milestone_text,
    problem_text,
    tool_label,
    tool_reasons,
    unrecorded_text,
)
from aibudget.present.review_kpis import projection_text


def print_preview(console: Console, t: Translator, p: Preview, currency: str) -> None:
    mark = "[green]✓[/green]" if p.ok else "[red]✗[/red]"
    console.print(
        f"{mark} [bold]{p.file}[/bold]: "
        + t(
            "monitor.preview",
            format=t(f"monitor.format.{p.format}") if p.format else "?",
            encoding=p.encoding or "?",
            method=p.encoding_method or "?",
            read=p.rows_read,
            used=p.rows_used,
            skipped=p.rows_skipped,
            records=len(p.records),
        )
    )
    if p.neutralised:
        console.print("  " + t("monitor.neutralised", count=p.neutralised))
    months: dict[str, Decimal] = {}
    for r in p.records:
        if r.amount is not None:
            months[r.month] = months.get(r.month, Decimal(0)) + r.amount
    for month, amount in sorted(months.items()):
        console.print(f"  {month}: {t.money(amount, currency)}")
    for x in p.problems:
        console.print(f"  [red]{problem_text(t, x, p.file)}[/red]")
    if p.problem_count > len(p.problems):
        console.print("  " + t("monitor.more_problems", count=p.problem_count - len(p.problems)))


def render_review(
    console: Console, t: Translator, plan: Plan, r: Review, note: str | None = ""
) -> None:
    """``note``: why there is no proposal; None when the caller prints the proposal."""
    cur = r.currency
    console.print(
        t(
            "monitor.review_title",
            company=plan.company.name,
            month=r.as_of,
            months=r.months_elapsed,
        ),
        style="bold",
    )
    tools = Table(title=t("monitor.tools_title"))
    for header in REVIEW_TOOL_COLUMNS:
        tools.add_column(
            t(header),
            justify="left" if header in ("cli.tool", "monitor.recommendation") else "right",
        )
    names = {x.tool: tool_label(t, x.tool, x.name) for x in r.tools}
    for x in r.tools:
        tools.add_row(
            names[x.tool],
            t.money(x.realised.recorded, cur),
            t.money(x.realised.benefits, cur),
            _pct(t, x.realised.roi),
            t.money(x.plan.npv, cur),
            t.money(x.forecast.npv, cur),
            _pct(t, x.attainment),
            t(f"monitor.action.{x.action.value}"),
        )
    console.print(tools)
    unrecorded = unrecorded_text(t, r)
    if unrecorded:
        console.print(unrecorded, style="dim")
    for x in r.tools:
        reasons = ", ".join(tool_reasons(t, x))
        console.print(f"  {names[x.tool]}: {t(f'monitor.action.{x.action.value}')} — {reasons}")
    npv_text = t("cli.npv")
    plan_to_date_text = t("monitor.plan_to_date")
    realised_roi_text = t("monitor.realised_roi")
    console.print(
        f"{realised_roi_text}: {_pct(t, r.realised.roi)} "
        f"({plan_to_date_text}: {_pct(t, r.realised.plan_roi)}); "
        f"{npv_text}: {t.money(r.plan.npv, cur)} → {t.money(r.forecast.npv, cur)}"
    )
    lines = Table(title=t("monitor.variance_title"))
    for header in (
        "cli.tool",
        "monitor.line",
        "monitor.plan",
        "monitor.actual",
        "monitor.variance",
        "monitor.forecast",
    ):
        lines.add_column(
            t(header),
            justify="right"
            if header.startswith("monitor.") and header != "monitor.line"
            else "left",
        )
    for v in r.variance:
        actual = "–" if v.actual is None else t.money(v.actual, cur)
        diff = (
            "–" if v.variance is None else f"{t.money(v.variance, cur)} ({_pct(t, v.variance_pct)})"
        )
        lines.add_row(
            names.get(v.tool, v.tool),
            t(f"monitor.line.{v.line}"),
            t.money(v.plan, cur),
            actual,
            diff,
            t.money(v.forecast, cur),
        )
    console.print(lines)
    goals = goal_names(plan)
    for k in r.kpis:
        console.print("  " + kpi_text(t, goals.get(k.goal, k.goal), k))
        console.print("    " + projection_text(t, k, cur, kpi_entries()), style="dim")
    for m in r.milestones:
        console.print(f"  🎉 {m.month}: {milestone_text(t, plan, m)}")
    if r.ignored_records:
        console.print(t("monitor.ignored", count=r.ignored_records), style="yellow")
    if note is not None:
        console.print(note or t(PROPOSAL_NOTE), style="dim")
