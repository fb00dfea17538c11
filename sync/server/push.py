"""Apply a pushed batch exactly once: per-device mutation numbers, stored results.

The whole batch runs in one write transaction that first locks the rep's user
row (the rep's other laptops, a review or a reassignment of their records wait)
and the device row (so a batch retried concurrently sees the first one's
``last_mutation`` and is a replay). Revisions are assigned at the end, under the
revision lock, just before the stored results are written. A mutation whose
number is at or below the device's last applied number is a replay: its stored
result is returned and nothing is applied again. Each new mutation runs in a
savepoint, so a rejected one changes nothing; its result is stored as well.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.services._common import LOCAL_REP
from sync.protocol import (
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
from sync.server.db import assign_revs, lock_users
from sync.server.entities import ENTITIES, PARENTS, REP_CONTAINED, kind, validate_row
from sync.server.errors import ApiError, Rejected
from sync.server.merge import MergeResult, differs, merge_draft, merge_master
from sync.server.models import Device, MutationResult, Record, User
from sync.server.records import bump, can_see, put, utcnow

log = logging.getLogger(__name__)


@dataclass
class Batch:
    """What one push knows while it runs: caller, device, inserts of the same batch."""

    session: Session
    user: User
    device: Device
    inserts: dict[tuple[str, str], dict[str, Any]]
    submitted: dict[str, int] = field(default_factory=dict)
    results: dict[int, PushResult] = field(default_factory=dict)

    def lookup(self, entity: str, row_id: str | None) -> tuple[dict[str, Any], Record | None]:
        """A row by id: from the server, else from an insert earlier in this batch."""
        if row_id is None:
            raise Rejected(REJ_NOT_FOUND, f"{entity} reference is empty")
        record = self.session.get(Record, (entity, row_id))
        if record is not None:
            return record.data, record
        if (entity, row_id) in self.inserts:
            return self.inserts[(entity, row_id)], None
        raise Rejected(REJ_NOT_FOUND, f"the {entity} this row belongs to is not on the server")


def push_batch(
    session: Session, user: User, device: Device, mutations: list[Mutation]
) -> list[PushResult]:
    """Apply ``mutations`` (already in increasing order) and return one result each."""
    lock_users(session, [user.username])
    session.refresh(device, with_for_update=True)  # exactly once: the current last_mutation
    batch = Batch(
        session,
        user,
        device,
        {(m.entity, m.entity_id): m.payload for m in mutations if m.op == "insert"},
    )
    fresh: list[Mutation] = []
    for m in mutations:
        if m.no <= device.last_mutation:
            batch.results[m.no] = _replayed(session, device, m)
            continue
        batch.results[m.no] = _apply_one(batch, m)
        fresh.append(m)
        device.last_mutation = m.no
    orders.after_batch(batch)
    now = utcnow()
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
    device.last_seen = now
    # The revision lock: held from here to the commit. Stored results name placeholders
    # until then; they get the real revisions with the rows.
    revs = assign_revs(session, stored)
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
    existing = batch.session.get(Record, (m.entity, m.entity_id))
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
    )
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
        put(batch.session, m.entity, m.entity_id, merged.data)
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
