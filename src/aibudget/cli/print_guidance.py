"""Terminal and JSON rendering of guidance results: findings, readiness, catalog entries."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from aibudget.domain.guidance import (
    CatalogTool,
    Finding,
    KpiEntry,
    Questionnaire,
    ReadinessResult,
)
from aibudget.domain.plan import Category
from aibudget.domain.texts import N_
from aibudget.i18n import Translator
from aibudget.present.guidance import (
    SEVERITY_STYLE,
    PriceIssueDocument,
    _benefit_line,
    cheapest_text,
    finding_document,
    findings_summary,
    markets_text,
    month_text,
    price_text,
    trial_text,
)


def render_findings(
    console: Console, t: Translator, findings: list[Finding], currency: str
) -> None:
    if not findings:
        clean_text = t("lint.clean")
        console.print(f"[green]{clean_text}[/green]")
        return
    console.print(findings_summary(t, findings), style="bold")
    for f in findings:
        doc = finding_document(t, f, currency)
        style = SEVERITY_STYLE[f.severity]
        label = t(f"lint.severity.{f.severity.value}")
        console.print(
            f"[{style}]{label}[/{style}] [bold]{f.where}[/bold] ({f.rule}): {doc.message}"
        )
        fix_text = t("lint.fix", fix=doc.fix)
        console.print(f"    {fix_text}")


def render_catalog_list(console: Console, t: Translator, entries: list[CatalogTool]) -> None:
    table = Table(title=t("catalog.count", count=len(entries)))
    table.add_column(t("catalog.col_id"), no_wrap=True)
    for col in ("col_name", "col_category", "col_price", "col_trial", "col_zh_tw"):
        table.add_column(t(f"catalog.{col}"))
    for e in entries:
        table.add_row(
            e.id,
            e.name,
            t(f"category.{e.category.value}"),
            cheapest_text(t, e),
            trial_text(t, e),
            t(f"catalog.zh_tw.{e.zh_tw_interface}"),
        )
    console.print(table)
    console.print(t("catalog.unverified"), style="dim")


def render_catalog_entry(
    console: Console, t: Translator, e: CatalogTool, kpis: dict[str, KpiEntry]
) -> None:
    console.print(f"[bold]{e.name}[/bold] ({e.id})")
    console.print(e.summary.get(t.locale))
    console.print(t("catalog.vendor", vendor=e.vendor) + (f" · {e.url}" if e.url else ""))
    console.print(t("catalog.category", category=t(f"category.{e.category.value}")))
    if e.aliases:
        console.print(t("catalog.aliases", aliases=", ".join(e.aliases)))
    plans_text = t("catalog.plans")
    console.print(f"[bold]{plans_text}[/bold]")
    for p in e.plans:
        line = f"  • {p.name.get(t.locale)}: {price_text(t, p)}"
        if p.min_seats > 1:
            min_seats_text = t("catalog.min_seats", seats=p.min_seats)
            line += f" ({min_seats_text})"
        console.print(line)
        if p.price is not None and p.as_of and p.source:
            seen = t("catalog.seen", as_of=month_text(t, p.as_of), source=p.source)
            secondary_text = t("catalog.secondary")
            secondary = f" ({secondary_text})" if p.source_kind == "secondary" else ""
            tax = f" · {t(f'catalog.tax.{p.tax}')}" if p.tax else ""
            console.print(f"    {seen}{secondary}{tax}", style="dim")
        if p.note:
            console.print(f"    {p.note.get(t.locale)}", style="dim")
    console.print(t("catalog.markets", markets=markets_text(t, e)))
    console.print(t("catalog.trial", trial=trial_text(t, e)))
    console.print(t("catalog.zh_tw", value=t(f"catalog.zh_tw.{e.zh_tw_interface}")))
    if e.integrations:
        console.print(t("catalog.integrations", items=", ".join(e.integrations)))
    console.print(
        t("catalog.hours", setup=t.number(e.setup_hours), run=t.number(e.run_hours_per_month))
    )
    if e.ease:
        console.print(t("catalog.ease", ease=e.ease))
    if e.kpis:
        names = [kpis[k].name.get(t.locale) if k in kpis else k for k in e.kpis]
        console.print(t("catalog.kpis", kpis=", ".join(names)))
    if e.uses_customer_data:
        console.print(t("catalog.uses_customer_data"), style="yellow")
    if e.benefits:
        benefits_text = t("catalog.benefits")
        console.print(f"[bold]{benefits_text}[/bold]")
        for b in e.benefits:
            basis = t(f"catalog.basis.{b.basis}")
            text = _benefit_line(t, b.kind, b.low, b.likely, b.high)
            console.print(f"  • {t('driver.' + b.kind)}: {text} ({basis})")
            console.print(f"    {b.note.get(t.locale)}", style="dim")
            if b.source:
                console.print(f"    {b.source}", style="dim")
    if e.note:
        console.print(e.note.get(t.locale))
    console.print(t("catalog.unverified"), style="dim")


def render_kpis(console: Console, t: Translator, kpis: dict[str, KpiEntry]) -> None:
    table = Table(title=t("catalog.kpi_title"))
    table.add_column(t("catalog.col_id"), no_wrap=True)
    for col in ("col_name", "col_unit", "col_direction", "col_typical", "col_measure"):
        table.add_column(t(f"catalog.{col}"))
    for k in kpis.values():
        table.add_row(
            k.id,
            k.name.get(t.locale),
            k.unit,
            t(f"catalog.direction.{k.direction}"),
            f"{t.number(k.typical.low, 1)} – {t.number(k.typical.high, 1)}",
            k.measure.get(t.locale),
        )
    console.print(table)


def render_readiness(
    console: Console,
    t: Translator,
    q: Questionnaire,
    result: ReadinessResult,
    suggestions: dict[Category, list[str]],
    catalog: dict[str, CatalogTool],
) -> None:
    console.print(t("assess.result_title"), style="bold")
    console.print(t("assess.overall", score=result.overall))
    console.print(t("assess.stage", stage=t(f"assess.stage.{result.stage}")), style="bold")
    for title, scores in (
        ("assess.dimensions", result.dimensions),
        ("assess.anxieties", result.anxieties),
    ):
        table = Table(title=t(title))
        table.add_column(t("assess.scale"))
        table.add_column(t("assess.score"), justify="right")
        for scale, value in scores.items():
            table.add_row(q.scales[scale].get(t.locale), str(value))
        console.print(table)
    console.print(t("assess.pilot_tools", count=result.pilot_tools))
    if result.categories:
        separator = ", " if t.locale == "en" else "、"
        text = separator.join(t(f"category.{c.value}") for c in result.categories)
        console.print(t("assess.categories", categories=text))
        for category, ids in suggestions.items():
            names = separator.join(catalog[i].name for i in ids)
            console.print(
                "  " + t("assess.try_tools", category=t(f"category.{category.value}"), tools=names)
            )
    else:
        console.print(t("assess.no_categories"))
    advice_text = t("assess.advice")
    console.print(f"[bold]{advice_text}[/bold]")
    for key in result.advice:
        advice = q.advice[key]
        console.print(f"• [bold]{advice.title.get(t.locale)}[/bold]")
        console.print(f"  {advice.text.get(t.locale)}")


def render_price_issues(console: Console, t: Translator, rows: list[PriceIssueDocument]) -> None:
    if not rows:
        clean_text = t("catalog.check.clean")
        console.print(f"[green]{clean_text}[/green]")
        return
    stale = sum(1 for r in rows if r.kind == "stale")
    console.print(t("catalog.check.summary", stale=stale, missing=len(rows) - stale), style="bold")
    table = Table()
    for col in ("col_name", "check.col_tier", "check.col_issue", "check.col_as_of"):
        table.add_column(t(f"catalog.{col}"))
    for r in rows:
        seen = month_text(t, r.as_of) if r.as_of else "–"
        table.add_row(r.tool_name, r.tier_name, r.message, seen)
    console.print(table)


# Message ids built at run time in this module, declared for message extraction.
COLUMN_MESSAGES = (
    N_("catalog.check.col_as_of"),
    N_("catalog.check.col_issue"),
    N_("catalog.check.col_tier"),
    N_("catalog.col_category"),
    N_("catalog.col_direction"),
    N_("catalog.col_measure"),
    N_("catalog.col_name"),
    N_("catalog.col_price"),
    N_("catalog.col_trial"),
    N_("catalog.col_typical"),
    N_("catalog.col_unit"),
    N_("catalog.col_zh_tw"),
)
