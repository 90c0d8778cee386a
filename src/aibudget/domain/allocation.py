"""The allocation step: optional optimiser inputs of a plan and the optimiser's result.

Inputs live under ``optimise:`` in a plan file; every field is optional, so plans
without it keep validating. This module imports nothing from :mod:`aibudget.domain.plan`
at import time (plan.py imports it), so it keeps its own small base class.

Response curves give the *monthly* return (in money) of a *monthly* ad spend x:

- ``exponential``:        max_return x (1 - exp(-x / spend_scale))
- ``michaelis_menten``:   max_return x x / (half_saturation + x)
- ``hill``:               max_return x x^slope / (half_saturation^slope + x^slope);
  S-shaped (not concave) when slope > 1.

``max_return`` may be a low / likely / high range (:class:`.ranges.Range`) when the
owner is unsure how much a channel can bring: the curve's shape stays, its height is
uncertain. A plain number means no uncertainty (plans written before keep their
meaning). The optimiser values the curve at the range's mean and, for the risk-aware
objectives, draws the height per scenario like any other uncertain input.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from aibudget.domain.choices import Objective as Objective
from aibudget.domain.money import MAX_AMOUNT
from aibudget.domain.ranges import NonNegativeRange
from aibudget.domain.texts import N_

Amount = Annotated[Decimal, Field(ge=0, le=MAX_AMOUNT)]
Positive = Annotated[Decimal, Field(gt=0, le=MAX_AMOUNT)]
Ident = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=64)]


class _Input(BaseModel):
    """Unknown keys are errors, as in the rest of the plan file."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)


MAX_RETURN = (
    "Monthly return as spend grows without bound: a number, or low / likely / high "
    "when it is uncertain."
)


class ExponentialCurve(_Input):
    kind: Literal["exponential"]
    max_return: NonNegativeRange = Field(description=MAX_RETURN)
    spend_scale: Positive = Field(description="Spend at which 63% of max_return is reached.")


class MichaelisMentenCurve(_Input):
    kind: Literal["michaelis_menten"]
    max_return: NonNegativeRange = Field(description=MAX_RETURN)
    half_saturation: Positive = Field(description="Monthly spend giving half of max_return.")


class HillCurve(_Input):
    kind: Literal["hill"]
    max_return: NonNegativeRange = Field(description=MAX_RETURN)
    half_saturation: Positive
    slope: Annotated[Decimal, Field(gt=0, le=10)] = Field(
        default=Decimal(1), description="> 1 gives an S-shaped curve."
    )


# Message ids built at run time from the values above, declared for message extraction.
CURVE_MESSAGES = (
    N_("field.choice.curve.kind.exponential"),
    N_("field.choice.curve.kind.hill"),
    N_("field.choice.curve.kind.michaelis_menten"),
)


CurveSpec = Annotated[
    ExponentialCurve | MichaelisMentenCurve | HillCurve, Field(discriminator="kind")
]


class AdChannel(_Input):
    """Monthly spend on an AI-driven ad platform whose return saturates."""

    id: Ident
    name: str | None = None
    curve: CurveSpec
    min_monthly: Amount = Decimal(0)
    max_monthly: Amount
    fixed_monthly: Amount | None = Field(default=None, description="Spend exactly this.")
    current_monthly: Amount | None = Field(
        default=None, description="Today's spend (the incumbent); defaults to the minimum."
    )
    segments: int = Field(default=20, ge=2, le=200)

    @model_validator(mode="after")
    def _bounds(self) -> AdChannel:
        if self.min_monthly > self.max_monthly:
            raise PydanticCustomError("channel_bounds", "min_monthly <= max_monthly", {})
        for value in (self.fixed_monthly, self.current_monthly):
            if value is not None and not self.min_monthly <= value <= self.max_monthly:
                raise PydanticCustomError("channel_bounds", "min_monthly <= max_monthly", {})
        return self


class ExtraConstraint(_Input):
    """A linear limit on monthly spend of some tools/categories/channels, e.g. design
    tools at most NT$5,000 a month. A tool's monthly spend is its recurring monthly
    cost (subscription per month, annual plans spread over twelve months, maintenance)."""

    label: str = Field(min_length=1, max_length=200)
    tools: list[str] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)
    channels: list[str] = Field(default_factory=list)
    max_monthly: Amount | None = None
    min_monthly: Amount | None = None

    @field_validator("categories")
    @classmethod
    def _known_categories(cls, value: list[str]) -> list[str]:
        from aibudget.domain.plan import Category  # plan.py imports this module

        known = {c.value for c in Category}
        for item in value:
            if item not in known:
                raise PydanticCustomError("category_unknown", "a known category", {"value": item})
        return value

    @model_validator(mode="after")
    def _one_bound(self) -> ExtraConstraint:
        if self.max_monthly is None and self.min_monthly is None:
            raise PydanticCustomError("constraint_bound", "max_monthly or min_monthly", {})
        return self


class OptimisePolicy(_Input):
    """Optional optimiser settings of a plan (all fields have safe defaults)."""

    objective: Objective = Objective.EXPECTED_NPV
    risk_aversion: Annotated[Decimal, Field(ge=0, le=10)] = Decimal("0.5")
    cvar_tail: Annotated[Decimal, Field(gt=0, le=1)] = Decimal("0.1")
    scenarios: int = Field(default=200, ge=10, le=2000)
    monthly_budget: Amount | None = Field(default=None, description="Cash cap every month.")
    force_in: list[str] = Field(default_factory=list)
    force_out: list[str] = Field(default_factory=list)
    exclusive: list[list[str]] = Field(
        default_factory=list, description="Groups of tools of which at most one is funded."
    )
    channels: list[AdChannel] = Field(default_factory=list)
    constraints: list[ExtraConstraint] = Field(default_factory=list)
    time_limit_seconds: Annotated[Decimal, Field(gt=0, le=600)] = Decimal(10)
    budget_step: Positive = Field(
        default=Decimal(10_000), description="Step for the value of one more unit of budget."
    )

    def capped(self, seconds: Decimal) -> OptimisePolicy:
        """The same settings with the solver's time limit at most ``seconds``."""
        limit = min(self.time_limit_seconds, seconds)
        return self.model_copy(update={"time_limit_seconds": limit})

    @model_validator(mode="after")
    def _cvar_weight(self) -> OptimisePolicy:
        if self.objective is Objective.CVAR and self.risk_aversion > 1:
            raise PydanticCustomError("risk_aversion_cvar", "risk_aversion <= 1 for cvar", {})
        return self


# ---------------------------------------------------------------- results


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class OptimiseStatus(StrEnum):
    OPTIMAL = "optimal"  # within the stated gap of a proven bound on the optimum
    TIME_LIMIT = "time_limit"  # stopped with a feasible plan and a proven gap
    APPROXIMATE = "approximate"  # a feasible plan, not proven optimal (gap, if known)
    NO_SOLUTION = "no_solution"  # stopped before any feasible plan was found
    INFEASIBLE = "infeasible"


# Message ids built at run time from the values above, declared for message extraction.
STATUS_MESSAGES = (
    N_("optimize.status.approximate"),
    N_("optimize.status.infeasible"),
    N_("optimize.status.no_solution"),
    N_("optimize.status.optimal"),
    N_("optimize.status.time_limit"),
)


class SelectedTool(_Result):
    tool: str
    name: str
    plan: str | None
    start_month: int
    phase: Literal["pilot", "scale"]
    owner: str
    monthly_cost: Decimal
    total_cost: Decimal
    expected_npv: Decimal


class ToolReason(_Result):
    tool: str
    selected: bool
    code: str
    params: dict[str, Any] = Field(default_factory=dict)


class Conflict(_Result):
    """One constraint (group) of a set that cannot hold together."""

    group: str
    message_id: str
    params: dict[str, Any] = Field(default_factory=dict)


class OptimisationResult(_Result):
    status: OptimiseStatus
    objective_kind: Objective
    objective: Decimal | None
    expected_npv: Decimal | None
    gap: float | None  # (bound - objective) / |bound|, bound: proven upper bound on the optimum
    currency: str
    budget: Decimal
    total: Decimal
    unallocated: Decimal
    selected: list[SelectedTool]
    line_items: dict[str, Decimal]
    ad_spend: dict[str, Decimal]
    reasons: list[ToolReason]
    marginal_value_of_budget: Decimal | None
    budget_step: Decimal
    marginal_value_of_hour: dict[str, Decimal]
    incumbent_objective: Decimal | None
    incumbent_feasible: bool
    kept_incumbent: bool
    conflicts: list[Conflict]
    notes: list[str] = Field(default_factory=list)  # internal solves that failed
