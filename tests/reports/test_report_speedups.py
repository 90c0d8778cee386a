"""The shortcuts that make reports faster change nothing in them.

- The lighter copy of the CJK font (``reports.font_cache``): the PDF's text and its
  embedded glyphs are the same with and without it; a report that needs a character
  outside the copy is laid out again with the full font; a damaged or unwritable cache
  falls back to the full font. A PDF never waits for the copy to be made: it is made by
  a process of its own, one at a time.
- The workbook's formula shortcut (``xlsx_book.Sheet``): XlsxWriter's own preparation
  gives the same text for every formula of the example workbooks.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from aibudget.i18n import Translator
from aibudget.reports import ReportData, font_cache, render
from aibudget.reports.fonts import FontFile, cjk_fonts
from aibudget.reports.pdf import build_pdf, pdf_report
from aibudget.reports.xlsx_book import Sheet

ZH = Translator("zh_TW")


@pytest.fixture(scope="module")
def cache_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache with the lighter copies made once for this module, by the background
    maker a PDF starts (which then starts no second one in this process)."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AIBUDGET_CACHE_DIR", str(folder))
        patch.delenv("AIBUDGET_FONT_CACHE", raising=False)
        patch.setattr(font_cache, "_started", threading.Lock())
        assert font_cache.lighter_pair(cjk_fonts(), build=False) is None
        maker = font_cache.make_in_background()
        assert maker is not None
        assert maker.wait(timeout=600) == 0
        assert font_cache.make_in_background() is None  # once per process
        assert font_cache.lighter_pair(cjk_fonts(), build=False) is not None
    return folder


@pytest.fixture
def cached(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("AIBUDGET_CACHE_DIR", str(cache_home))
    monkeypatch.delenv("AIBUDGET_FONT_CACHE", raising=False)
    return cache_home


def pdf_text(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def test_the_copy_holds_the_same_glyphs_as_the_font(cached: Path) -> None:
    """Every character of the repertoire the full face has is in the copy, drawn with
    the same advance width."""
    from fontTools.ttLib import TTFont

    fonts = cjk_fonts()
    light = font_cache.lighter_pair(fonts)
    assert light is not None and light.regular.path.parent.parent == cached
    full = TTFont(str(fonts.regular.path), fontNumber=fonts.regular.index, lazy=True)
    copy = TTFont(str(light.regular.path), lazy=True)
    full_map, copy_map = full.getBestCmap(), copy.getBestCmap()
    wanted = [c for c in font_cache.repertoire() if c in full_map]
    assert len(wanted) > 6_000
    assert all(c in copy_map for c in wanted)
    full_widths, copy_widths = full["hmtx"].metrics, copy["hmtx"].metrics
    for c in wanted[::97]:
        assert copy_widths[copy_map[c]][0] == full_widths[full_map[c]][0], hex(c)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("lang", ["zh_TW", "en"])
def test_the_pdf_reads_the_same_with_and_without_the_copy(
    cafe_review: ReportData, cached: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    t = Translator(lang)
    fast = pdf_report(cafe_review, t)
    monkeypatch.setenv("AIBUDGET_FONT_CACHE", "off")
    slow = pdf_report(cafe_review, t)
    assert pdf_text(fast) == pdf_text(slow)
    assert len(fast) == pytest.approx(len(slow), rel=0.1)


def test_the_copy_is_used_when_it_holds_every_character(cafe: ReportData, cached: Path) -> None:
    light = font_cache.lighter_pair(cjk_fonts())
    assert light is not None
    doc = build_pdf(cafe, ZH, light)
    assert doc.missing_glyphs() == []
    used = {font.ttffile for font in doc.fonts.values()}
    assert used == {str(light.regular.path), str(light.bold.path)} or used == {
        light.regular.path,
        light.bold.path,
    }


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_a_rare_character_brings_back_the_full_font(cafe: ReportData, cached: Path) -> None:
    """𠀋 (U+2000B) and 堃 are outside the copy: the report is laid out with the full font
    and shows them."""
    rare = "𠀋堃"
    assert not {ord(c) for c in rare} <= font_cache.repertoire()
    company = cafe.plan.company.model_copy(update={"name": f"{rare} 咖啡"})
    data = replace(cafe, plan=cafe.plan.model_copy(update={"company": company}))
    light = font_cache.lighter_pair(cjk_fonts())
    assert light is not None
    assert build_pdf(data, ZH, light).missing_glyphs()  # the copy alone would miss them
    text = pdf_text(pdf_report(data, ZH))
    assert f"{rare} 咖啡" in text


def test_a_pdf_without_the_copy_does_not_wait_for_it(
    cafe: ReportData, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIBUDGET_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("AIBUDGET_FONT_CACHE", raising=False)
    started: list[bool] = []
    monkeypatch.setattr(font_cache, "make_in_background", lambda: started.append(True))

    def made_here(face: object) -> None:
        raise AssertionError("the copy was made while the report waited")

    monkeypatch.setattr(font_cache, "make", made_here)
    assert pdf_report(cafe, ZH).startswith(b"%PDF")
    assert started == [True]


def test_a_failing_cache_never_fails_the_pdf(
    cafe: ReportData, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AIBUDGET_FONT_CACHE", raising=False)

    def no_home(*_: object, **__: object) -> None:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(font_cache, "lighter_pair", no_home)
    assert font_cache.for_report(cjk_fonts()) is None
    assert pdf_report(cafe, ZH).startswith(b"%PDF")


def test_no_maker_is_started_from_a_program_that_is_not_python(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("AIBUDGET_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("AIBUDGET_FONT_CACHE", raising=False)
    monkeypatch.setattr(font_cache, "_started", threading.Lock())
    monkeypatch.setattr(font_cache.sys, "executable", "/usr/bin/uwsgi")
    assert font_cache.make_in_background() is None
    monkeypatch.setattr(font_cache.sys, "executable", "")
    assert font_cache.make_in_background() is None
    assert not font_cache._started.locked()


@pytest.fixture
def regular_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[FontFile, Path]:
    """The regular face and where its copy goes in an empty cache (its folder made)."""
    monkeypatch.setenv("AIBUDGET_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("AIBUDGET_FONT_CACHE", raising=False)
    face = cjk_fonts().regular
    target = font_cache._path(face)
    assert target is not None
    target.parent.mkdir(parents=True)
    return face, target


@pytest.mark.skipif(sys.platform == "win32", reason="no file locks (fcntl) on Windows")
def test_a_copy_being_made_by_another_process_is_waited_for(
    regular_copy: tuple[FontFile, Path],
) -> None:
    face, target = regular_copy
    made: list[Path | None] = []
    waiter = threading.Thread(target=lambda: made.append(font_cache.make(face)))
    with font_cache._making_lock(target.parent):  # another open file: as another process
        waiter.start()
        waiter.join(timeout=1.0)
        assert waiter.is_alive()  # waits for the lock
        (target.parent / "other.tmp").write_bytes(b"half")  # the other maker's, unfinished
        target.write_bytes(b"made by the other process")
    waiter.join(timeout=60)
    assert made == [target]
    assert target.read_bytes() == b"made by the other process"  # not made again
    assert (target.parent / "other.tmp").exists()  # and nothing of the other's removed


def test_a_maker_removes_what_a_stopped_maker_left(
    regular_copy: tuple[FontFile, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    face, target = regular_copy
    left = target.parent / "tmp1234.tmp"
    left.write_bytes(b"half a font")
    monkeypatch.setattr(font_cache, "_write", lambda face, to: to.write_bytes(b"copy") and to)
    assert font_cache.make(face) == target
    assert not left.exists()


def test_no_maker_is_started_when_the_cache_is_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIBUDGET_FONT_CACHE", "off")
    monkeypatch.setattr(font_cache, "_started", threading.Lock())
    assert font_cache.make_in_background() is None
    assert not font_cache._started.locked()


def test_a_damaged_copy_is_removed_and_the_full_font_used(
    regular_copy: tuple[FontFile, Path],
) -> None:
    face, target = regular_copy
    target.write_bytes(b"OTTO" + b"\0" * 64)
    assert font_cache.lighter(face, build=False) is None
    assert not target.exists()


def test_an_unwritable_cache_means_the_full_font(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AIBUDGET_FONT_CACHE", raising=False)
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("AIBUDGET_CACHE_DIR", str(blocked / "cache"))
    assert font_cache.lighter_pair(cjk_fonts()) is None
    monkeypatch.setenv("AIBUDGET_FONT_CACHE", "off")
    assert font_cache.cache_dir() is None


def test_the_formula_shortcut_writes_what_xlsxwriter_would(cafe_review: ReportData) -> None:
    book = Workbook(io.BytesIO(), {"in_memory": True})
    ours, theirs = book.add_worksheet("a", worksheet_class=Sheet), book.add_worksheet("b")
    assert isinstance(theirs, Worksheet)
    formulas = _formulas(render(cafe_review, "xlsx", ZH))
    formulas += ["=XLOOKUP(A1,B:B,C:C)", "=SORT(A1:A3)", "{=SUM(A1:A2*B1:B2)}", "=SINGLE(A1)"]
    assert len(formulas) > 500
    for formula in formulas:
        assert ours._prepare_formula(formula) == theirs._prepare_formula(formula), formula


def _formulas(xlsx: bytes) -> list[str]:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(xlsx)) as archive:
        xml = "".join(
            archive.read(name).decode()
            for name in archive.namelist()
            if name.startswith("xl/worksheets/")
        )
    return ["=" + f for f in re.findall(r"<f>(.*?)</f>", xml)]
