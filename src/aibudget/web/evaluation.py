"""Evaluate a stored version: bounded trials and time, rate-limited per user, cached.

Versions never change, so a result is cached by its version's context and the trials.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from fastapi.responses import JSONResponse

from aibudget.domain.errors import AibudgetError
from aibudget.domain.results import Evaluation, SimulationResult
from aibudget.domain.texts import N_
from aibudget.engine.cashflow import evaluate
from aibudget.engine.simulate import simulate
from aibudget.service.context import VersionContext
from aibudget.store.records import PlanVersion
from aibudget.web import limits
from aibudget.web.state import WebState

MIN_TRIALS = 100
CHUNK_TRIALS = 8_192  # time checks between chunks; results do not depend on it


class TooSlow(AibudgetError):
    message_id = N_("web.evaluate_too_slow")
    http_status = 503


class TrialsOutOfRange(AibudgetError):
    message_id = "cli.trials_range"
    http_status = 422


def bounded_trials(web: WebState, requested: int | None, version: PlanVersion) -> int:
    trials = requested or min(version.plan.simulation.trials, web.settings.max_trials)
    if not MIN_TRIALS <= trials <= web.settings.max_trials:
        raise TrialsOutOfRange(low=MIN_TRIALS, high=web.settings.max_trials)
    return trials


def costly_run(web: WebState, user_id: str) -> Callable[[int, int], None]:
    """Count a costly run (evaluate, a report) against the user's limit per minute and
    give the progress callback that stops it at the server's time limit."""
    limits.costly(web.counters, web.settings, user_id)
    deadline = time.monotonic() + web.settings.evaluate_seconds

    def check_time(_done: int, _total: int) -> None:
        if time.monotonic() > deadline:
            raise TooSlow(seconds=web.settings.evaluate_seconds)

    return check_time


def run(
    web: WebState, user_id: str, version: PlanVersion, trials: int | None = None
) -> tuple[Evaluation, SimulationResult]:
    n = bounded_trials(web, trials, version)

    def make() -> tuple[Evaluation, SimulationResult]:
        check_time = costly_run(web, user_id)
        result = evaluate(version.plan)
        return result, simulate(version.plan, n, progress=check_time, chunk_trials=CHUNK_TRIALS)

    # several viewers of a new version: one simulation
    key = VersionContext.of(version).key("evaluate", n)
    found: tuple[Evaluation, SimulationResult] = web.results.get_or_make(key, make)
    return found


def run_json(web: WebState, user_id: str, version: PlanVersion, trials: int | None = None) -> bytes:
    """The API's evaluate answer (from ``run``'s kept result): the bytes FastAPI would send
    for the document as its ``response_model`` (Decimals as exact strings).

    Not kept itself: building and encoding it cost a few milliseconds, against the
    evaluation it shows (kept) that costs far more.
    """
    from aibudget.present.documents import evaluation_document  # the one definition

    result, sim = run(web, user_id, version, trials)
    document = evaluation_document(result, sim).model_dump(mode="json")
    return bytes(JSONResponse(document).body)
