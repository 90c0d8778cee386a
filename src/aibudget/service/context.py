"""What a result about one stored version is made from, as one hashable value.

A version's document never changes, so its id stands for its plan; what may change
around it is its status (draft, live, approved: a report prints it), the workspace's
catalog (the health check and reports read it), the plan's actuals (reviews, small
wins, reports) and the viewer's language. ``VersionContext`` holds those facts and is
itself the cache key (a frozen dataclass hashes and compares by every field), so a key
can no longer forget one of them: a field added here is part of every key at once.

A use that does not depend on a part leaves it out when it builds its context (the
simulation of a version, for instance, reads no catalog and no actuals).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from aibudget.domain.actuals import Actuals, content_digest

Key = tuple[Hashable, ...]  # a cache key: VersionContext.key's, or a page's


class StoredVersion(Protocol):
    """What the context reads of a stored version (``aibudget.store.records.PlanVersion``)."""

    @property
    def id(self) -> str: ...

    @property
    def status(self) -> Enum: ...


class Stamped(Protocol):
    """A merged catalog with a stamp that changes whenever it does (``CatalogView``)."""

    @property
    def stamp(self) -> str: ...


def actuals_digest(actuals: Actuals | None) -> str:
    """A digest of the recorded actuals ("" when none are recorded)."""
    if actuals is None or not actuals.records:
        return ""
    return content_digest(r.fingerprint for r in actuals.records)


@dataclass(frozen=True)
class VersionContext:
    """A loaded version's facts that results depend on; the cache key of those results."""

    version_id: str
    status: str
    catalog_stamp: str | None = None  # None: the result reads no catalog
    actuals: str | None = None  # digest of the recorded actuals; None: reads none
    locale: str | None = None  # None: the result has no words

    @classmethod
    def of(
        cls,
        version: StoredVersion,
        *,
        catalog: Stamped | None = None,
        actuals: Actuals | None = None,
        locale: str | None = None,
        with_actuals: bool = False,
    ) -> VersionContext:
        """The context of ``version`` with the parts the result reads (actuals: pass
        them, or ``with_actuals`` for a result that reads them even when none exist)."""
        recorded = actuals_digest(actuals) if actuals is not None or with_actuals else None
        return cls(
            version_id=version.id,
            status=str(version.status.value),
            catalog_stamp=catalog.stamp if catalog is not None else None,
            actuals=recorded,
            locale=locale,
        )

    def key(self, purpose: str, *details: Hashable) -> Key:
        """The cache key of one result made from this context (``details``: the result's
        own inputs, such as the trials of a simulation or a report's format)."""
        return (purpose, self, *details)
