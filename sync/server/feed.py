"""The change feed: records a user may see and their purges, after a cursor, in rev order."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import ColumnElement, Text, and_, cast, or_, select
from sqlalchemy.orm import Session

from sync.protocol import Change, PullRequest, PullResponse
from sync.server.db import head_rev
from sync.server.entities import CATALOG
from sync.server.models import Purge, Record, User
from sync.server.records import visible_parts


def _today_clause(session: Session, user: User) -> ColumnElement[bool]:
    """Rows of the customers on the user's visit plan for today (first-sync priority).

    The plan date, plan and customer of each row are read inside the database
    (JSON field access), not by loading every plan and stop of the user: a rep
    with two years of history has 150,000 stops, and this runs for every page.
    """
    today = dt.date.today().isoformat()
    plan_ids = list(
        session.scalars(
            select(Record.id).where(
                Record.entity == "visit_plan",
                Record.owner == user.username,
                Record.data["plan_date"].as_string() == today,
            )
        )
    )
    customers: list[str | None] = []
    for i in range(0, len(plan_ids), 500):
        customers += session.scalars(
            select(Record.data["customer_id"].as_string()).where(
                Record.entity == "visit_plan_stop",
                Record.owner == user.username,
                Record.data["plan_id"].as_string().in_(plan_ids[i : i + 500]),
            )
        )
    customer_ids = sorted({c for c in customers if c})
    return or_(
        and_(Record.entity == "visit_plan", Record.id.in_(plan_ids)),
        and_(Record.entity == "customer", Record.id.in_(customer_ids)),
        and_(Record.entity != "customer", Record.customer_id.in_(customer_ids)),
    )


# One entry of a page: rev, entity, id, op, data (the record's JSON row, or None for a purge).
Entry = tuple[int, str, str, str, Any]


def _page(
    session: Session, user: User, req: PullRequest, data: Any
) -> tuple[list[Entry], int, bool, int]:
    """The entries of one page after ``req.cursor``, the next cursor, ``more`` and the head.

    ``data`` is the column expression the records' rows are read with (the JSON
    column, or its text for :func:`pull_json`).
    """
    head = head_rev(session)
    upto = head if req.upto is None else min(req.upto, head)
    # Own rows and catalog rows are read apart, each in rev order from its index and
    # limited, then merged: an OR of both makes the database sort every match for
    # each page (a first sync of a million rows became quadratic).
    mine, catalog = visible_parts(user)
    parts = [mine]
    if req.entities is None or CATALOG.intersection(req.entities):
        parts.append(catalog)
    today = _today_clause(session, user) if req.today_only else None
    entries: list[Entry] = []
    conn = session.connection()  # Core rows: no ORM row processing (a first sync reads a million)
    for part in parts:
        query = select(Record.rev, Record.entity, Record.id, data).where(
            Record.rev > req.cursor, Record.rev <= upto, part
        )
        if req.entities is not None:
            query = query.where(Record.entity.in_(req.entities))
        if today is not None:
            query = query.where(today)
        rows = conn.execute(query.order_by(Record.rev).limit(req.limit + 1)).all()
        entries += [(rev, entity, rid, "upsert", value) for rev, entity, rid, value in rows]
    if req.entities is None:
        purges = conn.execute(
            select(Purge.rev, Purge.entity, Purge.entity_id)
            .where(Purge.username == user.username, Purge.rev > req.cursor, Purge.rev <= upto)
            .order_by(Purge.rev)
            .limit(req.limit + 1)
        ).all()
        entries += [(rev, entity, rid, "purge", None) for rev, entity, rid in purges]
    entries.sort(key=lambda e: e[0])
    more = len(entries) > req.limit
    entries = entries[: req.limit]
    cursor = entries[-1][0] if more else max(req.cursor, upto)
    return entries, cursor, more, head


def pull(session: Session, user: User, req: PullRequest) -> PullResponse:
    """One page of changes after ``req.cursor`` (never beyond the committed head)."""
    entries, cursor, more, head = _page(session, user, req, Record.data)
    # Built without re-validating what the server itself stored.
    changes = [
        Change.model_construct(rev=rev, entity=entity, id=rid, op=op, data=data)
        for rev, entity, rid, op, data in entries
    ]
    return PullResponse(changes=changes, cursor=cursor, more=more, head=head)


def pull_json(session: Session, user: User, req: PullRequest) -> bytes:
    """:func:`pull` as the JSON body of a ``PullResponse``, written straight from storage.

    The records' JSON rows are copied as stored (read as text), not decoded into
    dicts and encoded again: a first sync sends a million of them.
    """
    entries, cursor, more, head = _page(session, user, req, cast(Record.data, Text))
    dumps = json.dumps
    items = [
        f'{{"rev":{rev},"entity":{dumps(entity)},"id":{dumps(rid)},"op":"{op}",'
        f'"data":{"null" if data is None else data}}}'
        for rev, entity, rid, op, data in entries
    ]
    more_text = "true" if more else "false"
    body = f'{{"changes":[{",".join(items)}],"cursor":{cursor},"more":{more_text},"head":{head}}}'
    return body.encode("utf-8")
