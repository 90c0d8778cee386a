"""Request and response bodies of the JSON API (never ORM rows)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from aibudget.store.records import Role, Status

Name = Field(min_length=1, max_length=200)


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FieldError(BaseModel):
    path: str
    message: str
    line: int | None = None


class ErrorDetail(BaseModel):
    code: str
    message: str
    fields: list[FieldError]


class ErrorOut(BaseModel):
    error: ErrorDetail


class WorkspaceIn(Body):
    name: str = Name


class WorkspaceOut(BaseModel):
    id: str
    name: str
    role: Role
    created_at: datetime


class PlanIn(Body):
    name: str = Name
    note: str = Field(default="", max_length=2000)
    document: dict[str, Any] = Field(description="A plan document (the plan file as JSON).")


class PlanPatch(Body):
    name: str = Name


class PlanOut(BaseModel):
    id: str
    workspace_id: str
    name: str
    created_at: datetime
    latest_number: int
    latest_status: Status
    updated_at: datetime


class VersionIn(Body):
    note: str = Field(default="", max_length=2000)
    document: dict[str, Any]


class StatusIn(Body):
    status: Status


class RestoreIn(Body):
    note: str = Field(default="", max_length=2000)


class EvaluateIn(Body):
    trials: int | None = Field(default=None, ge=1, le=5_000_000)


class VersionInfoOut(BaseModel):
    id: str
    plan_id: str
    number: int
    author_id: str
    author_name: str
    created_at: datetime
    note: str
    status: Status


class VersionOut(VersionInfoOut):
    document: dict[str, Any]


class FindingOut(BaseModel):
    rule: str
    severity: str
    message: str
    fix: str
    where: str


class AssessIn(Body):
    answers: dict[str, int | list[int]] = Field(
        description="Question id -> option number (1 = first), or a list for several."
    )


class CatalogIn(Body):
    entries: list[dict[str, Any]] = Field(
        description="Catalog entries in the plan file's catalog: format (added or by id)."
    )


class CatalogOut(BaseModel):
    entries: list[dict[str, Any]]
    updated_at: datetime | None
