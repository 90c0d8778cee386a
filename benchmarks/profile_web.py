"""Where a web request's time goes, in one process (pyinstrument, a dev dependency).

The app runs in this process on a SQLite file; requests go through the whole ASGI stack
(middleware, dependencies, handler, JSON or page rendering) with httpx2's ASGI transport.
Functions that FastAPI would run in its thread pool run inline instead, so that the
profiler (which follows one thread) sees all the work of a request.

Prints the server CPU time per request (``time.process_time``, this process only; the
client's share is small but included) for the plan page, evaluate on a new version, and
evaluate answered from the cache; with ``--profile KIND`` the pyinstrument tree of that kind.

Run: .venv/bin/python benchmarks/profile_web.py [--requests 30] [--profile evaluate|dashboard]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx2

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_web import PASSWORD, _prepare

from aibudget.settings import Settings
from aibudget.web.app import create_app
from aibudget.web.factory import one_blas_thread


def _inline_threadpool() -> None:
    """Run what FastAPI sends to its thread pool on the calling thread (see the docstring)."""
    import fastapi.concurrency
    import fastapi.dependencies.utils
    import fastapi.routing

    async def inline(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    for module in (fastapi.routing, fastapi.dependencies.utils, fastapi.concurrency):
        module.run_in_threadpool = inline  # type: ignore[attr-defined]


_CPROFILE: list[str] = []  # the file for cProfile's statistics, when asked for
Send = Callable[[httpx2.AsyncClient, int], Awaitable[httpx2.Response]]


async def _measure(
    client: httpx2.AsyncClient, send: Send, count: int, profile: bool
) -> list[float]:
    """CPU seconds of each of ``count`` requests (after one untimed one)."""
    assert (await send(client, 0)).status_code < 400
    profiler: Any = None
    if profile and _CPROFILE:
        profiler = cProfile.Profile()
        profiler.enable()
    elif profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005, async_mode="disabled")
        profiler.start()
    times = []
    for i in range(1, count + 1):
        start = time.process_time()
        response = await send(client, i)
        times.append(time.process_time() - start)
        assert response.status_code < 400, response.text[:300]
    if isinstance(profiler, cProfile.Profile):
        profiler.disable()
        profiler.dump_stats(_CPROFILE[0])
    elif profiler is not None:
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
    return times


async def _main(args: argparse.Namespace) -> None:
    _inline_threadpool()
    one_blas_thread()  # as in a server process
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'profile.db'}"
        token, ws, board, plan_id, emails = _prepare(url, 1, args.requests + 3)
        limits: dict[str, Any] = {"evaluate_per_minute": 10_000}
        settings = Settings(database_url=url, secret_key="p" * 48, **limits)
        app = create_app(settings)
        transport = httpx2.ASGITransport(app=app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            login = await client.get("/login")
            found = re.search(r'name="csrf_token" value="([^"]+)"', login.text)
            assert found
            data = {"csrf_token": found.group(1), "email": emails[0], "password": PASSWORD}
            assert (await client.post("/login", data=data)).status_code == 303
            auth = {"Authorization": f"Bearer {token}"}
            ev = f"/api/v1/workspaces/{ws}/plans/{plan_id}/versions/{{}}/evaluate"
            body = {"trials": 10_000}

            async def dashboard(c: httpx2.AsyncClient, _i: int) -> httpx2.Response:
                if args.forget_pages:
                    app.state.web.pages.clear()
                return await c.get(f"/w/{ws}/p/{board}")

            async def evaluate(c: httpx2.AsyncClient, i: int) -> httpx2.Response:
                return await c.post(ev.format(i + 1), json=body, headers=auth)

            async def cached(c: httpx2.AsyncClient, _i: int) -> httpx2.Response:
                return await c.post(ev.format(1), json=body, headers=auth)

            kinds = {"dashboard": dashboard, "evaluate": evaluate, "cached": cached}
            for name, send in kinds.items():
                times = await _measure(client, send, args.requests, args.profile == name)
                median, least = statistics.median(times) * 1000, min(times) * 1000
                print(
                    f"{name:<10} n={len(times):>3} cpu median={median:6.1f} ms min={least:6.1f} ms"
                )
        app.state.web.db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--profile", choices=["dashboard", "evaluate", "cached"], default=None)
    parser.add_argument("--cprofile", help="with --profile: cProfile's statistics to this file")
    parser.add_argument(
        "--forget-pages", action="store_true", help="no page memo: every page rendered afresh"
    )
    args = parser.parse_args()
    if args.cprofile:
        _CPROFILE.append(args.cprofile)
    asyncio.run(_main(args))


if __name__ == "__main__":
    main()
