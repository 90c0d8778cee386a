"""The server's process entry point."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import fastapi.routing
import jinja2
import pytest
from fastapi.testclient import TestClient
from threadpoolctl import threadpool_info, threadpool_limits

from aibudget.settings import Settings
from aibudget.web import create_app
from aibudget.web.factory import one_blas_thread, server_app
from tests.fresh_python import run_fresh


def test_a_server_process_runs_matrix_products_on_one_thread() -> None:
    with threadpool_limits(limits=None, user_api="blas"):  # restored afterwards
        one_blas_thread()
        blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
        assert blas and all(pool["num_threads"] == 1 for pool in blas)


def calls_of(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[object]:
    """The arguments (positional, then keyword) of every call of ``owner.name`` from now
    on (the call still happens)."""
    seen: list[object] = []
    original = getattr(owner, name)

    def recording(*args: object, **kwargs: object) -> object:
        seen.append((args, kwargs))
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, recording)
    return seen


def handlers_read(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The handlers FastAPI reads (their parameters and models) from now on."""
    return calls_of(monkeypatch, fastapi.routing, "get_dependant")


# A server process's app, and the bare one (the counterpart: each check below would
# see the work happen during requests if it did).
APPS = pytest.mark.parametrize(
    ("make", "prepared"), [(server_app, True), (create_app, False)], ids=["server", "bare"]
)


@APPS
def test_a_server_app_has_every_route_prepared_before_its_first_request(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, make: Callable[..., Any], prepared: bool
) -> None:
    """FastAPI reads a route's handler at its first match; a server process does it for
    every route as it starts, not while an owner waits."""
    app = make(settings)
    read = handlers_read(monkeypatch)  # from here on
    with TestClient(app) as client:
        assert client.get("/login").status_code in (200, 303)
        assert client.get("/api/v1/workspaces").status_code == 401
    assert (read == []) is prepared


def _models_left_unbuilt(make_app: str, tmp_path: Path) -> list[str]:
    """The aibudget models whose validators a fresh process has not built after
    ``make_app`` (``server_app`` or ``create_app``) made the app."""
    code = (
        "from pydantic import SecretStr\n"
        "from aibudget.settings import Settings\n"
        f"from aibudget.web.factory import {make_app} as make, loaded_models\n"
        f"url = 'sqlite:///{tmp_path / 'w.db'}'\n"
        "make(Settings(database_url=url, secret_key=SecretStr('s' * 48)))\n"
        "print(','.join(m.__name__ for m in loaded_models() if not m.__pydantic_complete__))\n"
    )
    return [name for name in run_fresh(code).strip().split(",") if name]


def test_a_server_app_has_every_model_built_before_its_first_request(tmp_path: Path) -> None:
    """Models defer building their validators to first use (a command-line run needs few);
    a server process builds them all as it starts. Without it, some are left unbuilt."""
    assert _models_left_unbuilt("server_app", tmp_path) == []
    assert "Plan" in _models_left_unbuilt("create_app", tmp_path)


def templates_compiled(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The templates Jinja compiles from now on."""
    return calls_of(monkeypatch, jinja2.Environment, "compile")


@APPS
def test_a_server_app_compiles_every_template_before_its_first_request(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, make: Callable[..., Any], prepared: bool
) -> None:
    app = make(settings)
    compiled = templates_compiled(monkeypatch)
    with TestClient(app) as client:
        assert client.get("/login").status_code == 200
    assert (compiled == []) is prepared


def test_a_server_app_keeps_what_it_made_at_start_out_of_full_collections(
    settings: Settings,
) -> None:
    try:
        gc.unfreeze()
        server_app(settings)
        frozen = gc.get_freeze_count()
        assert frozen > 10_000  # the modules, models and templates at least
        assert not [o for o in gc.get_objects() if o is settings]  # settings are frozen too
    finally:
        gc.unfreeze()
