"""Client push: send the outbox in batches, record each mutation's outcome.

A batch never splits the entries of one local transaction (same ``created_at``),
so a document and its lines reach the server together. For master data the
base of each field is what the laptop believed the server held when the edit
was made: the stored base, or the value of an earlier edit of the same field
that was still unacknowledged at that time.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm.attributes import flag_modified

from app import db
from app.models import Conflict, OutboxEntry, synced_models, utcnow
from app.outbox import WorkspaceSession
from sync.protocol import Mutation, PushResult
from sync.values import BOOKKEEPING

MASTER = frozenset(n for n, m in synced_models().items() if m.__sync_kind__ == "master")


def pending_batch(session: WorkspaceSession, limit: int) -> list[OutboxEntry]:
    """The next unacknowledged entries in order, extended to finish the last transaction."""
    rows = list(
        session.scalars(
            select(OutboxEntry)
            .where(OutboxEntry.acked_at.is_(None))
            .order_by(OutboxEntry.id)
            .limit(limit)
        ).all()
    )
    if len(rows) == limit:
        last = rows[-1]
        rows += session.scalars(
            select(OutboxEntry)
            .where(
                OutboxEntry.acked_at.is_(None),
                OutboxEntry.id > last.id,
                OutboxEntry.created_at == last.created_at,
            )
            .order_by(OutboxEntry.id)
        ).all()
    return rows


def _earlier(session: WorkspaceSession, entries: Sequence[OutboxEntry]) -> list[OutboxEntry]:
    ids = {e.entity_id for e in entries if e.entity in MASTER}
    if not ids:
        return []
    first_created = min(e.created_at for e in entries)
    return list(
        session.scalars(
            select(OutboxEntry)
            .where(
                OutboxEntry.entity_id.in_(ids),
                OutboxEntry.id < max(e.id for e in entries),
                or_(OutboxEntry.acked_at.is_(None), OutboxEntry.acked_at > first_created),
            )
            .order_by(OutboxEntry.id)
        ).all()
    )


def _touches(entry: OutboxEntry, field: str) -> bool:
    return entry.op == "insert" or field in (entry.changed or [])


def base_for(entry: OutboxEntry, history: Sequence[OutboxEntry]) -> dict[str, Any] | None:
    """The base values sent with a master-data entry (see the module docstring)."""
    if entry.entity not in MASTER or entry.op == "insert":
        return entry.base
    base = dict(entry.base or {})
    for field in entry.changed or []:
        for j in reversed(history):
            if j.id >= entry.id or j.entity_id != entry.entity_id or not _touches(j, field):
                continue
            if j.acked_at is None or j.acked_at > entry.created_at:
                base[field] = j.payload.get(field)
            break
    return base


def to_mutations(session: WorkspaceSession, entries: Sequence[OutboxEntry]) -> list[Mutation]:
    """Wire form of outbox entries."""
    by_row: dict[str, list[OutboxEntry]] = {}
    for j in _earlier(session, entries):  # in id order, so each list is too
        by_row.setdefault(j.entity_id, []).append(j)
    return [
        Mutation(
            no=e.id,
            entity=e.entity,
            entity_id=e.entity_id,
            op=e.op,  # type: ignore[arg-type]
            payload=e.payload,
            changed=e.changed,
            base=base_for(e, by_row.get(e.entity_id, [])),
        )
        for e in entries
    ]


def _user_payload(payload: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in payload.items() if k not in BOOKKEEPING}


def record_results(
    session: WorkspaceSession, entries: Sequence[OutboxEntry], results: Sequence[PushResult]
) -> None:
    """Store outcomes, move master-data bases forward, open conflicts. Remote session.

    The batch's outbox rows and master rows are read up front, one query per 500
    ids, so the loop finds them in the identity map (a ``get`` per entry would
    flush the previous entry's changes and query again, twice per entry).
    """
    models = synced_models()
    by_no = {r.no: r for r in results}
    now = utcnow()
    answered = [e for e in entries if e.id in by_no]
    held: list[Any] = db.load_by_ids(session, OutboxEntry, [e.id for e in answered])
    masters: dict[str, list[str]] = {}
    for e in answered:
        if e.entity in MASTER and by_no[e.id].outcome != "rejected":
            masters.setdefault(e.entity, []).append(e.entity_id)
    for entity, ids in masters.items():
        held += db.load_by_ids(session, models[entity], ids)
    for entry in answered:
        result = by_no[entry.id]
        row = session.get(OutboxEntry, entry.id)
        if row is None or row.acked_at is not None:
            continue
        row.acked_at = now
        row.outcome = result.outcome
        row.outcome_detail = result.reason or (
            json.dumps([c.field for c in result.conflicts]) if result.conflicts else None
        )
        if entry.entity in MASTER and result.outcome != "rejected":
            obj = session.get(models[entry.entity], entry.entity_id)
            if obj is not None:
                base = dict(getattr(obj, "sync_base", None) or {})
                if entry.op == "insert":
                    base.update(_user_payload(entry.payload))
                else:
                    for field in entry.changed or []:
                        base[field] = entry.payload.get(field)
                for c in result.conflicts:
                    base[c.field] = c.remote
                obj.sync_base = base  # type: ignore[attr-defined]
                flag_modified(obj, "updated_at")  # bookkeeping only: no onupdate bump
        for c in result.conflicts:
            open_conflict(
                session, entry.entity, entry.entity_id, c.field, c.base, c.local, c.remote
            )


def open_conflict(
    session: WorkspaceSession,
    entity: str,
    entity_id: str,
    field: str,
    base: Any,
    local: Any,
    remote: Any,
) -> None:
    """Put a conflict in the inbox (or refresh the open one for the same field)."""
    row = session.scalar(
        select(Conflict).where(
            Conflict.entity == entity,
            Conflict.entity_id == entity_id,
            Conflict.field == field,
            Conflict.resolved_at.is_(None),
        )
    )
    if row is None:
        row = Conflict(entity=entity, entity_id=entity_id, field=field, base_value=base)
        session.add(row)
    row.local_value = local
    row.remote_value = remote
    row.created_at = dt.datetime.now(dt.UTC)
