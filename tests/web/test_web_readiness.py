"""Step 0 in the browser and the API: the questionnaire of aibudget assess, stored."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi.testclient import TestClient

from aibudget.catalog import readiness_questionnaire
from aibudget.engine.readiness import score
from aibudget.i18n import Translator
from tests.web.helpers import csrf, new_workspace, sign_up


def _answers(pick: int = 2) -> dict[str, Any]:
    q = readiness_questionnaire()
    return {
        question.id: [1, 2] if question.multi else min(pick, len(question.options))
        for question in q.questions
    }


def _post(client: TestClient, url: str, answers: dict[str, Any], token: str) -> Any:
    """A form post with repeated fields for the questions that take several answers."""
    data = [("csrf_token", token)]
    for key, value in answers.items():
        for number in value if isinstance(value, list) else [value]:
            data.append((key, str(number)))
    headers = {"content-type": "application/x-www-form-urlencoded"}
    return client.post(url, content=urlencode(data), headers=headers)


def test_the_questionnaire_scores_like_the_cli_and_is_kept(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    form = client.get(f"/w/{ws}/readiness")
    q = readiness_questionnaire()
    assert all(f'name="{question.id}"' in form.text for question in q.questions)
    answers = _answers()
    partial = dict(list(answers.items())[1:])  # the first question left out
    token = csrf(client, f"/w/{ws}/readiness")
    refused = _post(client, f"/w/{ws}/readiness", partial, token)
    assert refused.status_code == 422
    first = q.questions[0].id
    assert f'id="p-{first}"' in refused.text and "尚未回答" in refused.text
    done = _post(client, f"/w/{ws}/readiness", answers, token)
    assert done.status_code == 200
    expected = score(q, answers)
    t = Translator("zh_TW")
    assert f"{expected.overall}/100" in done.text
    assert t(f"assess.stage.{expected.stage}") in done.text
    for key in expected.advice:
        assert q.advice[key].title.get("zh_TW") in done.text
    assert "最近一次由 Alice" in client.get(f"/w/{ws}").text


def test_the_assess_api_scores_stores_and_names_bad_answers(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    token = {"X-CSRF-Token": csrf(client, "/workspaces")}
    url = f"/api/v1/workspaces/{ws}/assess"
    assert client.get(url).status_code == 204  # none taken yet
    answers = _answers(pick=3)
    made = client.post(url, json={"answers": answers}, headers=token)
    assert made.status_code == 201
    expected = score(readiness_questionnaire(), answers)
    assert made.json()["overall"] == expected.overall
    assert made.json()["stage"] == expected.stage
    assert client.get(url).json() == made.json()
    bad = dict(answers)
    first = next(iter(bad))
    bad[first] = 99
    refused = client.post(url, json={"answers": bad}, headers=token)
    assert refused.status_code == 422
    assert [f["path"] for f in refused.json()["error"]["fields"]] == [first]


def test_the_result_leads_with_the_next_step_and_folds_the_scores(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    q = readiness_questionnaire()
    answers = {question.id: [1, 5] if question.multi else 2 for question in q.questions}
    token = csrf(client, f"/w/{ws}/readiness")
    page = _post(client, f"/w/{ws}/readiness", answers, token).text
    start = page.index('data-testid="start-plan"')
    assert "用這個結果建立計畫" in page
    assert start < page.index('data-testid="pilot-checklist"') < page.index("<details")
    assert page.index("<details") < page.index('data-testid="overall"')  # scores folded away
    assert "第 9–12 週" in page
    tools = page.split('data-testid="suggested-tools"')
    assert len(tools) == 1 + len(score(q, answers).categories)
    assert "LINE 官方帳號" in page and "台灣在地" in page  # answer customers faster is kept
