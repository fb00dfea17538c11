"""Administration: users, company letterhead, reassignment, activity report.

Used by the admin command (``waiqin-server``) and by the manager API alike.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import new_id
from sync.protocol import SyncActivity
from sync.server.auth import hash_password
from sync.server.db import lock_admin, lock_users
from sync.server.entities import new_row
from sync.server.errors import ApiError
from sync.server.models import Device, MutationResult, Record, Territory, User
from sync.server.records import put, rescope_customer, utcnow

ROLES = ("rep", "manager", "reviewer", "finance")
COMPANY_ID = "00000000-0000-7000-8000-000000000001"
MIN_PASSWORD = 8


def add_user(
    session: Session,
    username: str,
    display_name: str,
    role: str,
    password: str,
    territory: str | None = None,
) -> User:
    """Create a user (and their territory, and the rep profile their laptop receives)."""
    if role not in ROLES:
        raise ApiError(422, "bad_request", f"role must be one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise ApiError(422, "bad_request", f"the password needs at least {MIN_PASSWORD} characters")
    if not username.strip() or len(username) > 64:
        raise ApiError(422, "bad_request", "the username must be 1 to 64 characters")
    lock_admin(session)
    if session.scalar(select(User).where(User.username == username)):
        raise ApiError(409, "conflict", f"user {username} already exists")
    if territory and session.get(Territory, territory) is None:
        session.add(Territory(code=territory, name=territory))
    user = User(
        id=new_id(),
        username=username,
        display_name=display_name,
        role=role,
        territory=territory,
        password_hash=hash_password(password),
        active=True,
        created_at=utcnow(),
    )
    session.add(user)
    session.flush()
    publish_profile(session, user)
    return user


def publish_profile(session: Session, user: User) -> None:
    """The rep_profile row a user's laptops receive."""
    record = session.get(Record, ("rep_profile", user.id))
    data = new_row(
        "rep_profile",
        user.id,
        utcnow(),
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        territory=user.territory,
    )
    if record is not None:
        data["created_at"] = record.data.get("created_at")
    put(session, "rep_profile", user.id, data, owner=user.username)


def set_company(session: Session, **fields: Any) -> Record:
    """Set the company letterhead every laptop receives."""
    allowed = {"name", "address", "phone", "tax_id", "bank_name", "bank_account"}
    unknown = set(fields) - allowed
    if unknown or not fields.get("name"):
        raise ApiError(422, "bad_request", "the company needs a name (and only known fields)")
    lock_admin(session)
    record = session.get(Record, ("company_profile", COMPANY_ID), populate_existing=True)
    data = new_row("company_profile", COMPANY_ID, utcnow(), **fields)
    if record is not None:
        data = {**record.data, **fields, "updated_at": data["updated_at"]}
    return put(session, "company_profile", COMPANY_ID, data)


def reassign(session: Session, customer_id: str, to_username: str) -> int:
    """Give a customer and everything hanging off it to another rep.

    Holds the admin lock (only reassignments change who owns a record) and the
    locks of both reps, so none of their pushes interleaves with the move.
    """
    lock_admin(session)
    customer = session.get(Record, ("customer", customer_id), populate_existing=True)
    if customer is None:
        raise ApiError(404, "not_found", "no such customer")
    user = session.scalar(select(User).where(User.username == to_username))
    if user is None or user.role != "rep" or not user.active:
        raise ApiError(422, "bad_request", f"{to_username} is not an active rep")
    lock_users(session, [customer.owner or "", user.username])
    return rescope_customer(session, customer_id, user.username)


def activity(session: Session, day: dt.date) -> list[SyncActivity]:
    """Per rep: what their laptops pushed on ``day`` by outcome, and the last contact."""
    start = dt.datetime.combine(day, dt.time(0), tzinfo=dt.UTC)
    end = start + dt.timedelta(days=1)
    counts: dict[str, dict[str, int]] = {}
    rows = session.execute(
        select(MutationResult.username, MutationResult.outcome, func.count())
        .where(MutationResult.applied_at >= start, MutationResult.applied_at < end)
        .group_by(MutationResult.username, MutationResult.outcome)
    ).all()
    for username, outcome, count in rows:
        counts.setdefault(username, {})[outcome] = int(count)
    last: dict[str, dt.datetime] = {}
    for user, device in session.execute(
        select(User, Device).join(Device, Device.user_id == User.id)
    ):
        if device.last_seen and start <= device.last_seen < end:
            last[user.username] = max(device.last_seen, last.get(user.username, device.last_seen))
            counts.setdefault(user.username, {})
    return [
        SyncActivity(
            username=name,
            applied=c.get("applied", 0),
            merged=c.get("merged", 0),
            conflict=c.get("conflict", 0),
            rejected=c.get("rejected", 0),
            last_sync=last[name].isoformat() if name in last else None,
        )
        for name, c in sorted(counts.items())
    ]
