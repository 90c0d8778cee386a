"""The costly use cases (evaluate, allocate, a report) run without the web: bounded by the
server's settings, counted against the user's quota in the shared counters, and kept in
the memos they are handed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest
from pydantic import SecretStr

from aibudget.i18n import Translator
from aibudget.service import allocation, evaluation, reports
from aibudget.service.evaluation import CostlyRuns, TrialsOutOfRange
from aibudget.service.limits import LimitReached
from aibudget.service.memo import Memo
from aibudget.settings import Settings
from aibudget.store import plans, users, workspaces
from aibudget.store.counters import DatabaseCounters
from aibudget.store.db import Database
from tests.factories import make_plan, tool

WRITER = tool(id="writer", name="Writer", category="content_writing")


@dataclass
class Server:
    db: Database
    runs: CostlyRuns
    owner: str
    ws: str
    plan_id: str


@pytest.fixture
def server(db: Database) -> Server:
    """One costly run per user per minute, at most 1,000 trials."""
    settings = Settings(secret_key=SecretStr("s" * 48), evaluate_per_minute=1, max_trials=1_000)
    with db.write() as s:
        alice = users.create(s, "alice@example.com", "alice", "correct horse battery")
        ws = workspaces.create(s, alice.id, "Shop").id
        plan_id = plans.create(s, alice.id, ws, "plan", make_plan(WRITER)).plan_id
    runs = CostlyRuns(settings, DatabaseCounters(db), Memo(64), Memo(16))
    return Server(db, runs, alice.id, ws, plan_id)


def _inputs(server: Server) -> reports.ReportInputs:
    return reports.report_inputs(server.db, server.owner, server.ws, server.plan_id, 1)


def test_viewers_of_one_evaluation_share_it_and_the_user_pays_once(server: Server) -> None:
    version = _inputs(server).version
    first = evaluation.run(server.runs, server.owner, version, 200)
    assert evaluation.run(server.runs, server.owner, version, 200) is first  # kept, not counted
    with pytest.raises(LimitReached):  # other trials: a run of its own, past the quota
        evaluation.run(server.runs, server.owner, version, 300)


@pytest.mark.parametrize("trials", [99, 1_001])
def test_trials_outside_the_servers_bounds_are_refused_before_they_count(
    server: Server, trials: int
) -> None:
    version = _inputs(server).version
    with pytest.raises(TrialsOutOfRange):
        evaluation.run(server.runs, server.owner, version, trials)
    evaluation.run(server.runs, server.owner, version, 200)  # the quota is untouched


def test_allocate_is_capped_by_the_servers_time_and_counted_with_evaluate(
    server: Server,
) -> None:
    assert allocation.time_cap(server.runs.settings) == Decimal("10.0")
    version = _inputs(server).version
    allocation.run(server.runs, server.owner, version)
    with pytest.raises(LimitReached):
        evaluation.run(server.runs, server.owner, version, 200)


def test_a_report_of_an_unknown_format_is_refused_before_it_counts(server: Server) -> None:
    found = _inputs(server)
    t = Translator("en")
    with pytest.raises(reports.UnknownFormat):
        reports.build(server.runs, server.owner, found.version, "doc", t, None, found.catalog)
    content = reports.build(
        server.runs, server.owner, found.version, "xlsx", t, None, found.catalog
    )
    assert content[:2] == b"PK" and len(server.runs.reports) == 1
