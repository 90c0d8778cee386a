"""Calendar months and plan months: the one place that counts them.

A calendar month is ``YYYY-MM`` text, which sorts like the months it names. A plan
month is a number: 1 is the horizon's first month and 0 the month before it, when
one-off costs are paid. A plan year is twelve plan months (1-12, 13-24, ...); month 0
belongs to year 0, the "initial" period of the annual discounting convention. Amounts
given a year are spread over months pro rata (an 18-month horizon holds 1.5 years).

Pure: no clock; callers pass the day they mean.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic_core import PydanticCustomError

MONTHS_PER_YEAR = 12
_MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def parse_month(value: Any) -> str:
    """Accept ``2027-01``, ``2027-01-15`` or a date; return ``YYYY-MM``."""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    text = text[:7]
    if not _MONTH_RE.match(text):
        raise PydanticCustomError("month_format", "a month as YYYY-MM", {"value": str(value)})
    return text


def month_of(day: date) -> str:
    """``YYYY-MM`` of the month ``day`` falls in."""
    return f"{day.year:04d}-{day.month:02d}"


def first_day(month: str) -> date:
    """The first day of a ``YYYY-MM`` month."""
    return date(int(month[:4]), int(month[5:7]), 1)


def month_index(month: str) -> int:
    """Months since year 0 of a ``YYYY-MM`` text, so that differences are month counts."""
    return int(month[:4]) * MONTHS_PER_YEAR + int(month[5:7]) - 1


def add_months(month: str, offset: int) -> str:
    """``YYYY-MM`` of the month ``offset`` months after ``month`` (before it if negative)."""
    year, month_of_year = divmod(month_index(month) + offset, MONTHS_PER_YEAR)
    return f"{year:04d}-{month_of_year + 1:02d}"


def months_between(first: str, last: str) -> int:
    """Whole months from ``first`` to ``last`` (negative when ``last`` comes first)."""
    return month_index(last) - month_index(first)


def calendar_month(start: str, month: int) -> str:
    """``YYYY-MM`` of plan month ``month`` of a horizon starting in ``start``."""
    return add_months(start, month - 1)


def plan_month(start: str, month: str) -> int:
    """The plan month of calendar month ``month`` in a horizon starting in ``start``
    (the inverse of :func:`calendar_month`; 0 or less before the horizon)."""
    return months_between(start, month) + 1


def plan_year(month: int) -> int:
    """The plan year of plan month ``month``: 0 for month 0, 1 for 1-12, 2 for 13-24, ...
    For a horizon's length in months, the number of (possibly partial) years it spans."""
    return (month + MONTHS_PER_YEAR - 1) // MONTHS_PER_YEAR


def months_in_plan_year(year: int, months: int) -> int:
    """How many months of plan year ``year`` (1, 2, ...) a ``months``-month horizon holds."""
    return min(MONTHS_PER_YEAR, months - MONTHS_PER_YEAR * (year - 1))


def pro_rata(annual: Decimal, months: int) -> Decimal:
    """A yearly amount's share for ``months`` months."""
    return annual * months / MONTHS_PER_YEAR


def per_year(amount: Decimal, months: int) -> Decimal:
    """An amount over ``months`` months as a yearly amount (the inverse of :func:`pro_rata`)."""
    return amount * MONTHS_PER_YEAR / months
