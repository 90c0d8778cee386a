"""Actuals: what really happened, month by month, next to the plan.

One :class:`ActualRecord` is one fact about one month: money on a budget line of a tool
(with its status: planned, committed or spent), seats and active users, hours saved,
other benefits observed (money), a KPI value, team feedback (1-5) and a note. Records
come from typing them in or from :mod:`aibudget.imports`; each carries a fingerprint of
its content so that re-importing the same rows never double counts.

Two records describe *the same thing* when their :func:`record_key` is equal (same
source, month, tool, line, status, KPI and label) and, for records summed from daily
rows, their days overlap. :func:`merge` adds new records, skips records whose
fingerprint is already present (a re-import), and reports a record about the same
thing with different content as a conflict instead of merging it silently; the caller
may then ask to replace the old records. So exporting January 1-15 and then January
16-31 adds both halves, while re-exporting all of January after that is a conflict.

What a record may say is checked in one place, :func:`check_values` (and
:func:`check_record`): a month the plan covers, no negative money or hours, feedback
from 1 to 5. The entry form, the API, corrections and imports all ask it.

Pure: no I/O; problems are returned as :class:`~aibudget.domain.errors.Problem` values.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from aibudget.domain.errors import Problem
from aibudget.domain.months import add_months, plan_month
from aibudget.domain.plan import LineItem, Month, Plan
from aibudget.domain.results import PLAN_LINES_ID
from aibudget.domain.texts import N_

PLAN_LEVEL = PLAN_LINES_ID  # tool id of spend that belongs to no tool


class SpendStatus(StrEnum):
    """Forecast status of money: planned (may still move), committed (contract), spent."""

    PLANNED = "planned"
    COMMITTED = "committed"
    SPENT = "spent"


# Message ids built at run time from the values above, declared for message extraction.
STATUS_MESSAGES = (
    N_("monitor.web.status_committed"),
    N_("monitor.web.status_planned"),
    N_("monitor.web.status_spent"),
)


Feedback = Annotated[Decimal, Field(ge=1, le=5)]
Count = Annotated[int, Field(ge=0, le=1_000_000)]


class ActualRecord(BaseModel):
    """One month's facts for one tool (or one KPI). Every value field is optional."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    month: Month
    tool: str = PLAN_LEVEL
    line: LineItem | None = None
    status: SpendStatus = SpendStatus.SPENT
    amount: Decimal | None = None
    seats: Count | None = None
    active_users: Count | None = None
    hours_saved: Annotated[Decimal, Field(ge=0)] | None = None
    benefit: Decimal | None = Field(
        default=None,
        description="Money value of benefits other than hours seen this month "
        "(e.g. gross margin of attributed sales, an agency fee not paid).",
    )
    kpi: str | None = None
    kpi_value: Decimal | None = None
    feedback: Feedback | None = None
    note: str | None = Field(default=None, max_length=2000)
    label: str | None = Field(default=None, max_length=300, description="Campaign or reference.")
    source: str = "manual"
    first_day: date | None = Field(default=None, description="Days covered (daily sources).")
    last_day: date | None = None
    rows: int = Field(default=1, ge=1, description="Source rows summed into this record.")
    fingerprint: str = ""


class Actuals(BaseModel):
    """All actuals of one plan, in the plan's currency."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    schema_version: int = 1
    currency: str
    records: list[ActualRecord] = Field(default_factory=list)

    def months(self) -> list[str]:
        return sorted({r.month for r in self.records})


def record_key(record: ActualRecord) -> tuple[str, ...]:
    """What a record is about; two records with one key must not both count."""
    return (
        record.source,
        record.month,
        record.tool,
        record.line.value if record.line else "",
        record.status.value,
        record.kpi or "",
        record.label or "",
    )


def content_digest(parts: Iterable[object]) -> str:
    """A stable hex digest of values (Decimals by their normalised text)."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        text = format(part.normalize(), "f") if isinstance(part, Decimal) else str(part)
        h.update(text.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def with_fingerprint(record: ActualRecord, extra: str = "") -> ActualRecord:
    """The record with its fingerprint: key + values (+ ``extra``, e.g. source row digests)."""
    values = (
        record.amount,
        record.seats,
        record.active_users,
        record.hours_saved,
        record.benefit,
        record.kpi_value,
        record.feedback,
        record.note,
        record.first_day,
        record.last_day,
    )
    digest = content_digest((*record_key(record), *("" if v is None else v for v in values), extra))
    return record.model_copy(update={"fingerprint": digest})


def book_spend(records: Sequence[ActualRecord], tool: str) -> list[ActualRecord]:
    """An ad platform's records not yet booked to a tool (their tool is still their
    source, e.g. ``google_ads``) booked to ``tool``, a plan tool or ad channel.

    The new fingerprint is derived from the unbooked one, so a file booked while it is
    read and a file booked after its preview give the same records."""
    return [
        with_fingerprint(r.model_copy(update={"tool": tool}), r.fingerprint)
        if r.tool == r.source
        else r
        for r in records
    ]


def same_content(a: ActualRecord, b: ActualRecord) -> bool:
    """Whether two records say the same (fingerprints aside: an imported record's
    fingerprint also covers its source rows)."""
    return a.model_dump(exclude={"fingerprint"}) == b.model_dump(exclude={"fingerprint"})


class MergeReport(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    added: int = 0
    already_present: int = 0
    replaced: int = 0
    conflicts: int = 0


def merge(
    existing: Actuals, incoming: Sequence[ActualRecord], replace: bool = False
) -> tuple[Actuals, MergeReport, list[Problem]]:
    """Add ``incoming`` to ``existing`` atomically: all of it, or (on conflicts) nothing.

    Same fingerprint: already present, skipped. About the same thing (same key and
    overlapping days) with other content: a conflict (``actuals.conflict``) unless
    ``replace``, which drops those existing records. With conflicts the existing
    actuals are returned unchanged.
    """
    by_fp = {r.fingerprint for r in existing.records}
    by_key: dict[tuple[str, ...], list[int]] = {}
    for i, r in enumerate(existing.records):
        by_key.setdefault(record_key(r), []).append(i)
    problems: list[Problem] = []
    new: list[ActualRecord] = []
    drop: set[int] = set()
    present = 0
    for j, rec in enumerate(incoming):
        if rec.fingerprint and rec.fingerprint in by_fp:
            present += 1
            continue
        old = [i for i in by_key.get(record_key(rec), []) if overlap(existing.records[i], rec)]
        if old and not replace:
            problems.append(
                Problem(
                    ("records", j),
                    N_("actuals.conflict"),
                    {"month": rec.month, "tool": rec.tool, "what": rec.label or rec.kpi or ""},
                )
            )
            continue
        drop.update(old)
        new.append(rec)
    if problems:
        return existing, MergeReport(conflicts=len(problems), already_present=present), problems
    kept = [r for i, r in enumerate(existing.records) if i not in drop]
    merged = existing.model_copy(update={"records": kept + new})
    report = MergeReport(added=len(new), already_present=present, replaced=len(drop))
    return merged, report, []


def overlap(a: ActualRecord, b: ActualRecord) -> bool:
    """Whether two records of one key may cover the same days (unknown days: yes)."""
    if None in (a.first_day, a.last_day, b.first_day, b.last_day):
        return True
    return a.first_day <= b.last_day and b.first_day <= a.last_day  # type: ignore[operator]


def plan_months(plan: Plan) -> tuple[str, str]:
    """The first and the last month of the plan's horizon (``YYYY-MM``)."""
    return plan.horizon.start, plan.calendar_month(plan.horizon.months)


def check_values(
    months: tuple[str, str],
    *,
    month: str | None = None,
    amount: Decimal | None = None,
    hours_saved: Decimal | None = None,
    feedback: Decimal | None = None,
) -> list[Problem]:
    """Problems of an actual's values against the plan's ``months`` (first, last), each
    at the field it belongs to.

    A month is allowed from the month before the horizon (plan month 0, when one-off
    set-up costs are paid; the review counts it) to the horizon's last month. Money is
    never negative: there is no refund entry, so a refund is a correction of the month's
    amount. Hours saved are never negative; feedback is 1 to 5.
    """
    first, last = months
    setup = add_months(first, -1)
    problems: list[Problem] = []
    if month is not None and not 0 <= plan_month(first, month) <= plan_month(first, last):
        params = {"month": month, "first": first, "last": last, "setup": setup}
        problems.append(Problem(("month",), N_("actuals.month_outside"), params))
    if amount is not None and amount < 0:
        problems.append(Problem(("amount",), N_("actuals.negative_amount")))
    if hours_saved is not None and hours_saved < 0:
        problems.append(Problem(("hours_saved",), N_("actuals.negative_hours")))
    if feedback is not None and not 1 <= feedback <= 5:
        problems.append(Problem(("feedback",), N_("actuals.feedback_range")))
    return problems


def check_record(months: tuple[str, str], record: ActualRecord) -> list[Problem]:
    """:func:`check_values` of a record (its month, amount, hours saved and feedback)."""
    return check_values(
        months,
        month=record.month,
        amount=record.amount,
        hours_saved=record.hours_saved,
        feedback=record.feedback,
    )
