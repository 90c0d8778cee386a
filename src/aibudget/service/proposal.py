"""The reallocation proposal of a review, or why there is none, in the owner's words."""

from __future__ import annotations

from collections.abc import Mapping

from aibudget.catalog import catalog_for
from aibudget.domain.errors import AibudgetError
from aibudget.domain.guidance import CatalogTool
from aibudget.domain.plan import Plan
from aibudget.domain.reallocation import Reallocation
from aibudget.domain.review import Review
from aibudget.engine.reallocate import reallocate
from aibudget.i18n import Translator


def proposal_for(
    plan: Plan, result: Review, t: Translator, catalog: Mapping[str, CatalogTool] | None = None
) -> tuple[Reallocation | None, str]:
    """The proposal, or None and the reason in words (e.g. the horizon is over).
    ``catalog``: the catalog the plan sees (default: built-in plus the plan's own)."""
    if catalog is None:
        catalog, _ = catalog_for(plan.catalog)
    try:
        return reallocate(plan, result, catalog), ""
    except AibudgetError as error:
        return None, t(error.message_id, **error.params)
