"""The JSON documents of step 5: an import's preview (``actuals import --json`` and the
API's import answer) and the review (``review --json`` and the API's review)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import Field

from aibudget.domain.errors import Problem
from aibudget.domain.preview import Preview
from aibudget.domain.results import DriverRef, Figures
from aibudget.domain.review import (
    Action,
    DriverForecast,
    KpiStatus,
    LineVariance,
    Milestone,
    MonthlySeries,
    Realised,
    Review,
)
from aibudget.i18n import Translator
from aibudget.present.documents import LABEL, Document, driver_code
from aibudget.present.evaluation import KpiLibrary
from aibudget.present.monitor import PROPOSAL_NOTE, problem_text, tool_reasons
from aibudget.present.reallocate import ProposalDocument
from aibudget.present.review_kpis import projection_text


class ProblemDocument(Document):
    line: int | None
    message_id: str
    params: dict[str, Any]
    text: str = Field(description="The problem in the reader's words, with the file and line.")


class Rows(Document):
    read: int
    used: int
    skipped: int


class PreviewDocument(Document):
    """What importing one file would do; nothing is written."""

    file: str
    ok: bool
    format: str | None
    encoding: str | None
    encoding_method: str | None
    header_line: int | None
    mapping: dict[str, str] = Field(description="Field -> the file's column header.")
    unknown_columns: list[str]
    currency: str | None
    period: list[str] | None = Field(description="First and last day the file covers.")
    rows: Rows
    neutralised_cells: int
    records: int
    problem_count: int
    problems: list[ProblemDocument]


def preview_document(p: Preview, t: Translator) -> PreviewDocument:
    return PreviewDocument(
        file=p.file,
        ok=p.ok,
        format=p.format,
        encoding=p.encoding,
        encoding_method=p.encoding_method,
        header_line=p.header_line,
        mapping=p.mapping,
        unknown_columns=p.unknown_columns,
        currency=p.currency,
        period=[d.isoformat() for d in p.period] if p.period else None,
        rows=Rows(read=p.rows_read, used=p.rows_used, skipped=p.rows_skipped),
        neutralised_cells=p.neutralised,
        records=len(p.records),
        problem_count=p.problem_count,
        problems=[problem_document(t, x, p.file) for x in p.problems],
    )


def problem_document(t: Translator, x: Problem, file: str) -> ProblemDocument:
    return ProblemDocument(
        line=x.line, message_id=x.message_id, params=x.params, text=problem_text(t, x, file)
    )


class ConflictDocument(Document):
    message_id: str
    params: dict[str, Any]
    text: str


class ImportDocument(Document):
    """``aibudget actuals import --json``: every file's preview and what was written."""

    files: list[PreviewDocument]
    ok: bool
    written: str | None
    added: int
    already_present: int
    replaced: int
    conflicts: list[ConflictDocument]


class KpiText(KpiStatus):
    projection_text: str


class RealisedRoi(Realised):
    tools: dict[str, Realised]


class ToolForecast(Document):
    plan: Figures
    forecast: Figures
    attainment: Decimal | None
    months_observed: int


class DriverDocument(Document):
    tool: str
    path: str
    label: str = Field(description=LABEL)
    group: str
    unit: str
    prior_mean: Decimal
    prior_sd: Decimal
    posterior_mean: Decimal
    posterior_sd: Decimal
    months_observed: int
    driver: DriverRef


def driver_document(d: DriverForecast) -> DriverDocument:
    return DriverDocument(
        **d.model_dump(exclude={"driver"}), label=driver_code(d.driver), driver=d.driver
    )


class Forecast(Document):
    plan: Figures
    forecast: Figures
    tools: dict[str, ToolForecast]
    drivers: list[DriverDocument]
    monthly: MonthlySeries


class Recommendation(Document):
    action: Action
    reasons: list[str]
    text: str
    adoption: Decimal | None
    feedback: Decimal | None


class ReviewDocument(Document):
    """``aibudget review --json``: plan vs forecast vs actual, each goal's KPI, the advice
    per tool, the milestones and the reallocation proposal (or why there is none)."""

    currency: str
    as_of: str
    months_elapsed: int
    kpis: list[KpiText]
    variance: list[LineVariance]
    realised_roi: RealisedRoi
    forecast: Forecast
    recommendations: dict[str, Recommendation] = Field(description="Tool id -> advice.")
    milestones: list[Milestone]
    proposal: ProposalDocument | None
    proposal_note: str | None = Field(description="Why there is no proposal, in words.")
    unplanned_tools: list[str]
    ignored_records: int


def review_document(
    r: Review,
    t: Translator,
    kpis: KpiLibrary,
    proposal: ProposalDocument | None = None,
    note: str = "",
) -> ReviewDocument:
    """The ``review --json`` document (``kpis``: the KPI library, for the units)."""
    return ReviewDocument(
        currency=r.currency,
        as_of=r.as_of,
        months_elapsed=r.months_elapsed,
        kpis=[
            KpiText(**k.model_dump(), projection_text=projection_text(t, k, r.currency, kpis))
            for k in r.kpis
        ],
        variance=r.variance,
        realised_roi=RealisedRoi(
            **r.realised.model_dump(), tools={x.tool: x.realised for x in r.tools}
        ),
        forecast=Forecast(
            plan=r.plan,
            forecast=r.forecast,
            tools={
                x.tool: ToolForecast(
                    plan=x.plan,
                    forecast=x.forecast,
                    attainment=x.attainment,
                    months_observed=x.months_observed,
                )
                for x in r.tools
            },
            drivers=[driver_document(d) for d in r.drivers],
            monthly=r.monthly,
        ),
        recommendations={
            x.tool: Recommendation(
                action=x.action,
                reasons=x.reasons,
                text=t(f"monitor.action.{x.action.value}") + ": " + "; ".join(tool_reasons(t, x)),
                adoption=x.adoption,
                feedback=x.feedback,
            )
            for x in r.tools
        },
        milestones=r.milestones,
        proposal=proposal,
        proposal_note=None if proposal is not None else (note or t(PROPOSAL_NOTE)),
        unplanned_tools=r.unplanned_tools,
        ignored_records=r.ignored_records,
    )
