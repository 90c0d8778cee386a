"""What a report says, gathered once for both formats (PDF and XLSX).

:func:`gather` runs the engine (evaluation, simulation, optimiser, health check and,
with actuals, the review and its reallocation proposal) and keeps the results; the
writers only lay them out. The few facts a report adds on top of the engine (the
pilot, the biggest risks, the review dates) are small functions here, so both formats
say the same thing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from aibudget.catalog import catalog_for, kpi_entries
from aibudget.domain.actuals import Actuals
from aibudget.domain.allocation import OptimisationResult, OptimisePolicy
from aibudget.domain.errors import AibudgetError
from aibudget.domain.guidance import CatalogTool, Finding
from aibudget.domain.plan import Billing, Plan, Tool
from aibudget.domain.practice import LearningEntry
from aibudget.domain.reallocation import Reallocation
from aibudget.domain.results import Evaluation, SimulationResult, TornadoBar
from aibudget.domain.review import Review
from aibudget.domain.texts import N_
from aibudget.engine import worries
from aibudget.engine.lint import lint
from aibudget.engine.optimize import optimize
from aibudget.engine.simulate import evaluate_and_simulate
from aibudget.service.cores import usable_cores

TOP_RISKS = 3
Progress = Callable[[int, int], None]


class ReportError(AibudgetError):
    """A report that cannot be made (e.g. no CJK font for the PDF)."""

    message_id = N_("report.failed")
    http_status = 503


@dataclass(frozen=True)
class ReportMeta:
    """Where the plan comes from and when the report was made (shown on the cover)."""

    generated: date
    version: str | None = None  # "v3" for a stored version, the file name for a file
    state: str | None = None  # draft | live | approved (stored versions)
    note: str | None = None


@dataclass(frozen=True)
class ReportData:
    plan: Plan
    meta: ReportMeta
    evaluation: Evaluation
    simulation: SimulationResult
    optimisation: OptimisationResult | None
    findings: list[Finding]
    review: Review | None = None
    proposal: Reallocation | None = None
    proposal_note: str | None = None  # message id why there is no proposal
    actuals: Actuals | None = None
    worries: tuple[str, ...] = ()  # the owner's strong worries (readiness check)
    learning: tuple[LearningEntry, ...] = ()  # the team learning log, newest first

    @property
    def currency(self) -> str:
        return self.plan.currency


def gather(
    plan: Plan,
    meta: ReportMeta,
    *,
    actuals: Actuals | None = None,
    as_of: str | None = None,
    trials: int | None = None,
    optimiser_seconds: Decimal | None = None,
    progress: Progress | None = None,
    catalog: Mapping[str, CatalogTool] | None = None,
    worries: tuple[str, ...] = (),
    learning: tuple[LearningEntry, ...] = (),
) -> ReportData:
    """Run the engine for a report. ``actuals`` adds the review (and the proposal).

    ``catalog`` is the catalog the plan sees (its workspace's entries merged in); by
    default the built-in one with the plan's own entries.
    """
    evaluation, sim = evaluate_and_simulate(plan, trials, progress=progress)
    policy = plan.optimise or OptimisePolicy()
    if optimiser_seconds is not None:
        policy = policy.capped(optimiser_seconds)
    optimisation = optimize(plan, policy, threads=usable_cores())
    if catalog is None:
        catalog, _ = catalog_for(plan.catalog)
    findings = lint(plan, catalog, kpi_entries())
    review = proposal = note = None
    if actuals is not None and actuals.records:
        from aibudget.engine.reallocate import reallocate
        from aibudget.engine.review import review as run_review

        review = run_review(plan, actuals, as_of, kpi_entries())
        try:
            proposal = reallocate(plan, review, catalog)
        except AibudgetError as error:
            note = error.message_id
    return ReportData(
        plan=plan,
        meta=meta,
        evaluation=evaluation,
        simulation=sim,
        optimisation=optimisation,
        findings=findings,
        review=review,
        proposal=proposal,
        proposal_note=note,
        actuals=actuals,
        worries=worries,
        learning=learning,
    )


# ------------------------------------------------------------ facts a report adds


def cash_lines(evaluation: Evaluation) -> dict[str, Decimal]:
    """The plan's spending by line item over the horizon, staff time aside (it costs
    hours, not cash from the budget), largest first."""
    lines = {k: v for k, v in evaluation.costs_by_line.items() if k != "internal_time" and v}
    return dict(sorted(lines.items(), key=lambda item: item[1], reverse=True))


def pilot_tools(plan: Plan) -> list[Tool]:
    """The tools the plan starts inside the pilot (months 1 .. pilot.months)."""
    return [t for t in plan.tools if t.start_month <= plan.budget.pilot.months]


def pilot_cost(data: ReportData) -> Decimal:
    """What the pilot costs: every cost of the plan up to the pilot's last month."""
    return worries.pilot_cost(data.plan, data.evaluation)


def top_risks(sim: SimulationResult, count: int = TOP_RISKS) -> list[TornadoBar]:
    """The inputs whose range moves NPV most (the tornado's widest bars)."""
    return sorted(sim.tornado, key=lambda bar: bar.swing, reverse=True)[:count]


def review_months(plan: Plan) -> list[int]:
    """Plan months of the scheduled reviews (every ``review_every_months``)."""
    every = plan.budget.review_every_months
    if not every:
        return []
    return list(range(every, plan.horizon.months + 1, every))


def renewals(plan: Plan) -> list[tuple[Tool, int]]:
    """(tool, plan month) of each renewal of an annual plan inside the horizon."""
    out: list[tuple[Tool, int]] = []
    for tool in plan.tools:
        chosen = tool.chosen_plan()
        if chosen is not None and chosen.billing is Billing.ANNUAL:
            every = chosen.billing.months
            later = range(tool.start_month + every, plan.horizon.months + 1, every)
            out.extend((tool, m) for m in later)
    return sorted(out, key=lambda item: item[1])
