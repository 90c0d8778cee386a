"""The reallocation proposal (``aibudget review``) in the reader's words, and its JSON
document."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import Field

from aibudget.domain.allocation import OptimiseStatus
from aibudget.domain.reallocation import Change, Lock, Reallocation, changes_plan
from aibudget.i18n import Translator
from aibudget.present.documents import Document


def _param(t: Translator, value: Any, currency: str) -> Any:
    if isinstance(value, Decimal):
        return t.money(value, currency)
    if isinstance(value, dict) and set(value) == {"amount", "currency"}:
        return t.money(value["amount"], value["currency"], 2 if value["amount"] % 1 else 0)
    return value


def change_text(t: Translator, change: Change, currency: str) -> str:
    """A change in words: a Decimal param is money in the plan's currency, an
    ``{amount, currency}`` param money in its own currency."""
    params = {k: _param(t, v, currency) for k, v in change.params.items()}
    return t(change.message_id, **params)


def summary_text(t: Translator, r: Reallocation) -> str:
    proposed = "–" if r.proposed_npv is None else t.money(r.proposed_npv, r.currency)
    return t(
        "reallocate.summary",
        start=r.start,
        months=r.months,
        proposed=proposed,
        current=t.money(r.current_npv, r.currency),
    )


def proposes_change(r: Reallocation) -> bool:
    """Whether there is a proposal to accept (something changes, not advice alone)."""
    return changes_plan(r)


class ChangeText(Change):
    text: str


class ProposalDocument(Document):
    """The reallocation proposal of a review (``review --json``'s ``proposal``)."""

    changes_plan: bool = Field(description="Accepting it changes the plan (not advice alone).")
    months_elapsed: int
    start: str
    months: int
    status: OptimiseStatus
    current_npv: Decimal
    proposed_npv: Decimal | None
    gain: Decimal | None
    summary: str
    locks: list[Lock]
    changes: list[ChangeText]


def proposal_document(r: Reallocation, t: Translator) -> ProposalDocument:
    return ProposalDocument(
        changes_plan=proposes_change(r),
        months_elapsed=r.months_elapsed,
        start=r.start,
        months=r.months,
        status=r.status,
        current_npv=r.current_npv,
        proposed_npv=r.proposed_npv,
        gain=r.gain,
        summary=summary_text(t, r),
        locks=r.locks,
        changes=[
            ChangeText(**c.model_dump(), text=change_text(t, c, r.currency)) for c in r.changes
        ],
    )
