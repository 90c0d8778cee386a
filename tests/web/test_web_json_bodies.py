"""Large JSON bodies are decoded off the event loop: while one is decoded, a small
request on another connection is answered (ordering, not a stopwatch)."""

from __future__ import annotations

import asyncio
import copy
import json
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx2
import pytest
from fastapi import params
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.types import Receive, Scope, Send

from aibudget.store import workspaces
from aibudget.web import json_bodies
from aibudget.web.app import ROUTERS
from aibudget.web.factory import compile_routes
from tests.web.test_web_api import V1, _document, _token

WAIT_SECONDS = 120  # generous: the machine may be busy with other test runs


def _large_body(target_bytes: int) -> bytes:
    """A plan document with its first tool repeated to about ``target_bytes``."""
    document: dict[str, Any] = _document()
    tool = document["tools"][0]
    copies = target_bytes // len(json.dumps(tool))
    document["tools"] = [copy.deepcopy(tool) | {"id": f"t{i}"} for i in range(copies)]
    return json.dumps({"name": "large", "document": document}).encode()


def test_every_json_body_route_decodes_off_the_loop() -> None:
    with_body = [
        route
        for router in ROUTERS
        for route in router.routes
        if isinstance(route, APIRoute)
        and route.body_field is not None
        and not isinstance(route.body_field.field_info, params.Form)
    ]
    assert len(with_body) > 10
    assert [r.path for r in with_body if not isinstance(r, json_bodies.JsonInThreadRoute)] == []


def test_a_small_request_is_answered_while_a_large_body_is_decoded(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    auth = _token(client, "alice@example.com")
    body = _large_body(2_000_000)
    reached: list[float] = []  # when the large request's handler got its document
    require = workspaces.require

    def noting(*args: Any, **kwargs: Any) -> Any:
        reached.append(time.perf_counter())
        return require(*args, **kwargs)

    monkeypatch.setattr(workspaces, "require", noting)
    app = client.app
    compile_routes(app)  # as a server does: preparing a route on its first match takes ~0.4 s

    async def scenario() -> tuple[float, httpx2.Response, httpx2.Response]:
        received = asyncio.Event()

        async def watched(scope: Scope, receive: Receive, send: Send) -> None:
            async def noted() -> Any:
                message = await receive()
                if scope.get("method") == "POST":
                    received.set()  # the large body is in the app's hands
                return message

            await app(scope, noted, send)

        transport = httpx2.ASGITransport(app=watched)
        async with httpx2.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
            large = asyncio.create_task(
                http.post(
                    f"{V1}/workspaces/none/plans",
                    content=body,
                    headers=auth | {"content-type": "application/json"},
                    timeout=WAIT_SECONDS,
                )
            )
            await asyncio.wait_for(received.wait(), WAIT_SECONDS)
            small = await http.get(f"{V1}/workspaces", headers=auth, timeout=WAIT_SECONDS)
            answered = time.perf_counter()
            return answered, small, await large

    # On a thread of its own: the browser tests' Playwright keeps an event loop running on
    # the main thread of the worker that ran them.
    with ThreadPoolExecutor(1) as pool:
        answered, small, large = pool.submit(asyncio.run, scenario()).result()
    assert small.status_code == 200
    assert large.status_code == 404  # decoded, validated, then the workspace is unknown
    assert reached and answered < reached[0]  # the small one was answered meanwhile


def test_a_large_body_that_is_not_json_is_refused_in_the_one_shape(client: TestClient) -> None:
    auth = _token(client, "alice@example.com")
    broken = _large_body(json_bodies.LARGE_BODY + 1000)[:-2]  # cut short
    answer = client.post(
        f"{V1}/workspaces/none/plans",
        content=broken,
        headers=auth | {"content-type": "application/json"},
    )
    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "web.bad_request"


def test_the_yielding_decoder_reads_what_json_loads_reads() -> None:
    for text in ('{"a": [1, 2.5, "x", null, true, {"b": "ü"}]}', "[]", '"\\u00fc"', "1e5"):
        raw = text.encode()
        assert json_bodies.decode_yielding(raw) == json.loads(raw)
        assert json_bodies.decode_yielding(text.encode("utf-16")) == json.loads(raw)
    with pytest.raises(json.JSONDecodeError):
        json_bodies.decode_yielding(b'{"a": ')
