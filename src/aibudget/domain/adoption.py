"""What adopting the optimiser's allocation changes in a plan (see
:mod:`aibudget.engine.adopt`): the changed plan document and each change, as data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

ChangeKind = Literal["drop", "plan", "start", "training", "privacy", "ad_spend"]


@dataclass(frozen=True)
class AdoptChange:
    """One change adoption makes: ``item`` is a tool or ad channel id."""

    kind: ChangeKind
    item: str
    name: str
    before: str | None = None
    after: str | None = None
    names: tuple[str, ...] = ()  # the tools a top-up is shared among


@dataclass(frozen=True)
class Adoption:
    document: dict[str, Any]
    changes: tuple[AdoptChange, ...]

    @property
    def changed(self) -> bool:
        return bool(self.changes)
