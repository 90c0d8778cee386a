"""PDF sections for keeping the plan honest: the health check, the monthly routine and,
with actuals, the review (plan vs forecast vs actual, recommendations, the proposal)."""

from __future__ import annotations

from aibudget.catalog import kpi_entries
from aibudget.domain.guidance import Severity
from aibudget.domain.results import PLAN_LINES_ID
from aibudget.i18n import Translator
from aibudget.present import charts as series
from aibudget.present.guidance import finding_document, findings_summary, month_text
from aibudget.present.monitor import milestone_text, tool_reasons, unrecorded_text
from aibudget.present.reallocate import change_text, proposes_change, summary_text
from aibudget.present.review_kpis import projection_text
from aibudget.reports import pdf_charts
from aibudget.reports.content import ReportData, renewals, review_months
from aibudget.reports.pdf_doc import MUTED, WARN, ReportPDF
from aibudget.reports.pdf_text import compact_money, plan_month, tool_names

ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def health_check(doc: ReportPDF, data: ReportData, t: Translator) -> None:
    doc.section(t("pdf.health_check"), keep=40)
    if not data.findings:
        doc.para(t("lint.clean"))
        return
    doc.para(
        findings_summary(t, data.findings),
        size=9.5,
    )
    items = []
    for f in sorted(data.findings, key=lambda f: ORDER[f.severity]):
        doc_ = finding_document(t, f, data.currency)
        label = t(f"lint.severity.{f.severity.value}")
        items.append(
            (
                t("pdf.label_value", label=label, value=doc_.message),
                t("lint.fix", fix=doc_.fix),
            )
        )
    doc.labelled(items, size=9)


def routine(doc: ReportPDF, data: ReportData, t: Translator) -> None:
    plan = data.plan
    doc.section(t("pdf.routine"), keep=60)
    doc.para(t("pdf.routine_lead"), size=9.5)
    items = [t("pdf.routine_monthly")]
    reviews = review_months(plan)
    if reviews:
        items.append(
            t(
                "pdf.routine_reviews",
                every=plan.budget.review_every_months or 0,
                dates=t("pdf.list_separator").join(plan_month(t, plan, m) for m in reviews),
            )
        )
    else:
        items.append(t("pdf.routine_no_reviews"))
    pilot = plan.budget.pilot.months
    items.append(t("pdf.routine_pilot_end", month=plan_month(t, plan, pilot)))
    renewing = renewals(plan)
    if renewing:
        items.append(
            t(
                "pdf.routine_renewals",
                renewals=t("pdf.list_separator").join(
                    f"{tool.name} ({plan_month(t, plan, m)})" for tool, m in renewing
                ),
            )
        )
    deadlines = [g for g in plan.goals if g.deadline]
    if deadlines:
        items.append(
            t(
                "pdf.routine_deadlines",
                goals=t("pdf.list_separator").join(
                    f"{g.name} ({month_text(t, g.deadline or '')})"
                    for g in sorted(deadlines, key=lambda g: g.deadline or "")
                ),
            )
        )
    doc.bullets(items, size=9.5)


def review(doc: ReportPDF, data: ReportData, t: Translator) -> None:
    r = data.review
    if r is None:
        return
    cur = data.currency
    doc.add_page()
    doc.section(t("pdf.review", month=month_text(t, r.as_of)))
    doc.para(
        t(
            "pdf.review_lead",
            months=r.months_elapsed,
            spent=t.money(r.realised.recorded, cur),
            benefits=t.money(r.realised.benefits, cur),
            plan=t.money(r.plan.npv, cur),
            forecast=t.money(r.forecast.npv, cur),
        ),
        size=9.5,
    )
    unrecorded = unrecorded_text(t, r)
    if unrecorded:
        doc.para(unrecorded, size=9, colour=MUTED)
    pdf_charts.lines(doc, series.review_cumulative(t, r), compact_money(t, cur))
    doc.para(t("pdf.review_chart_note"), size=8, colour=MUTED)
    names = tool_names(t, data)
    doc.subheading(t("monitor.tools_title"))
    doc.grid(
        [
            t("cli.tool"),
            t("monitor.spent"),
            t("review.unrecorded_column"),
            t("monitor.realised"),
            t("monitor.plan_npv"),
            t("monitor.forecast_npv"),
            t("monitor.recommendation"),
        ],
        [
            [
                names.get(x.tool, x.name),
                t.money(x.realised.recorded, cur),
                t.money(x.realised.unrecorded, cur),
                t.money(x.realised.benefits, cur),
                t.money(x.plan.npv, cur),
                t.money(x.forecast.npv, cur),
                t(f"monitor.action.{x.action.value}"),
            ]
            for x in r.tools
        ],
        [32, 22, 22, 22, 24, 24, 24],
        "LRRRRRL",
        size=8,
    )
    doc.subheading(t("pdf.recommendations"))
    doc.labelled(
        [
            (
                t(
                    "pdf.label_value",
                    label=names.get(x.tool, x.name),
                    value=t(f"monitor.action.{x.action.value}"),
                ),
                t("pdf.because", reasons=t("pdf.list_separator").join(tool_reasons(t, x))),
            )
            for x in r.tools
            if x.tool != PLAN_LINES_ID
        ],
        size=9,
    )
    if r.kpis:
        doc.subheading(t("pdf.kpi_status"))
        goals = {g.id: g.name for g in data.plan.goals}
        doc.bullets(
            [
                t(
                    "pdf.label_value",
                    label=goals.get(k.goal, k.goal),
                    value=t(f"monitor.kpi.{k.status}"),
                )
                + ("" if k.attainment is None else f" ({t.percent(k.attainment)})")
                + " "
                + projection_text(t, k, r.currency, kpi_entries())
                for k in r.kpis
            ],
            size=9,
        )
    if r.milestones:
        doc.subheading(t("pdf.milestones"))
        doc.bullets(
            [
                t(
                    "pdf.label_value",
                    label=month_text(t, x.month),
                    value=milestone_text(t, data.plan, x),
                )
                for x in r.milestones
            ],
            size=9,
            mark="★",
        )
    doc.subheading(t("reallocate.heading"))
    p = data.proposal
    if p is None:
        doc.para(t(data.proposal_note or "review.proposal_pending"), size=9.5, colour=WARN)
        return
    doc.bullets([change_text(t, c, p.currency) for c in p.changes], size=9.5)
    if proposes_change(p):
        doc.para(summary_text(t, p), size=9, colour=MUTED)
