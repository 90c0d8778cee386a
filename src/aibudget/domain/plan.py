"""The plan: everything an owner tells aibudget, as validated pydantic models.

Amounts are Decimal in the plan's currency unless a tool plan names another currency
(then ``fx`` must give its rate). A value with uncertainty is a :class:`Range`
(low / likely / high); a plain number in a plan file means a zero-width range.

Cross-references (owners that exist, known KPI ids, deadlines after the start) are
checked by :mod:`aibudget.domain.validate`, which collects every problem at once.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
)
from pydantic_core import PydanticCustomError

from aibudget.domain.allocation import OptimisePolicy
from aibudget.domain.choices import Convention as Convention
from aibudget.domain.money import MAX_AMOUNT, ZERO, is_currency, round_money

# The month rules live in months.py; their names are kept here too, where they began.
from aibudget.domain.months import MONTHS_PER_YEAR, pro_rata
from aibudget.domain.months import add_months as add_months
from aibudget.domain.months import calendar_month as _calendar_month
from aibudget.domain.months import month_index as month_index
from aibudget.domain.months import parse_month as parse_month
from aibudget.domain.months import plan_month as _plan_month
from aibudget.domain.practice import Comparison, Stack

# Distribution and Range live in ranges.py (the ad channels' curves use them too) and
# are re-exported here, where the rest of the plan's models are.
from aibudget.domain.ranges import Bounded, NonNegativeRange
from aibudget.domain.ranges import Distribution as Distribution
from aibudget.domain.ranges import Range as Range
from aibudget.domain.results import DriverKind, DriverRef
from aibudget.domain.texts import N_

MAX_HOURS = Decimal(100_000)  # hours in one field: about fifty working years
MAX_RATE = Decimal(1_000_000)  # units of the plan's currency per unit of another

# Every number of a plan is finite (pydantic refuses NaN and infinity) and bounded, so
# that no sum, product or float conversion in the engine overflows.
NonNegative = Annotated[Decimal, Field(ge=0, le=MAX_AMOUNT)]
Hours = Annotated[Decimal, Field(ge=0, le=MAX_HOURS)]
Share = Annotated[Decimal, Field(ge=0, le=1)]
Identifier = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=64)]


class Strict(BaseModel):
    """Base for plan models: unknown keys are errors (catches typos in plan files)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)


Month = Annotated[str, BeforeValidator(parse_month), Field(json_schema_extra={"format": "YYYY-MM"})]


class Locale(StrEnum):
    ZH_TW = "zh-TW"
    EN = "en"


# Message ids built at run time from the values above, declared for message extraction.
LOCALE_MESSAGES = (
    N_("field.choice.company.locale.en"),
    N_("field.choice.company.locale.zh-TW"),
)


class Category(StrEnum):
    CONTENT_WRITING = "content_writing"
    SEO = "seo"
    SOCIAL_MEDIA = "social_media"
    DATA_ANALYTICS = "data_analytics"
    AD_OPTIMISATION = "ad_optimisation"
    CHATBOT = "chatbot"
    CUSTOMER_DATA = "customer_data"
    DESIGN_VIDEO = "design_video"
    EMAIL = "email"
    OTHER = "other"


# Message ids built at run time from the values above, declared for message extraction.
CATEGORY_MESSAGES = (
    N_("category.ad_optimisation"),
    N_("category.chatbot"),
    N_("category.content_writing"),
    N_("category.customer_data"),
    N_("category.data_analytics"),
    N_("category.design_video"),
    N_("category.email"),
    N_("category.other"),
    N_("category.seo"),
    N_("category.social_media"),
    N_("web.category_ad_optimisation"),
    N_("web.category_chatbot"),
    N_("web.category_content_writing"),
    N_("web.category_customer_data"),
    N_("web.category_data_analytics"),
    N_("web.category_design_video"),
    N_("web.category_email"),
    N_("web.category_other"),
    N_("web.category_seo"),
    N_("web.category_social_media"),
)


class SkillLevel(StrEnum):
    NONE = "none"
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


# Message ids built at run time from the values above, declared for message extraction.
SKILL_MESSAGES = (
    N_("field.choice.ai_skill.advanced"),
    N_("field.choice.ai_skill.beginner"),
    N_("field.choice.ai_skill.intermediate"),
    N_("field.choice.ai_skill.none"),
)


class Billing(StrEnum):
    MONTHLY = "monthly"
    ANNUAL = "annual"

    @property
    def months(self) -> int:
        """The months one bill pays for: a yearly bill falls due every twelfth month."""
        return MONTHS_PER_YEAR if self is Billing.ANNUAL else 1

    def a_month(self, bill: Decimal) -> Decimal:
        """One bill as an amount a month (a yearly bill spread over its twelve months)."""
        return bill / MONTHS_PER_YEAR if self is Billing.ANNUAL else bill


# Message ids built at run time from the values above, declared for message extraction.
BILLING_MESSAGES = (
    N_("catalog.billing.annual"),
    N_("catalog.billing.monthly"),
    N_("field.choice.@plan.billing.annual"),
    N_("field.choice.@plan.billing.monthly"),
)


class LineItem(StrEnum):
    """The budget lines owners actually pay (PRODUCT.md step 4)."""

    SUBSCRIPTION = "subscription"
    INTEGRATION = "integration"
    TRAINING = "training"
    DATA_PRIVACY = "data_privacy"
    RESERVE = "reserve"
    ADVICE = "advice"
    INTERNAL_TIME = "internal_time"
    MAINTENANCE = "maintenance"
    OTHER = "other"


# Message ids built at run time from the values above, declared for message extraction.
LINE_MESSAGES = (
    N_("field.choice.line.advice"),
    N_("field.choice.line.data_privacy"),
    N_("field.choice.line.integration"),
    N_("field.choice.line.internal_time"),
    N_("field.choice.line.maintenance"),
    N_("field.choice.line.other"),
    N_("field.choice.line.reserve"),
    N_("field.choice.line.subscription"),
    N_("field.choice.line.training"),
    N_("monitor.line.advice"),
    N_("monitor.line.data_privacy"),
    N_("monitor.line.integration"),
    N_("monitor.line.internal_time"),
    N_("monitor.line.maintenance"),
    N_("monitor.line.other"),
    N_("monitor.line.reserve"),
    N_("monitor.line.subscription"),
    N_("monitor.line.training"),
    N_("optimize.line.advice"),
    N_("optimize.line.data_privacy"),
    N_("optimize.line.integration"),
    N_("optimize.line.maintenance"),
    N_("optimize.line.other"),
    N_("optimize.line.reserve"),
    N_("optimize.line.subscription"),
    N_("optimize.line.training"),
)


def _hours_range(value: Range) -> Range:
    value.require_non_negative()
    if value.high > MAX_HOURS:
        raise PydanticCustomError(
            "less_than_equal", "Input should be less than or equal to {le}", {"le": MAX_HOURS}
        )
    return value


def _share_range(value: Range) -> Range:
    value.require_non_negative()
    if value.high > 1:
        raise PydanticCustomError("range_share", "a share between 0 and 1", {})
    return value


class Risk(Strict):
    """Risk adjustment in the style of total-economic-impact studies."""

    benefits: Share = Field(
        default=Decimal("0.10"), description="Benefits are reduced by this share."
    )
    costs: Share = Field(default=Decimal("0.05"), description="Costs are increased by this share.")


class Company(Strict):
    name: str = Field(min_length=1, max_length=200)
    industry: str = Field(default="other", max_length=100)
    employees: int = Field(ge=1, le=100_000)
    annual_revenue: NonNegative
    annual_marketing_budget: NonNegative
    currency: str = "TWD"
    locale: Locale = Locale.ZH_TW

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str) -> str:
        return check_currency(value)

    def monthly_revenue(self) -> Decimal:
        """Revenue a month: a revenue lift's base when the lift names none."""
        return self.annual_revenue / MONTHS_PER_YEAR


def check_currency(value: str) -> str:
    code = value.strip().upper()
    if not is_currency(code):
        raise PydanticCustomError("currency_unknown", "an ISO 4217 code", {"value": value})
    return code


class Simulation(Strict):
    trials: int = Field(default=10_000, ge=100, le=5_000_000)
    distribution: Distribution = Distribution.PERT


class Horizon(Strict):
    months: int = Field(default=24, ge=12, le=36)
    start: Month
    discount_rate: Share = Field(default=Decimal("0.08"), description="Annual rate.")
    seed: int = Field(default=20260101, ge=0, le=2**63 - 1)
    convention: Convention = Convention.MONTHLY


class Goal(Strict):
    """A SMART goal measured by one KPI from the KPI library."""

    id: Identifier
    name: str = Field(min_length=1, max_length=200)
    kpi: str
    baseline: Bounded | None = None
    target: Bounded | None = None
    deadline: Month | None = None
    priority: int = Field(default=2, ge=1, le=3)
    measurement: str | None = Field(default=None, description="How the KPI will be measured.")
    why: str | None = Field(default=None, description="Why the goal matters (relevant).")


class TeamMember(Strict):
    id: Identifier
    name: str | None = None
    role: str = Field(min_length=1, max_length=100)
    hourly_cost: NonNegative
    free_hours_per_month: Annotated[Decimal, Field(ge=0, le=744)]
    ai_skill: SkillLevel = SkillLevel.BEGINNER


QUOTE_PLAN = "own-quote"  # the plan (tier) made for a tool whose price the owner enters


class ToolPlan(Strict):
    """A subscription plan. ``price`` is per seat per billing period."""

    id: Identifier
    name: str | None = None
    billing: Billing = Billing.MONTHLY
    price: NonNegative
    currency: str | None = Field(default=None, description="Defaults to the plan's currency.")
    seats: int = Field(default=1, ge=1, le=100_000)
    as_of: date | None = Field(default=None, description="When the price was seen.")
    source: str | None = None

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str | None) -> str | None:
        return None if value is None else check_currency(value)


class Training(Strict):
    hours_per_person: Hours = ZERO
    trainees: list[str] = Field(
        default_factory=list, description="Team member ids; empty means the tool's owner."
    )
    fees: NonNegative = ZERO


class HoursSaved(Strict):
    kind: Literal["hours_saved"]
    label: str | None = None
    hours_per_month: Annotated[Range, AfterValidator(_hours_range)]
    member: str | None = Field(default=None, description="Whose hours; defaults to the owner.")
    risk: Share | None = None


class RevenueLift(Strict):
    kind: Literal["revenue_lift"]
    label: str | None = None
    lift: Annotated[Range, AfterValidator(_share_range)]
    base_monthly_revenue: NonNegative | None = Field(
        default=None, description="Defaults to the company's annual revenue / 12."
    )
    gross_margin: Share
    risk: Share | None = None


class CostAvoided(Strict):
    kind: Literal["cost_avoided"]
    label: str | None = None
    monthly: NonNegativeRange
    risk: Share | None = None


class KpiEffect(Strict):
    kind: Literal["kpi_effect"]
    label: str | None = None
    kpi: str
    change: Range
    value_per_unit: NonNegative = Field(
        default=ZERO, description="Money per unit of KPI change a month; 0 = reported only."
    )
    risk: Share | None = None


BenefitDriver = Annotated[
    HoursSaved | RevenueLift | CostAvoided | KpiEffect, Field(discriminator="kind")
]


def benefit_driver(benefit: HoursSaved | RevenueLift | CostAvoided | KpiEffect) -> DriverRef:
    """Which benefit driver this is, for the words that name it (its label, else its kind
    or, for a KPI effect, its KPI)."""
    kpi = benefit.kpi if isinstance(benefit, KpiEffect) else None
    return DriverRef(kind=DriverKind(benefit.kind), label=benefit.label, kpi=kpi)


class Schedule(Strict):
    """Explicit amounts, e.g. a vendor quote by year or a published study's figures.

    ``initial`` falls in month 0. With ``period: year`` each amount is spread evenly
    over the twelve months of its year; with ``period: month`` amounts are months 1, 2, ...
    """

    label: str = Field(min_length=1, max_length=200)
    kind: Literal["cost", "benefit"]
    line: LineItem = LineItem.OTHER
    period: Literal["month", "year"] = "year"
    initial: NonNegative = ZERO
    amounts: list[NonNegative] = Field(default_factory=list)
    risk: Share | None = None


class Tool(Strict):
    """A candidate AI tool with its costs, benefit drivers and risk."""

    id: Identifier
    name: str = Field(min_length=1, max_length=200)
    catalog_id: str | None = None
    category: Category = Category.OTHER
    owner: str
    kpis: list[str] = Field(default_factory=list)
    plans: list[ToolPlan] = Field(default_factory=list)
    plan: str | None = Field(default=None, description="Chosen plan id; defaults to the first.")
    start_month: int = Field(default=1, ge=1, le=36)
    setup_cost: NonNegative = ZERO
    integration_cost: NonNegative = ZERO
    setup_hours: Hours = ZERO
    run_hours_per_month: Hours = ZERO
    training: Training = Field(default_factory=Training)
    data_prep_cost: NonNegative = ZERO
    privacy_cost: NonNegative = ZERO
    maintenance_monthly: NonNegative = ZERO
    uses_customer_data: bool = False
    free_trial_days: int = Field(default=0, ge=0, le=365)
    ramp_months: int = Field(default=3, ge=0, le=36)
    risk: Risk = Field(default_factory=Risk)
    benefits: list[BenefitDriver] = Field(default_factory=list)
    schedules: list[Schedule] = Field(default_factory=list)

    def chosen_plan(self) -> ToolPlan | None:
        if not self.plans:
            return None
        if self.plan is None:
            return self.plans[0]
        return next((p for p in self.plans if p.id == self.plan), None)

    def locks_in_during_pilot(self, pilot_months: int) -> bool:
        """A yearly bill for a tool that starts inside the pilot: paid before it proves itself."""
        chosen = self.chosen_plan()
        return (
            chosen is not None
            and chosen.billing is Billing.ANNUAL
            and self.start_month <= pilot_months
        )

    def has_monthly_plan(self) -> bool:
        return any(p.billing is Billing.MONTHLY for p in self.plans)


class Pilot(Strict):
    max_tools: int = Field(default=2, ge=1, le=20)
    months: int = Field(default=3, ge=1, le=12)


class BudgetPolicy(Strict):
    """The AI marketing budget: an annual amount, or a share of the marketing budget.

    Exactly one of the two must be given (checked with the cross-references).
    """

    annual_amount: NonNegative | None = None
    share_of_marketing: Share | None = None
    min_reserve_share: Share = Decimal("0.10")
    min_training_share: Share = Decimal("0.10")
    data_privacy_annual: NonNegative = ZERO
    max_tool_share: Share = Decimal("0.50")
    pilot: Pilot = Field(default_factory=Pilot)
    review_every_months: int | None = Field(default=3, ge=1, le=12)


class Plan(Strict):
    """A whole plan file."""

    schema_version: Literal[1] = 1
    company: Company
    horizon: Horizon
    simulation: Simulation = Field(default_factory=Simulation)
    fx: dict[str, Annotated[Decimal, Field(gt=0, le=MAX_RATE)]] = Field(
        default_factory=dict,
        description="Rates into the plan's currency, e.g. {USD: 32.5}.",
    )
    goals: list[Goal] = Field(default_factory=list)
    team: list[TeamMember] = Field(default_factory=list)
    tools: list[Tool] = Field(default_factory=list)
    lines: list[Schedule] = Field(
        default_factory=list, description="Plan-level lines, e.g. outside advice."
    )
    budget: BudgetPolicy
    optimise: OptimisePolicy | None = None
    stack: Stack = Field(default_factory=Stack, description="What the business already runs.")
    comparison: Comparison = Field(
        default_factory=Comparison, description="The owner's weights and scores of tools."
    )
    catalog: list[dict[str, Any]] = Field(
        default_factory=list,
        description="Tool catalog entries this plan adds, or overrides by id (see catalog/).",
    )

    @property
    def currency(self) -> str:
        return self.company.currency

    def member(self, member_id: str) -> TeamMember | None:
        return next((m for m in self.team if m.id == member_id), None)

    def unpriced_tools(self) -> list[Tool]:
        """Tools with no price yet (no plan or quote): their subscription counts as 0, so
        every result that includes them is too good until the owner enters a price."""
        return [tool for tool in self.tools if tool.chosen_plan() is None]

    def tools_serving(self, goal: Goal) -> list[Tool]:
        """The tools linked to a goal: those that list its KPI."""
        return [tool for tool in self.tools if goal.kpi in tool.kpis]

    def unserved_goals(self) -> list[Goal]:
        """Priority-1 goals no tool serves (the allocation must fund one for each)."""
        return [g for g in self.goals if g.priority == 1 and not self.tools_serving(g)]

    def single_ad_tool(self) -> str | None:
        """The one ad-optimisation tool, if there is exactly one: ad-platform exports
        (Google Ads, Meta Ads) are booked to it unless the user names another."""
        ads = [tool.id for tool in self.tools if tool.category is Category.AD_OPTIMISATION]
        return ads[0] if len(ads) == 1 else None

    def calendar_month(self, month: int) -> str:
        """``YYYY-MM`` of plan month ``month`` (1 is the horizon's start, 0 the month
        before it, when one-off costs are paid)."""
        return _calendar_month(self.horizon.start, month)

    def plan_month(self, month: str) -> int:
        """The plan month of calendar month ``month`` (the inverse of :meth:`calendar_month`;
        0 or less before the horizon)."""
        return _plan_month(self.horizon.start, month)

    def horizon_budget(self) -> Decimal:
        """The AI budget over the whole horizon (the annual budget pro rata), in cents."""
        return round_money(pro_rata(self.annual_budget(), self.horizon.months))

    def annual_budget(self) -> Decimal:
        if self.budget.annual_amount is not None:
            return self.budget.annual_amount
        share = self.budget.share_of_marketing or ZERO
        return self.company.annual_marketing_budget * share

    def bill(self, tier: ToolPlan) -> Decimal:
        """One bill of a tier (price x seats) in the plan's currency; a free tier needs no
        exchange rate."""
        if tier.price == 0:
            return ZERO
        return tier.price * tier.seats * self.rate(tier.currency)

    def rate(self, currency: str | None) -> Decimal:
        """Units of the plan's currency per unit of ``currency``."""
        if currency is None or currency == self.currency:
            return Decimal(1)
        return self.fx[currency]
