"""Actual records: fingerprints that are stable, keys that tell things apart, merging."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from aibudget.domain.actuals import (
    ActualRecord,
    Actuals,
    check_record,
    check_values,
    merge,
    overlap,
    plan_months,
    record_key,
    same_content,
    with_fingerprint,
)
from aibudget.planfile import load_plan

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "taipei-cafe.yaml"


def record(**fields: object) -> ActualRecord:
    base: dict[str, object] = {"month": "2026-01", "tool": "chatgpt", "line": "subscription"}
    base.update(fields)
    return with_fingerprint(ActualRecord(**base))  # type: ignore[arg-type]


def test_same_content_same_fingerprint_whatever_the_decimal_spelling() -> None:
    assert (
        record(amount=Decimal("1600")).fingerprint == record(amount=Decimal("1600.00")).fingerprint
    )


@pytest.mark.parametrize(
    "change",
    [
        {"amount": Decimal("1600.01")},
        {"month": "2026-02"},
        {"tool": "canva"},
        {"status": "committed"},
        {"note": "x"},
        {"label": "invoice 2"},
        {"first_day": date(2026, 1, 1), "last_day": date(2026, 1, 15)},
    ],
)
def test_any_difference_changes_the_fingerprint(change: dict[str, object]) -> None:
    base = record(amount=Decimal(1600))
    assert record(**{"amount": Decimal(1600), **change}).fingerprint != base.fingerprint


def test_values_do_not_change_the_key_but_labels_do() -> None:
    assert record_key(record(amount=Decimal(1))) == record_key(record(amount=Decimal(2)))
    assert record_key(record(label="a")) != record_key(record(label="b"))


def test_months_are_normalised_and_feedback_bounded() -> None:
    assert record(month="2026-01-31").month == "2026-01"
    with pytest.raises(ValidationError):
        ActualRecord(month="2026-01", feedback=Decimal(6))
    with pytest.raises(ValidationError):
        ActualRecord(month="2026-01", hours_saved=Decimal(-1))


def test_overlap_of_days() -> None:
    jan_1_15 = record(first_day=date(2026, 1, 1), last_day=date(2026, 1, 15))
    jan_16_31 = record(first_day=date(2026, 1, 16), last_day=date(2026, 1, 31))
    assert not overlap(jan_1_15, jan_16_31)
    assert overlap(jan_1_15, jan_1_15) and overlap(jan_1_15, record())


def test_merge_is_all_or_nothing() -> None:
    start = Actuals(currency="TWD", records=[record(amount=Decimal(1600))])
    new = record(month="2026-02", amount=Decimal(1600))
    clash = record(amount=Decimal(1700))
    result, report, problems = merge(start, [new, clash])
    assert result is start and report.added == 0 and len(problems) == 1
    assert problems[0].path == ("records", 1)


MONTHS = ("2027-01", "2028-12")  # a 24-month plan from January 2027


def test_plan_months_are_the_first_and_last_of_the_horizon() -> None:
    plan = load_plan(EXAMPLE)
    first, last = plan_months(plan)
    assert first == plan.horizon.start
    assert last == plan.calendar_month(plan.horizon.months)


@pytest.mark.parametrize("month", ["2026-12", "2027-01", "2028-06", "2028-12"])
def test_months_the_plan_covers_and_its_set_up_month_pass(month: str) -> None:
    assert check_values(MONTHS, month=month) == []


@pytest.mark.parametrize("month", ["2025-01", "2026-11", "2029-01", "2031-06"])
def test_months_before_or_after_the_plan_are_refused_naming_what_it_covers(month: str) -> None:
    [problem] = check_values(MONTHS, month=month)
    assert (problem.path, problem.message_id) == (("month",), "actuals.month_outside")
    assert problem.params == {
        "month": month, "first": "2027-01", "last": "2028-12", "setup": "2026-12",
    }  # fmt: skip


def test_negative_money_and_hours_are_refused_at_their_fields() -> None:
    problems = check_values(MONTHS, amount=Decimal("-1"), hours_saved=Decimal("-0.5"))
    assert [(p.path, p.message_id) for p in problems] == [
        (("amount",), "actuals.negative_amount"),
        (("hours_saved",), "actuals.negative_hours"),
    ]
    assert check_values(MONTHS, amount=Decimal(0), hours_saved=Decimal(0)) == []


@pytest.mark.parametrize(("feedback", "ok"), [(0, False), (1, True), (5, True), (6, False)])
def test_feedback_is_one_to_five(feedback: int, ok: bool) -> None:
    assert (check_values(MONTHS, feedback=Decimal(feedback)) == []) is ok


def test_check_record_checks_a_records_month_and_amount() -> None:
    assert check_record(MONTHS, record(month="2027-03", amount=Decimal(10))) == []
    found = check_record(MONTHS, record(month="2030-01", amount=Decimal(-10)))
    assert [p.message_id for p in found] == ["actuals.month_outside", "actuals.negative_amount"]


def test_same_content_ignores_only_the_fingerprint() -> None:
    a = record(amount=Decimal("1600"))
    assert same_content(a, with_fingerprint(a, "source rows"))
    assert not same_content(a, record(amount=Decimal("1601")))
