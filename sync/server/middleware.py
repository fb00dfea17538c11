"""ASGI middleware: body size limit, gzip request bodies, protocol version check.

Pure ASGI (no BaseHTTPMiddleware) so bodies are read once and errors are
answered before any endpoint runs.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from sync.protocol import (
    API_PREFIX,
    ERR_BAD_REQUEST,
    ERR_SERVER_TOO_OLD,
    ERR_TOO_LARGE,
    ERR_UPGRADE,
    MAX_BODY_BYTES,
    MIN_PROTOCOL_VERSION,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


async def send_error(send: Send, status: int, code: str, message: str) -> None:
    """Answer with the standard error body."""
    body = json.dumps({"code": code, "message": message, "detail": None}).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode("ascii")),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class _TooLargeError(Exception):
    pass


def _gunzip(data: bytes, limit: int) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = inflater.decompress(data, limit + 1)
    if len(out) > limit or inflater.unconsumed_tail:
        raise _TooLargeError
    if not inflater.eof:
        raise zlib.error("truncated gzip body")
    return out


class BodyMiddleware:
    """Refuse bodies over the limit (413, also after gunzip) and inflate gzip bodies."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await send_error(send, 413, ERR_TOO_LARGE, "The request is too large.")
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await send_error(send, 413, ERR_TOO_LARGE, "The request is too large.")
                return
            chunks.append(chunk)
            more = bool(message.get("more_body"))
        body = b"".join(chunks)
        if headers.get(b"content-encoding", b"").lower() == b"gzip":
            try:
                body = _gunzip(body, self.limit)
            except _TooLargeError:
                await send_error(send, 413, ERR_TOO_LARGE, "The request is too large.")
                return
            except zlib.error:
                await send_error(send, 400, ERR_BAD_REQUEST, "The gzip request body is damaged.")
                return
        new_headers = [
            (k, v)
            for k, v in scope.get("headers") or []
            if k not in (b"content-encoding", b"content-length")
        ]
        new_headers.append((b"content-length", str(len(body)).encode("ascii")))
        scope = dict(scope, headers=new_headers)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


class ProtocolMiddleware:
    """Every API request names its protocol version; too old a client gets 426."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope.get("path", "")).startswith(API_PREFIX + "/"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        raw = headers.get(PROTOCOL_HEADER.lower().encode("ascii"))
        if raw is None:
            await send_error(
                send,
                426,
                ERR_UPGRADE,
                f"This Waiqin version is too old for the server (it sends no {PROTOCOL_HEADER} "
                f"header). Please update Waiqin to protocol {PROTOCOL_VERSION}.",
            )
            return
        try:
            version = int(raw.decode("ascii"))
        except (UnicodeDecodeError, ValueError):
            await send_error(send, 400, ERR_BAD_REQUEST, f"{PROTOCOL_HEADER} must be a number.")
            return
        if version < MIN_PROTOCOL_VERSION:
            await send_error(
                send,
                426,
                ERR_UPGRADE,
                f"This Waiqin version (sync protocol {version}) is too old for the server, "
                f"which needs protocol {MIN_PROTOCOL_VERSION} or newer. Please update Waiqin.",
            )
            return
        if version > PROTOCOL_VERSION:
            await send_error(
                send,
                400,
                ERR_SERVER_TOO_OLD,
                f"The server speaks sync protocol {PROTOCOL_VERSION} but this Waiqin uses "
                f"{version}. Ask your administrator to update the server.",
            )
            return
        await self.app(scope, receive, send)
