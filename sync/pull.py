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

from sqlalchemy import delete, select

from app.models import Conflict, MasterData, OutboxEntry, Synced, synced_models
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
    return "applied"


def _user_data(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in ("server_rev", "sync_base")}


def apply_page(session: WorkspaceSession, changes: list[Change]) -> tuple[int, int]:
    """Apply a page in order; returns (rows applied, rows purged)."""
    applied = purged = 0
    for change in changes:
        outcome = apply_change(session, change)
        applied += outcome == "applied"
        purged += outcome == "purged"
        session.flush()
    return applied, purged
