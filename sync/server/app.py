"""The FastAPI application of the central server: middleware, errors, dependencies.

Stateless between requests: everything lives in the database, so several
processes can serve one PostgreSQL behind a load balancer.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import anyio.to_thread
from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, OperationalError
from starlette.middleware.gzip import GZipMiddleware

from sync.protocol import ERR_AUTH, ERR_BAD_REQUEST, ERR_FORBIDDEN
from sync.server.auth import user_for_token
from sync.server.db import Database
from sync.server.errors import ApiError
from sync.server.middleware import BodyMiddleware, ProtocolMiddleware
from sync.server.models import Token, User

log = logging.getLogger(__name__)
THREADS_ENV = "WAIQIN_SERVER_THREADS"
# Worker threads per process for the endpoints (anyio's default is 40): the work is
# CPU-bound on a few cores; more threads only queue for the GIL and the pool's connections
# (at most 15), and a transaction holding the revision lock waits longer for its turn to
# commit. 300 reps at once on 2 cores, 2 processes: p99 8.7/8.3 s with 40, 7.5/6.7 s with 8.
DEFAULT_THREADS = 8


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    anyio.to_thread.current_default_thread_limiter().total_tokens = worker_threads()
    yield


def worker_threads() -> int:
    """Worker threads per process: ``WAIQIN_SERVER_THREADS`` or DEFAULT_THREADS."""
    text = os.environ.get(THREADS_ENV, "").strip()
    if not text:
        return DEFAULT_THREADS
    if not text.isdigit() or int(text) < 1:
        raise ValueError(f"{THREADS_ENV} must be a whole number of at least 1, not {text!r}")
    return int(text)


@dataclass
class Caller:
    """The authenticated user of a request and the token they used."""

    user: User
    token: Token


async def get_db(request: Request) -> Database:
    """The server's database (set when the app is made); async: no worker thread for it."""
    db: Database = request.app.state.db
    return db


def caller(request: Request, db: Database = Depends(get_db)) -> Caller:
    """The user behind the bearer token, or 401."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, ERR_AUTH, "Please log in first.")
    with db.autocommit() as conn:
        user, row = user_for_token(conn, token.strip())
    return Caller(user, row)


def require_role(*roles: str) -> Any:
    """Dependency: the caller must have one of ``roles``."""

    async def check(who: Caller = Depends(caller)) -> Caller:
        if who.user.role not in roles:
            raise ApiError(403, ERR_FORBIDDEN, "Your role may not do this.")
        return who

    return check


def _validation_message(exc: RequestValidationError) -> tuple[int, str, list[dict[str, Any]]]:
    errors = [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in exc.errors()
    ]
    if any(e["type"] == "json_invalid" for e in errors):
        return 400, "The request body is not valid JSON.", errors
    first = errors[0] if errors else {"loc": [], "msg": "invalid"}
    where = ".".join(str(p) for p in first["loc"] if p != "body")
    return 422, f"Invalid request: {where or 'body'}: {first['msg']}", errors


def create_app(db: Database) -> FastAPI:
    """The ASGI app over ``db`` (migrations must already be at head)."""
    from sync.server import routes_admin, routes_sync

    app = FastAPI(
        title="Waiqin sync server",
        version="1",
        description="Central server of Waiqin: login, sync (push/pull), review, admin.",
        lifespan=_lifespan,
    )
    app.state.db = db

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(
            {"code": exc.code, "message": exc.message, "detail": None},
            status_code=exc.status,
            headers=exc.headers,
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        status, message, errors = _validation_message(exc)
        return JSONResponse(
            {"code": ERR_BAD_REQUEST, "message": message, "detail": errors}, status_code=status
        )

    @app.exception_handler(DataError)
    async def _unstorable(request: Request, exc: DataError) -> JSONResponse:
        # e.g. a NUL character, which PostgreSQL text cannot hold: the client's fault, not a 500
        log.info("refused a value the database cannot store: %s", type(exc.orig).__name__)
        return JSONResponse(
            {
                "code": ERR_BAD_REQUEST,
                "message": "The request contains a value the server cannot store "
                "(for example a NUL character).",
                "detail": [
                    {"loc": ["body"], "msg": "value cannot be stored", "type": "value_error"}
                ],
            },
            status_code=422,
        )

    @app.exception_handler(OperationalError)
    async def _busy(request: Request, exc: OperationalError) -> JSONResponse:
        log.warning("database unavailable: %s", type(exc.orig).__name__)
        return JSONResponse(
            {"code": "unavailable", "message": "The server is busy; try again.", "detail": None},
            status_code=503,
            headers={"Retry-After": "2"},
        )

    app.include_router(routes_sync.router)
    app.include_router(routes_admin.router)
    app.add_middleware(ProtocolMiddleware)
    # Level 5: a third of level 9's CPU for 1 point more size on a page of 1,000 changes.
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=5)
    app.add_middleware(BodyMiddleware)
    return app
