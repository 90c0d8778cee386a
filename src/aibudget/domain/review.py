"""Typed results of the monthly review (see :mod:`aibudget.engine.review`).

Money is Decimal rounded to cents; shares and ratios are Decimal with four places.
Months are calendar months ``YYYY-MM``.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from aibudget.domain.results import DriverRef, Figures
from aibudget.domain.texts import N_


class ReviewResult(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class Action(StrEnum):
    SCALE_UP = "scale_up"
    KEEP = "keep"
    IMPROVE = "improve"
    REPLACE = "replace"
    STOP = "stop"


# Message ids built at run time from the values above, declared for message extraction.
ACTION_MESSAGES = (
    N_("monitor.action.improve"),
    N_("monitor.action.keep"),
    N_("monitor.action.replace"),
    N_("monitor.action.scale_up"),
    N_("monitor.action.stop"),
)


class KpiProjection(ReviewResult):
    """Where a goal's KPI is heading by its deadline (see engine.review_projection)."""

    method: str  # trend | stock | average
    direction: str  # up | down: which way is better
    deadline: str
    value: Decimal  # the projected value in the deadline month
    months_used: int
    verdict: str  # on_track | behind
    reach_month: str | None  # on track: the first month the target is met
    recorded_reach: bool  # reach_month is a recorded month (the target is already met)
    months_early: int  # months from reach_month to the deadline
    gap: Decimal | None  # behind: the shortfall as a share of the target


class KpiStatus(ReviewResult):
    goal: str
    kpi: str
    baseline: Decimal | None
    target: Decimal | None
    deadline: str | None
    latest: Decimal | None
    month: str | None
    attainment: Decimal | None  # share of the way from baseline to target
    expected: Decimal | None  # share of the time to the deadline already gone
    status: str  # reached | on_track | behind | no_data | no_target
    projection: KpiProjection | None = None
    projection_note: str | None = None  # no projection: few_months | no_target | ...


class LineVariance(ReviewResult):
    tool: str
    line: str
    plan: Decimal  # approved baseline to date
    actual: Decimal | None  # spent to date; None when nothing was recorded on this line
    committed: Decimal  # committed (contracted, not yet paid), any month
    forecast: Decimal  # whole horizon: actual to date + latest expectation after
    plan_horizon: Decimal  # whole horizon in the plan
    variance: Decimal | None  # actual - plan (to date)
    variance_pct: Decimal | None  # variance / plan


class DriverForecast(ReviewResult):
    tool: str
    path: str
    driver: DriverRef
    group: str  # hours | money: what was observed (see engine.review_forecast)
    unit: str  # hours_per_month | share | money_per_month | kpi_units | multiplier
    prior_mean: Decimal
    prior_sd: Decimal
    posterior_mean: Decimal
    posterior_sd: Decimal
    months_observed: int


class Realised(ReviewResult):
    costs: Decimal  # recorded + unrecorded: what the ROI counts
    benefits: Decimal
    net: Decimal
    roi: Decimal | None
    plan_costs: Decimal
    plan_benefits: Decimal
    plan_roi: Decimal | None
    recorded: Decimal = Decimal(0)  # spend recorded to date
    unrecorded: Decimal = Decimal(0)  # plan figures standing in for lines never recorded


class ToolReview(ReviewResult):
    tool: str
    name: str
    realised: Realised
    plan: Figures  # the approved plan over the horizon (expected view)
    forecast: Figures  # actuals to date, updated estimates after
    attainment: Decimal | None  # forecast benefits / planned benefits (horizon)
    adoption: Decimal | None  # active users / seats, latest month
    feedback: Decimal | None  # mean team feedback, last three months with any
    months_observed: int
    action: Action
    reasons: list[str]
    price_factor: Decimal | None = None  # recent subscription actual / plan; None: as planned


class Milestone(ReviewResult):
    id: str  # first_10_hours | first_month_in_black | break_even | kpi_target_reached
    month: str
    params: dict[str, Any] = Field(default_factory=dict)


class MonthlySeries(ReviewResult):
    """Plan, forecast and actual per month (index 0 is "initial"), e.g. for charts."""

    months: list[str]
    plan_costs: list[Decimal]
    plan_benefits: list[Decimal]
    forecast_costs: list[Decimal]  # actual (with stand-ins) to date, expected after
    forecast_benefits: list[Decimal]  # recorded where recorded, estimated elsewhere
    actual_costs: list[Decimal | None]  # None after the review month
    actual_benefits: list[Decimal | None]  # None where no benefit was recorded


class Review(ReviewResult):
    currency: str
    as_of: str
    months_elapsed: int
    kpis: list[KpiStatus]
    variance: list[LineVariance]
    realised: Realised
    plan: Figures
    forecast: Figures
    drivers: list[DriverForecast]
    tools: list[ToolReview]
    milestones: list[Milestone]
    monthly: MonthlySeries
    unplanned_tools: list[str]
    ignored_records: int  # outside the plan's horizon
