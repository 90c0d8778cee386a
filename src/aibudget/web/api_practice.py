"""JSON API of the team learning log under /api/v1: the same rules and messages as the
page (:mod:`aibudget.service.learning`); every change audited."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response
from pydantic import Field

from aibudget.domain.errors import AibudgetError, Problem
from aibudget.domain.texts import N_
from aibudget.service.learning import add_entry
from aibudget.store import learning
from aibudget.store.learning import StoredEntry
from aibudget.web.api import ERRORS, PLAN, ApiUser
from aibudget.web.api_schemas import Body
from aibudget.web.context import ReadSession, WebDep
from aibudget.web.json_bodies import JsonInThreadRoute

router = APIRouter(prefix="/api/v1", tags=["v1"], responses=ERRORS, route_class=JsonInThreadRoute)


class LearningIn(Body):
    tool: str = Field(max_length=64, description="The plan's tool id.")
    who: str = Field(max_length=100)
    tried: str = Field(max_length=500)
    minutes_saved: int = Field(default=0, ge=0)
    tip: str = Field(default="", max_length=500)
    on: str = Field(default="", max_length=10, description="YYYY-MM-DD; empty = today.")


class EntryInvalid(AibudgetError):
    message_id = N_("practice.error.entry_invalid")
    http_status = 422

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(count=len(problems))
        self.problems = problems


@router.get(PLAN + "/learning", response_model=list[StoredEntry])
def get_learning(s: ReadSession, user: ApiUser, workspace_id: str, plan_id: str) -> list[Any]:
    """The plan's learning log, newest first."""
    found = learning.entries(s, user.id, workspace_id, plan_id)
    return [e.model_dump(mode="json") for e in found]


@router.post(PLAN + "/learning", response_model=StoredEntry, status_code=201)
def add_learning(
    web: WebDep, user: ApiUser, workspace_id: str, plan_id: str, body: LearningIn
) -> dict[str, Any]:
    """Add one entry; every bad field named (422) and nothing stored."""
    form = {k: str(v) for k, v in body.model_dump().items()}
    read, stored = add_entry(web.db, user.id, workspace_id, plan_id, form)
    if stored is None:
        raise EntryInvalid([Problem((k,), mid, p) for k, (mid, p) in read.problems.items()])
    return stored.model_dump(mode="json")


@router.delete(PLAN + "/learning/{entry_id}", status_code=204)
def remove_learning(
    web: WebDep, user: ApiUser, workspace_id: str, plan_id: str, entry_id: str
) -> Response:
    with web.db.write() as s:
        learning.remove(s, user.id, workspace_id, plan_id, entry_id[:64])
    return Response(status_code=204)
