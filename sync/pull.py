"""Client pull: apply a page of server changes to the local database.

Rules per row (docs/sync-protocol.md, "Applying changes on the laptop"):
a change at or below the row's ``server_rev`` is already here and skipped;
fields with an unacknowledged local edit keep the local value (the push
settles them on the server, where conflicts are detected); every other field
takes the server's value. Master rows also move their merge base
(``sync_base``) to the server's values for the fields taken. A purge removes
the row (it left the rep's scope).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm.attributes import flag_modified

from app.models import (
    Base,
    Conflict,
    MasterData,
    OutboxEntry,
    ReceiptVoid,
    Synced,
    synced_models,
)
from app.outbox import WorkspaceSession
from sync.protocol import Change
from sync.values import columns_from_json

ALL = "*"
# Fields the laptop owns on rows the server sends (the next receipt number to issue).
LOCAL_FIELDS: dict[str, frozenset[str]] = {"receipt_block": frozenset({"next_no"})}
_MODELS: dict[str, type[Synced]] = synced_models()


def pending_fields(session: WorkspaceSession, entity: str, entity_id: str) -> set[str]:
    """Fields of a row with local edits the server has not acknowledged yet."""
    rows = session.execute(
        select(OutboxEntry.op, OutboxEntry.changed).where(
            OutboxEntry.entity_id == entity_id,
            OutboxEntry.entity == entity,
            OutboxEntry.acked_at.is_(None),
        )
    ).all()
    out: set[str] = set()
    for op, changed in rows:
        if op == "insert":
            out.add(ALL)
        out.update(changed or [])
    return out


def apply_change(session: WorkspaceSession, change: Change) -> str:
    """Apply one change; returns 'applied', 'purged' or 'skipped'."""
    model = _MODELS.get(change.entity)
    if model is None:  # a kind of row this version does not know yet
        return "skipped"
    obj = session.get(model, change.id)
    if change.op == "purge":
        if obj is None:
            return "skipped"
        session.delete(obj)
        session.execute(
            delete(Conflict).where(Conflict.entity_id == change.id, Conflict.resolved_at.is_(None))
        )
        return "purged"
    data = change.data or {}
    if obj is not None and obj.server_rev is not None and obj.server_rev >= change.rev:
        return "skipped"
    values = columns_from_json(model, data)
    if obj is None:
        obj = model(**values)
        if isinstance(obj, MasterData):
            obj.sync_base = _user_data(data)
        obj.server_rev = change.rev
        session.add(obj)
        return "applied"
    pending = pending_fields(session, change.entity, change.id)
    keep = LOCAL_FIELDS.get(change.entity, frozenset())
    taken: dict[str, Any] = {}
    for key, value in values.items():
        if key == "id" or key in keep or ALL in pending or key in pending:
            continue
        setattr(obj, key, value)
        taken[key] = data.get(key)
    if isinstance(obj, MasterData):
        base = dict(obj.sync_base or {})
        base.update({k: v for k, v in _user_data(data).items() if k in taken})
        obj.sync_base = base
    obj.server_rev = change.rev
    flag_modified(obj, "updated_at")  # keep the server's (or pending local) time, no onupdate
    return "applied"


def _user_data(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in ("server_rev", "sync_base")}


def apply_page(session: WorkspaceSession, changes: list[Change]) -> tuple[int, int]:
    """Apply a page in order; returns (rows applied, rows purged).

    Rows the laptop does not have yet (nearly all of a first sync) are inserted in
    bulk, one executemany per entity, exactly as :func:`apply_change` would insert
    them one by one; every other change goes through :func:`apply_change`.
    """
    _drop_superseded_voids(session, changes)
    fresh = _new_rows(session, changes)
    applied = purged = 0
    for change in changes:
        if id(change) in fresh:
            continue
        outcome = apply_change(session, change)
        applied += outcome == "applied"
        purged += outcome == "purged"
        session.flush()
    return applied + _insert_new(session, changes, fresh), purged


def _drop_superseded_voids(session: WorkspaceSession, changes: list[Change]) -> None:
    """A receipt voided on two laptops offline: the server keeps the first void only.

    The server rejects the later void ("already voided"); a local void of the same
    receipt under another id gives way to the server's, so the receipt stays voided
    and the pull never trips over receipt_void.receipt_id being unique.
    """
    for change in changes:
        if change.entity != "receipt_void" or change.op != "upsert" or not change.data:
            continue
        receipt_id = change.data.get("receipt_id")
        session.execute(
            delete(ReceiptVoid).where(
                ReceiptVoid.receipt_id == receipt_id, ReceiptVoid.id != change.id
            )
        )


def _new_rows(session: WorkspaceSession, changes: list[Change]) -> set[int]:
    """ids (``id()``) of upserts of rows absent here, named once in the page."""
    counts: dict[tuple[str, str], int] = {}
    for change in changes:
        key = (change.entity, change.id)
        counts[key] = counts.get(key, 0) + 1
    groups: dict[str, list[Change]] = {}
    for change in changes:
        if (
            change.op == "upsert"
            and change.entity in _MODELS
            and counts[(change.entity, change.id)] == 1
            and (change.data or {}).get("id", change.id) == change.id
        ):
            groups.setdefault(change.entity, []).append(change)
    fresh: set[int] = set()
    for entity, group in groups.items():
        model = _MODELS[entity]
        ids = [c.id for c in group]
        have: set[str] = set()
        for i in range(0, len(ids), 500):
            have.update(session.scalars(select(model.id).where(model.id.in_(ids[i : i + 500]))))
        fresh.update(id(c) for c in group if c.id not in have)
    return fresh


def _insert_new(session: WorkspaceSession, changes: list[Change], fresh: set[int]) -> int:
    """Insert the new rows of the page, one executemany per entity and set of columns."""
    groups: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = {}
    for change in changes:
        if id(change) not in fresh:
            continue
        model = _MODELS[change.entity]
        data = change.data or {}
        values = columns_from_json(model, data)
        values["id"] = change.id
        values["server_rev"] = change.rev
        if issubclass(model, MasterData):
            values["sync_base"] = _user_data(data)
        groups.setdefault((change.entity, tuple(sorted(values))), []).append(values)
    for (entity, _keys), rows in groups.items():
        session.execute(insert(Base.metadata.tables[entity]), rows)
    return len(fresh)
