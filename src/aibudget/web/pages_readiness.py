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
from aibudget.domain.guidance import AnswersError, CatalogTool, Questionnaire, ReadinessResult
from aibudget.engine.readiness import score, suggest_tools
from aibudget.i18n import Translator
from aibudget.store import assessments, workspaces
from aibudget.store.records import Role
from aibudget.web.context import CurrentUser, T, WebDep, check_csrf, render
from aibudget.web.errors import problem_text

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)


PILOT_STEPS = 5  # readiness.pilot.1 ... readiness.pilot.5


def _badges(t: Translator, entry: CatalogTool) -> list[str]:
    marks = [
        ("TW" in entry.markets, "readiness.fit_tw"),
        (bool(entry.line), "readiness.fit_line"),
        (entry.free_option, "readiness.free"),
    ]
    return [t(message) for shown, message in marks if shown]


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
                        "name": catalog[i].name,
                        "summary": catalog[i].summary.get(t.locale),
                        "badges": _badges(t, catalog[i]),
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
    answers: dict[str, Any],
    problems: dict[str, str],
    status: int = 200,
) -> Response:
    q = readiness_questionnaire()
    chosen = {k: (v if isinstance(v, list) else [v]) for k, v in answers.items()}
    questions = [
        {
            "id": question.id,
            "text": question.text.get(t.locale),
            "multi": question.multi,
            "scale": q.scales[question.scale].get(t.locale) if question.scale in q.scales else "",
            "options": [(i + 1, o.text.get(t.locale)) for i, o in enumerate(question.options)],
            "chosen": chosen.get(question.id, []),
        }
        for question in q.questions
    ]
    return render(
        request, "readiness_form.html", status, space=space, questions=questions, problems=problems
    )


@router.get("/w/{ws}/readiness")
def readiness_page(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, retake: bool = False
) -> Response:
    with web.db.session() as s:
        space = workspaces.require(s, user.id, ws)
        found = assessments.latest(s, user.id, ws)
    if found is None or retake:
        if not space.role.can_edit:
            return render(request, "readiness_result.html", space=space, found=None)
        return _form(request, t, space, found.answers if found else {}, {})
    q = readiness_questionnaire()
    view = result_view(t, q, score(q, found.answers))
    return render(request, "readiness_result.html", space=space, found=found, **view)


@router.post("/w/{ws}/readiness")
async def readiness_submit(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str
) -> Response:
    with web.db.session() as s:
        space = workspaces.require(s, user.id, ws, Role.EDITOR)
    q = readiness_questionnaire()
    form = await request.form()
    answers: dict[str, Any] = {}
    for question in q.questions:
        values = [v for v in form.getlist(question.id) if isinstance(v, str) and v.isdigit()]
        numbers = [int(v) for v in values[: len(question.options)]]
        if numbers:
            answers[question.id] = numbers if question.multi else numbers[0]
    try:
        score(q, answers)
    except AnswersError as err:
        problems = {str(p.path[0]): problem_text(t, p) for p in err.problems if p.path}
        return _form(request, t, space, answers, problems, 422)
    with web.db.write() as s:
        assessments.save(s, user.id, ws, answers)
    return RedirectResponse(f"/w/{ws}/readiness", status_code=303)
