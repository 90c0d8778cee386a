"""The core stays pure: domain and engine import no shell and no I/O framework."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "aibudget"
FORBIDDEN = (
    "aibudget.web",
    "aibudget.store",
    "aibudget.cli",
    "aibudget.reports",
    "aibudget.imports",
    "aibudget.i18n",
    "aibudget.planfile",
    "aibudget.render",
    "aibudget.settings",
    "babel",
    "fastapi",
    "sqlalchemy",
    "typer",
    "rich",
    "yaml",
    "os",
    "requests",
    "httpx",
)
CORE_FILES = sorted(p for pkg in ("domain", "engine") for p in (SRC / pkg).rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_core_module_imports_no_shell(path: Path) -> None:
    bad = {
        name
        for name in imported_modules(path)
        for forbidden in FORBIDDEN
        if name == forbidden or name.startswith(forbidden + ".")
    }
    assert not bad, f"{path.name} imports {sorted(bad)}"


def test_the_check_sees_core_files() -> None:
    assert len(CORE_FILES) >= 6


SERVER_FILES = sorted(p for pkg in ("web", "store") for p in (SRC / pkg).rglob("*.py"))


@pytest.mark.parametrize("path", SERVER_FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_web_and_store_import_no_command_line_code(path: Path) -> None:
    bad = {name for name in imported_modules(path) if name.startswith("aibudget.cli")}
    assert not bad, f"{path.name} imports {sorted(bad)}: share it from a render_* module"
