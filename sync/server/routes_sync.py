"""Endpoints a laptop uses: health, login, head, push, pull."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Response
from sqlalchemy.orm import Session

from sync.protocol import (
    API_PREFIX,
    ERR_FORBIDDEN,
    PROTOCOL_VERSION,
    BlockInfo,
    HeadResponse,
    LoginRequest,
    LoginResponse,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    UserInfo,
)
from sync.server import feed, receipts
from sync.server.app import Caller, caller, get_db
from sync.server.auth import authenticate, issue_token, register_device, user_for_token
from sync.server.db import Database, head_rev
from sync.server.errors import ApiError
from sync.server.fastroute import SyncRoute, fast
from sync.server.models import Token, User
from sync.server.push import SavepointsNeededError, lock_for_push, push_batch
from sync.server.records import utcnow

log = logging.getLogger(__name__)
router = APIRouter(route_class=SyncRoute)


@router.get("/healthz")
def healthz(db: Database = Depends(get_db)) -> dict[str, Any]:
    """Liveness and database reachability (no version header needed)."""
    with db.read() as session:
        head_rev(session)
    return {"status": "ok", "protocol": PROTOCOL_VERSION}


def _user_info(user: User) -> UserInfo:
    return UserInfo(
        username=user.username,
        display_name=user.display_name,
        role=user.role,  # type: ignore[arg-type]
        territory=user.territory,
    )


@router.post(f"{API_PREFIX}/login", response_model=LoginResponse)
def login(req: LoginRequest, db: Database = Depends(get_db)) -> LoginResponse:
    """Check the password, register the device, confirm its provisional receipt block."""
    user_id = authenticate(db, req.username, req.password)
    with db.write() as session:
        user = session.get(User, user_id)
        assert user is not None
        device = register_device(session, user, req)
        if req.provisional_block is not None and user.role == "rep":
            receipts.confirm_provisional(session, user, device, req.provisional_block)
        token, expires = issue_token(session, user, device)
        blocks = [
            BlockInfo(
                id=b.id,
                device_code=device.code,
                first_no=int(b.data["first_no"]),
                last_no=int(b.data["last_no"]),
            )
            for b in receipts.blocks_of(session, device.code)
        ]
        info = _user_info(user)
        code = device.code
    log.info("login ok (device %s)", code)
    return LoginResponse(
        token=token, expires_at=expires.isoformat(), user=info, device_code=code, blocks=blocks
    )


@router.post(f"{API_PREFIX}/logout")
def logout(who: Caller = Depends(caller), db: Database = Depends(get_db)) -> dict[str, str]:
    """Revoke the token of this request."""
    with db.write() as session:
        row = session.get(Token, who.token.token_hash)
        if row is not None:
            row.revoked_at = utcnow()
    return {"status": "ok"}


@router.get(f"{API_PREFIX}/me", response_model=UserInfo)
def me(who: Caller = Depends(caller)) -> UserInfo:
    """Who the token belongs to."""
    return _user_info(who.user)


@router.get(f"{API_PREFIX}/head", response_model=HeadResponse)
def head(who: Caller = Depends(caller), db: Database = Depends(get_db)) -> HeadResponse:
    """The newest committed revision."""
    with db.read() as session:
        return HeadResponse(head=head_rev(session))


def _check_device(who: Caller, device_id: str) -> None:
    if who.token.device_id != device_id:
        raise ApiError(403, ERR_FORBIDDEN, "This login belongs to another workspace.")


def _push_work(db: Database, token: str, body: Callable[[], Any]) -> bytes:
    """The push, in one worker thread: token, body, checks and the batch on one connection."""
    req: PushRequest | None = None
    try:
        with db.write() as session:
            who = _caller(session, token)
            req = body()
            assert req is not None
            _check_push(who, req)
            return _push_in(session, who, req, careful=False)
    except SavepointsNeededError:  # rolled back: run it again with a savepoint per mutation
        assert req is not None
    log.info("push of %d mutations needs savepoints", len(req.mutations))
    with db.write() as session:
        return _push_in(session, _caller(session, token), req, careful=True)


@router.post(f"{API_PREFIX}/push", response_model=PushResponse)
@fast(_push_work)
def push(
    req: PushRequest, who: Caller = Depends(caller), db: Database = Depends(get_db)
) -> Response:
    """Apply a batch of mutations exactly once; one result per mutation."""
    # Served by _push_work (fastroute.SyncRoute); this signature documents the call and
    # is the reference its answers are tested against (tests/sync/test_sync_route.py).
    _check_push(who, req)
    try:
        with db.write() as session:
            body = _push_in(session, who, req, careful=False)
    except SavepointsNeededError:  # rolled back: run it again with a savepoint per mutation
        log.info("push of %d mutations needs savepoints", len(req.mutations))
        with db.write() as session:
            body = _push_in(session, who, req, careful=True)
    return Response(body, media_type="application/json")


def _caller(session: Session, token: str) -> Caller:
    user, row = user_for_token(session, token)
    return Caller(user, row)


def _check_push(who: Caller, req: PushRequest) -> None:
    _check_device(who, req.device_id)
    numbers = [m.no for m in req.mutations]
    if numbers != sorted(set(numbers)):
        raise ApiError(400, "bad_request", "mutation numbers must be strictly increasing")
    if who.user.role != "rep":
        raise ApiError(403, ERR_FORBIDDEN, "Only reps push changes from a laptop.")


def _push_in(session: Session, who: Caller, req: PushRequest, *, careful: bool) -> bytes:
    """The batch in the write transaction of ``session`` (push_batch commits it)."""
    user, device = lock_for_push(session, who.user.id, req.device_id)
    results = push_batch(session, user, device, req.mutations, careful=careful)
    last = device.last_mutation
    # written here, not by FastAPI's response_model path (validated and encoded again)
    return PushResponse(results=results, last_applied=last).model_dump_json().encode("utf-8")


def _pull_work(db: Database, token: str, body: Callable[[], Any]) -> bytes:
    """The pull, in one worker thread: token, body, checks and the page on one connection."""
    with db.read_statements() as session:
        who = _caller(session, token)
        req: PullRequest = body()
        _check_device(who, req.device_id)
        return feed.pull_json(session, who.user, req)


@router.post(f"{API_PREFIX}/pull", response_model=PullResponse)
@fast(_pull_work)
def pull(
    req: PullRequest, who: Caller = Depends(caller), db: Database = Depends(get_db)
) -> Response:
    """A page of changes after the cursor, limited to what the caller may see.

    The body is written straight from the stored JSON rows (``response_model``
    still documents it): FastAPI's own path would decode, dump, re-validate and
    encode every change again.
    """
    # Served by _pull_work (fastroute.SyncRoute), like push.
    _check_device(who, req.device_id)
    with db.read_statements() as session:
        body = feed.pull_json(session, who.user, req)
    return Response(body, media_type="application/json")
