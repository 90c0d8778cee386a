"""Typed errors and problem records. Messages are ids; shells translate them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aibudget.domain.texts import N_

Path = tuple[str | int, ...]


def format_path(path: Path) -> str:
    """``("tools", 2, "plans", 0, "price")`` -> ``tools[2].plans[0].price``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where, which message id, and its parameters."""

    path: Path
    message_id: str
    params: dict[str, Any] = field(default_factory=dict)
    line: int | None = None

    @property
    def where(self) -> str:
        return format_path(self.path)


class AibudgetError(Exception):
    """Base of the error family; shells map each subclass to an exit code / status."""

    message_id = N_("error.internal")
    http_status = 500

    def __init__(self, message_id: str | None = None, **params: Any) -> None:
        self.message_id = message_id or self.message_id
        self.params = params
        super().__init__(self.message_id)


class PlanError(AibudgetError):
    """A plan that does not validate; carries every problem found."""

    message_id = "plan.invalid"
    http_status = 422

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(count=len(problems))
        self.problems = problems
