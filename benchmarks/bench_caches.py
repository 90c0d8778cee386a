"""Does each memo earn its place? What a miss costs (making the value) beside a hit.

Every memo of the app (aibudget.service.memo.Memo) is kept only where making its value
costs a request noticeably more than finding it: here, where the make costs at least
``KEEP_MS`` of CPU per request (a hit costs microseconds). Measured in-process, CPU
medians, on the example plan (3 tools) and, where the size matters, on a 100-tool plan:

- store.plans._parsed: validating a stored version's document (every page and API call);
- web results: the simulation of evaluate (10,000 trials), its JSON answer, the health
  check, the allocation (optimiser), the small wins of a review;
- web pages: rendering the plan page;
- web reports: an XLSX report file;
- web.security: checking a session cookie's signature.

Run: .venv/bin/python benchmarks/bench_caches.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from fastapi.responses import JSONResponse

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_optimize import bench_plan

from aibudget.catalog import kpi_entries, kpi_ids
from aibudget.cli.monitor import load_actuals
from aibudget.domain.allocation import OptimisePolicy
from aibudget.domain.validate import parse_plan
from aibudget.engine.cashflow import evaluate
from aibudget.engine.optimize import optimize
from aibudget.engine.practice import review_wins
from aibudget.engine.review import review
from aibudget.engine.simulate import simulate
from aibudget.i18n import Translator
from aibudget.planfile import load_plan
from aibudget.present.documents import evaluation_document
from aibudget.present.practice import review_win_texts
from aibudget.reports import ReportMeta, gather, render
from aibudget.service.memo import Memo
from aibudget.store.plans import to_document
from aibudget.web.factory import one_blas_thread
from aibudget.web.health import health
from aibudget.web.security import Sessions

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
KEEP_MS = 1.0  # a make costing less than this per request is not worth a memo


def cpu_ms(fn: Callable[[], object], repeat: int) -> float:
    """Median CPU milliseconds of ``fn()`` (after one untimed call)."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def hit_ms(repeat: int) -> float:
    """A memo hit (what every kept value costs instead of its make)."""
    memo: Memo[tuple[str, int], object] = Memo(64)
    memo.put(("k", 1), object())
    return cpu_ms(lambda: [memo.get_or_make(("k", 1), object) for _ in range(1000)], repeat) / 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    repeat = parser.parse_args().repeat
    one_blas_thread()  # as in a server process
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; CPU medians")
    cafe = load_plan(EXAMPLES / "taipei-cafe.yaml")
    big = bench_plan(100, 5)
    t = Translator("zh_TW")
    actuals = load_actuals(cafe, [EXAMPLES / "taipei-cafe-actuals.csv"], t)
    result, sim = evaluate(cafe), simulate(cafe, 10_000)
    sessions = Sessions("b" * 48)
    cookie = sessions.dump({"sid": "s", "uid": "u", "ep": 0})
    meta = ReportMeta(generated=date(2027, 6, 1), version="v1", state="draft", note="")
    policy = (cafe.optimise or OptimisePolicy()).capped(Decimal(10))

    def wins() -> list[str]:
        return review_win_texts(
            t, cafe, review_wins(review(cafe, actuals, kpi_library=kpi_entries()))
        )

    def report() -> bytes:
        data = gather(cafe, meta, actuals=actuals, trials=10_000, optimiser_seconds=Decimal(10))
        return render(data, "xlsx", t)

    made: list[tuple[str, str, Callable[[], object]]] = [
        ("plans._parsed", "parse, example plan", lambda: parse_plan(to_document(cafe), kpi_ids())),
        ("plans._parsed", "parse, 100 tools", lambda: parse_plan(to_document(big), kpi_ids())),
        ("results", "simulate 10,000 trials", lambda: (evaluate(cafe), simulate(cafe, 10_000))),
        (
            "results",
            "evaluate JSON answer",
            lambda: JSONResponse(evaluation_document(result, sim).model_dump(mode="json")).body,
        ),
        ("results", "health check, example", lambda: health(t, cafe)),
        ("results", "health check, 100 tools", lambda: health(t, big)),
        ("results", "allocation (optimiser)", lambda: optimize(cafe, policy)),
        ("results", "small wins (review)", wins),
        ("reports", "XLSX report", report),
        ("security", "session cookie check", lambda: sessions.load(cookie)),
    ]
    hit = hit_ms(repeat)
    head = f"{'memo':<15} {'what is made':<26} {'make':>10} {'hit':>9}"
    print(f"{head}  verdict (keep if >= {KEEP_MS} ms)")
    for memo, name, fn in made:
        cost = cpu_ms(fn, repeat)
        verdict = "keep" if cost >= KEEP_MS else "not needed"
        print(f"{memo:<15} {name:<26} {cost:7.2f} ms {hit * 1000:6.1f} us  {verdict}")
    print(
        "pages: the plan page with and without its memo: benchmarks/profile_web.py --forget-pages"
    )


if __name__ == "__main__":
    main()
