"""The allocation step: the optimiser (aibudget.engine.optimize) on a stored version.

Bounded like evaluate: the solver's time limit is capped by the server's, runs are
rate-limited per user, and results are cached by the version's context.
"""

from __future__ import annotations

from decimal import Decimal

from aibudget.domain.allocation import OptimisationResult, OptimisePolicy
from aibudget.engine.optimize import optimize
from aibudget.service.context import VersionContext
from aibudget.service.cores import usable_cores
from aibudget.service.evaluation import CostlyRuns, costly_run
from aibudget.settings import Settings
from aibudget.store.records import PlanVersion


def time_cap(settings: Settings) -> Decimal:
    """The server's time limit for a costly run, as the optimiser takes it."""
    return Decimal(str(settings.evaluate_seconds))


def run(runs: CostlyRuns, user_id: str, version: PlanVersion) -> OptimisationResult:
    def make() -> OptimisationResult:
        costly_run(runs, user_id)  # the solver keeps its own time limit, capped below
        policy = (version.plan.optimise or OptimisePolicy()).capped(time_cap(runs.settings))
        return optimize(version.plan, policy, threads=usable_cores())

    found: OptimisationResult = runs.results.get_or_make(
        VersionContext.of(version).key("optimise"), make
    )
    return found
