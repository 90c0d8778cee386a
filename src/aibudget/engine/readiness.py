"""Readiness assessment scoring (PRODUCT.md step 0).

The rules are documented next to the data in ``aibudget/catalog/readiness.yaml``;
this module is their one implementation. Answers are 1-based option numbers (a list of
numbers for a question that allows several answers).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aibudget.domain.errors import Problem
from aibudget.domain.guidance import (
    ANXIETIES,
    DIMENSIONS,
    GOALS_SCALE,
    AnswersError,
    CatalogTool,
    GoalDraft,
    Question,
    Questionnaire,
    ReadinessResult,
    Thresholds,
)
from aibudget.domain.plan import Category
from aibudget.domain.texts import N_

MAX_POINTS = 4


def percent_half_up(points: int, questions: int) -> int:
    """100 x points / (4 x questions), rounded half up, in integers (no float error)."""
    denominator = MAX_POINTS * questions
    return (200 * points + denominator) // (2 * denominator)


def chosen_options(question: Question, answer: Any) -> list[int] | None:
    """0-based option indexes of an answer, or None when it does not fit the question."""
    values = answer if isinstance(answer, list) else [answer]
    if not values or (len(values) > 1 and not question.multi):
        return None
    out: list[int] = []
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int):
            return None
        if not 1 <= value <= len(question.options):
            return None
        if value - 1 not in out:
            out.append(value - 1)
    return out


def validate_answers(
    questionnaire: Questionnaire, answers: Mapping[str, Any], *, complete: bool = True
) -> dict[str, list[int]]:
    """Answers as option indexes; raise :class:`AnswersError` listing every problem."""
    problems: list[Problem] = []
    out: dict[str, list[int]] = {}
    for key, answer in answers.items():
        question = questionnaire.question(str(key))
        if question is None:
            problems.append(Problem((str(key),), N_("assess.question_unknown"), {"id": key}))
            continue
        chosen = chosen_options(question, answer)
        if chosen is None:
            problems.append(
                Problem(
                    (question.id,),
                    N_("assess.answer_invalid"),
                    {"answer": str(answer), "count": len(question.options)},
                )
            )
        else:
            out[question.id] = chosen
    if complete:
        for question in questionnaire.questions:
            if question.id not in answers:
                problems.append(Problem((question.id,), N_("assess.answer_missing")))
    if problems:
        raise AnswersError(problems)
    return out


def check_page(
    questionnaire: Questionnaire, number: int, answers: Mapping[str, Any]
) -> dict[str, Any]:
    """The answers to the questions of page ``number`` (1 = the first) taken from
    ``answers``; :class:`AnswersError` names every question of the page left unanswered
    or answered with an option it does not have."""
    questions = questionnaire.page(number)
    given = {q.id: answers[q.id] for q in questions if q.id in answers}
    problems = [
        Problem((q.id,), N_("assess.answer_missing")) for q in questions if q.id not in given
    ]
    try:
        validate_answers(questionnaire, given, complete=False)
    except AnswersError as err:
        problems = [*err.problems, *problems]
    if problems:
        raise AnswersError(problems)
    return given


def page_of(questionnaire: Questionnaire, question_id: str) -> int:
    """The page (1 = the first) a question is asked on."""
    scale = next(q.scale for q in questionnaire.questions if q.id == question_id)
    return next(n for n, page in enumerate(questionnaire.pages, start=1) if scale in page.scales)


def _scale_scores(questionnaire: Questionnaire, chosen: Mapping[str, list[int]]) -> dict[str, int]:
    points: dict[str, int] = {}
    counts: dict[str, int] = {}
    for question in questionnaire.questions:
        if question.scale == GOALS_SCALE:
            continue
        counts[question.scale] = counts.get(question.scale, 0) + 1
        picked = sum(question.options[i].score for i in chosen.get(question.id, []))
        points[question.scale] = points.get(question.scale, 0) + picked
    return {scale: percent_half_up(points[scale], counts[scale]) for scale in counts}


def _categories(questionnaire: Questionnaire, chosen: Mapping[str, list[int]]) -> list[Category]:
    """Every goal the owner picked keeps its most voted category; the other categories
    follow by votes (ties: the order of the first vote) up to ``max_categories``."""
    picked = [
        question.options[i]
        for question in questionnaire.questions
        if question.scale == GOALS_SCALE
        for i in chosen.get(question.id, [])
    ]
    votes: dict[Category, int] = {}
    for option in picked:
        for category in option.categories:
            votes[category] = votes.get(category, 0) + 1
    order = list(votes)  # dicts keep the order of the first vote
    ranked = sorted(order, key=lambda c: (-votes[c], order.index(c)))
    kept = [c for c in ranked if any(c in o.categories for o in picked)]
    out: list[Category] = []
    for option in picked:
        if option.categories and not set(option.categories) & set(out):
            out.append(next(c for c in kept if c in option.categories))
    extra = [c for c in ranked if c not in out]
    room = max(0, questionnaire.thresholds.max_categories - len(out))
    return sorted(out + extra[:room], key=ranked.index)


def score(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> ReadinessResult:
    """Scores, stage, pilot size, fitting categories and advice for complete answers."""
    chosen = validate_answers(questionnaire, answers)
    th = questionnaire.thresholds
    scores = _scale_scores(questionnaire, chosen)
    dimensions = {d: scores.get(d, 0) for d in DIMENSIONS}
    anxieties = {a: scores.get(a, 0) for a in ANXIETIES}
    total = sum(dimensions.values())
    overall = (2 * total + len(dimensions)) // (2 * len(dimensions))
    if overall < th.piloting_from:
        stage = "exploring"
    elif overall >= th.scaling_from and min(dimensions.values()) >= th.scaling_min_dimension:
        stage = "scaling"
    else:
        stage = "piloting"
    pilot = questionnaire.pilot_tools.get(stage, 1)
    worried = max(anxieties["learning_barrier"], anxieties["choice_paralysis"])
    if worried >= th.one_tool_anxiety_from:
        pilot = max(1, pilot - 1)
    strong_worries = sorted(
        (a for a in ANXIETIES if anxieties[a] >= th.anxiety_from),
        key=lambda a: (-anxieties[a], ANXIETIES.index(a)),
    )
    weak = sorted(
        (d for d in DIMENSIONS if dimensions[d] < th.weak_dimension_below),
        key=lambda d: (dimensions[d], DIMENSIONS.index(d)),
    )
    return ReadinessResult(
        dimensions=dimensions,
        anxieties=anxieties,
        overall=overall,
        stage=stage,
        pilot_tools=pilot,
        categories=_categories(questionnaire, chosen),
        advice=[stage, *strong_worries, *weak],
    )


def suggest_tools(
    result: ReadinessResult,
    catalog: Mapping[str, CatalogTool],
    thresholds: Thresholds | None = None,
) -> dict[Category, list[str]]:
    """Catalog tools to look at first in each fitting category: three, or two when
    choice paralysis is strong (compare two tools, decide within a week).

    The best fit for a Taiwanese small business first (sold in Taiwan, Chinese screens
    and support, local payment, LINE), then free to try, then the easier ones; catalog
    order breaks ties. Every suggestion is a starting point for a pilot, not a verdict.
    """
    th = thresholds or Thresholds()
    per_category = 2 if result.anxieties.get("choice_paralysis", 0) >= th.anxiety_from else 3
    order = list(catalog)
    out: dict[Category, list[str]] = {}
    for category in result.categories:
        entries = [e for e in catalog.values() if e.category is category]
        entries.sort(
            key=lambda e: (
                -e.tw_fit,
                not (e.trial.available or e.free_option),
                -(e.ease or 0),
                order.index(e.id),
            )
        )
        out[category] = [e.id for e in entries[:per_category]]
    return out


def picked_goals(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> list[GoalDraft]:
    """The goals the owner picked (in the questionnaire's order), as SMART drafts."""
    chosen = validate_answers(questionnaire, answers)
    out: list[GoalDraft] = []
    for question in questionnaire.questions:
        if question.scale == GOALS_SCALE:
            for i in sorted(chosen.get(question.id, [])):
                draft = question.options[i].goal
                if draft is not None and draft not in out:
                    out.append(draft)
    return out


def starter_tools(
    result: ReadinessResult,
    goals: list[GoalDraft],
    catalog: Mapping[str, CatalogTool],
    thresholds: Thresholds | None = None,
) -> list[str]:
    """At most ``result.pilot_tools`` catalog tools to pilot first: among the suggested
    ones, each serves a goal the owner picked (the first goals first), the best fit for a
    Taiwanese small business first and then one with a known price; every picked goal of
    a served KPI counts once."""
    suggested = [i for ids in suggest_tools(result, catalog, thresholds).values() for i in ids]
    out: list[str] = []
    for goal in goals:
        serving = [i for i in suggested if goal.kpi in catalog[i].kpis and i not in out]
        serving.sort(key=lambda i: (-catalog[i].tw_fit, not catalog[i].price_known))
        if serving and not any(goal.kpi in catalog[i].kpis for i in out):
            out.append(serving[0])
        if len(out) == result.pilot_tools:
            break
    return out
