"""Routes for the calls every laptop makes at every sync (push, pull): one worker thread each.

FastAPI's own route would solve the dependencies (the token check in one worker
thread, on its own database connection), then run the endpoint in a second
thread on a second connection. Here the token check, the body's validation and
the work run in one worker thread, on one connection. What a client sees is
unchanged, in the same order as FastAPI's: a body that is not JSON (400), no
bearer token or a bad one (401), a body that does not fit the model (422, same
error list), then the endpoint's own checks. The route still documents its
request and response models in the OpenAPI schema.
"""

from __future__ import annotations

import email.message
import json
from collections.abc import Callable, Coroutine
from typing import Any

import anyio.to_thread
from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, TypeAdapter, ValidationError
from starlette.exceptions import HTTPException

from sync.protocol import ERR_AUTH
from sync.server.db import Database
from sync.server.errors import ApiError

# What a fast endpoint runs in its worker thread: (database, bearer token, body) -> JSON bytes.
# ``body`` parses the request body into the route's model (RequestValidationError if unfit).
Work = Callable[[Database, str, Callable[[], Any]], bytes]
_NOT_JSON = object()


def bearer_token(request: Request) -> str:
    """The request's bearer token, or 401 (no database needed for that answer)."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, ERR_AUTH, "Please log in first.")
    return token.strip()


def fast(work: Work) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator: the endpoint (kept for the schema) is served by ``work`` via SyncRoute."""

    def mark(endpoint: Callable[..., Any]) -> Callable[..., Any]:
        endpoint.fast_work = work  # type: ignore[attr-defined]
        return endpoint

    return mark


def _decode(request: Request, body: bytes) -> Any:
    """The body as FastAPI reads it: JSON for JSON content types, else the bytes."""
    if not body:
        return _NOT_JSON
    content_type = request.headers.get("content-type")
    if not content_type:  # FastAPI's strict content type: not decoded
        return body
    message = email.message.Message()
    message["content-type"] = content_type
    if message.get_content_maintype() != "application":
        return body
    subtype = message.get_content_subtype()
    if subtype != "json" and not subtype.endswith("+json"):
        return body
    try:
        return json.loads(body)
    except json.JSONDecodeError as exc:
        raise RequestValidationError(
            [
                {
                    "type": "json_invalid",
                    "loc": ("body", exc.pos),
                    "msg": "JSON decode error",
                    "input": {},
                    "ctx": {"error": exc.msg},
                }
            ],
            body=exc.doc,
        ) from exc
    except Exception as exc:  # e.g. bytes that are not UTF-8: FastAPI's answer
        raise HTTPException(status_code=400, detail="There was an error parsing the body") from exc


def _validator(model: type[BaseModel]) -> Callable[[Any], Any]:
    """Validate a decoded body into ``model`` exactly as FastAPI does (errors under 'body')."""
    adapter = TypeAdapter(model)

    def validate(value: Any) -> Any:
        if value is _NOT_JSON:
            missing = {"type": "missing", "loc": ("body",), "msg": "Field required", "input": None}
            raise RequestValidationError([missing])
        try:
            return adapter.validate_python(value, from_attributes=True)
        except ValidationError as exc:
            errors = [
                {**e, "loc": ("body", *e.get("loc", ()))} for e in exc.errors(include_url=False)
            ]
            raise RequestValidationError(errors) from exc

    return validate


class SyncRoute(APIRoute):
    """An APIRoute whose endpoint carries ``fast_work``: served in one worker thread."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        work: Work | None = getattr(self.endpoint, "fast_work", None)
        if work is None or self.body_field is None:
            return super().get_route_handler()
        model = self.body_field.field_info.annotation
        assert isinstance(model, type) and issubclass(model, BaseModel)
        validate = _validator(model)

        async def handler(request: Request) -> Response:
            value = _decode(request, await request.body())
            token = bearer_token(request)
            db: Database = request.app.state.db
            out = await anyio.to_thread.run_sync(work, db, token, lambda: validate(value))
            return Response(out, media_type="application/json")

        return handler
