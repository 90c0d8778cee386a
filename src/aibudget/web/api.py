"""JSON API under /api/v1: workspaces, plans, versions, evaluate.

Auth: ``Authorization: Bearer <personal token>``, or the session cookie plus the
``X-CSRF-Token`` header on changes. Every error has one shape (see errors.py).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from aibudget.catalog import catalog_for, kpi_ids, readiness_questionnaire, tool_catalog
from aibudget.domain.errors import PlanError
from aibudget.domain.plan import Plan
from aibudget.domain.validate import parse_plan
from aibudget.engine.readiness import score, suggest_tools
from aibudget.present.documents import EvaluationDocument
from aibudget.present.guidance import FindingDocument, ReadinessDocument, readiness_document
from aibudget.present.optimize import AllocationDocument, allocation_document
from aibudget.service import catalogs
from aibudget.store import assessments, plans, users, workspaces
from aibudget.store import catalogs as workspace_catalogs
from aibudget.store.records import Role, User
from aibudget.web import allocation, evaluation
from aibudget.web.api_schemas import (
    AssessIn,
    CatalogIn,
    CatalogOut,
    ErrorOut,
    EvaluateIn,
    PlanIn,
    PlanOut,
    PlanPatch,
    RestoreIn,
    StatusIn,
    VersionIn,
    VersionInfoOut,
    VersionOut,
    WorkspaceIn,
    WorkspaceOut,
)
from aibudget.web.context import (
    SAFE_METHODS,
    WebDep,
    optional_user,
    reading,
    session,
    state,
    translator,
)
from aibudget.web.errors import CsrfFailed, NotSignedIn
from aibudget.web.health import health
from aibudget.web.json_bodies import JsonInThreadRoute
from aibudget.web.security import CSRF_HEADER

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut} for code in (400, 401, 403, 404, 409, 422, 429, 503)
}


def api_user(request: Request) -> User:
    header = request.headers.get("authorization", "")
    if header:
        scheme, _, token = header.partition(" ")
        user = None
        if scheme.lower() == "bearer" and token:
            with reading(request) as s:
                user = users.user_for_token(s, token.strip())
        if user is None:
            raise NotSignedIn()
        request.state.user = user
        return user
    found = optional_user(request)
    if found is None:
        raise NotSignedIn()
    if request.method not in SAFE_METHODS and not state(request).sessions.csrf_ok(
        session(request), request.headers.get(CSRF_HEADER)
    ):
        raise CsrfFailed()
    return found


ApiUser = Annotated[User, Depends(api_user)]
router = APIRouter(prefix="/api/v1", tags=["v1"], responses=ERRORS, route_class=JsonInThreadRoute)
WS = "/workspaces/{workspace_id}"
PLAN = WS + "/plans/{plan_id}"
VERSION = PLAN + "/versions/{number}"


def _plan(document: dict[str, Any]) -> Plan:
    return parse_plan(document, kpi_ids())


@router.get("/workspaces", response_model=list[WorkspaceOut])
def list_workspaces(web: WebDep, user: ApiUser) -> Any:
    with web.db.session() as s:
        return workspaces.list_for(s, user.id)


@router.post("/workspaces", response_model=WorkspaceOut, status_code=201)
def create_workspace(web: WebDep, user: ApiUser, body: WorkspaceIn) -> Any:
    with web.db.write() as s:
        return workspaces.create(s, user.id, body.name)


@router.get(WS, response_model=WorkspaceOut)
def get_workspace(web: WebDep, user: ApiUser, workspace_id: str) -> Any:
    with web.db.session() as s:
        return workspaces.require(s, user.id, workspace_id)


@router.patch(WS, response_model=WorkspaceOut)
def rename_workspace(web: WebDep, user: ApiUser, workspace_id: str, body: WorkspaceIn) -> Any:
    with web.db.write() as s:
        return workspaces.rename(s, user.id, workspace_id, body.name)


@router.get(WS + "/plans", response_model=list[PlanOut])
def list_plans(web: WebDep, user: ApiUser, workspace_id: str) -> Any:
    with web.db.session() as s:
        return plans.list_plans(s, user.id, workspace_id)


@router.post(WS + "/plans", response_model=VersionOut, status_code=201)
def create_plan(web: WebDep, user: ApiUser, workspace_id: str, body: PlanIn) -> Any:
    with web.db.session() as s:
        workspaces.require(s, user.id, workspace_id)
    plan = _plan(body.document)
    with web.db.write() as s:
        return plans.create(s, user.id, workspace_id, body.name, plan, body.note)


@router.get(PLAN, response_model=PlanOut)
def get_plan(web: WebDep, user: ApiUser, workspace_id: str, plan_id: str) -> Any:
    with web.db.session() as s:
        return plans.summary(s, user.id, workspace_id, plan_id)


@router.patch(PLAN, response_model=PlanOut)
def rename_plan(
    web: WebDep, user: ApiUser, workspace_id: str, plan_id: str, body: PlanPatch
) -> Any:
    with web.db.write() as s:
        plans.rename(s, user.id, workspace_id, plan_id, body.name)
        return plans.summary(s, user.id, workspace_id, plan_id)


@router.delete(PLAN, status_code=204)
def delete_plan(web: WebDep, user: ApiUser, workspace_id: str, plan_id: str) -> Response:
    with web.db.write() as s:
        plans.delete(s, user.id, workspace_id, plan_id)
    return Response(status_code=204)


@router.get(PLAN + "/versions", response_model=list[VersionInfoOut])
def list_versions(web: WebDep, user: ApiUser, workspace_id: str, plan_id: str) -> Any:
    with web.db.session() as s:
        return plans.versions(s, user.id, workspace_id, plan_id)


@router.post(PLAN + "/versions", response_model=VersionOut, status_code=201)
def save_version(
    web: WebDep, user: ApiUser, workspace_id: str, plan_id: str, body: VersionIn
) -> Any:
    with web.db.session() as s:
        plans.summary(s, user.id, workspace_id, plan_id)
    plan = _plan(body.document)
    with web.db.write() as s:
        return plans.save(s, user.id, workspace_id, plan_id, plan, body.note)


@router.get(VERSION, response_model=VersionOut)
def get_version(web: WebDep, user: ApiUser, workspace_id: str, plan_id: str, number: int) -> Any:
    with web.db.session() as s:
        return plans.version(s, user.id, workspace_id, plan_id, number)


@router.patch(VERSION, response_model=VersionInfoOut)
def set_status(
    web: WebDep, user: ApiUser, workspace_id: str, plan_id: str, number: int, body: StatusIn
) -> Any:
    with web.db.write() as s:
        return plans.set_status(s, user.id, workspace_id, plan_id, number, body.status)


@router.post(VERSION + "/restore", response_model=VersionOut, status_code=201)
def restore_version(
    web: WebDep, user: ApiUser, workspace_id: str, plan_id: str, number: int, body: RestoreIn
) -> Any:
    with web.db.write() as s:
        return plans.restore(s, user.id, workspace_id, plan_id, number, body.note)


@router.post(VERSION + "/evaluate", response_model=EvaluationDocument)
def evaluate_version(
    web: WebDep, user: ApiUser, workspace_id: str, plan_id: str, number: int, body: EvaluateIn
) -> Response:
    """Cash flows, NPV, ROI, payback and the simulation (bounded trials and time).

    The document of ``aibudget evaluate --json``; money amounts are exact decimal strings.
    """
    with web.db.session() as s:
        version = plans.version(s, user.id, workspace_id, plan_id, number)
    answer = evaluation.run_json(web, user.id, version, body.trials)
    return Response(answer, media_type="application/json")


@router.get(VERSION + "/lint", response_model=list[FindingDocument])
def lint_version(
    request: Request, web: WebDep, user: ApiUser, workspace_id: str, plan_id: str, number: int
) -> Any:
    """The health check of a version: each pitfall with its severity, fix and place."""
    with web.db.session() as s:
        version = plans.version(s, user.id, workspace_id, plan_id, number)
        catalog, problems, _ = catalogs.for_plan(s, user.id, workspace_id, version.plan)
    return [
        FindingDocument(
            rule=h.rule, severity=h.severity, message=h.message, fix=h.fix, where=h.where
        )
        for h in health(translator(request), version.plan, catalog, problems)
    ]


@router.post(VERSION + "/optimise", response_model=AllocationDocument)
def optimise_version(
    request: Request, web: WebDep, user: ApiUser, workspace_id: str, plan_id: str, number: int
) -> AllocationDocument:
    """The allocation (``aibudget optimize --json``): time-bounded, rate-limited per user."""
    with web.db.session() as s:
        version = plans.version(s, user.id, workspace_id, plan_id, number)
    result = allocation.run(web, user.id, version)
    return allocation_document(translator(request), result, version.plan, tool_catalog())


@router.post(WS + "/assess", response_model=ReadinessDocument, status_code=201)
def assess(
    request: Request, web: WebDep, user: ApiUser, workspace_id: str, body: AssessIn
) -> ReadinessDocument:
    """Score readiness answers (as ``aibudget assess --json``) and keep them."""
    with web.db.session() as s:
        workspaces.require(s, user.id, workspace_id, Role.EDITOR)
    q = readiness_questionnaire()
    answers = dict(body.answers)
    result = score(q, answers)
    with web.db.write() as s:
        assessments.save(s, user.id, workspace_id, answers)
    suggestions = suggest_tools(result, tool_catalog(), q.thresholds)
    return readiness_document(translator(request), q, result, suggestions)


@router.get(
    WS + "/assess",
    response_model=ReadinessDocument,
    responses={204: {"description": "No assessment was taken in this workspace yet."}},
)
def latest_assessment(request: Request, web: WebDep, user: ApiUser, workspace_id: str) -> Any:
    """The workspace's latest readiness result (204, no content, before the first)."""
    with web.db.session() as s:
        found = assessments.latest(s, user.id, workspace_id)
    if found is None:
        return Response(status_code=204)
    q = readiness_questionnaire()
    result = score(q, found.answers)
    suggestions = suggest_tools(result, tool_catalog(), q.thresholds)
    return readiness_document(translator(request), q, result, suggestions)


@router.get(WS + "/catalog", response_model=CatalogOut)
def get_catalog(web: WebDep, user: ApiUser, workspace_id: str) -> Any:
    """The workspace's own catalog entries (over the built-in catalog)."""
    with web.db.session() as s:
        return workspace_catalogs.get(s, user.id, workspace_id)


@router.put(WS + "/catalog", response_model=CatalogOut)
def put_catalog(web: WebDep, user: ApiUser, workspace_id: str, body: CatalogIn) -> Any:
    """Replace the workspace's catalog entries; every problem is named by its path."""
    with web.db.session() as s:
        workspaces.require(s, user.id, workspace_id, Role.EDITOR)
    _catalog, problems = catalog_for(body.entries)
    if problems:
        raise PlanError(problems)
    with web.db.write() as s:
        return workspace_catalogs.put(s, user.id, workspace_id, body.entries)
