"""The core stays pure: domain and engine import no shell and no I/O framework."""

from __future__ import annotations

import ast
import sys
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
    "aibudget.present.evaluation",
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
    "httpx2",
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


NOT_CLI = ("web", "store", "reports", "service", "jobs", "present")
SERVER_FILES = sorted(p for pkg in NOT_CLI for p in (SRC / pkg).rglob("*.py"))
TERMINAL = ("aibudget.cli", "typer", "rich")


@pytest.mark.parametrize("path", SERVER_FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_only_the_command_line_imports_terminal_code(path: Path) -> None:
    bad = {n for n in imported_modules(path) for m in TERMINAL if n == m or n.startswith(m + ".")}
    assert not bad, f"{path.name} imports {sorted(bad)}: share its words from aibudget.present"


PRESENT_FILES = sorted((SRC / "present").rglob("*.py"))
# The owner's words know the domain and the message catalogues, nothing else of aibudget:
# what they need from the catalogs, the engine or the services is passed in by the caller.
PRESENT_MAY_IMPORT = ("aibudget.domain", "aibudget.i18n", "aibudget.present", "pydantic")


def _allowed_in_present(name: str) -> bool:
    if name.split(".")[0] in sys.stdlib_module_names or name == "__future__":
        return True
    return any(name == m or name.startswith(m + ".") for m in PRESENT_MAY_IMPORT)


@pytest.mark.parametrize("path", PRESENT_FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_the_owners_words_import_only_the_domain_and_i18n(path: Path) -> None:
    """aibudget.present serves the pages, the API, the reports and the command line alike."""
    bad = {n for n in imported_modules(path) if not _allowed_in_present(n)}
    assert not bad, f"{path.name} imports {sorted(bad)}: pass what it needs in from the caller"


def test_the_present_check_refuses_what_it_should() -> None:
    for name in ("aibudget.catalog", "aibudget.engine.adopt", "aibudget.service.tiers", "babel",
                 "aibudget.web", "rich", "fastapi"):  # fmt: skip
        assert not _allowed_in_present(name), name
    for name in ("aibudget.domain.plan", "aibudget.i18n", "pydantic", "decimal", "collections.abc"):
        assert _allowed_in_present(name), name


def test_the_package_root_holds_only_the_shared_modules() -> None:
    """Shells and words live in their packages (cli/, present/), not at the root."""
    root = sorted(p.name for p in SRC.glob("*.py"))
    assert root == ["__init__.py", "planfile.py", "settings.py"]


def test_the_memo_imports_only_the_standard_library() -> None:
    """Every layer may use the one memo (the store too), so it depends on none of them."""
    names = imported_modules(SRC / "service" / "memo.py")
    assert all(n == "__future__" or n.split(".")[0] in sys.stdlib_module_names for n in names)


STORE_FILES = sorted((SRC / "store").rglob("*.py"))


@pytest.mark.parametrize("path", STORE_FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_the_store_takes_only_the_memo_from_the_service_layer(path: Path) -> None:
    bad = {
        n for n in imported_modules(path)
        if n.startswith("aibudget.service") and n != "aibudget.service.memo"
    }  # fmt: skip
    assert not bad, f"{path.name} imports {sorted(bad)}"


SERVICE_FILES = sorted((SRC / "service").rglob("*.py"))
# The use cases take plain inputs (a database, ids, a translator, a stream), so the
# pages, the API, the jobs and the command line can all call them.
SHELLS = ("aibudget.web", "aibudget.cli", "fastapi", "starlette")


def _a_shell(name: str) -> bool:
    return any(name == m or name.startswith(m + ".") for m in SHELLS)


@pytest.mark.parametrize("path", SERVICE_FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_the_services_import_no_shell(path: Path) -> None:
    bad = {n for n in imported_modules(path) if _a_shell(n)}
    assert not bad, f"{path.name} imports {sorted(bad)}: take plain inputs from the caller"


def test_the_service_check_refuses_what_it_should() -> None:
    for name in ("aibudget.web", "aibudget.web.context", "aibudget.cli.app", "fastapi",
                 "fastapi.responses", "starlette.requests"):  # fmt: skip
        assert _a_shell(name), name
    for name in ("aibudget.webhooks", "aibudget.store.actuals", "aibudget.service.memo"):
        assert not _a_shell(name), name


WEB = SRC / "web"
PAGE_MODULE = "aibudget.web.pages_"
# The registry includes every router; no other web module reaches into a page for logic:
# use cases live in aibudget.service, what several pages show in a non-page web module.
ROUTER_REGISTRY = WEB / "app.py"
WEB_FILES = sorted(p for p in WEB.rglob("*.py") if p != ROUTER_REGISTRY)


def imported_names(path: Path) -> set[str]:
    """``imported_modules`` and the names taken from a package (``from a import b``: a.b)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = imported_modules(path)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("path", WEB_FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_web_module_but_the_registry_imports_a_page(path: Path) -> None:
    bad = {n for n in imported_names(path) if n.startswith(PAGE_MODULE)}
    assert not bad, f"{path.name} imports {sorted(bad)}: share it from service/ or a view module"


def test_the_page_check_sees_both_import_forms(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from aibudget.web import pages_plans\nimport aibudget.web.pages_auth\n")
    found = {n for n in imported_names(module) if n.startswith(PAGE_MODULE)}
    assert found == {"aibudget.web.pages_plans", "aibudget.web.pages_auth"}
    assert any(p.name.startswith("pages_") for p in WEB_FILES)
    assert any(p.name.startswith("api") for p in WEB_FILES)


READ_SESSIONS = WEB / "context.py"  # ReadSession, and ``reading`` for shared helpers


def opened_sessions(path: Path) -> list[int]:
    """The lines where a module opens a database session itself (``db.session()``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "session"
        and isinstance(node.func.value, ast.Attribute)
        and node.func.value.attr == "db"
    )


@pytest.mark.parametrize(
    "path", [p for p in WEB_FILES if p != READ_SESSIONS], ids=lambda p: str(p.relative_to(SRC))
)
def test_no_handler_opens_a_read_session_by_hand(path: Path) -> None:
    """A handler that only reads takes ``ReadSession``; one that writes calls a use case
    of aibudget.service (which opens its own short transactions)."""
    assert not opened_sessions(path), f"{path.name} opens db.session() on lines " + str(
        opened_sessions(path)
    )


def test_the_session_check_sees_an_opened_session(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("with web.db.session() as s:\n    pass\nstate(r).db.session()\n")
    assert opened_sessions(module) == [1, 3]
    assert opened_sessions(READ_SESSIONS)
