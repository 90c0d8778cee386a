"""Step 0 in the browser and the API: the questionnaire of aibudget assess, stored."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from fastapi.testclient import TestClient

from aibudget.catalog import readiness_questionnaire, tool_catalog
from aibudget.engine.readiness import score
from aibudget.i18n import Translator
from aibudget.service.words import kpi_names
from tests.web.helpers import PASSWORD, csrf, new_workspace, sign_up


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


def post_page(
    client: TestClient, ws: str, number: int, answers: dict[str, Any], go: str = "next"
) -> Any:
    """Page ``number`` of the questionnaire sent with the answers to its questions."""
    q = readiness_questionnaire()
    token = csrf(client, f"/w/{ws}/readiness?page={number}")
    mine = {k: v for k, v in answers.items() if k in {x.id for x in q.page(number)}}
    data = {"page": str(number), "go": go}
    return _post(client, f"/w/{ws}/readiness", {**data, **mine}, token)


def answer_every_page(client: TestClient, ws: str, answers: dict[str, Any]) -> Any:
    """The questionnaire answered page after page, as an owner does; the last response."""
    pages = len(readiness_questionnaire().pages)
    done = None
    for number in range(1, pages + 1):
        done = post_page(client, ws, number, answers)
        assert done.status_code == 200, done.text
    return done


def _checked(page: str) -> set[tuple[str, str]]:
    return set(re.findall(r'name="(\w+)" value="(\d+)"\s+checked', page))


def test_the_questionnaire_scores_like_the_cli_and_is_kept(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    q = readiness_questionnaire()
    for number in range(1, len(q.pages) + 1):  # each page asks its own questions only
        form = client.get(f"/w/{ws}/readiness?page={number}").text
        asked = set(re.findall(r'type="(?:radio|checkbox)" name="(\w+)"', form))
        assert asked == {question.id for question in q.page(number)}
    answers = _answers()
    first = q.questions[0].id
    partial = {k: v for k, v in answers.items() if k != first}
    refused = post_page(client, ws, 1, partial)
    assert refused.status_code == 422
    assert f'id="p-{first}"' in refused.text and "尚未回答" in refused.text
    assert "第 1 步，共 5 步" in refused.text and "這一頁還有 1 題需要回答" in refused.text
    done = answer_every_page(client, ws, answers)
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
    page = answer_every_page(client, ws, answers).text
    start = page.index('data-testid="start-plan"')
    assert "用這個結果建立計畫" in page
    assert start < page.index('data-testid="pilot-checklist"') < page.index("<details")
    assert page.index("<details") < page.index('data-testid="overall"')  # scores folded away
    assert "第 9–12 週" in page
    tools = page.split('data-testid="suggested-tools"')
    assert len(tools) == 1 + len(score(q, answers).categories)
    assert "LINE 官方帳號" in page and "台灣在地" in page  # answer customers faster is kept


def test_the_answers_are_kept_page_by_page_and_go_on_from_another_device(
    client: TestClient,
) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    q = readiness_questionnaire()
    answers = _answers(pick=3)
    assert post_page(client, ws, 1, answers).url.path.endswith("/readiness")
    second = post_page(client, ws, 2, answers)
    assert "第 3 步，共 5 步" in second.text
    client.cookies.clear()  # another device: a new sign-in
    token = csrf(client, "/login")
    login = {"csrf_token": token, "email": "alice@example.com", "password": PASSWORD}
    assert client.post("/login", data=login).status_code == 200
    again = client.get(f"/w/{ws}/readiness").text
    assert "第 3 步，共 5 步" in again  # where the owner stopped
    assert {question.id for question in q.page(3)} <= set(re.findall(r'name="(\w+)"', again))
    kept = {(k, str(v)) for k, v in answers.items() if k in {x.id for x in q.page(2)}}
    assert _checked(client.get(f"/w/{ws}/readiness?page=2").text) == kept
    back = post_page(client, ws, 3, {}, go="back")  # Back needs no answer and loses nothing
    assert "第 2 步，共 5 步" in back.text and _checked(back.text) == kept
    for number in range(2, len(q.pages) + 1):
        last = post_page(client, ws, number, answers)
    assert f"{score(q, answers).overall}/100" in last.text
    stored = client.get(f"/api/v1/workspaces/{ws}/assess").json()  # read back on its own
    assert stored["overall"] == score(q, answers).overall
    assert 'data-testid="start-plan"' in client.get(f"/w/{ws}/readiness").text  # draft done


def test_a_suggested_tool_opens_its_catalog_entry_in_the_owners_words(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    q = readiness_questionnaire()
    answers = {question.id: [1, 5] if question.multi else 2 for question in q.questions}
    result = answer_every_page(client, ws, answers).text
    links = re.findall(r'href="(/w/\w+/tools/[\w-]+)" data-testid="tool-details"', result)
    assert f"/w/{ws}/tools/line-official-account" in links
    assert all(client.get(link).status_code == 200 for link in links)  # every suggestion
    entry = tool_catalog()["line-official-account"]
    page = client.get(f"/w/{ws}/tools/line-official-account").text
    main = page.split("<main")[1]
    assert entry.name in main and entry.summary.get("zh_TW") in main
    for plan in entry.plans:  # every tier with its price, or the owner's quote asked for
        assert plan.name.zh_tw in main
    priced = [p for p in entry.plans if p.price]
    assert all(f"{p.price:,.0f}" in main for p in priced)
    assert main.count("價格未知：請輸入您的報價") == sum(p.price is None for p in entry.plans)
    assert "台灣在地" in main and "可串接 LINE" in main
    names = kpi_names("zh_TW")
    assert entry.kpis and all(names[k] in main for k in entry.kpis)
    assert "line-official-account" not in re.sub(r'href="[^"]*"', "", main)  # no id shown
    # the workspace's own catalog entries count here too
    token = csrf(client, f"/w/{ws}/catalog")
    own = "- id: line-official-account\n  summary: {zh-TW: 我們店的 LINE 帳號, en: Our LINE}\n"
    client.post(f"/w/{ws}/catalog", data={"csrf_token": token, "entries": own})
    assert "我們店的 LINE 帳號" in client.get(f"/w/{ws}/tools/line-official-account").text
    assert client.get(f"/w/{ws}/tools/no-such-tool").status_code == 404


def test_an_unfinished_retake_keeps_the_last_result_in_front_with_a_way_back(
    client: TestClient,
) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    q = readiness_questionnaire()
    first = _answers(pick=2)
    answer_every_page(client, ws, first)
    retake = client.get(f"/w/{ws}/readiness?retake=true").text
    assert "第 1 步，共 5 步" in retake
    assert _checked(retake) >= {(k, str(v)) for k, v in first.items() if k == "s1"}  # prefilled
    post_page(client, ws, 1, _answers(pick=4))
    shown = client.get(f"/w/{ws}/readiness").text
    assert f"{score(q, first).overall}/100" in shown  # the finished result stays in front
    assert 'data-testid="draft-notice"' in shown and "第 2 步" in shown
    assert f'href="/w/{ws}/readiness?page=2"' in shown
