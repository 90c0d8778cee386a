"""Printing ``aibudget --help`` loads no numerical library: numpy, scipy, the PDF and
spreadsheet writers and the web stack are imported by the commands that use them."""

from __future__ import annotations

import os
import subprocess
import sys

HEAVY = ["numpy", "scipy", "scipy.special", "matplotlib", "fpdf", "xlsxwriter", "fastapi",
         "sqlalchemy", "pydantic_settings"]  # fmt: skip


def test_help_imports_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "from aibudget.cli import app\n"
        "from typer.testing import CliRunner\n"
        "assert CliRunner().invoke(app, ['--help']).exit_code == 0\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
