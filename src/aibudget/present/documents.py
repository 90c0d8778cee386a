"""The JSON documents of the command line (``--json``) and the API, as typed models: one
model each, serialised by the CLI (amounts as JSON numbers) and declared as the API's
``response_model`` (amounts as exact decimal strings), so the OpenAPI document states
their real shape. Documents of the other steps live beside their words (optimize,
guidance, monitor, reallocate)."""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from aibudget.domain.results import (
    DriverKind,
    DriverRef,
    Evaluation,
    FanPoint,
    Figures,
    PeriodRow,
    SimulationResult,
    TornadoBar,
)


class Document(BaseModel):
    """A JSON document (or a part of one) of the CLI and the API."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


def driver_code(driver: DriverRef) -> str:
    """The driver as the documents have always named it (``label``): the owner's label,
    else its kind, else ``kpi:<id>`` for a KPI effect. For programs, never shown to the
    owner (the words are :func:`aibudget.present.evaluation.driver_label`'s)."""
    if driver.label:
        return driver.label
    if driver.kind is DriverKind.KPI_EFFECT:
        return f"kpi:{driver.kpi}"
    return driver.kind.value


LABEL = "The driver's label, else its kind, else kpi:<id> (see driver)."


class TornadoRow(Document):
    input: str = Field(description="Where the input is in the plan.")
    tool: str
    label: str = Field(description=LABEL)
    low: float
    high: float
    npv_at_low: float
    npv_at_high: float
    swing: float
    driver: DriverRef


def tornado_row(bar: TornadoBar) -> TornadoRow:
    fields = bar.model_dump(exclude={"driver"})
    return TornadoRow(**fields, label=driver_code(bar.driver), driver=bar.driver)


class Monthly(Document):
    """Per month, index 0 being "initial"."""

    costs: list[Decimal]
    benefits: list[Decimal]
    cumulative_net: list[Decimal]


class Simulation(Document):
    trials: int
    seed: int
    distribution: str
    npv_p10: float
    npv_p50: float
    npv_p90: float
    roi_p10: float | None
    roi_p50: float | None
    roi_p90: float | None
    mean_npv: float
    prob_loss: float
    tornado: list[TornadoRow]
    fan: list[FanPoint]
    fan_trials: int


class ToolSimulation(Document):
    npv_p10: float
    npv_p50: float
    npv_p90: float
    mean_npv: float
    prob_loss: float


class ToolEvaluation(Document):
    id: str
    name: str
    expected: Figures
    risk_adjusted: Figures
    costs_by_line: dict[str, Decimal]
    simulation: ToolSimulation


class EvaluationDocument(Document):
    """``aibudget evaluate --json``, and the API's evaluate answer."""

    currency: str
    convention: str
    months: int
    start: str
    discount_rate: Decimal
    expected: Figures
    risk_adjusted: Figures
    periods: list[PeriodRow]
    costs_by_line: dict[str, Decimal]
    monthly: Monthly
    simulation: Simulation
    tools: list[ToolEvaluation]


def evaluation_document(result: Evaluation, sim: SimulationResult) -> EvaluationDocument:
    """The ``evaluate --json`` document (also the API's evaluate response)."""
    by_tool = {d.id: d for d in sim.tools}
    return EvaluationDocument(
        currency=result.currency,
        convention=result.convention,
        months=result.months,
        start=result.start,
        discount_rate=result.discount_rate,
        expected=result.expected,
        risk_adjusted=result.risk_adjusted,
        periods=result.periods,
        costs_by_line=result.costs_by_line,
        monthly=Monthly(
            costs=result.monthly_costs,
            benefits=result.monthly_benefits,
            cumulative_net=result.cumulative_net,
        ),
        simulation=Simulation(
            trials=sim.trials,
            seed=sim.seed,
            distribution=sim.distribution,
            npv_p10=sim.npv.p10,
            npv_p50=sim.npv.p50,
            npv_p90=sim.npv.p90,
            roi_p10=sim.roi.p10 if sim.roi else None,
            roi_p50=sim.roi.p50 if sim.roi else None,
            roi_p90=sim.roi.p90 if sim.roi else None,
            mean_npv=sim.mean_npv,
            prob_loss=sim.prob_loss,
            tornado=[tornado_row(bar) for bar in sim.tornado],
            fan=sim.fan,
            fan_trials=sim.fan_trials,
        ),
        tools=[
            ToolEvaluation(
                id=tool.id,
                name=tool.name,
                expected=tool.expected,
                risk_adjusted=tool.risk_adjusted,
                costs_by_line=tool.costs_by_line,
                simulation=ToolSimulation(
                    npv_p10=by_tool[tool.id].npv.p10,
                    npv_p50=by_tool[tool.id].npv.p50,
                    npv_p90=by_tool[tool.id].npv.p90,
                    mean_npv=by_tool[tool.id].mean_npv,
                    prob_loss=by_tool[tool.id].prob_loss,
                ),
            )
            for tool in result.tools
        ],
    )
