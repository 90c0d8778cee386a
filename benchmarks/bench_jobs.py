"""Nightly-check benchmark: N generated plans of mixed size (3-30 tools, three months of
actuals each) re-evaluated and reviewed by one worker, then by two, on the real Redis
and PostgreSQL.

Goal from the issue: 10,000 plans in under 30 minutes with two workers on this 2-core
machine, near-linear from one worker to two. Prints, per round: wall time from the
enqueue of the nightly run to the last stored check, throughput, median and p95 of the
time per plan (claim to done, from the job records), and the projected time for 10,000.
The machine is shared: quote the medians, and run it more than once.

Run: PYTHONPATH=src .venv/bin/python benchmarks/bench_jobs.py [--plans 600]
Needs PostgreSQL at 127.0.0.1:5432 (database ``test``) and Redis at 127.0.0.1:6379; it
works in a schema and a queue of its own and drops them at the end.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg
import redis

from aibudget.catalog import kpi_ids
from aibudget.domain.actuals import ActualRecord
from aibudget.domain.validate import parse_plan
from aibudget.jobs.queue import enqueue, make_queue
from aibudget.jobs.settings import JobSettings
from aibudget.jobs.work import JobContext
from aibudget.planfile import load_plan
from aibudget.store import actuals, plans, users, workspaces
from aibudget.store.db import Database, make_engine
from aibudget.store.migrate import migrate
from aibudget.store.records import Status

ROOT = Path(__file__).resolve().parents[1]
PG_URL = os.environ.get("AIBUDGET_BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("AIBUDGET_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
GOAL_PLANS, GOAL_MINUTES = 10_000, 30
MONTHS = ("2027-01", "2027-02", "2027-03")
TIMEOUT_SECONDS = 3_600  # a round that takes longer than this is stopped


def generated(document: dict[str, Any], tools: int) -> Any:
    """The example plan with ``tools`` tools (the example's, repeated under new ids)."""
    base = document["tools"]
    copies = [
        dict(base[i % len(base)], id=f"t{i}", name=f"{base[i % len(base)]['name']} {i}")
        for i in range(tools)
    ]
    return parse_plan(dict(document, tools=copies), kpi_ids())


def records(plan: Any, rng: random.Random) -> list[ActualRecord]:
    return [
        ActualRecord(
            month=month,
            tool=tool.id,
            line="subscription",
            amount=Decimal(rng.randrange(500, 6000)),
            hours_saved=Decimal(rng.randrange(0, 20)),
        )
        for tool in plan.tools
        for month in MONTHS
    ]


def populate(db: Database, count: int, seed: int) -> list[int]:
    rng = random.Random(seed)
    document = plans.to_document(load_plan(ROOT / "examples" / "taipei-cafe.yaml"))
    with db.write() as s:
        owner = users.create(s, "bench@example.com", "Bench", "a long bench password")
        space = workspaces.create(s, owner.id, "Bench")
    sizes = [rng.randint(3, 30) for _ in range(count)]
    for i, size in enumerate(sizes):
        plan = generated(document, size)
        with db.write() as s:
            saved = plans.create(s, owner.id, space.id, f"plan {i}", plan)
            plans.set_status(s, owner.id, space.id, saved.plan_id, 1, Status.LIVE)
            actuals.add(s, owner.id, space.id, saved.plan_id, "TWD", records(plan, rng))
    return sizes


def start_workers(count: int, env: dict[str, str]) -> list[subprocess.Popen[bytes]]:
    command = [sys.executable, "-c", "from aibudget.cli import main; main()", "worker"]
    return [
        subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(count)
    ]


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def stop(workers: list[subprocess.Popen[bytes]]) -> None:
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.wait(timeout=60)


def one_round(
    queue: Any, env: dict[str, str], workers: int, day: date, count: int, url: str
) -> dict[str, float]:
    running = start_workers(workers, env)
    try:
        time.sleep(3)  # the workers connect before the clock starts
        idle = [cpu_seconds(w.pid) for w in running]
        started = time.monotonic()
        enqueue(queue, "check_all", day.isoformat())
        with psycopg.connect(url) as conn:
            while time.monotonic() - started < TIMEOUT_SECONDS:
                done = conn.execute(
                    "SELECT count(*) FROM plan_checks WHERE day = %s", (day,)
                ).fetchone()
                if done and done[0] >= count:
                    break
                time.sleep(0.5)
            wall = time.monotonic() - started
            spans = [
                row[0]
                for row in conn.execute(
                    "SELECT extract(epoch FROM finished_at - claimed_at) FROM job_runs "
                    "WHERE key LIKE %s AND status = 'done'",
                    (f"check:%:{day.isoformat()}",),
                )
            ]
        cpu = sum(cpu_seconds(w.pid) - startup for w, startup in zip(running, idle, strict=True))
    finally:
        stop(running)
    per_plan = sorted(float(x) for x in spans)
    return {
        "wall": wall,
        "done": len(per_plan),
        "throughput": len(per_plan) / wall,
        "median": statistics.median(per_plan),
        "p95": per_plan[int(0.95 * (len(per_plan) - 1))],
        "cpu": cpu / max(len(per_plan), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plans", type=int, default=600)
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    schema = f"aibudget_bench_{uuid.uuid4().hex[:10]}"
    queue_name = f"aibudget-bench-{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    db = Database(make_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"}))
    try:
        migrate(db.engine)
        started = time.monotonic()
        sizes = populate(db, args.plans, args.seed)
        made = time.monotonic() - started
        print(
            f"{args.plans} plans, {min(sizes)}-{max(sizes)} tools "
            f"(median {statistics.median(sizes):.0f}), made in {made:.0f} s"
        )
        env = os.environ | {
            "PYTHONPATH": str(ROOT / "src"),
            "AIBUDGET_DATABASE_URL": f"{PG_URL}?options=-csearch_path%3D{schema}",
            "AIBUDGET_SECRET_KEY": "b" * 48,
            "AIBUDGET_JOBS_IN_PROCESS": "false",
            "AIBUDGET_BROKER_URL": REDIS_URL,
            "AIBUDGET_JOB_QUEUE": queue_name,
        }
        settings = JobSettings(jobs_in_process=False, broker_url=REDIS_URL, job_queue=queue_name)
        queue = make_queue(JobContext(db=db, settings=settings))
        url_conninfo = f"{PG_URL}?options=-csearch_path%3D{schema}"
        results = {}
        for workers, day in ((1, date(2027, 4, 2)), (2, date(2027, 4, 2) + timedelta(days=1))):
            r = one_round(queue, env, workers, day, args.plans, url_conninfo)
            results[workers] = r
            projected = GOAL_PLANS / r["throughput"] / 60
            print(
                f"{workers} worker(s): {r['done']:.0f} plans in {r['wall']:.1f} s, "
                f"{r['throughput']:.1f} plans/s, per plan median {r['median'] * 1000:.0f} ms, "
                f"p95 {r['p95'] * 1000:.0f} ms; 10,000 plans in {projected:.1f} min "
                f"(goal with two workers: under {GOAL_MINUTES} min); "
                f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
            )
            print(
                f"  worker CPU per plan {r['cpu'] * 1000:.0f} ms: 10,000 plans take "
                f"{GOAL_PLANS * r['cpu'] / workers / 60:.1f} min on {workers} free core(s)"
            )
        speedup = results[2]["throughput"] / results[1]["throughput"]
        print(f"speed-up from one worker to two: {speedup:.2f}x")
    finally:
        db.dispose()
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
        redis.Redis.from_url(REDIS_URL).delete(queue_name)


if __name__ == "__main__":
    main()
