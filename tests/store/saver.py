"""Run by test_store_crash.py in a child process: save versions until killed."""

from __future__ import annotations

import sys
from pathlib import Path

from aibudget.planfile import load_plan
from aibudget.store import plans
from aibudget.store.db import Database, make_engine

MAX_SAVES = 100_000
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "taipei-cafe.yaml"


def main(url: str, schema: str, user_id: str, workspace_id: str, plan_id: str) -> None:
    options = {"connect_args": {"options": f"-csearch_path={schema}"}} if schema else {}
    db = Database(make_engine(url, **options))
    plan = load_plan(EXAMPLE)
    for i in range(MAX_SAVES):
        with db.write() as s:
            plans.save(s, user_id, workspace_id, plan_id, plan, f"save {i}")
        print(i, flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:6])
