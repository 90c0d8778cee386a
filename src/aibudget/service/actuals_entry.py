"""The monthly entry form: its fields, and the actual records it means (or its problems),
read the same way for the page and the API.

Cells are read with the importer's own rules (:mod:`aibudget.imports.cells`): months as
2027-01, 2027/01/05 or ROC 116/01/05, numbers as 1,600 or NT$1,600. What the values may
be (a month the plan covers, no negative money or hours) is the domain's rule
(:func:`aibudget.domain.actuals.check_values`). Problems are message ids with params,
keyed by the form field they belong beside.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from aibudget.domain.actuals import (
    PLAN_LEVEL,
    ActualRecord,
    SpendStatus,
    check_values,
    plan_months,
    with_fingerprint,
)
from aibudget.domain.plan import LineItem, Plan
from aibudget.domain.texts import N_
from aibudget.imports.cells import CellError, month_of, parse_number

FIELDS = (
    "month",
    "tool",
    "line",
    "status",
    "amount",
    "seats",
    "active_users",
    "hours_saved",
    "feedback",
    "kpi",
    "kpi_value",
    "note",
)
MAX_NOTE = 2000


@dataclass
class Entry:
    values: dict[str, str]
    records: list[ActualRecord] = field(default_factory=list)
    problems: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)

    def fail(self, name: str, message_id: str, **params: Any) -> None:
        self.problems.setdefault(name, (message_id, params))


def kpi_choices(plan: Plan) -> list[str]:
    """The KPIs of the plan's goals, in goal order, once each."""
    return list(dict.fromkeys(goal.kpi for goal in plan.goals))


def _number(entry: Entry, name: str) -> Decimal | None:
    text = entry.values.get(name, "")
    try:
        return parse_number(text) if text else None
    except CellError:
        entry.fail(name, N_("monitor.web.bad_number"), value=text)
        return None


def _whole(entry: Entry, name: str, low: int, high: int) -> int | None:
    number = _number(entry, name)
    if number is None or name in entry.problems:
        return None
    if number != number.to_integral_value() or not low <= number <= high:
        entry.fail(name, N_("monitor.web.out_of_range"), low=low, high=high)
        return None
    return int(number)


def read_entry(
    plan: Plan, form: dict[str, str], single: bool = False, keep: ActualRecord | None = None
) -> Entry:
    """The records of one filled-in form: one for the tool (if any figure), one for the KPI;
    or, when ``single`` (a correction), one record holding everything. The tool and KPI
    of ``keep`` (the record being corrected) are accepted even if the plan lacks them."""
    entry = Entry({name: form.get(name, "").strip() for name in FIELDS})
    v = entry.values
    month = ""
    with contextlib.suppress(CellError):
        month = month_of(v["month"]) if v["month"] else ""
    if not month:
        entry.fail("month", N_("monitor.bad_month"), value=v["month"])
    tool = v["tool"] or PLAN_LEVEL
    kept_tool, kept_kpi = (keep.tool, keep.kpi) if keep else (PLAN_LEVEL, None)
    if tool not in {PLAN_LEVEL, kept_tool} and tool not in {t.id for t in plan.tools}:
        entry.fail("tool", N_("monitor.web.unknown_tool"))
    line = LineItem(v["line"]) if v["line"] in set(LineItem) else None
    if v["line"] and line is None:
        entry.fail("line", "monitor.web.unknown_choice")
    status = SpendStatus(v["status"]) if v["status"] in set(SpendStatus) else SpendStatus.SPENT
    amount = _number(entry, "amount")
    if amount is not None and line is None:
        entry.fail("line", N_("monitor.web.need_line"))
    hours = _number(entry, "hours_saved")
    seats = _whole(entry, "seats", 0, 1_000_000)
    users = _whole(entry, "active_users", 0, 1_000_000)
    feedback = _whole(entry, "feedback", 1, 5)
    months = plan_months(plan)
    for problem in check_values(months, month=month or None, amount=amount, hours_saved=hours):
        entry.fail(str(problem.path[0]), problem.message_id, **problem.params)
    kpi_value = _number(entry, "kpi_value")
    kpi = v["kpi"] or None
    if kpi is not None and kpi != kept_kpi and kpi not in kpi_choices(plan):
        entry.fail("kpi", "monitor.web.unknown_choice")
    if (kpi is None) != (kpi_value is None) and "kpi_value" not in entry.problems:
        entry.fail("kpi" if kpi is None else "kpi_value", N_("monitor.web.kpi_pair"))
    if len(v["note"]) > MAX_NOTE:
        entry.fail("note", N_("monitor.web.note_too_long"), max=MAX_NOTE)
    figures = (amount, hours, seats, users, feedback)
    if all(x is None for x in figures) and kpi_value is None and not v["note"]:
        entry.fail("amount", N_("monitor.web.nothing_entered"))
    if entry.problems:
        return entry
    if single:
        record = ActualRecord(
            month=month, tool=tool, line=line, status=status, amount=amount, seats=seats,
            active_users=users, hours_saved=hours,
            feedback=None if feedback is None else Decimal(feedback), kpi=kpi,
            kpi_value=kpi_value, note=v["note"] or None,
        )  # fmt: skip
        entry.records.append(with_fingerprint(record))
        return entry
    if any(x is not None for x in figures) or v["note"]:
        record = ActualRecord(
            month=month,
            tool=tool,
            line=line,
            status=status,
            amount=amount,
            seats=seats,
            active_users=users,
            hours_saved=hours,
            feedback=None if feedback is None else Decimal(feedback),
            note=v["note"] or None,
        )
        entry.records.append(with_fingerprint(record))
    if kpi is not None and kpi_value is not None:
        entry.records.append(
            with_fingerprint(ActualRecord(month=month, kpi=kpi, kpi_value=kpi_value))
        )
    return entry
