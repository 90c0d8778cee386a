"""What reading the message catalogues costs a fresh process: .po parsed by Babel (as
before) against the compiled .mo read by gettext (now).

Prints, as medians:
- in this process, loading both catalogues: Babel's ``read_po`` of each .po (the old
  way) and ``aibudget.i18n.compiled.load`` (read the .mo, check it against the .po's
  SHA-256, gettext's parser), and their ratio;
- in fresh processes, ``aibudget --help`` and the first render of the sign-in page (a
  new app on a new SQLite file, TestClient: the first page a fresh worker shows) with
  this tree, and with an older checkout's src/ given by ``--before`` (e.g. ``git
  archive <commit> src | tar -x -C /tmp/before``), run alternately so that both see the
  same load on the machine.
Target: the .mo load at least 5x faster than parsing the .po; both fresh-process figures
no slower than before.

Run: .venv/bin/python benchmarks/bench_i18n.py [--repeat 7] [--before /tmp/before/src]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from babel.messages.pofile import read_po
from timing import median_seconds

from aibudget.i18n import LOCALES
from aibudget.i18n.compiled import load, source_path

TARGET = 5.0
SRC = Path(__file__).resolve().parents[1] / "src"
HELP = "import sys; from aibudget.cli import main; sys.argv = ['aibudget', '--help']; main()"
PAGE = """
import tempfile, time
from pathlib import Path
from pydantic import SecretStr
from fastapi.testclient import TestClient
from aibudget.settings import Settings
from aibudget.web.app import create_app
url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
app = create_app(Settings(database_url=url, secret_key=SecretStr("s" * 48)))
with TestClient(app, base_url="http://127.0.0.1") as client:
    start = time.perf_counter()
    assert client.get("/login").status_code == 200
    first = time.perf_counter() - start
    start = time.perf_counter()
    client.get("/login")
    print(first, time.perf_counter() - start)
"""


def parse_po() -> None:
    for locale in LOCALES:
        with source_path(locale).open("rb") as fh:
            {m.id: m.string for m in read_po(fh, locale=locale) if m.id}


def read_mo() -> None:
    for locale in LOCALES:
        load(locale).texts()


def _run(src: Path, code: str) -> tuple[float, str]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    return time.perf_counter() - start, out


def fresh_processes(trees: dict[str, Path], repeat: int) -> None:
    help_times: dict[str, list[float]] = {name: [] for name in trees}
    page_times: dict[str, list[float]] = {name: [] for name in trees}
    for src in trees.values():  # warm the file cache and compile the .mo once
        _run(src, HELP)
    for _ in range(repeat):
        for name, src in trees.items():
            help_times[name].append(_run(src, HELP)[0])
            page_times[name].append(float(_run(src, PAGE)[1].split()[0]))
    print(f"{'fresh process (median of ' + str(repeat) + ')':<36} {'--help s':>9} {'page s':>8}")
    for name in trees:
        help_s, page_s = statistics.median(help_times[name]), statistics.median(page_times[name])
        print(f"{name:<36} {help_s:9.3f} {page_s:8.3f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--before", type=Path, help="an older checkout's src/ to compare")
    args = parser.parse_args()
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    read_mo()  # compiles the .mo if it is missing or stale: not part of the figure
    po_s = median_seconds(parse_po, args.repeat)
    mo_s = median_seconds(read_mo, args.repeat)
    print(f"both catalogues, .po parsed by Babel: {po_s * 1000:8.1f} ms")
    print(f"both catalogues, .mo read by gettext: {mo_s * 1000:8.1f} ms")
    print(f"ratio: {po_s / mo_s:.1f}x faster (target >= {TARGET:.0f}x)")
    trees = {"now (.mo)": SRC}
    if args.before:
        trees = {"before (.po)": args.before, **trees}
    fresh_processes(trees, args.repeat)
    print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
