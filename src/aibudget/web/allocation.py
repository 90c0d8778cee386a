"""The allocation step: the optimiser (aibudget.engine.optimize) on a stored version.

Bounded like evaluate: the solver's time limit is capped by the server's, runs are
rate-limited per user, and results are cached by the version's context.
"""

from __future__ import annotations

from decimal import Decimal

from aibudget.domain.allocation import OptimisationResult, OptimisePolicy
from aibudget.engine.optimize import optimize
from aibudget.service.context import VersionContext
from aibudget.store.records import PlanVersion
from aibudget.web.evaluation import costly_run
from aibudget.web.state import WebState


def time_cap(web: WebState) -> Decimal:
    """The server's time limit for a costly run, as the optimiser takes it."""
    return Decimal(str(web.settings.evaluate_seconds))


def run(web: WebState, user_id: str, version: PlanVersion) -> OptimisationResult:
    def make() -> OptimisationResult:
        costly_run(web, user_id)  # the solver keeps its own time limit, capped below
        policy = (version.plan.optimise or OptimisePolicy()).capped(time_cap(web))
        return optimize(version.plan, policy)

    found: OptimisationResult = web.results.get_or_make(
        VersionContext.of(version).key("optimise"), make
    )
    return found
