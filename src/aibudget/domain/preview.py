"""What importing one file would do (see :mod:`aibudget.imports`): its format, encoding
and how it was found, the column mapping, every problem with its line, and - only when
there is no problem - the records. Plain data the importer fills in and the shells show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from aibudget.domain.actuals import ActualRecord
from aibudget.domain.errors import Problem


@dataclass
class Preview:
    file: str
    format: str | None = None
    encoding: str | None = None
    encoding_method: str | None = None
    delimiter: str | None = None
    header_line: int | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    unknown_columns: list[str] = field(default_factory=list)
    currency: str | None = None
    period: tuple[date, date] | None = None
    rows_read: int = 0
    rows_used: int = 0
    rows_skipped: int = 0
    neutralised: int = 0
    problem_count: int = 0
    problems: list[Problem] = field(default_factory=list)
    records: list[ActualRecord] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problem_count

    def fail(self, message_id: str, line: int | None = None, **params: object) -> None:
        self.problem_count += 1
        self.problems.append(Problem((), message_id, dict(params), line))
