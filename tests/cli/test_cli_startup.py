"""Start-up time: printing ``aibudget --help`` loads no numerical library, no model and
no catalogue; a workbook of a plan without ad channels loads neither scipy (half a
second) nor the PDF writer, and builds the validators of the models it uses only. Each
command imports what it uses."""

from __future__ import annotations

from pathlib import Path

from tests.fresh_python import run_fresh

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "taipei-cafe.yaml"
HEAVY = ["numpy", "scipy", "highspy", "matplotlib", "fpdf", "xlsxwriter", "fastapi",
         "sqlalchemy", "pydantic", "pydantic_settings", "yaml", "aibudget.domain.plan",
         "aibudget.catalog", "aibudget.i18n"]  # fmt: skip


def _loaded_after(code: str) -> list[str]:
    """Which HEAVY modules a fresh interpreter has loaded after running ``code``."""
    code += f"\nimport sys\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    return [name for name in run_fresh(code).strip().split(",") if name]


def test_help_imports_no_heavy_library() -> None:
    code = (
        "from aibudget.cli import app\n"
        "from typer.testing import CliRunner\n"
        "assert CliRunner().invoke(app, ['--help']).exit_code == 0\n"
    )
    assert _loaded_after(code) == []


def test_a_workbook_loads_neither_scipy_nor_the_pdf_writer(tmp_path: Path) -> None:
    out = tmp_path / "plan.xlsx"
    code = (
        "from aibudget.cli import app\n"
        "from typer.testing import CliRunner\n"
        f"args = ['report', {str(EXAMPLE)!r}, '--format', 'xlsx', '-o', {str(out)!r}]\n"
        "result = CliRunner().invoke(app, args)\n"
        "assert result.exit_code == 0, result.output\n"
    )
    loaded = _loaded_after(code)
    assert out.stat().st_size > 0
    assert "scipy" not in loaded and "fpdf" not in loaded, loaded


def test_a_workbook_builds_only_the_models_it_uses(tmp_path: Path) -> None:
    """Models build their validators on first use (defer_build): a workbook of a plan
    without actuals never validates a review or an actuals file."""
    out = tmp_path / "plan.xlsx"
    code = (
        "from aibudget.cli import app\n"
        "from typer.testing import CliRunner\n"
        f"args = ['report', {str(EXAMPLE)!r}, '--format', 'xlsx', '-o', {str(out)!r}]\n"
        "assert CliRunner().invoke(app, args).exit_code == 0\n"
        "from aibudget.domain.actuals import Actuals\n"
        "from aibudget.domain.plan import Plan\n"
        "from aibudget.domain.review import Review\n"
        "print([m.__name__ for m in (Plan, Actuals, Review) if m.__pydantic_complete__])\n"
    )
    assert run_fresh(code).strip().splitlines()[-1] == "['Plan']"
