"""Actual records: fingerprints that are stable, keys that tell things apart, merging."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from aibudget.domain.actuals import (
    ActualRecord,
    Actuals,
    merge,
    overlap,
    record_key,
    with_fingerprint,
)


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
