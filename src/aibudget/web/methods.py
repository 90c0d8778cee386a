"""HEAD and OPTIONS for every route, and the full ``Allow`` list on a 405.

Routes declare GET, POST, ...; this answers HEAD as GET without the body, and OPTIONS
(and the ``Allow`` header of a 405) with every method some route allows for the path,
found by asking the app's routes whether they would take each method.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.routing import Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(scope: Scope) -> list[str]:
    """The methods some route of the app takes for the path of ``scope``; HEAD with GET,
    OPTIONS when any. Mounted apps (static files) take any method at first sight and
    answer for themselves."""
    routes = [r for r in scope["app"].router.routes if not isinstance(r, Mount)]
    found = [
        method
        for method in METHODS
        if any(route.matches({**scope, "method": method})[0] is Match.FULL for route in routes)
    ]
    if "GET" in found:
        found.insert(1, "HEAD")
    return [*found, "OPTIONS"] if found else []


class MethodsMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
        elif scope["method"] == "HEAD":
            await self._head(scope, receive, send)
        elif scope["method"] == "OPTIONS" and (allowed := allowed_methods(scope)):
            await send(
                {
                    "type": "http.response.start",
                    "status": 204,
                    "headers": [(b"allow", ", ".join(allowed).encode())],
                }
            )
            await send({"type": "http.response.body", "body": b""})
        else:
            await self.app(scope, receive, self._listing_on_405(scope, send))

    async def _head(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The GET answer's status and headers (Content-Length too), without its body."""

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)

    def _listing_on_405(self, scope: Scope, send: Send) -> Send:
        async def listing(message: Message) -> None:
            start = message["type"] == "http.response.start"
            if start and message["status"] == 405 and (allowed := allowed_methods(scope)):
                MutableHeaders(scope=message)["allow"] = ", ".join(allowed)
            await send(message)

        return listing
