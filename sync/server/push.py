"""Apply a pushed batch exactly once: per-device mutation numbers, stored results.

The whole batch runs in one write transaction that first locks the rep's user
row (the rep's other laptops, a review or a reassignment of their records wait)
and the device row (so a batch retried concurrently sees the first one's
``last_mutation`` and is a replay). Revisions are assigned at the end, under the
revision lock, just before the stored results are written. A mutation whose
number is at or below the device's last applied number is a replay: its stored
result is returned and nothing is applied again. Each new mutation runs in a
savepoint, so a rejected one changes nothing; its result is stored as well.

Savepoints cost two round trips per mutation, so a batch first runs without
them (``careful=False``): every check that can reject a mutation runs before it
writes anything (keep it so), so a rejection needs no rollback. Anything else
that goes wrong on that fast path (a database error, a bug, a rejection after a
write) raises :class:`SavepointsNeededError`; the caller rolls the whole transaction back
and runs the batch again with a savepoint per mutation, which gives exactly the
old results. The rows of the batch's mutations are read in one query up front.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.services._common import LOCAL_REP
from sync.protocol import (
    ERR_FORBIDDEN,
    REJ_FACT,
    REJ_FORBIDDEN,
    REJ_INVALID,
    REJ_NOT_FOUND,
    REJ_READ_ONLY,
    REJ_UNKNOWN_ENTITY,
    Mutation,
    Outcome,
    PushResult,
)
from sync.server import orders, receipts
from sync.server.db import assign_revs, placeholder_block, use_placeholder_block, write_count
from sync.server.entities import ENTITIES, PARENTS, REP_CONTAINED, kind, validate_row
from sync.server.errors import ApiError, Rejected
from sync.server.merge import MergeResult, differs, merge_draft, merge_master
from sync.server.models import Device, MutationResult, Record, User
from sync.server.records import bump, can_see, put, utcnow

log = logging.getLogger(__name__)
_PREFETCH = 500  # keys per query when reading a batch's rows up front


class SavepointsNeededError(Exception):
    """The fast path (no savepoints) hit something only a savepoint can undo: run again."""


@dataclass
class Batch:
    """What one push knows while it runs: caller, device, inserts of the same batch."""

    session: Session
    user: User
    device: Device
    inserts: dict[tuple[str, str], dict[str, Any]]
    submitted: dict[str, int] = field(default_factory=dict)
    results: dict[int, PushResult] = field(default_factory=dict)
    absent: set[tuple[str, str]] = field(default_factory=set)  # not on the server at the start
    loaded: list[Record] = field(default_factory=list)  # the session only holds them weakly
    careful: bool = True  # a savepoint per mutation; else writes are flushed together

    def record(self, entity: str, row_id: str) -> Record | None:
        """The server's record (None when absent), without a query for rows read up front."""
        if (entity, row_id) in self.absent:
            return None
        return self.session.get(Record, (entity, row_id))

    def prefetch(self, mutations: list[Mutation]) -> None:
        """Read the records the mutations name in one query per 500 (into the session)."""
        by_entity: dict[str, list[str]] = {}
        for entity, row_id in sorted({(m.entity, m.entity_id) for m in mutations}):
            by_entity.setdefault(entity, []).append(row_id)
        # One entity per statement: ``entity = ? AND id IN (...)`` is a primary-key range
        # on SQLite too, where a row-value IN ``(entity, id) IN (VALUES ...)`` scans the
        # whole table (0.6 s per batch at 1,000,000 records).
        for entity, ids in by_entity.items():
            for i in range(0, len(ids), _PREFETCH):
                chunk = ids[i : i + _PREFETCH]
                found = self.session.scalars(
                    select(Record).where(Record.entity == entity, Record.id.in_(chunk))
                ).all()
                self.loaded += found
                have = {r.id for r in found}
                self.absent.update((entity, k) for k in chunk if k not in have)

    def lookup(self, entity: str, row_id: str | None) -> tuple[dict[str, Any], Record | None]:
        """A row by id: from the server, else from an insert earlier in this batch."""
        if row_id is None:
            raise Rejected(REJ_NOT_FOUND, f"{entity} reference is empty")
        record = self.record(entity, row_id)
        if record is not None:
            return record.data, record
        if (entity, row_id) in self.inserts:
            return self.inserts[(entity, row_id)], None
        raise Rejected(REJ_NOT_FOUND, f"the {entity} this row belongs to is not on the server")


def lock_for_push(session: Session, user_id: str, device_id: str) -> tuple[User, Device]:
    """The pushing user's row and the device row, locked in that order (db.py's lock order).

    The user lock is :func:`sync.server.db.lock_users`' row lock (the rep's other
    laptops, reviews and reassignments wait); the device row is read current, so a
    batch retried concurrently sees the first one's ``last_mutation``. 403 when
    the device is not this user's.
    """
    user = session.scalar(select(User).where(User.id == user_id).with_for_update())
    query = select(Device).where(Device.id == device_id).with_for_update()
    block = placeholder_block(session)  # reserved with the device row: no round trip of its own
    row = session.execute(query if block is None else query.add_columns(block)).first()
    device = None if row is None else row[0]
    if device is None or user is None or device.user_id != user.id:
        raise ApiError(403, ERR_FORBIDDEN, "This device is not registered to you.")
    if block is not None and row is not None:
        use_placeholder_block(session, int(row[1]))
    return user, device


def push_batch(
    session: Session,
    user: User,
    device: Device,
    mutations: list[Mutation],
    *,
    careful: bool = False,
) -> list[PushResult]:
    """Apply ``mutations`` (already in increasing order) and return one result each.

    ``user`` and ``device`` come from :func:`lock_for_push` in this transaction. It ends
    the transaction: on PostgreSQL the revisions and the COMMIT go in one round trip.
    Without ``careful`` no savepoints are made and :class:`SavepointsNeededError` is raised
    when one would have been needed (the caller rolls back and runs it careful).
    """
    batch = Batch(
        session,
        user,
        device,
        {(m.entity, m.entity_id): m.payload for m in mutations if m.op == "insert"},
        careful=careful,
    )
    last = device.last_mutation
    fresh: list[Mutation] = []
    for m in mutations:
        if m.no <= last:
            batch.results[m.no] = _replayed(session, device, m)
            continue
        if not fresh:
            batch.prefetch([f for f in mutations if f.no > last])
        batch.results[m.no] = _apply_one(batch, m) if careful else _apply_fast(batch, m)
        fresh.append(m)
    if fresh:  # exactly once: the device's last applied number moves with the results
        device.last_mutation = fresh[-1].no
    now = utcnow()
    device.last_seen = now  # before the flush: one UPDATE of the device row, not two
    if not careful:
        _flush_fast(session)
    orders.after_batch(batch)
    stored: list[MutationResult] = []
    for m in fresh:
        result = batch.results[m.no]
        stored.append(
            MutationResult(
                device_id=device.id,
                no=m.no,
                username=user.username,
                entity=m.entity,
                entity_id=m.entity_id,
                outcome=result.outcome,
                result=result.model_dump(mode="json"),
                applied_at=now,
            )
        )
    session.add_all(stored)
    # The revision lock: held from here to the commit, sent with it. Stored results name
    # placeholders until then; they get the real revisions with the rows.
    revs = assign_revs(session, stored, commit=True)
    for no, result in batch.results.items():
        if result.rev is not None and result.rev in revs:
            batch.results[no] = result.model_copy(update={"rev": revs[result.rev]})
    return [batch.results[m.no] for m in mutations]


def _replayed(session: Session, device: Device, m: Mutation) -> PushResult:
    stored = session.get(MutationResult, (device.id, m.no))
    if stored is None:  # results pruned long ago: the mutation was applied then
        return PushResult(no=m.no, outcome="applied")
    if (stored.entity, stored.entity_id) != (m.entity, m.entity_id):
        raise ApiError(
            409,
            "conflict",
            "This workspace re-used mutation numbers the server already applied "
            "(was it restored from an old backup?). Ask your administrator.",
        )
    return PushResult.model_validate(stored.result)


def _apply_one(batch: Batch, m: Mutation) -> PushResult:
    savepoint = batch.session.begin_nested()
    try:
        result = _apply(batch, m)
    except Rejected as rej:
        savepoint.rollback()
        return PushResult(no=m.no, outcome="rejected", code=rej.code, reason=rej.reason)
    except OperationalError:
        raise
    except Exception:
        savepoint.rollback()
        log.exception("mutation %s of device %s failed", m.no, batch.device.code)
        return PushResult(
            no=m.no, outcome="rejected", code=REJ_INVALID, reason="the server could not apply it"
        )
    savepoint.commit()
    return result


def _apply_fast(batch: Batch, m: Mutation) -> PushResult:
    """One mutation without a savepoint: only a rejection before any write is answered."""
    before = write_count(batch.session), len(batch.session.new)
    try:
        return _apply(batch, m)
    except Rejected as rej:
        if (write_count(batch.session), len(batch.session.new)) != before:
            raise SavepointsNeededError from rej  # it wrote: only a savepoint undoes that
        return PushResult(no=m.no, outcome="rejected", code=rej.code, reason=rej.reason)
    except OperationalError:
        raise
    except Exception as exc:
        raise SavepointsNeededError from exc


def _flush_fast(session: Session) -> None:
    """Write the fast path's rows together (one executemany per kind of statement)."""
    try:
        session.flush()
    except OperationalError:
        raise
    except Exception as exc:  # which mutation failed is only known with savepoints
        raise SavepointsNeededError from exc


def _apply(batch: Batch, m: Mutation) -> PushResult:
    if m.entity not in ENTITIES:
        raise Rejected(REJ_UNKNOWN_ENTITY, f"unknown kind of record {m.entity!r}")
    entity_kind = kind(m.entity)
    if entity_kind in ("reference", "local"):
        raise Rejected(REJ_READ_ONLY, "this kind of record is read-only on laptops")
    if m.payload.get("id") != m.entity_id:
        raise Rejected(REJ_INVALID, "the row's id does not match the mutation")
    problem = validate_row(m.entity, m.payload, insert=m.op == "insert")
    if problem:
        raise Rejected(REJ_INVALID, problem)
    existing = batch.record(m.entity, m.entity_id)
    if existing is None:
        if m.op != "insert":
            raise Rejected(REJ_NOT_FOUND, "this record is not on the server")
        return _insert(batch, m)
    if not can_see(batch.user, existing) or existing.owner is None:
        raise Rejected(REJ_FORBIDDEN, "this record belongs to someone else")
    return _update(batch, m, existing, entity_kind)


def _scope(batch: Batch, entity: str, data: dict[str, Any]) -> tuple[str, str | None]:
    """(owner, customer_id) of a new row, or Rejected when the caller may not make it."""
    user = batch.user.username
    if entity == "customer":
        # LOCAL_REP: made on a new laptop before its first sync brought the rep's profile.
        if data.get("owner") not in (user, LOCAL_REP):
            raise Rejected(REJ_FORBIDDEN, "a new customer must be owned by its rep")
        return user, data["id"]
    if entity in PARENTS:
        parent_entity, column = PARENTS[entity]
        parent, record = batch.lookup(parent_entity, data.get(column))
        parent_owner, customer = _scope_of(batch, parent_entity, parent, record)
        if parent_owner != user:
            raise Rejected(REJ_FORBIDDEN, "the record it belongs to is someone else's")
        return user, customer
    if entity in REP_CONTAINED:
        plan_entity, column = REP_CONTAINED[entity]
        plan, record = batch.lookup(plan_entity, data.get(column))
        if _scope_of(batch, plan_entity, plan, record)[0] != user:
            raise Rejected(REJ_FORBIDDEN, "the plan is someone else's")
    if entity == "attachment" and data.get("owner_kind") in ENTITIES:
        target, record = batch.lookup(str(data["owner_kind"]), data.get("owner_id"))
        owner, customer = _scope_of(batch, str(data["owner_kind"]), target, record)
        if owner != user:
            raise Rejected(REJ_FORBIDDEN, "the record it belongs to is someone else's")
        return user, customer
    if "customer_id" in data:
        cust, cust_record = batch.lookup("customer", data.get("customer_id"))
        if _scope_of(batch, "customer", cust, cust_record)[0] != user:
            raise Rejected(REJ_FORBIDDEN, "this customer belongs to another rep")
        return user, str(cust["id"])
    return user, None


def _scope_of(
    batch: Batch, entity: str, data: dict[str, Any], record: Record | None
) -> tuple[str | None, str | None]:
    if record is not None:
        return record.owner, record.customer_id if entity != "customer" else record.id
    return _scope(batch, entity, data)


def _insert(batch: Batch, m: Mutation) -> PushResult:
    owner, customer_id = _scope(batch, m.entity, m.payload)
    data = dict(m.payload)
    if m.entity == "customer":
        data["owner"] = owner
    if m.entity == "receipt":
        receipts.check_receipt(batch.session, batch.device, data)
    if m.entity == "receipt_void":
        receipts.check_void(batch.session, data, customer_id)
    if m.entity in ("order_draft", "order_line"):
        orders.check_insert(batch, m.entity, data, m.no)
    record = put(
        batch.session,
        m.entity,
        m.entity_id,
        data,
        owner=owner,
        author=batch.user.username,
        customer_id=customer_id,
        new=True,
        flush=batch.careful,
    )
    batch.absent.discard((m.entity, m.entity_id))
    return PushResult(no=m.no, outcome="applied", rev=record.rev)


def _update(batch: Batch, m: Mutation, existing: Record, entity_kind: str) -> PushResult:
    changed = [k for k in (m.changed or list(m.payload)) if k in m.payload]
    if m.op == "insert":  # the same row inserted twice (a restored laptop): compare
        changed = [k for k in m.payload if k not in ("id", "created_at")]
    if entity_kind == "master":
        merged = merge_master(m.entity, existing.data, m.payload, changed, m.base or {})
    elif entity_kind == "draft":
        if m.entity in ("order_draft", "order_line"):
            orders.check_update(batch, m.entity, existing, m.payload, changed, m.no)
        merged = merge_draft(m.entity, existing.data, m.payload, changed)
    else:
        merged = _merge_fact(m, existing)
    if merged.changed:
        put(batch.session, m.entity, m.entity_id, merged.data, flush=batch.careful)
    outcome: Outcome
    if merged.conflicts:
        outcome = "conflict"
    elif differs(m.entity, merged.data, m.payload):
        outcome = "merged"
        if not merged.changed:
            # The laptop holds values the server kept its own for (a row deleted on
            # both laptops keeps the first deletion): without a new revision the
            # laptop would never pull the server's row and would keep diverging.
            bump(batch.session, existing)
    else:
        outcome = "applied"
    return PushResult(no=m.no, outcome=outcome, rev=existing.rev, conflicts=merged.conflicts)


def _merge_fact(m: Mutation, existing: Record) -> MergeResult:
    """Facts are final: only an open visit may still change; a no-op replay is fine."""
    if m.op == "delete":
        raise Rejected(REJ_FACT, "a final record is never deleted")
    open_visit = m.entity == "visit" and existing.data.get("status") != "finished"
    merged = merge_draft(m.entity, existing.data, m.payload, m.changed or list(m.payload))
    if merged.changed and not open_visit:
        raise Rejected(REJ_FACT, "a final record cannot be changed; add a correcting note")
    return merged
