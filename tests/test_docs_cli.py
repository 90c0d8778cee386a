"""docs/cli.md is the CLI's own --help: it cannot go stale."""

from __future__ import annotations

from pathlib import Path

from tests.scripts import load_script

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_matches_the_help() -> None:
    module = load_script(ROOT / "tools" / "cli_docs.py")
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == module.render(), "docs/cli.md is stale: run `make docs`"
    assert "## `aibudget evaluate`" in current
