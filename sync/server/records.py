"""The record store: write a synced row with a new revision, scope rules, purges.

Revisions are placeholders until the write transaction ends (see
:func:`sync.server.db.assign_revs`). Scope columns of a record: ``owner`` (the
username who may see it; NULL for catalog rows, which follow ``territory``),
``author`` (who made it) and ``customer_id`` (the customer it hangs off,
directly or through a parent).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from sync.server.db import placeholder_rev, track
from sync.server.entities import CATALOG, REP_CONTAINED
from sync.server.models import Purge, Record, User

HIDDEN = ""  # owner of a row nobody may see any more (a plan stop whose customer moved)


def utcnow() -> dt.datetime:
    """Now, timezone-aware UTC."""
    return dt.datetime.now(dt.UTC)


def visible_parts(user: User) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """The two disjoint halves of :func:`visible_clause`: own rows, territory catalog.

    Each is one range of ``ix_record_owner_rev`` in rev order; their OR is not
    (the database collects and sorts every match), so the feed queries each apart.
    """
    territory_ok = or_(Record.territory.is_(None), Record.territory == (user.territory or ""))
    return (
        Record.owner == user.username,
        and_(Record.owner.is_(None), Record.entity.in_(CATALOG), territory_ok),
    )


def visible_clause(user: User) -> ColumnElement[bool]:
    """SQL condition: records ``user`` may receive (own rows, territory catalog)."""
    return or_(*visible_parts(user))


def can_see(user: User, record: Record) -> bool:
    """Python twin of :func:`visible_clause` for one record."""
    if record.owner is None:
        return record.entity in CATALOG and record.territory in (None, user.territory)
    return record.owner == user.username


def put(
    session: Session,
    entity: str,
    row_id: str,
    data: dict[str, Any],
    *,
    owner: str | None = None,
    author: str | None = None,
    customer_id: str | None = None,
    territory: str | None = None,
    new: bool = False,
    flush: bool = True,
) -> Record:
    """Insert or replace a record's data with a new revision (scope kept when it exists).

    The revision is assigned when the transaction ends; until then ``rev`` is a placeholder.
    ``new``: the caller knows the row is not on the server (no query to look).
    ``flush=False`` leaves the write to the next flush (batched with others).
    """
    record = None if new else session.get(Record, (entity, row_id))
    now = utcnow()
    if record is None:
        record = Record(
            entity=entity,
            id=row_id,
            owner=owner,
            author=author,
            customer_id=customer_id,
            territory=territory,
            data=data,
            deleted=data.get("deleted_at") is not None,
            updated_at=now,
        )
        record.rev = placeholder_rev(session, record)
        session.add(record)
    else:
        record.data = dict(data)
        record.deleted = data.get("deleted_at") is not None
        track(session, record)
        record.updated_at = now
    if flush:
        session.flush()
    return record


def bump(session: Session, record: Record) -> None:
    """Give a record a new revision so every laptop that sees it receives it again."""
    track(session, record)
    record.updated_at = utcnow()
    session.flush()


def purge_for(session: Session, username: str, record: Record) -> None:
    """Queue a purge of ``record`` on every laptop of ``username``."""
    purge = Purge(username=username, entity=record.entity, entity_id=record.id)
    purge.rev = placeholder_rev(session, purge)
    session.add(purge)
    session.flush()


def rescope_customer(session: Session, customer_id: str, new_owner: str) -> int:
    """Move a customer and everything hanging off it to ``new_owner``; purge for the old one.

    A rep's own plan stop naming the customer stays the rep's, hidden while the
    customer belongs to someone else. Returns the number of records moved. The
    caller holds the locks of both reps (:func:`sync.server.db.lock_users`), so
    the rows read here are current and no push adds to them until the commit.
    """
    rows = session.scalars(
        select(Record)
        .where(
            or_(
                and_(Record.entity == "customer", Record.id == customer_id),
                Record.customer_id == customer_id,
            )
        )
        .execution_options(populate_existing=True)
    ).all()
    moved = 0
    for record in rows:
        if record.entity in REP_CONTAINED:
            target = record.author if record.author == new_owner else HIDDEN
        else:
            target = new_owner
        if record.owner == target:
            continue
        if record.owner:
            purge_for(session, record.owner, record)
        record.owner = target
        if record.entity == "customer":
            record.data = {**record.data, "owner": new_owner}
        bump(session, record)
        moved += 1
    return moved
