"""Large JSON request bodies decoded off the event loop, handing it the interpreter.

FastAPI reads a JSON body and decodes it (``json.loads``) in the event loop before a sync
handler's thread starts: a plan of a few megabytes holds every other request of the
process for as long. Moving that call to a thread alone does not help: the C decoder
keeps the interpreter lock for the whole document, so the loop waits just the same.

:class:`JsonInThreadRoute` reads the bytes (asynchronously, as before) and, for a body of
``LARGE_BODY`` bytes or more, decodes it in the thread pool with the standard library's
pure-Python scanner: it is slower than the C one, but it gives the lock back at the
interpreter's switch interval, so the loop goes on answering other requests meanwhile.
FastAPI then finds the document decoded (Starlette keeps it on the request) and only
validates it against the route's model, which keeps plans and catalog entries as plain
objects (``dict[str, Any]``): a check of the top level, about 0.1 ms for a 4.5 MB plan.
Smaller bodies are decoded by FastAPI as before (a fraction of a millisecond). The
OpenAPI document is unchanged: the routes keep their body models.

Every API router uses it as its ``route_class`` (a test checks each JSON body route).
"""

from __future__ import annotations

import email.message
import json
import json.scanner
from collections.abc import Callable, Coroutine
from typing import Any

import anyio.to_thread
from fastapi import params
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.responses import Response

Handler = Callable[[Request], Coroutine[Any, Any, Response]]
LARGE_BODY = 256 * 2**10  # bytes; smaller bodies decode in well under a millisecond


def is_json(content_type: str | None) -> bool:
    """Whether FastAPI would decode a body of this type as JSON (its own test)."""
    if not content_type:
        return False
    message = email.message.Message()
    message["content-type"] = content_type
    subtype = message.get_content_subtype()
    return message.get_content_maintype() == "application" and (
        subtype == "json" or subtype.endswith("+json")
    )


def _refused(error: json.JSONDecodeError) -> RequestValidationError:
    """The answer FastAPI gives to a body that is not JSON (the same error, in one shape)."""
    return RequestValidationError(
        [
            {
                "type": "json_invalid",
                "loc": ("body", error.pos),
                "msg": "JSON decode error",
                "input": {},
                "ctx": {"error": error.msg},
            }
        ],
        body=error.doc,
    )


def decode_yielding(raw: bytes) -> Any:
    """``json.loads(raw)`` with the pure-Python scanner (the same documents, the same
    errors), which lets other threads and the event loop run while it works."""
    decoder = json.JSONDecoder()
    # A fresh scanner per document (its key memo is its own); untyped in the stubs.
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    return decoder.decode(raw.decode(json.detect_encoding(raw)))


async def decode_in_thread(request: Request) -> None:
    """Decode a large JSON body of ``request`` in the thread pool and keep it where
    Starlette's ``Request.json`` looks first. Other failures (not UTF-8, nested too
    deep, a number too long) are left to FastAPI, which refuses them at once."""
    if not is_json(request.headers.get("content-type")):
        return
    raw = await request.body()
    if len(raw) < LARGE_BODY:
        return
    try:
        request._json = await anyio.to_thread.run_sync(decode_yielding, raw)
    except json.JSONDecodeError as error:
        raise _refused(error) from error
    except (ValueError, RecursionError):
        return


class JsonInThreadRoute(APIRoute):
    """An API route whose JSON body is decoded in the thread pool (see the module)."""

    def get_route_handler(self) -> Handler:
        handler = super().get_route_handler()
        field = self.body_field
        if field is None or isinstance(field.field_info, params.Form):
            return handler

        async def decoded_first(request: Request) -> Response:
            await decode_in_thread(request)
            return await handler(request)

        return decoded_first
