"""The plan report as an A4 PDF (zh-TW or English) a partner, accountant or bank can read.

Order: the cover; a one-page summary (the budget and its line items, expected and
P10/P90 NPV, payback, the chance of a loss, the three biggest risks, the pilot); then
goals and KPIs, tool choices with reasons, the allocation, cash flow and payback, the
NPV distribution, what drives the risk, the health check, the monthly routine and, with
actuals, the review. The words come from the translator; the facts from
:mod:`aibudget.reports.content`, so the XLSX says the same.
"""

from __future__ import annotations

from decimal import Decimal

from babel.dates import format_date

from aibudget.catalog import kpi_entries
from aibudget.domain.texts import N_
from aibudget.i18n import Translator
from aibudget.present.evaluation import chance_text, driver_label
from aibudget.present.guidance import findings_summary
from aibudget.reports import font_cache, pdf_analysis, pdf_practice, pdf_review, pdf_sections
from aibudget.reports.content import (
    ReportData,
    cash_lines,
    pilot_cost,
    pilot_tools,
    review_months,
    top_risks,
)
from aibudget.reports.fonts import FontPair, cjk_fonts
from aibudget.reports.pdf_doc import ACCENT, MARGIN, MUTED, WIDTH, Figure, ReportPDF
from aibudget.reports.pdf_text import plan_month, share_text, tool_names


def pdf_report(data: ReportData, t: Translator) -> bytes:
    """The report as PDF bytes in the translator's language: laid out with the lighter
    copy of the font when there is one and it holds every character the report
    needed, else (or after all) with the full font. Without a copy, one is made in the
    background for the next reports; this one does not wait for it."""
    fonts = cjk_fonts()
    light = font_cache.for_report(fonts)
    if light is not None:
        doc = build_pdf(data, t, light)
        if not doc.missing_glyphs():
            return doc.finished()
    return build_pdf(data, t, fonts).finished()


def build_pdf(data: ReportData, t: Translator, fonts: FontPair | None = None) -> ReportPDF:
    """The laid-out document (before output), e.g. for tests to inspect its fonts;
    ``fonts`` defaults to the full CJK font."""
    doc = ReportPDF(t, fonts or cjk_fonts(), data.plan.company.name, t("pdf.title"))
    cover(doc, data, t)
    summary(doc, data, t)
    pdf_sections.goals(doc, data, t)
    pdf_sections.tools(doc, data, t)
    pdf_sections.allocation(doc, data, t)
    pdf_analysis.cash_flow(doc, data, t)
    pdf_analysis.distribution(doc, data, t)
    pdf_analysis.drivers(doc, data, t)
    pdf_review.health_check(doc, data, t)
    pdf_review.routine(doc, data, t)
    pdf_practice.learning_log(doc, data, t)
    if data.review is not None:
        pdf_review.review(doc, data, t)
    return doc


def cover(doc: ReportPDF, data: ReportData, t: Translator) -> None:
    plan, meta = data.plan, data.meta
    doc.add_page()
    doc.set_fill_color(*ACCENT)
    doc.rect(0, 0, 210, 8, style="F")
    doc.set_y(78)
    doc.set_font("cjk", "", 12)
    doc.set_text_color(*ACCENT)
    doc.cell(0, 8, t("pdf.title"), new_x="LMARGIN", new_y="NEXT")
    doc.ln(2)
    doc.set_font("cjk", "B", 26)
    doc.set_text_color(20, 20, 20)
    doc.block(0, 12, plan.company.name)
    doc.ln(3)
    doc.set_font("cjk", "", 11)
    doc.set_text_color(*MUTED)
    doc.block(
        0,
        6,
        t(
            "pdf.cover_horizon",
            months=plan.horizon.months,
            start=plan_month(t, plan, 1),
            budget=t.money(plan.horizon_budget(), plan.currency),
        ),
    )
    doc.set_draw_color(*ACCENT)
    doc.set_line_width(0.6)
    doc.line(MARGIN, doc.get_y() + 6, MARGIN + 30, doc.get_y() + 6)
    doc.set_y(doc.get_y() + 14)
    state = meta.state or "none"
    rows = [
        (t("pdf.cover_version"), meta.version or "–"),
        (t("pdf.cover_date"), format_date(meta.generated, "long", locale=t.locale)),
        (t("pdf.cover_state"), _state_text(t, state)),
    ]
    if meta.note:
        rows.append((t("pdf.cover_note"), meta.note))
    for label, value in rows:
        doc.set_font("cjk", "", 10)
        doc.set_text_color(*MUTED)
        doc.cell(42, 7, label)
        doc.set_font("cjk", "B" if label == rows[2][0] else "", 10)
        doc.set_text_color(20, 20, 20)
        doc.block(WIDTH - 42, 7, value)
    doc.set_y(255)
    doc.set_font("cjk", "", 8)
    doc.set_text_color(*MUTED)
    doc.block(0, 4.2, t("pdf.cover_disclaimer"))


def _state_text(t: Translator, state: str) -> str:
    texts = {
        "draft": t("pdf.state.draft"),
        "live": t("pdf.state.live"),
        "approved": t("pdf.state.approved"),
    }
    return texts.get(state, t("pdf.state.none"))


def summary(doc: ReportPDF, data: ReportData, t: Translator) -> None:
    """The one page an owner reads in two minutes."""
    plan, ev, sim, cur = data.plan, data.evaluation, data.simulation, data.currency
    doc.add_page()
    doc.section(t("pdf.summary"))
    budget = plan.horizon_budget()
    doc.para(
        t(
            "pdf.summary_lead",
            company=plan.company.name,
            budget=t.money(budget, cur),
            annual=t.money(plan.annual_budget(), cur),
            months=plan.horizon.months,
            tools=len(plan.tools),
        )
    )
    unpriced = [tool.name for tool in plan.unpriced_tools()]
    if unpriced:  # the figures below count these tools as free
        listed = _join(t, unpriced)
        doc.para(t("builder.unpriced_title") + " " + t("builder.unpriced_text", tools=listed))
    pdf_practice.plain_summary(doc, data, t)
    doc.ln(1)
    doc.figures(
        [
            Figure(t("pdf.expected_npv"), t.money(ev.expected.npv, cur), _roi_note(t, data)),
            Figure(
                t("pdf.npv_p10_p90"),
                f"{t.money(sim.npv.p10, cur)} – {t.money(sim.npv.p90, cur)}",
                t("pdf.p50_note", value=t.money(sim.npv.p50, cur)),
            ),
            _payback_figure(t, data),
            Figure(
                t("cli.prob_loss"),
                chance_text(t, sim.prob_loss),
                t("pdf.trials_note", trials=t.number(sim.trials)),
            ),
        ],
        weights=[1, 1.4, 0.8, 0.9],
    )
    doc.subheading(t("pdf.budget_lines"), keep=40)
    lines = cash_lines(ev)
    spend = sum(lines.values(), Decimal(0))
    rows = [
        [t(f"monitor.line.{k}"), t.money(v, cur), share_text(t, v, budget)]
        for k, v in lines.items()
    ]
    rows.append([t("pdf.planned_spend"), t.money(spend, cur), share_text(t, spend, budget)])
    doc.grid(
        [t("monitor.line"), t("optimize.col.amount"), t("pdf.share_of_budget")],
        rows,
        [90, 45, 35],
        "LRR",
        bold_last=True,
    )
    left = budget - spend
    key = N_("pdf.budget_left") if left >= 0 else N_("pdf.budget_over")
    staff = ev.costs_by_line.get("internal_time")
    note = t(key, amount=t.money(abs(left), cur), budget=t.money(budget, cur))
    if staff:
        note += " " + t("pdf.staff_time_note", amount=t.money(staff, cur))
    doc.para(note, size=8.5, colour=MUTED)

    doc.subheading(t("pdf.top_risks"), keep=25)
    risks = top_risks(sim)
    names = tool_names(t, data)
    if risks:
        doc.bullets(
            [
                t(
                    "pdf.risk_line",
                    label=driver_label(t, bar.driver, kpi_entries()),
                    tool=names.get(bar.tool, bar.tool),
                    low=t.money(bar.npv_at_low, cur),
                    high=t.money(bar.npv_at_high, cur),
                )
                for bar in risks
            ],
            size=9,
        )
    else:
        doc.para(t("pdf.no_risks"), size=9)

    doc.subheading(t("pdf.pilot"), keep=20)
    pilot = pilot_tools(plan)
    months = plan.budget.pilot.months
    if pilot:
        reviews = review_months(plan)
        decide = next((m for m in reviews if m >= months), months)
        doc.para(
            t(
                "pdf.pilot_text",
                tools=_join(t, [tool.name for tool in pilot]),
                months=months,
                start=plan_month(t, plan, 1),
                end=plan_month(t, plan, months),
                cost=t.money(pilot_cost(data), cur),
                decide=plan_month(t, plan, decide),
            ),
            size=9,
        )
    else:
        doc.para(t("pdf.no_pilot", months=months), size=9)
    doc.para(
        findings_summary(t, data.findings) if data.findings else t("lint.clean"),
        size=9,
        colour=MUTED,
    )


def _payback_figure(t: Translator, data: ReportData) -> Figure:
    month = data.evaluation.expected.payback_month
    if month is None:
        return Figure(t("cli.payback"), t("cli.payback_never"))
    return Figure(
        t("cli.payback"), t("cli.payback_month", month=month), plan_month(t, data.plan, month)
    )


def _roi_note(t: Translator, data: ReportData) -> str:
    roi = data.evaluation.expected.roi
    return "" if roi is None else t("pdf.roi_note", roi=t.percent(roi))


def _join(t: Translator, items: list[str]) -> str:
    return t("pdf.list_separator").join(items)
