"""The app's guards: the write token, the request-body limit and the response headers."""

from __future__ import annotations

import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import HTTPException, Request

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

ENV_VAR = "PEACETALKS_TOKEN"
#: No script or style from anywhere but this server, no inline script, no framing.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def check_token(expected: str | None, given: str | None) -> None:
    """Raise 403 when writes are off (no token configured), 401 when the token is missing or wrong."""
    if expected is None:
        raise HTTPException(403, "writes are disabled: start the server with --token or $PEACETALKS_TOKEN set")
    if not given:
        raise HTTPException(401, "this request changes data and needs the server's token: send it as "
                                 "'Authorization: Bearer TOKEN' (in a page, fill in the token field)",
                            headers={"WWW-Authenticate": "Bearer"})
    if not secrets.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "wrong token: use the one `peacetalks serve` printed or was given",
                            headers={"WWW-Authenticate": "Bearer"})


def request_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.headers.get("x-peacetalks-token")


def require_token(request: Request) -> None:
    """FastAPI dependency of every write endpoint of the API."""
    check_token(request.app.state.settings.token, request_token(request))


class TooLarge(HTTPException):
    """Raised while the body is read, so FastAPI answers 413 instead of a parsing error."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body too large: the limit is {limit:,} bytes "
                              "(start the server with a larger --max-body)")


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, whether announced by Content-Length
    or streamed in chunks, before the app reads them into memory."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await self._refuse(send)
            return
        received = 0
        started = False

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise TooLarge(self.limit)
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited, watched)
        except TooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = json.dumps({"detail": TooLarge(self.limit).detail}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Add :data:`HEADERS` to every response (a plain ASGI wrapper: Starlette's function
    middleware would wrap errors raised while the body is read, hiding the 413)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.extra = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.extra]
            await send(message)

        await self.app(scope, receive, with_headers if scope["type"] == "http" else send)
