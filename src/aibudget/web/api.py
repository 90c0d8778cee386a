"""JSON API under /api/v1: workspaces, plans, versions, evaluate.

Auth: ``Authorization: Bearer <personal token>``, or the session cookie plus the
``X-CSRF-Token`` header on changes. Every error has one shape (see errors.py).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import JSONResponse

from aibudget.catalog import readiness_questionnaire, tool_catalog
from aibudget.engine.readiness import score, suggest_tools
from aibudget.present.documents import EvaluationDocument, evaluation_document
from aibudget.present.guidance import FindingDocument, ReadinessDocument, readiness_document
from aibudget.present.optimize import AllocationDocument, allocation_document
from aibudget.service import allocation, catalogs, evaluation, readiness, versions
from aibudget.store import assessments, plans, users, workspaces
from aibudget.store import catalogs as workspace_catalogs
from aibudget.store.records import PlanVersion, User
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
    ReadSession,
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
from aibudget.web.state import WebState

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


@router.get("/workspaces", response_model=list[WorkspaceOut])
def list_workspaces(s: ReadSession, user: ApiUser) -> Any:
    return workspaces.list_for(s, user.id)


@router.post("/workspaces", response_model=WorkspaceOut, status_code=201)
def create_workspace(web: WebDep, user: ApiUser, body: WorkspaceIn) -> Any:
    with web.db.write() as s:
        return workspaces.create(s, user.id, body.name)


@router.get(WS, response_model=WorkspaceOut)
def get_workspace(s: ReadSession, user: ApiUser, workspace_id: str) -> Any:
    return workspaces.require(s, user.id, workspace_id)


@router.patch(WS, response_model=WorkspaceOut)
def rename_workspace(web: WebDep, user: ApiUser, workspace_id: str, body: WorkspaceIn) -> Any:
    with web.db.write() as s:
        return workspaces.rename(s, user.id, workspace_id, body.name)


@router.get(WS + "/plans", response_model=list[PlanOut])
def list_plans(s: ReadSession, user: ApiUser, workspace_id: str) -> Any:
    return plans.list_plans(s, user.id, workspace_id)


@router.post(WS + "/plans", response_model=VersionOut, status_code=201)
def create_plan(web: WebDep, user: ApiUser, workspace_id: str, body: PlanIn) -> Any:
    return versions.create_plan(web.db, user.id, workspace_id, body.name, body.document, body.note)


@router.get(PLAN, response_model=PlanOut)
def get_plan(s: ReadSession, user: ApiUser, workspace_id: str, plan_id: str) -> Any:
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
def list_versions(s: ReadSession, user: ApiUser, workspace_id: str, plan_id: str) -> Any:
    return plans.versions(s, user.id, workspace_id, plan_id)


@router.post(PLAN + "/versions", response_model=VersionOut, status_code=201)
def save_version(
    web: WebDep, user: ApiUser, workspace_id: str, plan_id: str, body: VersionIn
) -> Any:
    return versions.save_version(web.db, user.id, workspace_id, plan_id, body.document, body.note)


@router.get(VERSION, response_model=VersionOut)
def get_version(s: ReadSession, user: ApiUser, workspace_id: str, plan_id: str, number: int) -> Any:
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
    version = versions.version(web.db, user.id, workspace_id, plan_id, number)
    answer = evaluation_json(web, user.id, version, body.trials)
    return Response(answer, media_type="application/json")


def evaluation_json(
    web: WebState, user_id: str, version: PlanVersion, trials: int | None = None
) -> bytes:
    """The evaluate answer (from the kept evaluation): the bytes FastAPI would send for
    the document as its ``response_model`` (Decimals as exact strings).

    Not kept itself: building and encoding it cost a few milliseconds, against the
    evaluation it shows (kept) that costs far more.
    """
    result, sim = evaluation.run(web.runs, user_id, version, trials)
    document = evaluation_document(result, sim).model_dump(mode="json")
    return bytes(JSONResponse(document).body)


@router.get(VERSION + "/lint", response_model=list[FindingDocument])
def lint_version(
    request: Request, s: ReadSession, user: ApiUser, workspace_id: str, plan_id: str, number: int
) -> Any:
    """The health check of a version: each pitfall with its severity, fix and place."""
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
    version = versions.version(web.db, user.id, workspace_id, plan_id, number)
    result = allocation.run(web.runs, user.id, version)
    return allocation_document(translator(request), result, version.plan, tool_catalog())


@router.post(WS + "/assess", response_model=ReadinessDocument, status_code=201)
def assess(
    request: Request, web: WebDep, user: ApiUser, workspace_id: str, body: AssessIn
) -> ReadinessDocument:
    """Score readiness answers (as ``aibudget assess --json``) and keep them."""
    q = readiness_questionnaire()
    result = readiness.assess(web.db, user.id, workspace_id, dict(body.answers))
    suggestions = suggest_tools(result, tool_catalog(), q.thresholds)
    return readiness_document(translator(request), q, result, suggestions)


@router.get(
    WS + "/assess",
    response_model=ReadinessDocument,
    responses={204: {"description": "No assessment was taken in this workspace yet."}},
)
def latest_assessment(request: Request, s: ReadSession, user: ApiUser, workspace_id: str) -> Any:
    """The workspace's latest readiness result (204, no content, before the first)."""
    found = assessments.latest(s, user.id, workspace_id)
    if found is None:
        return Response(status_code=204)
    q = readiness_questionnaire()
    result = score(q, found.answers)
    suggestions = suggest_tools(result, tool_catalog(), q.thresholds)
    return readiness_document(translator(request), q, result, suggestions)


@router.get(WS + "/catalog", response_model=CatalogOut)
def get_catalog(s: ReadSession, user: ApiUser, workspace_id: str) -> Any:
    """The workspace's own catalog entries (over the built-in catalog)."""
    return workspace_catalogs.get(s, user.id, workspace_id)


@router.put(WS + "/catalog", response_model=CatalogOut)
def put_catalog(web: WebDep, user: ApiUser, workspace_id: str, body: CatalogIn) -> Any:
    """Replace the workspace's catalog entries; every problem is named by its path."""
    return catalogs.replace_entries(web.db, user.id, workspace_id, body.entries)
