"""Write docs/cli.md from the CLI's own commands and options (a test checks it is current).

Run: .venv/bin/python tools/cli_docs.py   (or `make docs`)
"""

from __future__ import annotations

import inspect
import types
import typing
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from aibudget.cli import app

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _commands(command: Any, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    """Every command with its path, groups first, subcommands in name order."""
    out = [(prefix, command)]
    subcommands = getattr(command, "commands", None) or {}
    for name in sorted(subcommands):
        out += _commands(subcommands[name], (*prefix, name))
    return out


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _annotation(command: Any, param: Any) -> Any:
    """The type the command's function declares for ``param``, "| None" left out."""
    hints = typing.get_type_hints(inspect.unwrap(command.callback))
    annotation = hints.get(param.name)
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        kinds = [a for a in typing.get_args(annotation) if a is not type(None)]
        annotation = kinds[0] if len(kinds) == 1 else annotation
    return annotation


def _param_row(command: Any, param: Any) -> str:
    names = ", ".join(f"`{n}`" for n in [*param.opts, *param.secondary_opts])
    annotation = _annotation(command, param)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        kind = " | ".join(str(member.value) for member in annotation)
    else:
        kind = getattr(annotation, "__name__", str(annotation))
    default = param.default
    shown = "" if default in (None, False, (), []) or callable(default) else f"`{default}`"
    required = "yes" if param.required else ""
    return f"| {names} | {_cell(kind)} | {required} | {shown} | {_cell(param.help or '')} |"


def render() -> str:
    parts = [
        "# Command-line reference\n",
        "Generated from the CLI's own definitions by `tools/cli_docs.py` (`make docs`);",
        "do not edit by hand. `aibudget COMMAND --help` shows the same in the terminal.\n",
    ]
    for path, command in _commands(typer.main.get_command(app)):
        parts.append(f"## `{' '.join(('aibudget', *path))}`\n")
        parts.append(_cell(command.help or "") + "\n")
        subcommands = getattr(command, "commands", None) or {}
        if subcommands:
            parts.append("| command | what it does |\n|---|---|")
            for name in sorted(subcommands):
                parts.append(f"| `{name}` | {_cell(subcommands[name].help or '')} |")
            parts.append("")
        params = [p for p in command.params if p.name != "help"]
        if params:
            parts.append("| argument or option | type | required | default | meaning |")
            parts.append("|---|---|---|---|---|")
            parts += [_param_row(command, p) for p in params]
            parts.append("")
    return "\n".join(parts)


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC}")
