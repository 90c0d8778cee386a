"""Guidance models: the tool catalog, the KPI library, the readiness questionnaire and
its result, SMART checks of goals and health-check findings.

Catalog data lives in YAML (``aibudget/catalog``); shells load it into these models and
pass them to the engine, which never reads files.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from aibudget.domain.errors import AibudgetError, Problem
from aibudget.domain.plan import Billing, Category, Identifier, Month, check_currency

Score = Annotated[int, Field(ge=0, le=100)]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Localized(Frozen):
    """A text in both languages (catalog data, not message ids)."""

    zh_tw: str = Field(alias="zh-TW", min_length=1)
    en: str = Field(min_length=1)

    def get(self, locale: str) -> str:
        return self.en if locale.lower().startswith("en") else self.zh_tw


# --- KPI library -------------------------------------------------------------------


class Typical(Frozen):
    low: Decimal
    high: Decimal


KpiLevel = Literal["result", "channel", "activity"]


class KpiEntry(Frozen):
    """A KPI of the library: unit, good direction, typical small-business range.

    ``level`` says what it measures: a business result (revenue, leads, customer value),
    a channel (reach, engagement, service) or the team's activity (hours, output).
    ``max_monthly_change`` is the largest change a month, compounded, in the good
    direction that a small business usually sustains (a share: 0.1 = 10% a month); None
    when the KPI's pace cannot be judged that way. ``customer_data``: moving it means
    working with records of identifiable customers (contacts, chats, purchases).
    """

    id: str
    unit: str
    direction: Literal["up", "down"]
    typical: Typical
    name: Localized
    measure: Localized
    level: KpiLevel = "channel"
    max_monthly_change: Annotated[Decimal, Field(gt=0, lt=1)] | None = None
    customer_data: bool = False


# --- Tool catalog ------------------------------------------------------------------


class CatalogPlan(Frozen):
    """A vendor plan. ``price`` None is the explicit "price unknown: enter your quote".

    A known price always carries its currency, the month it was seen (``as_of``) and
    the address it came from.
    """

    id: Identifier
    name: str = Field(min_length=1)
    billing: Billing = Billing.MONTHLY
    price: Annotated[Decimal, Field(ge=0)] | None = None
    currency: str | None = None
    per: Literal["seat", "account", "channel", "resolution", "month"] = "account"
    min_seats: int = Field(default=1, ge=1)
    as_of: Month | None = None
    source: str | None = None
    source_kind: Literal["primary", "secondary"] | None = None
    note: Localized | None = None

    @model_validator(mode="after")
    def _priced_with_provenance(self) -> CatalogPlan:
        if self.currency is not None:
            check_currency(self.currency)
        if self.price is not None and not (self.currency and self.as_of and self.source):
            raise PydanticCustomError("catalog_price_provenance", "currency, as_of, source", {})
        return self

    @property
    def price_known(self) -> bool:
        return self.price is not None


class Trial(Frozen):
    """Ways to try before paying; None means not known."""

    offered: bool | None = None
    days: int | None = Field(default=None, ge=0, le=365)
    free_plan: bool | None = None
    source: str | None = None

    @property
    def available(self) -> bool:
        return bool(self.offered) or bool(self.days) or bool(self.free_plan)


class BenefitDefault(Frozen):
    """A default low / likely / high benefit, sourced or marked as an assumption."""

    kind: Literal["hours_saved", "revenue_lift", "cost_avoided"]
    low: Decimal
    likely: Decimal
    high: Decimal
    basis: Literal["sourced", "assumption"]
    source: str | None = None
    note: Localized

    @model_validator(mode="after")
    def _ordered(self) -> BenefitDefault:
        if not 0 <= self.low <= self.likely <= self.high:
            raise PydanticCustomError("range_order", "0 <= low <= likely <= high", {})
        if self.basis == "sourced" and not self.source:
            raise PydanticCustomError("catalog_benefit_source", "a source", {})
        return self


class CatalogTool(Frozen):
    """One entry of the tool catalog."""

    id: Identifier
    name: str = Field(min_length=1, max_length=200)
    vendor: str = Field(min_length=1)
    category: Category
    url: str | None = None
    aliases: list[str] = Field(default_factory=list)
    summary: Localized
    plans: list[CatalogPlan] = Field(default_factory=list)
    trial: Trial = Field(default_factory=Trial)
    zh_tw_interface: Literal["yes", "partial", "no", "unknown"] = "unknown"
    integrations: list[str] = Field(default_factory=list)
    setup_hours: Annotated[Decimal, Field(ge=0)]
    run_hours_per_month: Annotated[Decimal, Field(ge=0)]
    ease: int | None = Field(default=None, ge=1, le=5)
    kpis: list[str] = Field(default_factory=list)
    uses_customer_data: bool = False
    benefits: list[BenefitDefault] = Field(default_factory=list)
    note: Localized | None = None

    @property
    def price_known(self) -> bool:
        return any(p.price_known for p in self.plans)


def catalog_tool_to_plan_tool(
    entry: CatalogTool,
    owner: str,
    *,
    tool_id: str | None = None,
    gross_margin: Decimal | None = None,
) -> dict[str, Any]:
    """A plan ``tools:`` item (plain dict, ready for validation) from a catalog entry.

    Plans whose price is unknown are left out (the owner enters a quote), and so are
    usage-priced ones (per resolution: the cost depends on the volume the owner expects);
    revenue-lift defaults need the business's gross margin and are left out without it.
    """
    plans = [
        {
            "id": p.id,
            "name": p.name,
            "billing": p.billing.value,
            "price": p.price,
            "currency": p.currency,
            "seats": p.min_seats,
            "as_of": f"{p.as_of}-01" if p.as_of else None,
            "source": p.source,
        }
        for p in entry.plans
        if p.price is not None and p.per != "resolution"
    ]
    benefits: list[dict[str, Any]] = []
    for b in entry.benefits:
        span = {"low": b.low, "likely": b.likely, "high": b.high}
        if b.kind == "hours_saved":
            benefits.append({"kind": "hours_saved", "hours_per_month": span})
        elif b.kind == "cost_avoided":
            benefits.append({"kind": "cost_avoided", "monthly": span})
        elif gross_margin is not None:
            benefits.append({"kind": "revenue_lift", "lift": span, "gross_margin": gross_margin})
    return {
        "id": tool_id or entry.id,
        "name": entry.name,
        "catalog_id": entry.id,
        "category": entry.category.value,
        "owner": owner,
        "kpis": list(entry.kpis),
        "plans": plans,
        "setup_hours": entry.setup_hours,
        "run_hours_per_month": entry.run_hours_per_month,
        "uses_customer_data": entry.uses_customer_data,
        "free_trial_days": entry.trial.days or 0,
        "benefits": benefits,
    }


# --- Readiness questionnaire --------------------------------------------------------

DIMENSIONS = ("strategy", "data", "skills", "culture", "budget")
ANXIETIES = ("fear_replacement", "learning_barrier", "uncertain_return", "choice_paralysis")
GOALS_SCALE = "goals"
STAGES = ("exploring", "piloting", "scaling")


class GoalDraft(Frozen):
    """A goal the owner picked, drafted as a SMART goal to start a plan from: its name,
    the KPI that measures it and the relative change to aim for (e.g. 0.5: +50%)."""

    name: Localized
    kpi: str
    change: Decimal


class Option(Frozen):
    text: Localized
    score: int = Field(default=0, ge=0, le=4)
    categories: list[Category] = Field(default_factory=list)
    goal: GoalDraft | None = None


class Question(Frozen):
    id: Identifier
    scale: str
    text: Localized
    multi: bool = False
    options: list[Option] = Field(min_length=2, max_length=9)

    @model_validator(mode="after")
    def _known_scale(self) -> Question:
        if self.scale not in (*DIMENSIONS, *ANXIETIES, GOALS_SCALE):
            raise PydanticCustomError("readiness_scale", "a known scale", {"scale": self.scale})
        return self


class Advice(Frozen):
    title: Localized
    text: Localized


class Thresholds(Frozen):
    """Scoring thresholds; their meaning is documented in readiness.yaml."""

    weak_dimension_below: Score = 50
    anxiety_from: Score = 50
    piloting_from: Score = 40
    scaling_from: Score = 70
    scaling_min_dimension: Score = 50
    one_tool_anxiety_from: Score = 75
    max_categories: int = Field(default=3, ge=1, le=9)


class Questionnaire(Frozen):
    scales: dict[str, Localized]
    questions: list[Question] = Field(min_length=1)
    advice: dict[str, Advice]
    thresholds: Thresholds = Field(default_factory=Thresholds)
    pilot_tools: dict[str, int]

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


Answer = int | list[int]


class ReadinessResult(Frozen):
    """Scores 0-100: dimensions (higher = readier), anxieties (higher = more anxious)."""

    dimensions: dict[str, int]
    anxieties: dict[str, int]
    overall: int
    stage: Literal["exploring", "piloting", "scaling"]
    pilot_tools: int
    categories: list[Category]
    advice: list[str]


class AnswersError(AibudgetError):
    """Answers that do not fit the questionnaire; carries every problem."""

    message_id = "assess.answers_invalid"
    http_status = 422

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(count=len(problems))
        self.problems = problems


# --- SMART check and health-check findings -------------------------------------------

SmartLetter = Literal["S", "M", "A", "R", "T"]


class SmartFailure(Frozen):
    letter: SmartLetter
    code: str
    message_id: str
    params: dict[str, Any] = Field(default_factory=dict)


class SmartCheck(Frozen):
    goal_id: str
    goal_index: int
    failures: list[SmartFailure]

    @property
    def failed_letters(self) -> list[str]:
        return sorted({f.letter for f in self.failures}, key="SMART".index)

    @property
    def ok(self) -> bool:
        return not self.failures


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


PathPart = str | int


class SetValue(Frozen):
    """One value to put at ``path`` in a plan document (a plain YAML/JSON value:
    amounts and shares as text, so they stay exact)."""

    path: tuple[PathPart, ...]
    value: str | int | bool


class Remedy(Frozen):
    """A fix that needs no judgement: the values to set, and what it does in words
    (a message id and its parameters, for the new version's note)."""

    note_id: str
    params: dict[str, Any] = Field(default_factory=dict)
    sets: tuple[SetValue, ...] = Field(min_length=1)


class Finding(Frozen):
    """One pitfall found in a plan: which rule, how bad, what and where, and the fix.

    ``path`` is ``where`` as parts (``("tools", 2, "plan")``); ``remedy`` is set when the
    rule knows the change that removes the finding."""

    rule: str
    severity: Severity
    message_id: str
    params: dict[str, Any] = Field(default_factory=dict)
    fix_id: str
    fix_params: dict[str, Any] = Field(default_factory=dict)
    where: str
    path: tuple[PathPart, ...] = ()
    remedy: Remedy | None = None


def merge_catalog(
    base: dict[str, CatalogTool], overrides: list[dict[str, Any]]
) -> tuple[dict[str, CatalogTool], list[Problem]]:
    """The catalog with a plan's or workspace's entries added or overriding (by id).

    An override of a known id replaces only the fields it names; a new id must be a
    whole entry. Problems carry the path ``catalog[i]....`` and never stop the merge.
    """
    merged = dict(base)
    problems: list[Problem] = []
    for i, raw in enumerate(overrides):
        ident = raw.get("id") if isinstance(raw, dict) else None
        if not isinstance(ident, str):
            problems.append(Problem(("catalog", i, "id"), "value.missing"))
            continue
        known = resolve(merged, ident)
        key = known.id if known else ident
        data = {**known.model_dump(by_alias=True), **raw, "id": key} if known else raw
        try:
            merged[key] = CatalogTool.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                params = {k: str(v) for k, v in (err.get("ctx") or {}).items()}
                path = ("catalog", i, *(p for p in err["loc"]))
                problems.append(Problem(path, "value." + err["type"], params))
    return merged, problems


def resolve(catalog: Mapping[str, CatalogTool], ident: str) -> CatalogTool | None:
    """The entry with this id, or the one listing it as an alias."""
    if ident in catalog:
        return catalog[ident]
    return next((e for e in catalog.values() if ident in e.aliases), None)
