"""Import and review benchmark.

Prints for a Google Ads keyword export (UTF-16, tab-separated, 8 columns):
- the median wall time of a preview of 100,000 rows and the rows per second, next to
  the floor (decoding the file and splitting it with :mod:`csv` alone) and the ratio;
- the peak traced memory at 20,000 and 60,000 rows, the memory per extra row and the
  file's bytes per row (streaming: the first must stay far below the second).
Then the median time of a review of the Taipei cafe example with 12 months of actuals.

Run: .venv/bin/python benchmarks/bench_imports.py [--repeat N]
"""

from __future__ import annotations

import argparse
import codecs
import csv
import io
import statistics
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from aibudget.domain.actuals import ActualRecord, Actuals, with_fingerprint
from aibudget.engine.review import review
from aibudget.imports import ImportOptions, preview_file
from aibudget.planfile import load_plan

ROOT = Path(__file__).resolve().parents[1]


def write_export(path: Path, rows: int) -> None:
    encoder = codecs.getincrementalencoder("utf-16-le")()
    start = date(2026, 1, 1)
    with path.open("wb") as fh:
        fh.write(codecs.BOM_UTF16_LE)
        fh.write(encoder.encode("Keyword report\n2026/01/01 - 2026/12/31\n"))
        fh.write(
            encoder.encode("Day\tCampaign\tAd group\tKeyword\tImpr.\tClicks\tCost\tConversions\n")
        )
        for i in range(rows):
            day = start + timedelta(days=i % 365)
            fh.write(
                encoder.encode(
                    f"{day}\t活動 {i % 12}\t群組 {i % 97}\t關鍵字 {i}\t{i % 9000:,}\t{i % 90}"
                    f"\t{i % 500}.25\t{i % 7}\n"
                )
            )


def timed(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def floor(path: Path) -> None:
    with path.open("rb") as fh:
        text = io.TextIOWrapper(fh, encoding="utf-16", newline="")
        for _ in csv.reader(text, delimiter="\t"):
            pass


def peak(path: Path) -> int:
    tracemalloc.start()
    try:
        preview_file(path, ImportOptions(tool="gads"))
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def review_case() -> tuple[object, Actuals]:
    plan = load_plan(ROOT / "examples" / "taipei-cafe.yaml")
    records = []
    for m in range(1, 13):
        month = f"2027-{m:02d}"
        records += [
            ActualRecord(
                month=month,
                tool="chatgpt",
                line="subscription",
                amount=Decimal(1600),
                hours_saved=Decimal(18 + m),
                seats=2,
                active_users=2,
                feedback=4,
            ),
            ActualRecord(
                month=month,
                tool="canva",
                line="subscription",
                amount=Decimal(480),
                hours_saved=Decimal(6),
                feedback=5,
            ),
            ActualRecord(
                month=month,
                tool="mailchimp",
                line="subscription",
                amount=Decimal(928),
                benefit=Decimal(3000 + 100 * m),
            ),
            ActualRecord(month=month, kpi="content_output", kpi_value=Decimal(8 + m)),
        ]
    return plan, Actuals(currency="TWD", records=[with_fingerprint(r) for r in records])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.csv"
        write_export(big, 100_000)
        t_import = timed(lambda: preview_file(big, ImportOptions(tool="gads")), args.repeat)
        t_floor = timed(lambda: floor(big), args.repeat)
        print(
            f"preview 100,000 rows ({big.stat().st_size / 1e6:.1f} MB): median {t_import:.2f} s, "
            f"{100_000 / t_import:,.0f} rows/s; floor (decode + csv) {t_floor:.2f} s; "
            f"ratio {t_import / t_floor:.1f}x"
        )
        small, large = Path(tmp) / "s.csv", Path(tmp) / "l.csv"
        write_export(small, 20_000)
        write_export(large, 60_000)
        p_small, p_large = peak(small), peak(large)
        per_row = (p_large - p_small) / 40_000
        file_row = (large.stat().st_size - small.stat().st_size) / 40_000
        print(
            f"peak memory: {p_small / 1e6:.1f} MB at 20k rows, {p_large / 1e6:.1f} MB at 60k rows; "
            f"{per_row:.0f} bytes per extra row vs {file_row:.0f} bytes per row on disk "
            f"(ratio {per_row / file_row:.2f})"
        )
    plan, actuals = review_case()
    t_review = timed(lambda: review(plan, actuals), max(args.repeat, 5))  # type: ignore[arg-type]
    print(f"review of the cafe plan with 12 months of actuals: median {t_review * 1000:.0f} ms")


if __name__ == "__main__":
    main()
