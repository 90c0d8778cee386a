"""Reading one cell: numbers as exports write them, dates in three calendars, safe text.

- Numbers: ``NT$1,234``, ``1,234.5``, ``12%`` (-> 0.12 only where a share is expected),
  ``(1,234)`` for a negative, full-width digits, ``--`` or empty for no value.
- Dates: ``2026/01/05``, ``2026-01-05``, ``20260105`` (GA4), ``115/01/05`` and
  ``115年1月5日`` (Republic of China calendar: year + 1911), ``2026-01`` (a month),
  and date/datetime objects from spreadsheets.
- Text that a spreadsheet would run as a formula (starts with ``=``, ``+``, ``-``, ``@``,
  tab, CR or NUL; OWASP ASVS 1.2.10) is kept with a leading ``'`` so it stays text.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from aibudget.domain import months

NO_VALUE = frozenset({"", "--", "-", "—", "n/a", "N/A", " --"})
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")
ROC_OFFSET = 1911
_DATE_RE = re.compile(r"^(\d{2,4})\s*[/\-.年]\s*(\d{1,2})\s*(?:[/\-.月]\s*(\d{1,2})\s*日?)?$")
_COMPACT_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TIME_OF_DAY = re.compile(r"^(\S+)\s+\d{1,2}:\d{2}(?::\d{2})?$")  # 2026/01/05 14:03:09
_PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_NUMBER_JUNK = re.compile(r"(NT\$|US\$|NTD|TWD|\$|,|\s|元)")


class CellError(ValueError):
    """A cell that cannot be read; ``reason`` is a message id suffix."""

    def __init__(self, reason: str, value: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.value = value


def clean(value: object) -> str:
    """Text of a cell, NFKC-normalised (full-width digits become ASCII), trimmed."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if text.isascii():
        return text.strip()
    return unicodedata.normalize("NFKC", text).strip()


def is_blank(value: object) -> bool:
    return clean(value) in NO_VALUE


def parse_number(value: object, percent_as_share: bool = False) -> Decimal | None:
    if isinstance(value, bool):
        raise CellError("not_a_number", str(value))
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = clean(value)
    if _PLAIN_NUMBER.match(text):
        return Decimal(text)
    if text in NO_VALUE:
        return None
    negative = text.startswith("(") and text.endswith(")")
    body = _NUMBER_JUNK.sub("", text.strip("()"))
    share = body.endswith("%")
    body = body.rstrip("%")
    try:
        number = Decimal(body)
    except InvalidOperation:
        raise CellError("not_a_number", text) from None
    if not number.is_finite():
        raise CellError("not_a_number", text)
    if share and percent_as_share:
        number /= 100
    return -number if negative else number


def parse_date(value: object) -> date:
    """A day; a bare month (``2026-01``) means its first day."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = clean(value)
    with_time = _TIME_OF_DAY.match(text)
    if with_time:
        text = with_time.group(1)
    compact = _COMPACT_RE.match(text)
    match = _DATE_RE.match(text) if not compact else None
    if compact:
        year, month, day = (int(g) for g in compact.groups())
    elif match:
        year, month = int(match.group(1)), int(match.group(2))
        day = int(match.group(3) or 1)
        if year < 1000:  # Republic of China (Minguo) calendar
            year += ROC_OFFSET
    else:
        return _english_date(text)
    try:
        return date(year, month, day)
    except ValueError:
        raise CellError("not_a_date", text) from None


def month_of(value: object) -> str:
    """``YYYY-MM`` of the day a cell holds."""
    return months.month_of(day_of(value))


def day_of(value: object) -> date:
    """:func:`parse_date`, remembered for repeated texts (daily exports repeat dates)."""
    return _day_of_text(value) if isinstance(value, str) else parse_date(value)


@lru_cache(maxsize=4096)
def _day_of_text(value: str) -> date:
    return parse_date(value)


def safe_text(value: object) -> tuple[str, bool]:
    """Text kept as data; True when it had to be neutralised (looked like a formula)."""
    text = "" if value is None else unicodedata.normalize("NFKC", str(value))
    if text.startswith(FORMULA_START):
        return "'" + text, True
    return text.strip(), False


_ENGLISH_FORMATS = (
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%b %d %Y",
    "%B %d %Y",
    "%B %Y",  # a month (Google Ads "Month" segment): its first day
    "%b %Y",
)


def canonical(value: object) -> str:
    """One text for what a cell means, the same whether it came from CSV text or a typed
    workbook cell: numbers (``1,234.50``, ``1234.5``, ``12%`` = ``0.12``) by value, days
    in ISO form, no-value marks as empty, other text NFKC-normalised and trimmed."""
    if value is None or isinstance(value, bool):
        return "" if value is None else str(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float | Decimal):
        return _number_text(Decimal(str(value)))
    return _canonical_text(str(value))


@lru_cache(maxsize=4096)
def _canonical_text(value: str) -> str:
    text = clean(value)
    if text in NO_VALUE:
        return ""
    if text[:1].isdigit() or text[:1] in "-(.NT$":
        try:
            number = parse_number(text, percent_as_share=True)
        except CellError:
            number = None
        if number is not None:
            return _number_text(number)
        try:
            return parse_date(text).isoformat()
        except CellError:
            pass
    return text


def _number_text(number: Decimal) -> str:
    return format(number.normalize(), "f") if number.is_finite() else str(number)


def _english_date(text: str) -> date:
    for fmt in _ENGLISH_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise CellError("not_a_date", text)


_RANGE_SPLIT = re.compile(r"\s+[-–~至]\s+|\s*[–~至]\s*")


def parse_period(text: str) -> tuple[date, date] | None:
    """A date range as written above a report (``2026/01/01 - 2026/01/31``), else None."""
    parts = _RANGE_SPLIT.split(clean(text))
    if len(parts) != 2:
        return None
    try:
        start, end = parse_date(parts[0]), parse_date(parts[1])
    except CellError:
        return None
    return (start, end) if start <= end else None
