"""JSON API of step 5 under /api/v1: a plan's actuals, imports, the review, the proposal.

The same use cases as the pages (:mod:`aibudget.service.monitor`,
:mod:`aibudget.service.actuals_import`, :mod:`aibudget.service.review`) and the same
documents as the CLI: the review is the ``aibudget review --json`` document. Imports are
previewed (nothing written; a file with problems is a 422 naming each line) and merged
only on confirm, in one step. One entry is corrected (PUT) or deleted (DELETE) by its
fingerprint with the rules and messages of the page
(:mod:`aibudget.service.actuals_edit`); a fingerprint no longer stored is a 409.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, Response, UploadFile

from aibudget.catalog import kpi_entries
from aibudget.domain.actuals import Actuals, MergeReport
from aibudget.domain.errors import AibudgetError, Problem
from aibudget.domain.texts import N_
from aibudget.i18n import Translator
from aibudget.imports import Preview
from aibudget.present.reallocate import proposal_document
from aibudget.present.review_documents import preview_document, review_document
from aibudget.service import access, actuals_import, limits, review, versions
from aibudget.service.actuals_edit import correct, delete, find
from aibudget.service.actuals_entry import Entry
from aibudget.service.actuals_import import UploadRefused, check_upload, preview_file
from aibudget.service.import_routes import unbooked
from aibudget.service.monitor import add_entry, month_rows, plan_actuals
from aibudget.service.review import BadMonth, plan_digest, reviewed
from aibudget.store.errors import Conflict
from aibudget.store.records import Role
from aibudget.web.api import ERRORS, PLAN, ApiUser
from aibudget.web.api_schemas import (
    MONTH_FORMAT,
    MONTH_PATTERN,
    ActualsCorrectionIn,
    ActualsEntryIn,
    ActualsOut,
    ConfirmIn,
    CorrectedOut,
    ImportOut,
    ProposalDecisionIn,
    ReviewOut,
    SavedOut,
    VersionOut,
)
from aibudget.web.context import WebDep, translator
from aibudget.web.json_bodies import JsonInThreadRoute

router = APIRouter(prefix="/api/v1", tags=["v1"], responses=ERRORS, route_class=JsonInThreadRoute)
MONTH = re.compile(MONTH_PATTERN)
AsOf = Annotated[
    str, Query(max_length=7, json_schema_extra=MONTH_FORMAT, description="YYYY-MM, if chosen.")
]


def _month(as_of: str) -> str:
    """``as_of`` as the OpenAPI document states it (the pages take dates as well)."""
    if not MONTH.fullmatch(as_of):
        raise BadMonth(value=as_of[:20])
    return as_of


class EntryInvalid(AibudgetError):
    message_id = N_("monitor.api.entry_invalid")
    http_status = 422

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(count=len(problems))
        self.problems = problems


class ImportInvalid(EntryInvalid):
    message_id = N_("monitor.api.import_invalid")


class ActualsConflict(Conflict):
    message_id = N_("monitor.api.conflict")

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(count=len(problems))
        self.problems = problems


class NoActuals(Conflict):
    message_id = "monitor.web.no_actuals"


def _entry_problems(entry: Entry) -> list[Problem]:
    return [Problem((k,), mid, p) for k, (mid, p) in entry.problems.items()]


def _saved(stored: Actuals, report: MergeReport) -> dict[str, Any]:
    return {"report": report.model_dump(), "actuals": _actuals_doc(stored)}


def _actuals_doc(stored: Actuals) -> dict[str, Any]:
    return stored.model_dump(mode="json") | {"months": month_rows(stored)}


def _lines(t: Translator, preview: Preview) -> list[Problem]:
    """Each problem of a file, at its line (reasons translated as the CLI shows them)."""
    found = []
    for p in preview.problems:
        params = dict(p.params)
        if "reason" in params:
            params["reason"] = t(str(params["reason"]), **params)
        found.append(Problem((preview.file,), p.message_id, params, p.line))
    return found or [Problem((preview.file,), N_("monitor.api.import_invalid"), {"count": 0})]


@router.get(PLAN + "/actuals", response_model=ActualsOut)
def get_actuals(web: WebDep, user: ApiUser, workspace_id: str, plan_id: str) -> dict[str, Any]:
    """All actuals of the plan, and per month: spent, committed, hours saved, records."""
    _, _, _, stored = plan_actuals(web.db, user.id, workspace_id, plan_id)
    return _actuals_doc(stored)


@router.post(PLAN + "/actuals", response_model=SavedOut, status_code=201)
def add_actuals(
    web: WebDep, user: ApiUser, workspace_id: str, plan_id: str, body: ActualsEntryIn
) -> Any:
    """One month's entries, validated like the entry form (every bad field named)."""
    _, _, version, _ = plan_actuals(web.db, user.id, workspace_id, plan_id, Role.EDITOR)
    form = {k: str(v) for k, v in body.model_dump(exclude={"replace"}).items() if v is not None}
    entry, merged = add_entry(
        web.db, user.id, workspace_id, plan_id, version.plan, form, body.replace
    )
    if merged is None:
        raise EntryInvalid(_entry_problems(entry))
    if merged.conflicts:
        raise ActualsConflict(merged.conflicts)
    return _saved(merged.stored, merged.report)


@router.put(PLAN + "/actuals/{fingerprint}", response_model=CorrectedOut)
def correct_actual(
    web: WebDep, user: ApiUser, workspace_id: str, plan_id: str, fingerprint: str,
    body: ActualsCorrectionIn,
) -> Any:  # fmt: skip
    """Replace the entry with ``fingerprint`` by the body, validated like the entry form
    (every bad field named, nothing written). 409 when no entry has that fingerprint any
    more (changed or deleted meanwhile), or when another entry is about the same thing."""
    _, _, version, stored = plan_actuals(web.db, user.id, workspace_id, plan_id, Role.EDITOR)
    form = {k: str(v) for k, v in body.model_dump().items() if v is not None}
    entry, changed = correct(
        web.db, user.id, workspace_id, plan_id, version.plan, stored, fingerprint, form
    )
    if entry.problems:
        raise EntryInvalid(_entry_problems(entry))
    _, _, _, now = plan_actuals(web.db, user.id, workspace_id, plan_id)
    record = entry.records[0] if changed else find(stored, fingerprint)
    return {"record": record.model_dump(mode="json"), "actuals": _actuals_doc(now)}


@router.delete(PLAN + "/actuals/{fingerprint}", status_code=204)
def delete_actual(
    web: WebDep, user: ApiUser, workspace_id: str, plan_id: str, fingerprint: str
) -> Response:
    """Delete the entry with ``fingerprint`` (audited); 409 when no entry has that
    fingerprint any more."""
    _, _, version, _ = plan_actuals(web.db, user.id, workspace_id, plan_id, Role.EDITOR)
    delete(web.db, user.id, workspace_id, plan_id, version.plan.currency, fingerprint)
    return Response(status_code=204)


@router.post(PLAN + "/actuals/imports", response_model=ImportOut)
def preview_import(
    request: Request,
    web: WebDep,
    user: ApiUser,
    workspace_id: str,
    plan_id: str,
    file: Annotated[UploadFile | None, File()] = None,
    fmt: Annotated[str, Form(alias="format", max_length=20)] = "",
    tool: Annotated[str, Form(max_length=100)] = "",
) -> Any:
    """Preview a file (nothing is written): its format, encoding and records, staged for
    ``…/actuals/confirm``; a file with problems is a 422 naming each bad line."""
    _, _, version, stored = plan_actuals(web.db, user.id, workspace_id, plan_id, Role.EDITOR)
    plan = version.plan
    limits.costly(web.counters, web.settings, user.id, "imports")
    try:
        sent = check_upload(plan, file, fmt, tool)
    except UploadRefused as refused:
        raise EntryInvalid([Problem((refused.field,), refused.message_id)]) from None
    read = preview_file(web.db, user.id, workspace_id, plan, sent, fmt, tool)
    preview, target = read.preview, read.target
    if not preview.ok:
        raise ImportInvalid(_lines(translator(request), preview))
    if unbooked(preview.records) and target is None:
        raise EntryInvalid([Problem(("tool",), "import.web.no_target")])
    staging = actuals_import.stage(web.db, user.id, workspace_id, plan_id, stored, read)
    preview_doc = preview_document(preview, translator(request)).model_dump() | {"spend_to": target}
    return {
        "import_id": staging.staged.id,
        "preview": preview_doc,
        "would": staging.would.model_dump(),
        "months": month_rows(Actuals(currency=plan.currency, records=preview.records)),
    }


@router.post(PLAN + "/actuals/confirm", response_model=SavedOut)
def confirm_import(
    web: WebDep, user: ApiUser, workspace_id: str, plan_id: str, body: ConfirmIn
) -> Any:
    """Merge a previewed file in one step: all its records or, on a conflict, none.
    Records already stored are skipped, so confirming the same file again adds nothing."""
    _, _, version, _ = plan_actuals(web.db, user.id, workspace_id, plan_id, Role.EDITOR)
    done = actuals_import.confirm(
        web.db, user.id, workspace_id, plan_id, version.plan, body.import_id, body.replace
    )
    if done.merged is None:
        raise ActualsConflict([Problem(("import_id",), "import.web.no_target")])
    if done.merged.conflicts:
        raise ActualsConflict(done.merged.conflicts)
    return _saved(done.merged.stored, done.merged.report)


@router.get(PLAN + "/review", response_model=ReviewOut)
def get_review(
    request: Request, response: Response, web: WebDep, user: ApiUser, workspace_id: str,
    plan_id: str, as_of: AsOf = "",
) -> ReviewOut:  # fmt: skip
    """The ``aibudget review --json`` document against the approved baseline (the newest
    approved version, else the newest), plus ``baseline`` (its number) and
    ``proposal_digest`` (send it back to accept or reject that proposal); rate-limited."""
    access.plan(web.db, user.id, workspace_id, plan_id, Role.VIEWER)
    limits.costly(web.counters, web.settings, user.id)
    t = translator(request)
    _, _, version, result, proposal, note = reviewed(
        web.db, user.id, workspace_id, plan_id, _month(as_of), t, Role.VIEWER
    )
    if result is None:
        raise NoActuals()
    shown = None if proposal is None else proposal_document(proposal, t)
    digest = plan_digest(proposal.plan) if proposal and proposal.plan else None
    doc = review_document(result, t, kpi_entries(), shown, note)
    return ReviewOut(**doc.model_dump(), baseline=version.number, proposal_digest=digest)


@router.post(PLAN + "/review/accept", response_model=VersionOut, status_code=201)
def accept_proposal(
    request: Request, web: WebDep, user: ApiUser, workspace_id: str, plan_id: str,
    body: ProposalDecisionIn,
) -> Any:  # fmt: skip
    """Save the proposal as a new plan version (owner only); 409 when the proposal is no
    longer the one with ``digest`` (actuals or the baseline changed since)."""
    access.plan(web.db, user.id, workspace_id, plan_id, Role.OWNER)
    limits.costly(web.counters, web.settings, user.id)
    saved = review.accept(
        web.db, user.id, workspace_id, plan_id, _month(body.as_of), body.digest,
        translator(request),
    )  # fmt: skip
    return versions.version(web.db, user.id, workspace_id, plan_id, saved)


@router.post(PLAN + "/review/reject", status_code=204)
def reject_proposal(
    request: Request, web: WebDep, user: ApiUser, workspace_id: str, plan_id: str,
    body: ProposalDecisionIn,
) -> Response:  # fmt: skip
    """Reject the proposal (owner only): audited, no version is saved."""
    access.plan(web.db, user.id, workspace_id, plan_id, Role.OWNER)
    limits.costly(web.counters, web.settings, user.id)
    review.reject(
        web.db, user.id, workspace_id, plan_id, _month(body.as_of), body.digest,
        translator(request),
    )  # fmt: skip
    return Response(status_code=204)
