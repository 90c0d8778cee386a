"""Typed results of the reallocation (see :mod:`aibudget.engine.reallocate`).

Months are numbered as in the plan under review (month 1 = ``horizon.start``), so a
change "from month 7" means the seventh month of the approved plan; ``calendar`` params
give the same month as ``YYYY-MM``. Every Decimal in a change's params is money in the
plan's currency (shells format it with ``Translator.money``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from aibudget.domain.allocation import OptimiseStatus
from aibudget.domain.plan import Plan
from aibudget.domain.texts import N_


class ReallocationResult(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class Change(ReallocationResult):
    """One difference between the current plan and the proposal, in words as data."""

    message_id: str
    params: dict[str, Any] = Field(default_factory=dict)
    tool: str | None = None


class Lock(ReallocationResult):
    """An annual plan already paid: the tool stays until its paid year ends."""

    tool: str
    plan: str
    paid_until: int  # last month paid for (plan numbering)
    renewal: int  # month of the next payment (plan numbering)
    worth_renewing: bool | None = None  # None: not judged


class Reallocation(ReallocationResult):
    currency: str
    months_elapsed: int  # the review month k: the proposal covers months k + 1 ..
    start: str  # YYYY-MM of month k + 1: the proposed plan's horizon start
    months: int  # months of the proposed plan (the rest of the horizon, at least 12)
    status: OptimiseStatus
    current_npv: Decimal  # today's plan, updated estimates, remaining months only
    proposed_npv: Decimal | None
    gain: Decimal | None
    locks: list[Lock]
    changes: list[Change]
    plan: Plan | None  # the proposed plan version (None when no feasible plan was found)


ADVICE_ONLY = frozenset(
    {
        N_("reallocate.no_change"),
        "reallocate.no_solution",
        N_("reallocate.locked"),
        N_("reallocate.renewal_doubtful"),
        N_("reallocate.stop_at_renewal"),
        N_("reallocate.scale_no_step"),
    }
)


def changes_plan(proposal: Reallocation) -> bool:
    """Whether accepting the proposal changes anything (not advice alone)."""
    return proposal.plan is not None and any(
        c.message_id not in ADVICE_ONLY for c in proposal.changes
    )
