"""The tool comparison page: the plan's tools scored on six criteria with the weights
the owner sets (:mod:`aibudget.engine.compare`); saving the weights and the owner's own
scores makes a new version of the plan."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from aibudget.catalog import catalog_for
from aibudget.domain.plan import Plan
from aibudget.domain.practice import CRITERIA, Comparison, ToolScores, Weights
from aibudget.engine.compare import rank, stack_names
from aibudget.service import versions
from aibudget.store import plans, workspaces
from aibudget.web.context import CurrentUser, FormFields, ReadSession, T, WebDep, check_csrf, render

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
PAGE = "/w/{ws}/p/{plan_id}/compare"


@router.get(PAGE)
def compare_page(
    request: Request,
    s: ReadSession,
    user: CurrentUser,
    ws: str,
    plan_id: str,
    saved: int = 0,
) -> Response:
    space = workspaces.require(s, user.id, ws)
    summary = plans.summary(s, user.id, ws, plan_id)
    version = plans.version(s, user.id, ws, plan_id)
    plan = version.plan
    catalog, _ = catalog_for(plan.catalog)
    return render(
        request, "compare.html", space=space, summary=summary, version=version, plan=plan,
        ranked=rank(plan, catalog), criteria=CRITERIA, weights=plan.comparison.weights,
        own={s.tool: s for s in plan.comparison.scores}, stack=stack_names(plan.stack),
        saved=bool(saved),
    )  # fmt: skip


def _choice(value: Any, low: int) -> int | None:
    text = str(value or "")
    return int(text) if text.isascii() and text.isdigit() and low <= int(text) <= 5 else None


def comparison_from_form(plan: Plan, form: Any) -> Comparison:
    """Weights 0-5 (a value outside keeps the old weight) and own scores 1-5 (empty or
    outside: the catalog's score)."""
    old = plan.comparison.weights.model_dump()
    weights = {
        c: w if (w := _choice(form.get(f"w-{c}"), 0)) is not None else old[c] for c in CRITERIA
    }
    scores = []
    for tool in plan.tools:
        mine = {c: _choice(form.get(f"s-{tool.id}-{c}"), 1) for c in CRITERIA}
        if any(v is not None for v in mine.values()):
            scores.append(ToolScores(tool=tool.id, **mine))
    return Comparison(weights=Weights(**weights), scores=scores)


@router.post(PAGE)
def compare_save(
    web: WebDep, user: CurrentUser, t: T, form: FormFields, ws: str, plan_id: str
) -> Response:
    version = versions.newest_to_edit(web.db, user.id, ws, plan_id)
    comparison = comparison_from_form(version.plan, form)
    if comparison != version.plan.comparison:
        changed = version.plan.model_copy(update={"comparison": comparison})
        with web.db.write() as s:
            plans.save(
                s, user.id, ws, plan_id, changed, t("practice.note_compare"), base=version.number
            )
    return RedirectResponse(f"/w/{ws}/p/{plan_id}/compare?saved=1", status_code=303)
