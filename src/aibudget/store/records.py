"""What the store hands out: frozen pydantic records, never ORM rows."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

from aibudget.domain.plan import Plan
from aibudget.domain.texts import N_


class Role(StrEnum):
    OWNER = "owner"
    EDITOR = "editor"
    VIEWER = "viewer"

    @property
    def can_edit(self) -> bool:
        return self in (Role.OWNER, Role.EDITOR)

    @property
    def can_manage(self) -> bool:
        return self is Role.OWNER


# Message ids built at run time from the values above, declared for message extraction.
ROLE_MESSAGES = (
    N_("web.role_editor"),
    N_("web.role_owner"),
    N_("web.role_viewer"),
)


class Status(StrEnum):
    DRAFT = "draft"
    LIVE = "live"
    APPROVED = "approved"


# Message ids built at run time from the values above, declared for message extraction.
STATUS_MESSAGES = (
    N_("web.status_approved"),
    N_("web.status_draft"),
    N_("web.status_live"),
)


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class User(Record):
    id: str
    email: str
    name: str
    locale: str | None
    created_at: datetime
    session_epoch: int = 0


class Workspace(Record):
    id: str
    name: str
    role: Role  # the viewing user's role
    created_at: datetime


class Member(Record):
    user_id: str
    email: str
    name: str
    role: Role


class PlanSummary(Record):
    id: str
    workspace_id: str
    name: str
    created_at: datetime
    latest_number: int
    latest_status: Status
    updated_at: datetime


class VersionInfo(Record):
    id: str
    plan_id: str
    number: int
    author_id: str
    author_name: str
    created_at: datetime
    note: str
    status: Status


class PlanVersion(VersionInfo):
    plan: Plan
    document: dict[str, Any]


class Invite(Record):
    workspace_id: str
    workspace_name: str
    email: str
    role: Role


class AuditEntry(Record):
    at: datetime
    user_id: str | None
    action: str
    target: str
    detail: dict[str, Any]


class Assessment(Record):
    id: str
    workspace_id: str
    author_name: str
    created_at: datetime
    answers: dict[str, Any]


class CatalogOverrides(Record):
    workspace_id: str
    entries: list[dict[str, Any]]
    updated_at: datetime | None


class ApiToken(Record):
    """A personal API token as listed to its owner (the secret itself is never kept)."""

    id: str
    name: str
    created_at: datetime


class PendingInvite(Record):
    """An invitation not yet accepted, as its workspace's owners see it (``id`` names it
    in links and the API; the invitation's own link is never shown again)."""

    id: str
    email: str
    role: Role
    created_at: datetime
