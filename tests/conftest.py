from __future__ import annotations

import os
from pathlib import Path

import pytest

# PDFs made by tests use the full font: no font copy is made in the user's cache, and no
# test leaves a process making one behind. tests/reports/test_report_speedups.py turns
# the copy on where it is what is tested.
os.environ["AIBUDGET_FONT_CACHE"] = "off"

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.fixture(params=EXAMPLES, ids=[p.stem for p in EXAMPLES])
def example_path(request: pytest.FixtureRequest) -> Path:
    path: Path = request.param
    return path
