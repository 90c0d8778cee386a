"""Step 0: the readiness and confidence self-assessment of a workspace.

The questionnaire, the scoring and the suggested tools come from aibudget.catalog and
aibudget.engine.readiness (the same as ``aibudget assess``); this page only asks,
stores the answers and shows the result.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from aibudget.catalog import readiness_questionnaire, tool_catalog
from aibudget.domain.guidance import (
    AnswersError,
    Question,
    Questionnaire,
    ReadinessResult,
)
from aibudget.domain.texts import N_
from aibudget.engine.readiness import check_page, page_of, score, suggest_tools
from aibudget.i18n import Translator
from aibudget.present.guidance import fit_badges
from aibudget.service.readiness import answering
from aibudget.store import assessments, workspaces
from aibudget.store.records import Assessment
from aibudget.web.context import CurrentUser, FormFields, ReadSession, T, WebDep, check_csrf, render
from aibudget.web.errors import problem_text

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)


PILOT_STEPS = 5  # readiness.pilot.1 ... readiness.pilot.5


def result_view(t: Translator, q: Questionnaire, result: ReadinessResult) -> dict[str, Any]:
    """What the page shows: the pilot checklist, suggested tools by name with their fit,
    advice texts, and the scores by scale name (folded away)."""
    catalog = tool_catalog()
    suggestions = suggest_tools(result, catalog, q.thresholds)
    return {
        "result": result,
        "pilot_steps": [t(f"readiness.pilot.{n}") for n in range(1, PILOT_STEPS + 1)],
        "dimensions": [(q.scales[k].get(t.locale), v) for k, v in result.dimensions.items()],
        "anxieties": [(q.scales[k].get(t.locale), v) for k, v in result.anxieties.items()],
        "suggestions": [
            (
                t(f"category.{c.value}"),
                [
                    {
                        "id": catalog[i].id,
                        "name": catalog[i].name,
                        "summary": catalog[i].summary.get(t.locale),
                        "badges": fit_badges(t, catalog[i]),
                    }
                    for i in ids
                ],
            )
            for c, ids in suggestions.items()
        ],
        "advice": [
            (q.advice[k].title.get(t.locale), q.advice[k].text.get(t.locale)) for k in result.advice
        ],
    }


def _form(
    request: Request,
    t: T,
    space: Any,
    number: int,
    answers: dict[str, Any],
    problems: dict[str, str],
    status: int = 200,
) -> Response:
    """Page ``number`` of the questionnaire with the answers so far and the problems
    beside their questions."""
    q = readiness_questionnaire()
    chosen = {k: (v if isinstance(v, list) else [v]) for k, v in answers.items()}
    questions = [
        {
            "id": question.id,
            "text": question.text.get(t.locale),
            "multi": question.multi,
            "options": [(i + 1, o.text.get(t.locale)) for i, o in enumerate(question.options)],
            "chosen": chosen.get(question.id, []),
        }
        for question in q.page(number)
    ]
    topic = q.pages[number - 1].title.get(t.locale)
    return render(
        request, "readiness_form.html", status, space=space, questions=questions,
        problems=problems, page=number, pages=len(q.pages), topic=topic,
        total=len(q.questions),
    )  # fmt: skip


def _page_number(value: Any, pages: int, default: int = 1) -> int:
    """A page number from a form or address, kept within the questionnaire."""
    text = str(value) if value is not None else ""
    return min(max(int(text), 1), pages) if text.isdigit() else default


def _so_far(draft: assessments.Draft | None, found: Assessment | None) -> dict[str, Any]:
    """The answers to show: the unfinished ones, else the last assessment's (to retake)."""
    if draft is not None:
        return dict(draft.answers)
    return dict(found.answers) if found else {}


@router.get("/w/{ws}/readiness")
def readiness_page(
    request: Request,
    s: ReadSession,
    user: CurrentUser,
    t: T,
    ws: str,
    retake: bool = False,
    page: str | None = None,
) -> Response:
    """The result of the last assessment (with a way back to unfinished answers), or
    the questionnaire where this user stopped."""
    space = workspaces.require(s, user.id, ws)
    found = assessments.latest(s, user.id, ws)
    draft = assessments.draft(s, user.id, ws) if space.role.can_edit else None
    q = readiness_questionnaire()
    if found is not None and not retake and page is None:
        view = result_view(t, q, score(q, found.answers))
        return render(
            request, "readiness_result.html", space=space, found=found, draft=draft,
            pages=len(q.pages), **view,
        )  # fmt: skip
    if not space.role.can_edit:
        return render(request, "readiness_result.html", space=space, found=None)
    number = _page_number(page, len(q.pages), draft.page if draft else 1)
    return _form(request, t, space, number, _so_far(draft, found), {})


def _page_answers(form: Any, questions: list[Question]) -> dict[str, Any]:
    """The option numbers ticked for these questions (anything else is left out)."""
    answers: dict[str, Any] = {}
    for question in questions:
        values = [v for v in form.getlist(question.id) if isinstance(v, str) and v.isdigit()]
        numbers = [int(v) for v in values[: len(question.options)]]
        if numbers:
            answers[question.id] = numbers if question.multi else numbers[0]
    return answers


def _problems(t: Translator, err: AnswersError) -> dict[str, str]:
    return {str(p.path[0]): problem_text(t, p) for p in err.problems if p.path}


@router.post("/w/{ws}/readiness")
def readiness_submit(
    request: Request, web: WebDep, user: CurrentUser, t: T, form: FormFields, ws: str
) -> Response:
    """One page of answers: Back keeps them and goes back; Next checks them, keeps them
    and goes on; Next on the last page stores the assessment."""
    space, found, draft = answering(web.db, user.id, ws)
    q = readiness_questionnaire()
    number = _page_number(form.get("page"), len(q.pages))
    given = _page_answers(form, q.page(number))
    back = form.get("go") == "back"
    try:
        check_page(q, number, given)
    except AnswersError as err:
        if not back:
            answers = {**_so_far(draft, found), **given}
            return _form(request, t, space, number, answers, _problems(t, err), 422)
        given = {k: v for k, v in given.items() if k not in _problems(t, err)}  # kept: the valid
    answers = {**_so_far(draft, found), **given}
    if back or number < len(q.pages):
        go_to = max(number - 1, 1) if back else number + 1
        with web.db.write() as s:
            assessments.keep_draft(s, user.id, ws, answers, go_to)
        return RedirectResponse(f"/w/{ws}/readiness?page={go_to}", status_code=303)
    return _finish(request, web, user.id, t, space, answers)


def _finish(
    request: Request, web: Any, user_id: str, t: Translator, space: Any, answers: dict[str, Any]
) -> Response:
    """Store the assessment, or show the first page that still has a question open."""
    q = readiness_questionnaire()
    try:
        score(q, answers)
    except AnswersError as err:
        number = min(page_of(q, str(p.path[0])) for p in err.problems if p.path)
        with web.db.write() as s:
            assessments.keep_draft(s, user_id, space.id, answers, number)
        return _form(request, t, space, number, answers, _problems(t, err), 422)
    with web.db.write() as s:
        assessments.save(s, user_id, space.id, answers)
    return RedirectResponse(f"/w/{space.id}/readiness", status_code=303)


# Message ids built at run time in this module, declared for message extraction.
PILOT_MESSAGES = (
    N_("readiness.pilot.1"),
    N_("readiness.pilot.2"),
    N_("readiness.pilot.3"),
    N_("readiness.pilot.4"),
    N_("readiness.pilot.5"),
)
