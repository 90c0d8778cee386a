"""Guidance models: the KPI library, the readiness questionnaire and
its result, SMART checks of goals and health-check findings (the tool catalog models
live in aibudget.domain.catalog).

Catalog data lives in YAML (``aibudget/catalog``); shells load it into these models and
pass them to the engine, which never reads files.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from aibudget.domain.catalog import (  # re-exported: the catalog models' old home
    BenefitDefault as BenefitDefault,
)
from aibudget.domain.catalog import CatalogPlan as CatalogPlan
from aibudget.domain.catalog import CatalogTool as CatalogTool
from aibudget.domain.catalog import Trial as Trial
from aibudget.domain.catalog import catalog_tool_to_plan_tool as catalog_tool_to_plan_tool
from aibudget.domain.catalog import merge_catalog as merge_catalog
from aibudget.domain.catalog import resolve as resolve
from aibudget.domain.errors import AibudgetError, Problem
from aibudget.domain.plan import Category, Identifier
from aibudget.domain.texts import N_, Frozen, Localized

Score = Annotated[int, Field(ge=0, le=100)]


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


# Message ids built at run time from the values above, declared for message extraction.
DIRECTION_MESSAGES = (
    N_("catalog.direction.down"),
    N_("catalog.direction.up"),
)


# --- Readiness questionnaire --------------------------------------------------------

DIMENSIONS = ("strategy", "data", "skills", "culture", "budget")
ANXIETIES = ("fear_replacement", "learning_barrier", "uncertain_return", "choice_paralysis")
GOALS_SCALE = "goals"
STAGES = ("exploring", "piloting", "scaling")


# Message ids built at run time from the values above, declared for message extraction.
STAGE_MESSAGES = (
    N_("assess.stage.exploring"),
    N_("assess.stage.piloting"),
    N_("assess.stage.scaling"),
)


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


class QuestionPage(Frozen):
    """One page of the questionnaire: its title and the scales whose questions it asks."""

    title: Localized
    scales: list[str] = Field(min_length=1)


class Questionnaire(Frozen):
    """``pages``: the scales asked together on each page, in order; every scale a
    question uses is on exactly one page."""

    scales: dict[str, Localized]
    questions: list[Question] = Field(min_length=1)
    pages: list[QuestionPage] = Field(min_length=1)
    advice: dict[str, Advice]
    thresholds: Thresholds = Field(default_factory=Thresholds)
    pilot_tools: dict[str, int]

    @model_validator(mode="after")
    def _every_scale_on_one_page(self) -> Questionnaire:
        listed = [scale for page in self.pages for scale in page.scales]
        used = {q.scale for q in self.questions}
        if len(listed) != len(set(listed)) or set(listed) != used:
            raise PydanticCustomError("readiness_pages", "every scale on one page", {})
        return self

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def page(self, number: int) -> list[Question]:
        """The questions of page ``number`` (1 = the first page), in questionnaire order."""
        scales = self.pages[number - 1].scales
        return [q for q in self.questions if q.scale in scales]


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

    message_id = N_("assess.answers_invalid")
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


# Message ids built at run time from the values above, declared for message extraction.
SEVERITY_MESSAGES = (
    N_("lint.severity.error"),
    N_("lint.severity.info"),
    N_("lint.severity.warning"),
)


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
