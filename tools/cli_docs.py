"""Write docs/cli.md from the CLI's own --help (a test checks it is up to date).

Run: .venv/bin/python tools/cli_docs.py   (or `make docs`)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from typer.testing import CliRunner

from aibudget.cli import app

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}


def _paths(command: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path, the group first, subcommands in name order."""
    out = [prefix]
    subcommands = getattr(command, "commands", None) or {}
    for name in sorted(subcommands):
        out += _paths(subcommands[name], (*prefix, name))
    return out


def render() -> str:
    runner = CliRunner()
    parts = [
        "# Command-line reference\n",
        "Generated from `aibudget --help` by `tools/cli_docs.py`; do not edit by hand.\n",
    ]
    for path in _paths(typer.main.get_command(app)):
        result = runner.invoke(app, [*path, "--help"], env=ENV, terminal_width=100)
        title = " ".join(("aibudget", *path))
        text = "\n".join(line.rstrip() for line in result.stdout.strip().splitlines())
        parts.append(f"## `{title}`\n\n```text\n{text}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC}")
