"""Request and response bodies of the JSON API (never ORM rows)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from aibudget.domain.actuals import ActualRecord
from aibudget.present.review_documents import PreviewDocument, ReviewDocument
from aibudget.service.fields import Kind
from aibudget.store.records import Role, Status

Name = Field(min_length=1, max_length=200)
# A review month: YYYY-MM, or empty for the latest month with actuals. Checked by the
# routes (their refusal names the month), stated here for the OpenAPI document.
MONTH_PATTERN = r"^(\d{4}-(0[1-9]|1[0-2]))?$"
MONTH_FORMAT: dict[str, Any] = {"pattern": MONTH_PATTERN}


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


class AssessIn(Body):
    answers: dict[str, int | list[int]] = Field(
        description="Question id -> option number (1 = first), or a list for several."
    )


class FieldOut(BaseModel):
    """One field of a builder form: what to ask, in the reader's words, and its value."""

    name: str = Field(description="The field's dotted name (the key to send it back under).")
    kind: Kind
    label: str
    help: str
    required: bool
    choices: list[str] = Field(description="The values a choice may take.")
    value: str | list[str] = Field(description="The value as stored (empty: the default).")


class FieldsOut(BaseModel):
    fields: list[FieldOut]


class PartOut(FieldsOut):
    version: int = Field(description="The version the values are read from (for If-Match).")


class CatalogIn(Body):
    entries: list[dict[str, Any]] = Field(
        description="Catalog entries in the plan file's catalog: format (added or by id)."
    )


class CatalogOut(BaseModel):
    entries: list[dict[str, Any]]
    updated_at: datetime | None


Cell = Annotated[str, StringConstraints(max_length=100)] | int | Decimal | None


class ActualsFields(Body):
    """The entry form's fields (numbers or text like "1,600")."""

    month: Cell = Field(default=None, description="2027-01, 2027/01/05 or ROC 116/01/05.")
    tool: Cell = Field(default=None, description="A tool id of the plan; none: plan lines.")
    line: Cell = None
    status: Cell = Field(default=None, description="planned, committed or spent (default).")
    amount: Cell = None
    seats: Cell = None
    active_users: Cell = None
    hours_saved: Cell = None
    feedback: Cell = Field(default=None, description="Team feedback, 1 to 5.")
    kpi: Cell = None
    kpi_value: Cell = None
    note: str | None = Field(default=None, max_length=4000)


class ActualsEntryIn(ActualsFields):
    """One month's entry, the fields of the entry form (numbers or text like "1,600")."""

    replace: bool = Field(default=False, description="Replace an earlier different entry.")


class ConfirmIn(Body):
    import_id: str = Field(min_length=1, max_length=40)
    replace: bool = False


class ProposalDecisionIn(Body):
    digest: str = Field(pattern=r"^[0-9a-f]{32}$", description="The review's proposal_digest.")
    as_of: str = Field(
        default="",
        max_length=7,
        json_schema_extra=MONTH_FORMAT,
        description="The review month (YYYY-MM), if chosen.",
    )


class MergeReportOut(BaseModel):
    added: int
    already_present: int
    replaced: int
    conflicts: int


class MonthRow(BaseModel):
    """One month of actuals: spend (spent), committed, hours saved and its records."""

    month: str
    spent: Decimal
    committed: Decimal
    hours: Decimal
    records: int


class ActualsOut(BaseModel):
    """All actuals of a plan (the actuals file's shape), and the months they cover."""

    schema_version: int
    currency: str
    records: list[ActualRecord]
    months: list[MonthRow]


class SavedOut(BaseModel):
    report: MergeReportOut
    actuals: ActualsOut


class ImportPreviewOut(PreviewDocument):
    """The file's preview (as ``aibudget actuals import --json``) and where its spend goes."""

    spend_to: str | None = Field(description="The tool or channel its ad spend is booked to.")


class ImportOut(BaseModel):
    import_id: str
    preview: ImportPreviewOut
    would: MergeReportOut
    months: list[MonthRow] = Field(description="The file's records by month.")


class ReviewOut(ReviewDocument):
    """The ``aibudget review --json`` document, the baseline reviewed against and the
    proposal's digest."""

    baseline: int = Field(description="The number of the version reviewed against.")
    proposal_digest: str | None = Field(
        description="Send it back to accept or reject this proposal (null: none)."
    )


class ActualsCorrectionIn(ActualsFields):
    """A corrected entry, whole: the entry form's fields (a field left out is empty)."""


class CorrectedOut(BaseModel):
    record: ActualRecord = Field(description="The entry as stored now (its new fingerprint).")
    actuals: ActualsOut


class MemberOut(BaseModel):
    user_id: str
    name: str
    email: str
    role: Role


class RoleIn(Body):
    role: Role


# No "@", control character or space of any kind on either side of the "@". Written out
# rather than as \s, which means different characters in Python and in JSON Schema's
# (ECMAScript) regular expressions; so the schema and the server accept the same strings.
NOT_IN_ADDRESS = r"@\x00-\x20\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
EMAIL_PATTERN = f"^[^{NOT_IN_ADDRESS}]+@[^{NOT_IN_ADDRESS}]+$"


class InviteIn(Body):
    email: Annotated[str, StringConstraints(max_length=254, pattern=EMAIL_PATTERN)]
    role: Role


class InviteOut(BaseModel):
    id: str
    email: str
    role: Role
    created_at: datetime


class InviteCreatedOut(BaseModel):
    email: str
    role: Role
    link: str = Field(description="The invitation link, shown once; only its hash is kept.")
