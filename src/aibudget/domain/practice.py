"""Confidence by practice: the owner's existing stack, the tool comparison they weigh,
and the team's learning log (PRODUCT.md "Confidence by practice").

The stack and the comparison are saved with the plan (``Plan.stack``,
``Plan.comparison``); learning-log entries are stored per plan beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from aibudget.domain.texts import N_

CRITERIA = ("features", "cost", "ease", "chinese", "integration", "support")


# Message ids built at run time from the values above, declared for message extraction.
CRITERIA_MESSAGES = (
    N_("practice.criterion.chinese"),
    N_("practice.criterion.cost"),
    N_("practice.criterion.ease"),
    N_("practice.criterion.features"),
    N_("practice.criterion.integration"),
    N_("practice.criterion.support"),
)
MAX_MINUTES = 100_000  # minutes saved in one entry: more than two months of work

Weight = Annotated[int, Field(ge=0, le=5)]
Score = Annotated[int, Field(ge=1, le=5)]
ShortText = Annotated[str, Field(max_length=200)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)


class Stack(_Strict):
    """What the business already runs; names as the owner writes them, several with
    commas between (``Facebook, Instagram``)."""

    website: ShortText | None = Field(default=None, description="Website or shop platform.")
    crm: ShortText | None = Field(default=None, description="Customer list or CRM.")
    social: ShortText | None = Field(default=None, description="Social media accounts.")
    ads: ShortText | None = Field(default=None, description="Ad accounts.")
    line_oa: bool = Field(default=False, description="A LINE Official Account.")


class Weights(_Strict):
    """How much each criterion counts in the comparison (0 = not at all, 5 = most)."""

    features: Weight = 3
    cost: Weight = 3
    ease: Weight = 3
    chinese: Weight = 3
    integration: Weight = 3
    support: Weight = 3


class ToolScores(_Strict):
    """The owner's own scores of one tool (1-5); an empty one keeps the catalog's."""

    tool: str
    features: Score | None = None
    cost: Score | None = None
    ease: Score | None = None
    chinese: Score | None = None
    integration: Score | None = None
    support: Score | None = None


class Comparison(_Strict):
    weights: Weights = Field(default_factory=Weights)
    scores: list[ToolScores] = Field(default_factory=list)

    def own(self, tool_id: str) -> ToolScores | None:
        return next((s for s in self.scores if s.tool == tool_id), None)


class LearningEntry(BaseModel):
    """One line of the team learning log: who tried what with a tool, and what it saved."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    tool: str = Field(min_length=1, max_length=64)
    who: str = Field(min_length=1, max_length=100)
    tried: str = Field(min_length=1, max_length=500)
    minutes_saved: int = Field(default=0, ge=0, le=MAX_MINUTES)
    tip: str = Field(default="", max_length=500)
    on: date


@dataclass(frozen=True)
class AdoptionDefaults:
    ramp_months: int  # months until a new tool gives its full benefit
    training_hours: Decimal  # hours of training per person before the tool is used


# The one rule of how the AI skill of the person who runs a tool sets a new tool's
# defaults (values of ``TeamMember.ai_skill``): less skill, a slower ramp and more
# training first. "intermediate" keeps the plan's own defaults (three months, none).
SKILL_DEFAULTS: dict[str, AdoptionDefaults] = {
    "none": AdoptionDefaults(6, Decimal(8)),
    "beginner": AdoptionDefaults(4, Decimal(4)),
    "intermediate": AdoptionDefaults(3, Decimal(0)),
    "advanced": AdoptionDefaults(1, Decimal(0)),
}


def adoption_defaults(skill: str) -> AdoptionDefaults:
    """The defaults for a new tool run by someone of ``skill`` (a ``SkillLevel`` value)."""
    return SKILL_DEFAULTS[skill]


def with_skill_defaults(tool: dict[str, Any], skill: str) -> dict[str, Any]:
    """A new plan tool (a plain dict, e.g. from the catalog) with the ramp and training
    hours its owner's AI skill sets; values already in it are kept."""
    found = adoption_defaults(skill)
    out = {**tool, "ramp_months": tool.get("ramp_months", found.ramp_months)}
    training = dict(tool.get("training") or {})
    if found.training_hours and "hours_per_person" not in training:
        training["hours_per_person"] = found.training_hours
    if training:
        out["training"] = training
    return out


@dataclass(frozen=True)
class Win:
    """A small win from the review: a message id, its month and parameters."""

    message_id: str
    month: str
    params: dict[str, Any]


@dataclass(frozen=True)
class WorryFacts:
    """The figures that answer the owner's worries (see :mod:`aibudget.engine.worries`)."""

    prob_loss: float  # the simulation's chance that the plan loses money
    pilot_months: int
    pilot_cost: Decimal  # every cost up to the pilot's end: the most the pilot can lose
    hours_by_member: dict[str, Decimal]  # likely hours freed a month at full use
    training_hours: Decimal  # hours of training planned, over every trainee
    first_benefit_month: int | None  # the first plan month with any benefit
