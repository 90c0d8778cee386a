"""Terminal and JSON rendering of the reallocation proposal (``aibudget review``)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from aibudget.domain.errors import AibudgetError
from aibudget.domain.guidance import CatalogTool
from aibudget.domain.plan import Plan
from aibudget.domain.reallocation import Change, Reallocation
from aibudget.domain.review import Review
from aibudget.i18n import Translator


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
    from aibudget.engine.reallocate import changes_plan

    return changes_plan(r)


def proposal_json(r: Reallocation, t: Translator) -> dict[str, Any]:
    return {
        "changes_plan": proposes_change(r),
        "months_elapsed": r.months_elapsed,
        "start": r.start,
        "months": r.months,
        "status": r.status.value,
        "current_npv": r.current_npv,
        "proposed_npv": r.proposed_npv,
        "gain": r.gain,
        "summary": summary_text(t, r),
        "locks": [x.model_dump() for x in r.locks],
        "changes": [{**c.model_dump(), "text": change_text(t, c, r.currency)} for c in r.changes],
    }


def proposal_for(
    plan: Plan, result: Review, t: Translator, catalog: Mapping[str, CatalogTool] | None = None
) -> tuple[Reallocation | None, str]:
    """The proposal, or None and the reason in words (e.g. the horizon is over).
    ``catalog``: the catalog the plan sees (default: built-in plus the plan's own)."""
    from aibudget.catalog import catalog_for
    from aibudget.engine.reallocate import reallocate

    if catalog is None:
        catalog, _ = catalog_for(plan.catalog)
    try:
        return reallocate(plan, result, catalog), ""
    except AibudgetError as error:
        return None, t(error.message_id, **error.params)
