"""The evaluation page: headline figures, the year table, and four charts with tables."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from aibudget.domain.results import PLAN_LINES_ID
from aibudget.engine.worries import worry_facts
from aibudget.present.evaluation import chance_text
from aibudget.present.practice import evaluation_summary, evaluation_worries
from aibudget.service import evaluation, versions
from aibudget.web.charts import all_charts, figures_json
from aibudget.web.context import CurrentUser, T, WebDep, render

router = APIRouter(include_in_schema=False)


@router.get("/w/{ws}/p/{plan_id}/v/{number}/evaluate")
def evaluate_page(
    request: Request,
    web: WebDep,
    user: CurrentUser,
    t: T,
    ws: str,
    plan_id: str,
    number: int,
    trials: int | None = None,
) -> Response:
    (space, summary, version), worries = versions.shown_with_worries(
        web.db, user.id, ws, plan_id, number
    )
    result, sim = evaluation.run(web.runs, user.id, version, trials)
    facts = worry_facts(version.plan, result, sim)
    charts = all_charts(t, result, sim)
    return render(
        request,
        "evaluate.html",
        space=space,
        summary=summary,
        version=version,
        plan=version.plan,
        result=result,
        sim=sim,
        prob_loss=chance_text(t, sim.prob_loss),
        charts=charts,
        figures_json=figures_json(charts),
        plan_lines_id=PLAN_LINES_ID,
        summary_text=evaluation_summary(t, result, sim),
        worries=evaluation_worries(t, version.plan, facts, worries),
    )
