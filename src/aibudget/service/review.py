"""The quarterly review of a stored plan and its reallocation proposal, accepted or
rejected by the owner: the same use cases for the review page and the JSON API.

The review compares the actuals with the approved baseline (the newest approved
version; the newest version when none is approved), exactly as ``aibudget review``.
Accepting saves the proposed plan as a new version with a note; rejecting is audited
and saves nothing. The proposal is recomputed on accept and reject and must be the one
the owner saw: its digest (:func:`plan_digest`) travels with the form or the request.
"""

from __future__ import annotations

import json
from typing import NamedTuple

from aibudget.catalog import kpi_entries
from aibudget.domain.actuals import content_digest
from aibudget.domain.errors import AibudgetError
from aibudget.domain.months import parse_month
from aibudget.domain.plan import Plan
from aibudget.domain.reallocation import Reallocation, changes_plan
from aibudget.domain.review import Review
from aibudget.domain.texts import N_
from aibudget.engine.practice import ToolPractice, beside_review
from aibudget.engine.review import review
from aibudget.i18n import Translator
from aibudget.service import catalogs
from aibudget.service.proposal import proposal_for
from aibudget.store import actuals, audit, learning, plans, workspaces
from aibudget.store.db import Database
from aibudget.store.errors import Conflict
from aibudget.store.plans import to_document
from aibudget.store.records import PlanSummary, PlanVersion, Role, Workspace


class BadMonth(AibudgetError):
    message_id = N_("monitor.bad_month")
    http_status = 400


class ProposalChanged(Conflict):
    message_id = N_("monitor.web.proposal_changed")


class Reviewed(NamedTuple):
    """The baseline version, its review and proposal (None without actuals), and why
    there is no proposal (in words) when the review has none."""

    space: Workspace
    summary: PlanSummary
    version: PlanVersion
    result: Review | None
    proposal: Reallocation | None
    note: str


def plan_digest(plan: Plan) -> str:
    return content_digest([json.dumps(to_document(plan), sort_keys=True)])


def _month(as_of: str) -> str | None:
    if not as_of:
        return None
    try:
        return parse_month(as_of)
    except ValueError:
        raise BadMonth(value=as_of[:20]) from None


def reviewed(
    db: Database, user_id: str, ws: str, plan_id: str, as_of: str, t: Translator, need: Role
) -> Reviewed:
    """The review of the plan's baseline at ``as_of`` (a month or a date; "" for the
    newest month with actuals) and its proposal."""
    month = _month(as_of)
    with db.session() as s:
        space = workspaces.require(s, user_id, ws, need)
        summary = plans.summary(s, user_id, ws, plan_id)
        base = plans.baseline(s, user_id, ws, plan_id)
        version = plans.version(s, user_id, ws, plan_id, base.number if base else None)
        stored = actuals.get(s, user_id, ws, plan_id, version.plan.currency)
        catalog, _, _ = catalogs.for_plan(s, user_id, ws, version.plan)
    if not stored.records:
        return Reviewed(space, summary, version, None, None, "")
    result = review(version.plan, stored, month, kpi_entries())
    proposal, note = proposal_for(version.plan, result, t, catalog)
    return Reviewed(space, summary, version, result, proposal, note)


def _current_proposal(
    db: Database, user_id: str, ws: str, plan_id: str, as_of: str, digest: str, t: Translator
) -> tuple[PlanVersion, Review, Plan]:
    """The proposal the owner saw, recomputed; ProposalChanged if it is another one now."""
    _, _, version, result, proposal, _ = reviewed(db, user_id, ws, plan_id, as_of, t, Role.OWNER)
    if result is None or proposal is None or proposal.plan is None or not changes_plan(proposal):
        raise ProposalChanged()
    if plan_digest(proposal.plan) != digest:
        raise ProposalChanged()
    return version, result, proposal.plan


def accept(
    db: Database, user_id: str, ws: str, plan_id: str, as_of: str, digest: str, t: Translator
) -> int:
    """Save the proposal with ``digest`` as a new version (owner only), audited; its number."""
    version, result, proposed = _current_proposal(db, user_id, ws, plan_id, as_of, digest, t)
    note = t("monitor.web.accepted_note", month=result.as_of, number=version.number)
    with db.write() as s:
        saved = plans.save(s, user_id, ws, plan_id, proposed, note)
        audit.record(
            s, "reallocation.accepted", user_id=user_id, workspace_id=ws, target=plan_id,
            as_of=result.as_of, baseline=version.number, number=saved.number, digest=digest,
        )  # fmt: skip
    return saved.number


def reject(
    db: Database, user_id: str, ws: str, plan_id: str, as_of: str, digest: str, t: Translator
) -> None:
    """Reject the proposal with ``digest`` (owner only): audited, nothing saved."""
    version, result, _ = _current_proposal(db, user_id, ws, plan_id, as_of, digest, t)
    with db.write() as s:
        workspaces.require(s, user_id, ws, Role.OWNER)
        audit.record(
            s, "reallocation.rejected", user_id=user_id, workspace_id=ws, target=plan_id,
            as_of=result.as_of, baseline=version.number, digest=digest,
        )  # fmt: skip


def practice_beside_review(
    db: Database, user_id: str, ws: str, plan_id: str, plan: Plan, as_of: str
) -> list[ToolPractice]:
    """Per tool, the hours recorded beside the minutes the team's learning log holds."""
    with db.session() as s:
        entries = learning.entries(s, user_id, ws, plan_id)
        stored = actuals.get(s, user_id, ws, plan_id, plan.currency)
    return beside_review([t.id for t in plan.tools], stored.records, entries, as_of)
