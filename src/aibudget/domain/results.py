"""Typed results of the engine. Money is Decimal, rounded to cents at the boundary."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

# The entity that carries the plan-level lines (training, data, advice) in results.
PLAN_LINES_ID = "_plan"


class Result(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class DriverKind(StrEnum):
    """What an uncertain benefit is: one of a tool's benefit drivers, or a benefit schedule."""

    HOURS_SAVED = "hours_saved"
    REVENUE_LIFT = "revenue_lift"
    COST_AVOIDED = "cost_avoided"
    KPI_EFFECT = "kpi_effect"
    SCHEDULE = "schedule"


class DriverRef(Result):
    """Which benefit a result is about, as data: its kind, the KPI of a KPI effect and the
    label the owner gave it (a schedule always has one). The words for it are
    :func:`aibudget.present.evaluation.driver_label`'s."""

    kind: DriverKind
    label: str | None = None
    kpi: str | None = None


class Figures(Result):
    """Headline figures of one view (expected or risk-adjusted) of a tool or the plan."""

    pv_costs: Decimal
    pv_benefits: Decimal
    npv: Decimal
    roi: Decimal | None  # NPV / PV(costs); None when there are no costs
    payback_month: int | None  # first month whose cumulative net cash is >= 0


class PeriodRow(Result):
    """One column of a total-economic-impact table: Initial, Year 1, Year 2, ..."""

    label: str
    costs: Decimal
    benefits: Decimal
    net: Decimal
    discount_factor: Decimal
    pv_net: Decimal


class ToolResult(Result):
    id: str
    name: str
    expected: Figures
    risk_adjusted: Figures
    monthly_costs: list[Decimal]
    monthly_benefits: list[Decimal]
    costs_by_line: dict[str, Decimal]


class Evaluation(Result):
    currency: str
    convention: str
    months: int
    start: str
    discount_rate: Decimal
    expected: Figures
    risk_adjusted: Figures
    monthly_costs: list[Decimal]
    monthly_benefits: list[Decimal]
    cumulative_net: list[Decimal]
    periods: list[PeriodRow]
    costs_by_line: dict[str, Decimal]
    tools: list[ToolResult]


class Quantiles(Result):
    p10: float
    p50: float
    p90: float


class ToolDistribution(Result):
    id: str
    npv: Quantiles
    mean_npv: float
    prob_loss: float


class FanPoint(Result):
    month: int
    p10: float
    p50: float
    p90: float


class TornadoBar(Result):
    input: str
    tool: str
    driver: DriverRef
    low: float
    high: float
    npv_at_low: float
    npv_at_high: float
    swing: float


class SimulationResult(Result):
    trials: int
    seed: int
    distribution: str
    convention: str
    npv: Quantiles
    roi: Quantiles | None
    mean_npv: float
    prob_loss: float
    tools: list[ToolDistribution]
    fan: list[FanPoint]
    fan_trials: int
    tornado: list[TornadoBar]
