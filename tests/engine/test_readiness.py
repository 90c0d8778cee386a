"""Readiness scoring: extreme answer sets, thresholds, pilot size, categories, advice."""

from __future__ import annotations

from typing import Any

import pytest

from aibudget.catalog import readiness_questionnaire, tool_catalog
from aibudget.domain.guidance import ANXIETIES, DIMENSIONS, GOALS_SCALE, AnswersError
from aibudget.domain.plan import Category
from aibudget.engine.readiness import (
    percent_half_up,
    picked_goals,
    score,
    starter_tools,
    suggest_tools,
)

Q = readiness_questionnaire()


def answers(dimension: int, anxiety: int, goals: list[int] | None = None) -> dict[str, Any]:
    """Every dimension question answered with option ``dimension`` and every anxiety
    question with option ``anxiety`` (1-based: 1 = 0 points ... 5 = 4 points)."""
    out: dict[str, Any] = {}
    for q in Q.questions:
        if q.scale in DIMENSIONS:
            out[q.id] = dimension
        elif q.scale in ANXIETIES:
            out[q.id] = anxiety
        else:
            out[q.id] = goals or [1]
    return out


def test_least_ready_and_most_anxious_is_exploring_with_one_tool_and_all_advice() -> None:
    result = score(Q, answers(dimension=1, anxiety=5))
    assert result.stage == "exploring"
    assert result.overall == 0
    assert set(result.dimensions.values()) == {0}
    assert set(result.anxieties.values()) == {100}
    assert result.pilot_tools == 1
    # the stage first, then every anxiety, then every weak dimension
    assert result.advice == ["exploring", *ANXIETIES, *DIMENSIONS]


def test_most_ready_and_calm_is_scaling_with_three_tools_and_only_stage_advice() -> None:
    result = score(Q, answers(dimension=5, anxiety=1))
    assert result.stage == "scaling"
    assert result.overall == 100
    assert result.pilot_tools == Q.pilot_tools["scaling"] == 3
    assert result.advice == ["scaling"]


def test_middle_answers_are_piloting_with_two_tools() -> None:
    result = score(Q, answers(dimension=3, anxiety=2))  # 2 of 4 points: 50
    assert result.overall == 50
    assert result.stage == "piloting"
    assert result.pilot_tools == 2
    assert result.advice == ["piloting"]  # 50 is not weak (< 50) and 25 is not anxious


def test_high_overall_with_one_weak_dimension_stays_piloting() -> None:
    data = answers(dimension=5, anxiety=1)
    for q in Q.questions:
        if q.scale == "data":
            data[q.id] = 1
    result = score(Q, data)
    assert result.overall == 80  # (100 * 4 + 0) / 5
    assert result.dimensions["data"] == 0
    assert result.stage == "piloting"
    assert result.advice == ["piloting", "data"]


def test_a_strong_learning_barrier_lowers_the_pilot_to_one_tool() -> None:
    data = answers(dimension=3, anxiety=1)
    learning = next(q.id for q in Q.questions if q.scale == "learning_barrier")
    data[learning] = 5
    result = score(Q, data)
    assert result.stage == "piloting"
    assert result.pilot_tools == 1
    assert result.advice == ["piloting", "learning_barrier"]


def test_anxiety_advice_comes_strongest_first() -> None:
    data = answers(dimension=5, anxiety=1)
    by_scale = {q.scale: q.id for q in Q.questions if q.scale in ANXIETIES}
    data[by_scale["uncertain_return"]] = 4  # 75
    data[by_scale["fear_replacement"]] = 5  # 100
    result = score(Q, data)
    assert result.advice == ["scaling", "fear_replacement", "uncertain_return"]


def test_goals_vote_for_categories_most_voted_first() -> None:
    goals = next(q for q in Q.questions if q.scale == GOALS_SCALE)
    # option 1 (content, design, social) and option 2 (seo, content): content gets 2 votes
    result = score(Q, answers(dimension=3, anxiety=1, goals=[1, 2]))
    assert goals.options[0].categories[0] is Category.CONTENT_WRITING
    assert result.categories[0] is Category.CONTENT_WRITING
    assert len(result.categories) == Q.thresholds.max_categories
    only_chat = score(Q, answers(dimension=3, anxiety=1, goals=[5]))
    assert only_chat.categories == [Category.CHATBOT]


def test_bad_answers_are_all_reported() -> None:
    data = answers(dimension=3, anxiety=1)
    first = Q.questions[0].id
    data[first] = 9
    data["nope"] = 1
    del data[Q.questions[1].id]
    assert not Q.questions[2].multi
    data[Q.questions[2].id] = [1, 2]
    with pytest.raises(AnswersError) as info:
        score(Q, data)
    ids = sorted(p.message_id for p in info.value.problems)
    assert ids == [
        "assess.answer_invalid",
        "assess.answer_invalid",
        "assess.answer_missing",
        "assess.question_unknown",
    ]


@pytest.mark.parametrize(
    ("points", "questions", "expected"),
    [(0, 3, 0), (12, 3, 100), (1, 3, 8), (2, 3, 17), (6, 3, 50), (1, 2, 13), (3, 1, 75)],
)
def test_percent_rounds_half_up(points: int, questions: int, expected: int) -> None:
    assert percent_half_up(points, questions) == expected


def test_suggested_tools_fit_a_taiwanese_shop_first_and_stay_in_their_category() -> None:
    catalog = tool_catalog()
    result = score(Q, answers(dimension=3, anxiety=1, goals=[5]))  # answer customers faster
    suggested = suggest_tools(result, catalog, Q.thresholds)
    assert list(suggested) == [Category.CHATBOT]
    ids = suggested[Category.CHATBOT]
    assert len(ids) == 3
    assert all(catalog[i].category is Category.CHATBOT for i in ids)
    assert ids[0] == "line-official-account"  # sold in Taiwan, Chinese, LINE, TWD, free tier
    fits = [catalog[i].tw_fit for i in ids]
    others = [e.tw_fit for e in catalog.values() if e.category is Category.CHATBOT]
    assert fits == sorted(fits, reverse=True) and fits[-1] >= sorted(others)[-3]
    assert "intercom-fin" not in ids  # a US tool priced in USD comes later


def test_every_goal_the_owner_picks_keeps_a_category() -> None:
    picks = [1, 2, 3, 4, 5]  # more than max_categories goals: the chatbot one among them
    result = score(Q, answers(dimension=3, anxiety=1, goals=picks))
    goals = next(q for q in Q.questions if q.multi)
    for pick in picks:
        option = goals.options[pick - 1]
        assert set(option.categories) & set(result.categories), option.text.en
    content_and_customers = score(Q, answers(dimension=3, anxiety=1, goals=[1, 5]))
    assert Category.CHATBOT in content_and_customers.categories


def test_strong_choice_paralysis_narrows_the_suggestions_to_two() -> None:
    paralysed = score(Q, answers(dimension=3, anxiety=5, goals=[5]))
    assert paralysed.anxieties["choice_paralysis"] == 100
    assert [
        len(ids) for ids in suggest_tools(paralysed, tool_catalog(), Q.thresholds).values()
    ] == [2]


def test_the_goals_picked_become_drafts_and_the_starter_tools_serve_them() -> None:
    q = readiness_questionnaire()
    answers = {question.id: ([5, 1] if question.multi else 2) for question in q.questions}
    drafts = picked_goals(q, answers)
    assert [d.kpi for d in drafts] == ["content_output", "first_response_time"]
    result = score(q, answers)
    catalog = tool_catalog()
    tools = starter_tools(result, drafts, catalog, q.thresholds)
    assert 1 <= len(tools) <= result.pilot_tools
    served = {k for i in tools for k in catalog[i].kpis}
    assert drafts[0].kpi in served  # the first goal is always served when a tool can
    assert all(set(catalog[i].kpis) & {d.kpi for d in drafts} for i in tools)
