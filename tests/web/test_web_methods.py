"""HEAD is answered like GET without a body; OPTIONS lists every method a path allows."""

from __future__ import annotations

import re

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from aibudget.web.app import ROUTERS
from tests.web.helpers import import_plan, new_workspace, sign_up

PARAM = re.compile(r"\{[^}]+\}")


def _allowed(response_header: str) -> set[str]:
    return {method.strip() for method in response_header.split(",") if method.strip()}


def test_head_answers_pages_like_get_without_a_body(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan_id = import_plan(client, ws)
    for path in ("/login", "/workspaces", f"/w/{ws}/p/{plan_id}", "/api/v1/workspaces"):
        got, head = client.get(path), client.head(path)
        assert got.status_code == 200 and got.content, path
        assert head.status_code == 200, (path, head.status_code)
        assert head.content == b"", path
        assert head.headers["content-type"] == got.headers["content-type"], path
    assert client.head(f"/w/{ws}/p/{'0' * 32}").status_code == 404


def test_head_on_the_api_says_sign_in_without_a_body(client: TestClient) -> None:
    head = client.head("/api/v1/workspaces")
    assert head.status_code == 401 and head.content == b""
    assert head.headers["content-type"].startswith("application/json")


def test_options_lists_every_method_of_every_route(client: TestClient) -> None:
    by_path: dict[str, set[str]] = {}
    for router in ROUTERS:
        for route in router.routes:
            if isinstance(route, APIRoute):
                by_path.setdefault(route.path_format, set()).update(route.methods)
    assert len(by_path) > 40
    for path, methods in by_path.items():
        url = PARAM.sub("x1", path)
        answer = client.options(url)
        assert answer.status_code == 204, (url, answer.status_code)
        allowed = _allowed(answer.headers.get("allow", ""))
        expected = methods | {"OPTIONS"} | ({"HEAD"} if "GET" in methods else set())
        assert expected <= allowed, (url, allowed, methods)
        assert "x-content-type-options" in answer.headers  # the security headers too


def test_options_on_an_unknown_path_is_not_found(client: TestClient) -> None:
    assert client.options("/no/such/page").status_code == 404


def test_a_wrong_method_lists_the_allowed_ones(client: TestClient) -> None:
    answer = client.put("/api/v1/workspaces")
    assert answer.status_code == 405
    assert {"GET", "POST"} <= _allowed(answer.headers.get("allow", ""))
