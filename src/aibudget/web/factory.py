"""The app for ``uvicorn --factory aibudget.web.factory:app`` (one per worker process)."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator

from fastapi import FastAPI
from pydantic import BaseModel
from threadpoolctl import threadpool_limits

from aibudget.i18n import Translator
from aibudget.settings import Settings, load_settings
from aibudget.store.errors import UNREACHABLE, unreachable_words
from aibudget.web.app import create_app


def one_blas_thread() -> None:
    """Numeric libraries use one thread each in a server process.

    Requests already run side by side; a simulation's matrix products spreading over
    every core as well only makes the threads spin against each other (CPU per evaluate
    of 10,000 trials 38 -> 16 ms on two cores). Results are the same either way.
    """
    import numpy  # noqa: F401  (its BLAS must be loaded to be limited)

    threadpool_limits(limits=1, user_api="blas")


def compile_routes(app: FastAPI) -> None:
    """Let FastAPI prepare every route now rather than on the first request that reaches
    it: it reads each included router's handlers (their parameters and models) at their
    first match, ~0.4 s in all, which the first owners after a restart waited for
    (bench_web's p95 showed it). Matching a path no route has walks every route."""
    scope = {"type": "http", "method": "GET", "path": "/-/no-such-page", "root_path": "",
             "headers": [], "query_string": b""}  # fmt: skip
    for route in app.router.routes:
        route.matches(dict(scope))


def loaded_models() -> Iterator[type[BaseModel]]:
    """Every pydantic model of aibudget loaded so far (subclasses of subclasses too)."""
    waiting: list[type[BaseModel]] = [BaseModel]
    while waiting:
        model = waiting.pop()
        waiting.extend(model.__subclasses__())
        if model.__module__.startswith("aibudget."):
            yield model


def build_models() -> None:
    """Build every loaded model's validator now. The models defer it to their first use
    (``defer_build``), so that a command-line run builds only the few it needs; in a
    server the first request would wait for it instead (~50 ms for the plan alone)."""
    for model in loaded_models():
        model.model_rebuild()


def compile_templates(app: FastAPI) -> None:
    """Compile every page template now (~0.5 s in all): Jinja compiles one on its first
    use, and the first owners after a restart waited for those of their page."""
    templates = app.state.web.templates
    for name in templates.list_templates():
        templates.get_template(name)


def keep_out_of_collections() -> None:
    """Put every object made so far beyond the garbage collector's full collections.

    A server process starts with some 260,000 objects (modules, models, templates,
    catalogues) that live as long as it does. A full collection walked them all with
    every request of the process stopped: 0.2-0.3 s, once or more in each bench_web run,
    which was much of evaluate's p95. What start-up left as garbage is freed first.
    """
    gc.collect()
    gc.freeze()


def server_app(settings: Settings) -> FastAPI:
    """The app as a server process runs it: one BLAS thread, every route, model and
    template prepared, and what is made for it kept out of full collections."""
    one_blas_thread()
    built = create_app(settings)
    compile_routes(built)
    build_models()
    compile_templates(built)
    keep_out_of_collections()
    return built


def app() -> FastAPI:
    """A worker's app. A database out of reach as the worker starts ends it with the same
    two lines as ``aibudget serve`` (exit code 2), not a traceback."""
    settings = load_settings()
    try:
        return server_app(settings)
    except (*UNREACHABLE, OSError) as exc:
        t = Translator(settings.locale)
        print("\n".join(unreachable_words(t, settings.database_url, exc)), file=sys.stderr)
        raise SystemExit(2) from None
