"""A lighter copy of the CJK font for PDFs, made once per machine and kept on disk.

Noto Sans CJK holds 65,535 glyphs; reading its tables (character map, widths, glyph
names) and cutting the embedded subset out of it cost most of a PDF's time, again in
every process. A report needs a few hundred characters, nearly always among the common
ones: ASCII and Latin-1, punctuation, Bopomofo, the 5,401 frequent characters of Big5
(level 1) and every character of the product's own words. This module keeps a copy of
each face holding just those (about 6,200 glyphs, same outlines and metrics), so that
reading and subsetting are about four times faster.

Making a copy takes some ten seconds, far longer than the few tenths of a second it
saves a report, so no report waits for it: a PDF that finds no copy is laid out with the
full font at once and :func:`make_in_background` starts a separate, low-priority
process that makes it for the reports after (once per process; a lock on the cache
folder lets one process at a time make it).

Safety: the copy is only a shortcut. :func:`lighter` returns it only when it exists,
opens and was made from this exact font file (path, size, modification time, face,
fontTools version and repertoire are in its name); the PDF writer checks that the
document needed no character outside it and otherwise lays the report out again with
the full font. The copy is written to a temporary file and renamed into place; an
unwritable or corrupt cache just means the full font is used.

Where: ``$AIBUDGET_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/aibudget`` or
``~/.cache/aibudget``; ``AIBUDGET_FONT_CACHE=off`` turns it off. :func:`warm` makes the
copies ahead of time, e.g. ``python -m aibudget.reports.font_cache`` after installing.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from aibudget.reports.fonts import FontFile, FontPair, cjk_fonts

try:
    import fcntl
except ImportError:  # Windows: no lock; two makers only repeat each other's work
    fcntl = None  # type: ignore[assignment]

LOG = logging.getLogger(__name__)
LOCK_NAME = ".making"
REPERTOIRE_VERSION = "1"
RANGES = (
    (0x20, 0x7F),  # ASCII
    (0xA0, 0x180),  # Latin-1 and Latin Extended-A
    (0x2000, 0x2070),  # general punctuation
    (0x20A0, 0x20C0),  # currency signs
    (0x2100, 0x2200),  # letterlike symbols, number forms, arrows
    (0x2460, 0x2500),  # enclosed numbers
    (0x25A0, 0x2700),  # shapes and symbols (bullets, stars, check marks)
    (0x3000, 0x3040),  # CJK punctuation
    (0x3100, 0x3130),  # Bopomofo
    (0xFF00, 0xFFF0),  # full-width forms
)
BIG5_LEVEL_1 = (0xA1, 0xC7)  # lead bytes of symbols and the frequent characters


def _big5(lead_bytes: tuple[int, int]) -> set[int]:
    chars: set[int] = set()
    for lead in range(*lead_bytes):
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            with contextlib.suppress(UnicodeDecodeError):
                chars.update(map(ord, bytes((lead, trail)).decode("big5")))
    return chars


def _catalogue_chars() -> set[int]:
    """Every character of the product's words (both languages)."""
    folder = Path(__file__).resolve().parents[1] / "i18n"
    chars: set[int] = set()
    for po in sorted(folder.rglob("*.po")):
        chars.update(map(ord, po.read_text(encoding="utf-8")))
    return chars


@cache
def repertoire() -> frozenset[int]:
    chars = {c for low, high in RANGES for c in range(low, high)}
    chars |= _big5(BIG5_LEVEL_1) | _catalogue_chars()
    return frozenset(c for c in chars if c >= 0x20)


@cache
def _repertoire_digest() -> str:
    return hashlib.sha256(",".join(map(str, sorted(repertoire()))).encode()).hexdigest()


def cache_dir() -> Path | None:
    if os.environ.get("AIBUDGET_FONT_CACHE", "").lower() in ("off", "0", "no", "false"):
        return None
    named = os.environ.get("AIBUDGET_CACHE_DIR")
    if named:
        return Path(named)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "aibudget"


def _key(face: FontFile) -> str:
    from fontTools import version as fonttools_version

    stat = face.path.stat()
    parts = (
        str(face.path.resolve()),
        str(face.index),
        str(stat.st_size),
        str(stat.st_mtime_ns),
        fonttools_version,
        REPERTOIRE_VERSION,
        _repertoire_digest(),
    )
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def _path(face: FontFile) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    return folder / "fonts" / f"{face.path.stem}-{face.index}-{_key(face)}.otf"


def _usable(path: Path) -> bool:
    """The copy opens as a font with a character map (else it is removed)."""
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(str(path), lazy=True)
        ok = "head" in font and bool(font.getBestCmap())
        font.close()
    except Exception:  # any damage: not ours to trust
        ok = False
    if not ok:
        LOG.warning("ignoring a damaged font cache file")
        with contextlib.suppress(OSError):
            path.unlink()
    return ok


@contextlib.contextmanager
def _making_lock(folder: Path) -> Iterator[None]:
    """The cache folder's lock for making copies, waited for: one process at a time
    makes them, and one that waited finds the copies made. Where the file system has no
    locks, copies are made without it (two makers only repeat each other's work)."""
    if fcntl is None:
        yield
        return
    with open(folder / LOCK_NAME, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError as error:
            LOG.info("font cache made without a lock: %s", error)
            yield
            return
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def make(face: FontFile) -> Path | None:
    """Write the lighter copy of ``face`` (if it is not there yet, waiting for a process
    making it); its path, or None when the cache is off or cannot be written."""
    target = _path(face)
    if target is None:
        return None
    if target.is_file():
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with _making_lock(target.parent):
            if target.is_file():  # made by the process this one waited for
                return target
            for stale in target.parent.glob("*.tmp"):  # left by a maker that was stopped
                stale.unlink(missing_ok=True)
            return _write(face, target)
    except OSError as error:  # a read-only or full disk
        LOG.info("font cache not written: %s", error)
        return None


def _write(face: FontFile, target: Path) -> Path | None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    tmp_name = None
    try:
        font = TTFont(str(face.path), fontNumber=face.index, lazy=True, recalcTimestamp=False)
        options = subset.Options()
        options.notdef_outline = True
        options.recommended_glyphs = True
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.layout_features = []
        options.drop_tables += ["GSUB", "GPOS", "GDEF", "vmtx", "vhea", "VORG", "BASE", "DSIG"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=repertoire())
        subsetter.subset(font)
        with tempfile.NamedTemporaryFile(dir=target.parent, suffix=".tmp", delete=False) as tmp:
            tmp_name = tmp.name
            font.save(tmp)
        os.replace(tmp_name, target)
    except Exception as error:  # a read-only or full disk, an odd font: the full font will do
        LOG.info("font cache not written: %s", error)
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
        return None
    return target


def lighter(face: FontFile, build: bool = True) -> FontFile | None:
    """The lighter copy of ``face`` (made now when missing and ``build``), or None."""
    try:
        path = make(face) if build else _path(face)
    except OSError:
        return None
    if path is None or not path.is_file() or not _usable(path):
        return None
    return FontFile(path, 0, face.family)


def lighter_pair(fonts: FontPair, build: bool = True) -> FontPair | None:
    regular = lighter(fonts.regular, build)
    if regular is None:
        return None
    if fonts.bold == fonts.regular:
        return FontPair(regular, regular)
    bold = lighter(fonts.bold, build)
    return None if bold is None else FontPair(regular, bold)


def warm() -> bool:
    """Make the copies of the report's faces now; True when they are ready."""
    return lighter_pair(cjk_fonts()) is not None


def for_report(fonts: FontPair) -> FontPair | None:
    """The lighter copies of ``fonts`` when they are there; else None, and a process is
    started to make them (:func:`make_in_background`). Never fails a report: the copy
    is only a shortcut."""
    try:
        light = lighter_pair(fonts, build=False)
        if light is None:
            make_in_background()
    except Exception as error:  # e.g. no home folder for the cache: the full font will do
        LOG.info("font cache not used: %s", error)
        return None
    return light


_started = threading.Lock()  # held for good once this process has started a maker

# Windows: no console window, and a lower priority (elsewhere the maker lowers its own).
_BACKGROUND_FLAGS = getattr(subprocess, "CREATE_NO_WINDOW", 0) | getattr(
    subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0
)


def _python(executable: str | None) -> bool:
    """True for a Python interpreter's path (not, say, a uWSGI binary)."""
    return bool(executable) and Path(str(executable)).name.lower().startswith("python")


def make_in_background() -> subprocess.Popen[bytes] | None:
    """Start a low-priority process making the copies (``python -m
    aibudget.reports.font_cache --background``), at most once per process; the process,
    or None when none was started (cache off, already started, or this process does not
    run in a Python interpreter it could start, as under some application servers)."""
    if cache_dir() is None or not _python(sys.executable):
        return None
    if not _started.acquire(blocking=False):
        return None
    try:
        maker = subprocess.Popen(
            [sys.executable, "-P", "-m", __name__, "--background"],  # -P: not the cwd's code
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # not stopped by a terminal's Ctrl-C meant for us
            creationflags=_BACKGROUND_FLAGS,
        )
    except OSError as error:
        LOG.info("font cache maker not started: %s", error)
        return None
    threading.Thread(target=maker.wait, daemon=True).start()  # reaped when it ends
    return maker


if __name__ == "__main__":
    if "--background" in sys.argv and hasattr(os, "nice"):
        os.nice(10)  # after the requests and reports of the processes that serve people
    raise SystemExit(0 if warm() else 1)
