"""The plan's fields as an owner edits them: one declaration per field, shared by the
web forms and the JSON API.

A :class:`FormField` names where its value lives inside an item of a plan document
(``training.hours_per_person`` inside a tool), how it is typed in (money, a percentage,
a month, a choice …), its label and a line of help (message ids). ``@plan`` in a path
stands for the tool's chosen plan (tier). Which fields a section has is declared here
once; :mod:`aibudget.service.plan_edit` reads and writes them. The message ids built
here are declared in :mod:`aibudget.service.fields_messages`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from aibudget.domain.allocation import Objective
from aibudget.domain.plan import Billing, Category, Convention, Distribution, LineItem, SkillLevel
from aibudget.domain.texts import N_


class Kind(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    MONEY = "money"
    NUMBER = "number"
    INTEGER = "integer"
    PERCENT = "percent"  # typed as 12.5 (%), stored as 0.125
    MONTH = "month"  # YYYY-MM
    DATE = "date"  # YYYY-MM-DD
    CHOICE = "choice"
    BOOL = "bool"
    KPI = "kpi"
    KPIS = "kpis"
    MEMBER = "member"
    MEMBERS = "members"
    AMOUNTS = "amounts"  # several amounts, typed with spaces between
    CURRENCY = "currency"


@dataclass(frozen=True)
class FormField:
    name: str  # dotted path inside the item; also the form field's name
    kind: Kind
    label: str  # message id
    help: str | None = None  # message id of a one-line explanation
    required: bool = False
    choices: tuple[str, ...] = ()  # a choice's values, labelled "field.choice.<name>.<value>"
    group: str = ""  # message id of the fieldset it is shown in

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(self.name.split("."))


def anchor(name: str) -> str:
    """The id of a field's input in its form (links land on it): ``f-training-fees``."""
    return "f-" + name.replace(".", "-").replace("@", "")


def _f(name: str, kind: Kind, *, required: bool = False, choices: tuple[str, ...] = (),
       group: str = "", help_: bool = True) -> FormField:  # fmt: skip
    key = name.replace("@", "")
    return FormField(
        name, kind, f"field.{key}", f"field.{key}.help" if help_ else None, required, choices,
        group,
    )  # fmt: skip


BUSINESS = (
    _f("company.name", Kind.TEXT, required=True, help_=False),
    _f("company.industry", Kind.TEXT),
    _f("company.employees", Kind.INTEGER, required=True, help_=False),
    _f("company.annual_revenue", Kind.MONEY, required=True),
    _f("company.annual_marketing_budget", Kind.MONEY, required=True),
    _f("horizon.start", Kind.MONTH, required=True),
    _f("horizon.months", Kind.INTEGER, choices=("12", "18", "24", "36")),
    _f("horizon.discount_rate", Kind.PERCENT),
)

BUDGET = (
    _f("budget.annual_amount", Kind.MONEY),
    _f("budget.share_of_marketing", Kind.PERCENT),
    _f("budget.min_reserve_share", Kind.PERCENT),
    _f("budget.min_training_share", Kind.PERCENT),
    _f("budget.data_privacy_annual", Kind.MONEY),
    _f("budget.max_tool_share", Kind.PERCENT),
    _f("budget.pilot.max_tools", Kind.INTEGER),
    _f("budget.pilot.months", Kind.INTEGER),
    _f("budget.review_every_months", Kind.INTEGER),
)

GOAL = (
    _f("name", Kind.TEXT, required=True, help_=False),
    _f("kpi", Kind.KPI, required=True),
    _f("baseline", Kind.NUMBER),
    _f("target", Kind.NUMBER),
    _f("deadline", Kind.MONTH),
    _f("priority", Kind.INTEGER, choices=("1", "2", "3")),
    _f("measurement", Kind.TEXT),
    _f("why", Kind.TEXT),
)

MEMBER = (
    _f("name", Kind.TEXT, required=True, help_=False),
    _f("role", Kind.TEXT, required=True, help_=False),
    _f("hourly_cost", Kind.MONEY, required=True),
    _f("free_hours_per_month", Kind.NUMBER, required=True),
    _f("ai_skill", Kind.CHOICE, choices=tuple(s.value for s in SkillLevel)),
)

_PRICE = N_("field.group.price")
_COSTS = N_("field.group.costs")
_USE = N_("field.group.use")
TOOL = (
    _f("name", Kind.TEXT, required=True, help_=False),
    _f("category", Kind.CHOICE, choices=tuple(c.value for c in Category), help_=False),
    _f("owner", Kind.MEMBER, required=True),
    _f("kpis", Kind.KPIS),
    _f("plan", Kind.CHOICE, group=_PRICE),  # choices: the tool's own plans
    _f("@plan.price", Kind.MONEY, group=_PRICE),
    _f("@plan.currency", Kind.CURRENCY, group=_PRICE),
    _f("@plan.billing", Kind.CHOICE, choices=tuple(b.value for b in Billing), group=_PRICE),
    _f("@plan.seats", Kind.INTEGER, group=_PRICE),
    _f("@plan.as_of", Kind.DATE, group=_PRICE),
    _f("start_month", Kind.INTEGER, group=_USE),
    _f("free_trial_days", Kind.INTEGER, group=_USE),
    _f("ramp_months", Kind.INTEGER, group=_USE),
    _f("setup_hours", Kind.NUMBER, group=_USE),
    _f("run_hours_per_month", Kind.NUMBER, group=_USE),
    _f("setup_cost", Kind.MONEY, group=_COSTS),
    _f("integration_cost", Kind.MONEY, group=_COSTS),
    _f("training.hours_per_person", Kind.NUMBER, group=_COSTS),
    _f("training.fees", Kind.MONEY, group=_COSTS),
    _f("training.trainees", Kind.MEMBERS, group=_COSTS),
    _f("data_prep_cost", Kind.MONEY, group=_COSTS),
    _f("privacy_cost", Kind.MONEY, group=_COSTS),
    _f("maintenance_monthly", Kind.MONEY, group=_COSTS),
    _f("uses_customer_data", Kind.BOOL, group=_COSTS),
    _f("risk.benefits", Kind.PERCENT, group=N_("field.group.risk")),
    _f("risk.costs", Kind.PERCENT, group=N_("field.group.risk")),
)


def _range(name: str, kind: Kind) -> tuple[FormField, ...]:
    return tuple(
        _f(f"{name}.{end}", kind, required=True, help_=end == "likely")
        for end in ("low", "likely", "high")
    )


BENEFITS: dict[str, tuple[FormField, ...]] = {
    "hours_saved": (
        _f("label", Kind.TEXT, help_=False),
        *_range("hours_per_month", Kind.NUMBER),
        _f("member", Kind.MEMBER),
        _f("risk", Kind.PERCENT),
    ),
    "revenue_lift": (
        _f("label", Kind.TEXT, help_=False),
        *_range("lift", Kind.PERCENT),
        _f("gross_margin", Kind.PERCENT, required=True),
        _f("base_monthly_revenue", Kind.MONEY),
        _f("risk", Kind.PERCENT),
    ),
    "cost_avoided": (
        _f("label", Kind.TEXT, help_=False),
        *_range("monthly", Kind.MONEY),
        _f("risk", Kind.PERCENT),
    ),
    "kpi_effect": (
        _f("label", Kind.TEXT, help_=False),
        _f("kpi", Kind.KPI, required=True),
        *_range("change", Kind.NUMBER),
        _f("value_per_unit", Kind.MONEY),
        _f("risk", Kind.PERCENT),
    ),
}

# Shown on the business form under "More settings": sensible defaults seldom changed.
_MORE = N_("field.group.more")
ADVANCED = (
    _f("company.locale", Kind.CHOICE, choices=("zh-TW", "en"), group=_MORE),
    _f("horizon.convention", Kind.CHOICE, choices=tuple(c.value for c in Convention), group=_MORE),
    _f("simulation.distribution", Kind.CHOICE, choices=tuple(d.value for d in Distribution),
       group=_MORE),
    _f("simulation.trials", Kind.INTEGER, group=_MORE),
)  # fmt: skip

# A vendor's quote by year or month (a tool's schedules), or a plan-level line.
SCHEDULE = (
    _f("label", Kind.TEXT, required=True, help_=False),
    _f("kind", Kind.CHOICE, required=True, choices=("cost", "benefit")),
    _f("line", Kind.CHOICE, choices=tuple(i.value for i in LineItem)),
    _f("period", Kind.CHOICE, choices=("year", "month")),
    _f("initial", Kind.MONEY),
    _f("amounts", Kind.AMOUNTS),
    _f("risk", Kind.PERCENT),
)

# What the business already runs (matched to tools' integrations in the comparison).
STACK = (
    _f("stack.website", Kind.TEXT),
    _f("stack.crm", Kind.TEXT),
    _f("stack.social", Kind.TEXT),
    _f("stack.ads", Kind.TEXT),
    _f("stack.line_oa", Kind.BOOL),
)

OPTIMISER = (
    _f("optimise.objective", Kind.CHOICE, choices=tuple(o.value for o in Objective)),
    _f("optimise.risk_aversion", Kind.NUMBER),
    _f("optimise.monthly_budget", Kind.MONEY),
)

_CURVE = N_("field.group.curve")
CHANNEL = (
    _f("name", Kind.TEXT, help_=False),
    _f("min_monthly", Kind.MONEY),
    _f("max_monthly", Kind.MONEY, required=True),
    _f("current_monthly", Kind.MONEY),
    _f("fixed_monthly", Kind.MONEY),
    _f("curve.kind", Kind.CHOICE, required=True, group=_CURVE,
       choices=("michaelis_menten", "hill", "exponential")),
    # The curve's height: low / likely / high (all three equal when the owner is sure).
    *(_f(f"curve.max_return.{end}", Kind.MONEY, required=True, group=_CURVE)
      for end in ("low", "likely", "high")),
    _f("curve.half_saturation", Kind.MONEY, group=_CURVE),
    _f("curve.slope", Kind.NUMBER, group=_CURVE),
    _f("curve.spend_scale", Kind.MONEY, group=_CURVE),
)  # fmt: skip


def _named(name: str) -> FormField:
    return next(f for f in (*BUSINESS, *BUDGET) if f.name == name)


# The new plan's one short form (aibudget.service.new_plan).
START: tuple[FormField, ...] = (
    *(_named(n) for n in ("company.name", "company.industry", "company.employees")),
    *(_named(n) for n in ("company.annual_revenue", "company.annual_marketing_budget")),
    _named("budget.annual_amount"),
    _named("budget.share_of_marketing"),
    _f("company.currency", Kind.CHOICE, required=True, choices=("TWD", "USD", "HKD", "JPY", "EUR")),
    _named("horizon.start"),
    _named("horizon.months"),
)


def all_fields() -> list[FormField]:
    """Every declared field (for the check that each plan field has an editor)."""
    out = [*BUSINESS, *ADVANCED, *BUDGET, *OPTIMISER, *GOAL, *MEMBER, *TOOL, *SCHEDULE, *CHANNEL]
    out += STACK
    for fields in BENEFITS.values():
        out.extend(fields)
    return out
