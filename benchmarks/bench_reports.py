"""Report benchmark: how long the PDF and the XLSX of each example plan take.

Targets (issue 17), cold from the command line: PDF < 2 s, XLSX < 0.7 s, and
``aibudget --help`` < 0.4 s. Prints first the median of ``--cold`` fresh ``--help`` runs
(wall and the child's CPU), then per example and format:
- ``cli``: the whole ``aibudget report`` command in a fresh process (imports, fonts,
  engine, file), median wall and CPU of ``--cold`` runs: what an owner waits for, each
  beside its target;
- ``gather``: the engine part in-process (evaluate, simulate with the plan's trials,
  optimise, health check), median of ``--repeat`` runs after a warm-up;
- ``render``: laying out each format in-process, same medians.
The PDF's font copy (``aibudget.reports.font_cache``) is made before the cold runs (it
is made once per machine), and the sources are compiled to bytecode as an install
does; ``first pdf`` times one PDF with an empty cache folder: it is laid out with the
full font and starts making the copy in the background, whose time is printed too.

``--old SRC`` also runs the cold commands with ``PYTHONPATH=SRC`` (another checkout's
``src``, e.g. ``git worktree add /tmp/old 203e82d``), interleaved with this tree's runs so
both see the same load, and prints the ratio. The machine is shared: quote medians, the
ratios measured in one run and the load average.

Run: .venv/bin/python benchmarks/bench_reports.py [--repeat 5] [--cold 3] [--old SRC]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from timing import median_seconds  # benchmarks/timing.py (run as scripts)

from aibudget.i18n import Translator
from aibudget.planfile import load_plan
from aibudget.reports import ReportMeta, font_cache, gather, render
from aibudget.reports.fonts import cjk_fonts

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ("taipei-cafe.yaml", "b2b-machine-parts.yaml", "beauty-clinic.yaml")
CLI = Path(sys.executable).with_name("aibudget")
TARGETS = {"pdf": 2.0, "xlsx": 0.7, "help": 0.4}
COPY_WAIT_SECONDS = 120  # for the font copy made in the background after the first pdf
Run = tuple[float, float]  # wall, cpu (seconds)


def once(command: list[str], env: dict[str, str]) -> Run:
    """Wall and CPU (the child's user + system) seconds of one run of a command."""
    before = os.times()
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (
        after.children_user + after.children_system
        - before.children_user - before.children_system
    )  # fmt: skip
    return wall, cpu


def medians(runs: list[Run]) -> Run:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def environment(src: Path) -> dict[str, str]:
    """As installed: bytecode cached (an install compiles it; PYTHONDONTWRITEBYTECODE,
    set on some development machines, would make every run compile the sources)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(src)}


def compile_sources(*folders: Path) -> None:
    """The bytecode an install would have written (``python -m compileall``)."""
    for folder in folders:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder)], check=True)


def report_command(path: Path, fmt: str, folder: str) -> list[str]:
    return [str(CLI), "report", str(path), "--format", fmt, "-o", f"{folder}/r.{fmt}"]


def verdict(seconds: float, target: float) -> str:
    return "meets" if seconds < target else "misses"


def line(label: str, new: Run, target: float, old: Run | None) -> str:
    wall, cpu = new
    text = (
        f"{label:<34}{wall:>7.2f}s{cpu:>7.2f}s   target < {target:.1f} s"
        f" ({verdict(wall, target)} wall, {verdict(cpu, target)} cpu)"
    )
    if old is not None:
        text += (
            f"   old {old[0]:.2f}s / {old[1]:.2f}s cpu:"
            f" x{old[0] / wall:.2f} wall, x{old[1] / cpu:.2f} cpu"
        )
    return text


def cold_runs(command: list[str], cold: int, old_src: Path | None) -> tuple[Run, Run | None]:
    """``cold`` runs of this tree (and of the old tree, interleaved)."""
    new_runs, old_runs = [], []
    for _ in range(cold):
        new_runs.append(once(command, environment(ROOT / "src")))
        if old_src is not None:
            old_runs.append(once(command, environment(old_src)))
    return medians(new_runs), (medians(old_runs) if old_runs else None)


def first_pdf(path: Path) -> tuple[Run, float | None]:
    """One PDF with an empty font cache folder, and the seconds from its start until the
    copy it started making in the background is there (None: not within the wait)."""
    with (
        tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as cache,  # a late maker's
        tempfile.TemporaryDirectory() as out,
    ):
        env = {**environment(ROOT / "src"), "AIBUDGET_CACHE_DIR": cache}
        start = time.perf_counter()
        run = once(report_command(path, "pdf", out), env)
        made = _copy_made(Path(cache), start)
    return run, made


def _copy_made(cache: Path, start: float) -> float | None:
    """Seconds from ``start`` until the copies are in ``cache`` and their maker has let
    go of the folder's lock (so the folder can be removed); polled, bounded."""
    fonts = cache / "fonts"
    faces = {(face.path, face.index) for face in (cjk_fonts().regular, cjk_fonts().bold)}
    while time.perf_counter() - start < COPY_WAIT_SECONDS:
        copies = list(fonts.glob("*.otf"))
        if len(copies) == len(faces) and _unlocked(fonts):
            return time.perf_counter() - start
        time.sleep(0.2)
    return None


def _unlocked(folder: Path) -> bool:
    import fcntl

    with open(folder / font_cache.LOCK_NAME, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(handle, fcntl.LOCK_UN)
        return True


def in_process(path: Path, repeat: int) -> dict[str, float]:
    plan = load_plan(path)
    t = Translator(plan.company.locale.value)
    meta = ReportMeta(generated=date.today(), version=path.name)
    data = gather(plan, meta)
    times = {"gather": median_seconds(lambda: gather(plan, meta), repeat)}
    for fmt in ("pdf", "xlsx"):
        render(data, fmt, t)  # warm-up: imports and fonts
        times[fmt] = median_seconds(lambda: render(data, fmt, t), repeat)  # noqa: B023
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cold", type=int, default=3)
    parser.add_argument("--old", type=Path, help="another checkout's src folder to compare")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if not font_cache.warm():
        raise SystemExit("the PDF's font copy cannot be made here: the cold runs would not use it")
    compile_sources(ROOT / "src", *([args.old] if args.old else []))
    print(f"{'':<34}{'wall':>8}{'cpu':>8}")
    new, old = cold_runs([str(CLI), "--help"], args.cold, args.old)
    print(line("aibudget --help (cold)", new, TARGETS["help"], old))
    for name in EXAMPLES:
        path = ROOT / "examples" / name
        with tempfile.TemporaryDirectory() as folder:
            for fmt in ("pdf", "xlsx"):
                new, old = cold_runs(report_command(path, fmt, folder), args.cold, args.old)
                print(line(f"{name} {fmt} (cli, cold)", new, TARGETS[fmt], old))
        times = in_process(path, args.repeat)
        print(
            f"{name} in-process: gather {times['gather']:.3f} s, render pdf {times['pdf']:.3f}"
            f" s, render xlsx {times['xlsx']:.3f} s"
        )
    first, made = first_pdf(ROOT / "examples" / EXAMPLES[0])
    print(line("first pdf (empty font cache)", first, TARGETS["pdf"], None) + "  (once)")
    copy = f"{made:.1f} s after the first pdf started" if made is not None else "not made"
    print(f"  its font copy, made in the background: {copy}")
    print(f"load average at end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
