"""The allocation step: the optimiser (aibudget.engine.optimize) on a stored version.

Bounded like evaluate: the solver's time limit is capped by the server's, runs are
rate-limited per user, and results are cached by the immutable version id.
"""

from __future__ import annotations

from decimal import Decimal

from aibudget.domain.allocation import OptimisationResult, OptimisePolicy
from aibudget.engine.optimize import optimize
from aibudget.store.records import PlanVersion
from aibudget.web.errors import TooMany
from aibudget.web.state import WebState


def run(web: WebState, user_id: str, version: PlanVersion) -> OptimisationResult:
    key = ("optimise", version.id)
    found = web.cached(key)
    if found is not None:
        return found  # type: ignore[no-any-return]
    with web.one_at_a_time(key):
        found = web.cached(key)
        if found is not None:
            return found  # type: ignore[no-any-return]
        if not web.evaluate_limiter.hit(f"user:{user_id}"):
            raise TooMany(minutes=1)
        policy = version.plan.optimise or OptimisePolicy()
        cap = Decimal(str(web.settings.evaluate_seconds))
        limit = min(policy.time_limit_seconds, cap)
        result = optimize(version.plan, policy.model_copy(update={"time_limit_seconds": limit}))
        web.remember(key, result)
        return result
