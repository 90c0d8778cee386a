"""Terminal and JSON rendering of guidance results: findings, readiness, catalog entries."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from babel.dates import format_skeleton
from rich.console import Console
from rich.table import Table

from aibudget.domain.guidance import (
    CatalogPlan,
    CatalogTool,
    Finding,
    KpiEntry,
    Questionnaire,
    ReadinessResult,
    Severity,
)
from aibudget.domain.plan import Category
from aibudget.engine.catalog_check import PriceIssue
from aibudget.i18n import Translator

SEVERITY_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def format_params(t: Translator, params: dict[str, Any], currency: str) -> dict[str, Any]:
    """Message parameters for display: a Decimal is money in the plan's currency, or a
    percent when its name ends in ``share``; a ``{en, zh-TW}`` mapping is picked by locale."""
    out: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, Decimal):
            out[key] = t.percent(value) if key.endswith("share") else t.money(value, currency)
        elif isinstance(value, dict) and "en" in value:
            out[key] = value["en"] if t.locale == "en" else value.get("zh-TW", value["en"])
        else:
            out[key] = value
    return out


def finding_json(t: Translator, f: Finding, currency: str) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "severity": f.severity.value,
        "message": t(f.message_id, **format_params(t, f.params, currency)),
        "fix": t(f.fix_id, **format_params(t, f.fix_params, currency)),
        "where": f.where,
    }


def findings_summary(t: Translator, findings: list[Finding]) -> str:
    """``Health check: 0 errors, 1 warning, 2 notes.`` in the reader's words."""
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    return t(
        "lint.summary",
        errors=counts[Severity.ERROR],
        warnings=counts[Severity.WARNING],
        infos=counts[Severity.INFO],
    )


def render_findings(
    console: Console, t: Translator, findings: list[Finding], currency: str
) -> None:
    if not findings:
        console.print(f"[green]{t('lint.clean')}[/green]")
        return
    console.print(findings_summary(t, findings), style="bold")
    for f in findings:
        doc = finding_json(t, f, currency)
        style = SEVERITY_STYLE[f.severity]
        label = t(f"lint.severity.{f.severity.value}")
        console.print(
            f"[{style}]{label}[/{style}] [bold]{f.where}[/bold] ({f.rule}): {doc['message']}"
        )
        console.print(f"    {t('lint.fix', fix=doc['fix'])}")


def month_text(t: Translator, month: str) -> str:
    """``2026-04`` as the locale writes a month: Apr 2026 / 2026年4月."""
    day = date(int(month[:4]), int(month[5:7]), 1)
    return format_skeleton("yMMM", day, locale=t.locale)


def money_text(t: Translator, amount: Decimal, currency: str) -> str:
    digits = 0 if amount == amount.to_integral_value() else 2
    return t.money(amount, currency, digits)


def price_text(t: Translator, plan: CatalogPlan) -> str:
    if plan.price is None or plan.currency is None:
        return t("catalog.price_unknown")
    if plan.price == 0:
        return t("catalog.price_free")
    price = money_text(t, plan.price, plan.currency)
    if plan.per == "resolution":
        return t("catalog.price_usage", price=price, per=t("catalog.per.resolution"))
    billing = t(f"catalog.billing.{plan.billing.value}")
    if plan.per in ("seat", "channel"):
        return t(
            "catalog.price_per", price=price, per=t(f"catalog.per.{plan.per}"), billing=billing
        )
    return t("catalog.price", price=price, billing=billing)


def cheapest_text(t: Translator, entry: CatalogTool) -> str:
    paid = [p for p in entry.plans if p.price is not None and p.price > 0 and p.per != "resolution"]
    if paid:
        cheapest = min(paid, key=lambda p: p.price or Decimal(0))
        return t("catalog.from", price=price_text(t, cheapest))
    if any(p.price == 0 for p in entry.plans):
        return t("catalog.price_free")
    return t("catalog.price_unknown")


def trial_text(t: Translator, entry: CatalogTool) -> str:
    parts = []
    if entry.trial.days:
        parts.append(t("catalog.trial.days", days=entry.trial.days))
    elif entry.trial.offered:
        parts.append(t("catalog.trial.offered"))
    if entry.trial.free_plan:
        parts.append(t("catalog.trial.free_plan"))
    return ", ".join(parts) if parts else t("catalog.trial.unknown")


def markets_text(t: Translator, entry: CatalogTool) -> str:
    return t("builder.list_sep").join(t(f"catalog.market.{m}") for m in entry.markets) or "–"


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


def _benefit_line(t: Translator, kind: str, low: Decimal, likely: Decimal, high: Decimal) -> str:
    if kind == "revenue_lift":
        values = [t.percent(v) for v in (low, likely, high)]
    else:
        values = [t.number(v, 0 if v == v.to_integral_value() else 1) for v in (low, likely, high)]
    return t(f"catalog.benefit.{kind}", low=values[0], likely=values[1], high=values[2])


def render_catalog_entry(
    console: Console, t: Translator, e: CatalogTool, kpis: dict[str, KpiEntry]
) -> None:
    console.print(f"[bold]{e.name}[/bold] ({e.id})")
    console.print(e.summary.get(t.locale))
    console.print(t("catalog.vendor", vendor=e.vendor) + (f" · {e.url}" if e.url else ""))
    console.print(t("catalog.category", category=t(f"category.{e.category.value}")))
    if e.aliases:
        console.print(t("catalog.aliases", aliases=", ".join(e.aliases)))
    console.print(f"[bold]{t('catalog.plans')}[/bold]")
    for p in e.plans:
        line = f"  • {p.name.get(t.locale)}: {price_text(t, p)}"
        if p.min_seats > 1:
            line += f" ({t('catalog.min_seats', seats=p.min_seats)})"
        console.print(line)
        if p.price is not None and p.as_of and p.source:
            seen = t("catalog.seen", as_of=month_text(t, p.as_of), source=p.source)
            secondary = f" ({t('catalog.secondary')})" if p.source_kind == "secondary" else ""
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
        console.print(f"[bold]{t('catalog.benefits')}[/bold]")
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
    console.print(f"[bold]{t('assess.advice')}[/bold]")
    for key in result.advice:
        advice = q.advice[key]
        console.print(f"• [bold]{advice.title.get(t.locale)}[/bold]")
        console.print(f"  {advice.text.get(t.locale)}")


def readiness_json(
    t: Translator,
    q: Questionnaire,
    result: ReadinessResult,
    suggestions: dict[Category, list[str]],
) -> dict[str, Any]:
    return {
        **result.model_dump(mode="json"),
        "suggested_tools": {c.value: ids for c, ids in suggestions.items()},
        "advice": [
            {
                "id": key,
                "title": q.advice[key].title.get(t.locale),
                "text": q.advice[key].text.get(t.locale),
            }
            for key in result.advice
        ],
    }


def price_issue_json(
    t: Translator, catalog: dict[str, CatalogTool], issue: PriceIssue
) -> dict[str, Any]:
    """One stale or missing price, in the owner's words and with its ids."""
    entry = catalog[issue.tool]
    tier = next(p for p in entry.plans if p.id == issue.tier)
    return {
        "tool": issue.tool,
        "tool_name": entry.name,
        "tier": issue.tier,
        "tier_name": tier.name.get(t.locale),
        "kind": issue.kind,
        "as_of": issue.as_of,
        "months_old": issue.months_old,
        "source": tier.source,
        "message": t(f"catalog.check.{issue.kind}", months=issue.months_old or 0),
    }


def render_price_issues(console: Console, t: Translator, rows: list[dict[str, Any]]) -> None:
    if not rows:
        console.print(f"[green]{t('catalog.check.clean')}[/green]")
        return
    stale = sum(1 for r in rows if r["kind"] == "stale")
    console.print(t("catalog.check.summary", stale=stale, missing=len(rows) - stale), style="bold")
    table = Table()
    for col in ("col_name", "check.col_tier", "check.col_issue", "check.col_as_of"):
        table.add_column(t(f"catalog.{col}"))
    for r in rows:
        seen = month_text(t, r["as_of"]) if r["as_of"] else "–"
        table.add_row(r["tool_name"], r["tier_name"], r["message"], seen)
    console.print(table)
