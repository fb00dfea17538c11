"""The change feed: records a user may see and their purges, after a cursor, in rev order."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Row, and_, or_, select
from sqlalchemy.orm import Session

from sync.protocol import Change, PullRequest, PullResponse
from sync.server.db import head_rev
from sync.server.entities import CATALOG
from sync.server.models import Purge, Record, User
from sync.server.records import visible_parts


def _today_clause(session: Session, user: User) -> ColumnElement[bool]:
    """Rows of the customers on the user's visit plan for today (first-sync priority)."""
    today = dt.date.today().isoformat()
    plans = session.scalars(
        select(Record).where(Record.entity == "visit_plan", Record.owner == user.username)
    ).all()
    plan_ids = [p.id for p in plans if p.data.get("plan_date") == today]
    stops = session.scalars(
        select(Record).where(Record.entity == "visit_plan_stop", Record.owner == user.username)
    ).all()
    customers = {s.data.get("customer_id") for s in stops if s.data.get("plan_id") in plan_ids}
    customer_ids = [c for c in customers if isinstance(c, str)]
    return or_(
        and_(Record.entity == "visit_plan", Record.id.in_(plan_ids)),
        and_(Record.entity == "customer", Record.id.in_(customer_ids)),
        and_(Record.entity != "customer", Record.customer_id.in_(customer_ids)),
    )


def pull(session: Session, user: User, req: PullRequest) -> PullResponse:
    """One page of changes after ``req.cursor`` (never beyond the committed head)."""
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
    # Plain rows, not ORM objects, and changes built without re-validating what the
    # server itself stored (a first sync reads a million records).
    records: list[Row[int, str, str, dict[str, Any]]] = []
    for part in parts:
        query = select(Record.rev, Record.entity, Record.id, Record.data).where(
            Record.rev > req.cursor, Record.rev <= upto, part
        )
        if req.entities is not None:
            query = query.where(Record.entity.in_(req.entities))
        if today is not None:
            query = query.where(today)
        records += session.execute(query.order_by(Record.rev).limit(req.limit + 1)).all()
    records.sort(key=lambda r: r[0])
    changes = [
        Change.model_construct(rev=rev, entity=entity, id=rid, op="upsert", data=data)
        for rev, entity, rid, data in records[: req.limit + 1]
    ]
    if req.entities is None:
        purges = session.scalars(
            select(Purge)
            .where(Purge.username == user.username, Purge.rev > req.cursor, Purge.rev <= upto)
            .order_by(Purge.rev)
            .limit(req.limit + 1)
        ).all()
        changes += [Change(rev=p.rev, entity=p.entity, id=p.entity_id, op="purge") for p in purges]
        changes.sort(key=lambda c: c.rev)
    more = len(changes) > req.limit
    changes = changes[: req.limit]
    cursor = changes[-1].rev if more else max(req.cursor, upto)
    return PullResponse(changes=changes, cursor=cursor, more=more, head=head)
