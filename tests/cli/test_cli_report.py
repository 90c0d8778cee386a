"""``aibudget report``: a file on success, exit code 2 and nothing written otherwise."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from aibudget.reports.fonts import cjk_fonts
from tests.cli.test_cli_monitor import cafe, filled_template, run

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "b2b-machine-parts.yaml"


def test_writes_the_workbook_in_the_plans_language(tmp_path: Path) -> None:
    out = tmp_path / "plan.xlsx"
    code, stdout, _ = run("report", EXAMPLE, "--format", "xlsx", "-o", out)
    assert code == 0, stdout
    assert str(out) in stdout
    assert openpyxl.load_workbook(io.BytesIO(out.read_bytes())).sheetnames[0] == "Summary"


def test_lang_and_actuals_add_the_review(tmp_path: Path) -> None:
    plan = cafe(tmp_path)
    out = tmp_path / "review.xlsx"
    code, stdout, stderr = run(
        "report", plan, "-f", "xlsx", "--actuals", filled_template(tmp_path),
        "--lang", "en", "-o", out,
    )  # fmt: skip
    assert code == 0, stdout + stderr
    assert openpyxl.load_workbook(out).sheetnames[-2:] == ["Actuals", "Review"]


def test_the_default_output_sits_beside_the_plan(tmp_path: Path) -> None:
    plan = cafe(tmp_path)
    code, _, _ = run("report", plan, "--format", "pdf")
    assert code == 0
    assert plan.with_suffix(".pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "docx"], "--format"),
        (["--trials", "5"], "--trials"),
        (["--as-of", "2027-13"], "2027-13"),
    ],
)
def test_a_bad_option_writes_nothing(tmp_path: Path, args: list[str], message: str) -> None:
    out = tmp_path / "out.pdf"
    code, _, stderr = run("report", cafe(tmp_path), *args, "-o", out)
    assert code == 2
    assert message in stderr
    assert not out.exists()


def test_a_broken_plan_writes_nothing(tmp_path: Path) -> None:
    plan = tmp_path / "broken.yaml"
    plan.write_text("company: {name: X}\n", encoding="utf-8")
    code, _, stderr = run("report", plan, "-o", tmp_path / "out.pdf")
    assert code == 2
    assert "horizon" in stderr
    assert not (tmp_path / "out.pdf").exists()


def test_without_a_cjk_font_the_pdf_is_refused_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIBUDGET_CJK_FONT", str(tmp_path / "missing.ttc"))
    cjk_fonts.cache_clear()
    try:
        out = tmp_path / "out.pdf"
        code, _, stderr = run("report", cafe(tmp_path), "--lang", "en", "-o", out)
    finally:
        cjk_fonts.cache_clear()
    assert code == 2
    assert "AIBUDGET_CJK_FONT" in stderr and str(tmp_path) not in stderr
    assert not out.exists()
