"""The report's plain words: the summary paragraph and the owner's worries answered (on
the summary page), and a short section on the team learning log."""

from __future__ import annotations

from aibudget.catalog import tool_catalog
from aibudget.engine.practice import minutes_by_tool
from aibudget.engine.worries import worry_facts
from aibudget.i18n import Translator
from aibudget.present.practice import (
    allocation_worries,
    evaluation_summary,
    evaluation_worries,
)
from aibudget.reports.content import ReportData
from aibudget.reports.pdf_doc import ReportPDF

TIPS_SHOWN = 5


def plain_summary(doc: ReportPDF, data: ReportData, t: Translator) -> None:
    """One plain paragraph, then each worry of the owner with its answer."""
    doc.para(evaluation_summary(t, data.evaluation, data.simulation))
    facts = worry_facts(data.plan, data.evaluation, data.simulation)
    answers = evaluation_worries(t, data.plan, facts, list(data.worries))
    if data.optimisation is not None:
        answers += allocation_worries(
            t, data.plan, data.optimisation, list(data.worries), tool_catalog()
        )
    if answers:
        doc.subheading(t("practice.worries_title"))
        doc.labelled(answers)


def learning_log(doc: ReportPDF, data: ReportData, t: Translator) -> None:
    """Minutes saved logged per tool and the newest tips (nothing when the log is empty)."""
    if not data.learning:
        return
    names = {tool.id: tool.name for tool in data.plan.tools}
    doc.section(t("practice.log_title"))
    totals = minutes_by_tool(data.learning)
    doc.para(t("pdf.learning_lead", entries=len(data.learning)))
    doc.bullets(
        [
            t("pdf.learning_tool", tool=names.get(tool, t("practice.removed_tool")),
              minutes=t.number(minutes))
            for tool, minutes in totals.items()
        ]
    )  # fmt: skip
    tips = [e for e in data.learning if e.tip.strip()][:TIPS_SHOWN]
    if tips:
        doc.subheading(t("pdf.learning_tips"))
        doc.bullets(
            [t("pdf.learning_tip", tip=e.tip, who=e.who, day=e.on.isoformat()) for e in tips]
        )
