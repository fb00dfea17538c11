"""Passwords (argon2), bearer tokens (random, stored as SHA-256, expiring, revocable),
login throttling, and the device a token is bound to.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, bindparam, select, update
from sqlalchemy.orm import Session

from sync.protocol import ERR_AUTH, ERR_BAD_LOGIN, ERR_CONFLICT, ERR_THROTTLED, LoginRequest
from sync.server.db import Database, lock_key, lock_users
from sync.server.errors import ApiError
from sync.server.models import Device, LoginThrottle, Token, User
from sync.server.records import utcnow

log = logging.getLogger(__name__)

TOKEN_DAYS = 30
MAX_FAILURES = 5
FAILURE_WINDOW = dt.timedelta(minutes=15)
LOCK_TIME = dt.timedelta(minutes=15)
_hasher = PasswordHasher()
# Verified against when the user does not exist, so timing does not tell names apart.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


def hash_password(password: str) -> str:
    """An argon2id hash of ``password``."""
    return _hasher.hash(password)


def check_password(password_hash: str, password: str) -> bool:
    """True when ``password`` matches the stored hash."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def hash_token(token: str) -> str:
    """What the server stores of a token: its SHA-256 in hex."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _throttle_row(session: Session, username: str) -> LoginThrottle | None:
    return session.get(LoginThrottle, username.lower())


def check_throttle(session: Session, username: str) -> None:
    """429 while the username is locked after too many failed logins."""
    row = _throttle_row(session, username)
    now = utcnow()
    if row is not None and row.locked_until is not None and row.locked_until > now:
        wait = int((row.locked_until - now).total_seconds()) + 1
        raise ApiError(
            429,
            ERR_THROTTLED,
            f"Too many failed logins. Try again in {wait // 60 + 1} minutes.",
            {"Retry-After": str(wait)},
        )


def record_failure(session: Session, username: str) -> None:
    """Count a failed login; lock the name after MAX_FAILURES within the window."""
    now = utcnow()
    row = _throttle_row(session, username)
    if row is None or now - row.window_start > FAILURE_WINDOW:
        if row is None:
            row = LoginThrottle(username=username.lower(), failures=0, window_start=now)
            session.add(row)
        row.failures, row.window_start, row.locked_until = 0, now, None
    row.failures += 1
    if row.failures >= MAX_FAILURES:
        row.locked_until = now + LOCK_TIME
        log.warning("login locked after %d failures", row.failures)


def authenticate(db: Database, username: str, password: str) -> str:
    """The id of the active user with these credentials, or 401 (throttled: 429).

    The slow password check runs outside any write transaction; a failure is
    committed before the error is raised.
    """
    with db.read() as session:
        check_throttle(session, username)
        user = session.scalar(select(User).where(User.username == username))
        stored = user.password_hash if user is not None else _DUMMY_HASH
        user_id = user.id if user is not None and user.active else None
    ok = check_password(stored, password)
    with db.write() as session:
        lock_key(session, "login:" + username.lower())  # concurrent failures all count
        if ok and user_id is not None:
            row = _throttle_row(session, username)
            if row is not None:
                session.delete(row)
            return user_id
        record_failure(session, username)
    raise ApiError(401, ERR_BAD_LOGIN, "Wrong username or password.")


def register_device(session: Session, user: User, req: LoginRequest) -> Device:
    """The device of this login: new devices are registered; a device has one owner.

    Holds the user's lock (like a push) and the device row, so two logins of one
    new workspace at once register it once and confirm its receipt block once.
    """
    lock_users(session, [user.username])
    device = session.get(Device, req.device_id, with_for_update=True, populate_existing=True)
    if device is not None:
        if device.user_id != user.id:
            raise ApiError(
                409, ERR_CONFLICT, "This workspace belongs to another user; use your own."
            )
        return device
    taken = session.scalar(select(Device).where(Device.code == req.device_code))
    if taken is not None:
        raise ApiError(
            409,
            ERR_CONFLICT,
            "This workspace's device code is already used by another laptop. "
            "Create a new workspace.",
        )
    device = Device(id=req.device_id, user_id=user.id, code=req.device_code, created_at=utcnow())
    session.add(device)
    session.flush()
    return device


def issue_token(session: Session, user: User, device: Device | None) -> tuple[str, dt.datetime]:
    """A new random token (returned once) and its expiry; only its hash is stored."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    expires = now + dt.timedelta(days=TOKEN_DAYS)
    session.add(
        Token(
            token_hash=hash_token(token),
            user_id=user.id,
            device_id=device.id if device else None,
            created_at=now,
            expires_at=expires,
        )
    )
    return token, expires


_TOKEN_USER = (
    select(
        Token.user_id,
        Token.device_id,
        Token.created_at,
        Token.expires_at,
        Token.revoked_at,
        User.id.label("found_user"),
        User.username,
        User.display_name,
        User.role,
        User.territory,
        User.active,
        User.created_at.label("user_created_at"),
    )
    .select_from(Token)
    .outerjoin(User, User.id == Token.user_id)
    .where(Token.token_hash == bindparam("token_hash"))
)


def user_for_token(conn: Connection | Session, token: str) -> tuple[User, Token]:
    """The user of a valid token, or 401 with a clear reason.

    One statement (token joined with its user), no ORM loading: every request runs
    it. The returned rows are detached copies (no password hash) for reading only.
    """
    token_hash = hash_token(token)
    row = conn.execute(_TOKEN_USER, {"token_hash": token_hash}).first()
    if row is None or row.revoked_at is not None:
        raise ApiError(401, ERR_AUTH, "Your login is not valid any more. Please log in again.")
    if row.expires_at <= utcnow():
        raise ApiError(401, ERR_AUTH, "Your login has expired. Please log in again.")
    if row.found_user is None or not row.active:
        raise ApiError(401, ERR_AUTH, "This account is disabled.")
    token_row = Token(
        token_hash=token_hash,
        user_id=row.user_id,
        device_id=row.device_id,
        created_at=row.created_at,
        expires_at=row.expires_at,
        revoked_at=None,
    )
    user = User(
        id=row.found_user,
        username=row.username,
        display_name=row.display_name,
        role=row.role,
        territory=row.territory,
        password_hash="",
        active=True,
        created_at=row.user_created_at,
    )
    return user, token_row


def revoke_tokens(session: Session, username: str) -> int:
    """Revoke every token of a user (lost laptop, left the company)."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise ApiError(404, "not_found", f"no user {username}")
    result = session.execute(
        update(Token)
        .where(Token.user_id == user.id, Token.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    return int(getattr(result, "rowcount", 0) or 0)
