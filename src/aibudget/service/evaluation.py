"""Evaluate a stored version: bounded trials and time, rate-limited per user, cached.

Versions never change, so a result is cached by its version's context and the trials.
The bounds of every costly run (evaluate, allocate, a report) are here too.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aibudget.domain.errors import AibudgetError
from aibudget.domain.results import Evaluation, SimulationResult
from aibudget.domain.texts import N_
from aibudget.engine.simulate import evaluate_and_simulate
from aibudget.service import limits
from aibudget.service.context import Key, VersionContext
from aibudget.service.memo import Memo
from aibudget.settings import Settings
from aibudget.store.counters import Counters
from aibudget.store.records import PlanVersion

MIN_TRIALS = 100
CHUNK_TRIALS = 8_192  # time checks between chunks; results do not depend on it


@dataclass(frozen=True)
class CostlyRuns:
    """What the server's costly runs are bounded and kept by: its limits (trials, seconds,
    runs per minute), the shared counters of the per-user quota, the memo of results by
    their context keys and the memo of report files (apart, so that big files never push
    the results out)."""

    settings: Settings
    counters: Counters
    results: Memo[Key, Any]
    reports: Memo[Key, bytes]


class TooSlow(AibudgetError):
    message_id = N_("web.evaluate_too_slow")
    http_status = 503


class TrialsOutOfRange(AibudgetError):
    message_id = "cli.trials_range"
    http_status = 422


def bounded_trials(settings: Settings, requested: int | None, version: PlanVersion) -> int:
    trials = requested or min(version.plan.simulation.trials, settings.max_trials)
    if not MIN_TRIALS <= trials <= settings.max_trials:
        raise TrialsOutOfRange(low=MIN_TRIALS, high=settings.max_trials)
    return trials


def costly_run(runs: CostlyRuns, user_id: str) -> Callable[[int, int], None]:
    """Count a costly run (evaluate, a report) against the user's limit per minute and
    give the progress callback that stops it at the server's time limit."""
    limits.costly(runs.counters, runs.settings, user_id)
    seconds = runs.settings.evaluate_seconds
    deadline = time.monotonic() + seconds

    def check_time(_done: int, _total: int) -> None:
        if time.monotonic() > deadline:
            raise TooSlow(seconds=seconds)

    return check_time


def run(
    runs: CostlyRuns, user_id: str, version: PlanVersion, trials: int | None = None
) -> tuple[Evaluation, SimulationResult]:
    n = bounded_trials(runs.settings, trials, version)

    def make() -> tuple[Evaluation, SimulationResult]:
        check_time = costly_run(runs, user_id)
        return evaluate_and_simulate(
            version.plan, n, progress=check_time, chunk_trials=CHUNK_TRIALS
        )

    # several viewers of a new version: one simulation
    key = VersionContext.of(version).key("evaluate", n)
    found: tuple[Evaluation, SimulationResult] = runs.results.get_or_make(key, make)
    return found
