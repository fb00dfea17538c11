"""The transactional outbox and the append-only guard for facts.

Every flush of a workspace session writes, in the same transaction, one
outbox row per changed synced record (architecture §3.1). Sessions that apply
changes pulled from the server set ``session.info["remote"] = True`` and write
no outbox rows. Facts (finished visits, receipts, voids, audit events) cannot
be rewritten or deleted locally: a fact is corrected by a new fact.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, UOWTransaction

from app.errors import StateError
from app.i18n import QT_TRANSLATE_NOOP, msg
from app.models import OutboxEntry, Synced, utcnow
from app.models.visits import Visit
from app.serialize import BOOKKEEPING, row_to_dict, to_json_value

REMOTE = "remote"


class WorkspaceSession(Session):
    """Session class of a rep's workspace: carries the outbox and fact guards."""


def _is_remote(session: Session) -> bool:
    return bool(session.info.get(REMOTE))


def _changed_fields(obj: Synced) -> tuple[list[str], dict[str, Any]]:
    """Names of user fields changed in this flush, and their previous values."""
    state = inspect(obj)
    changed: list[str] = []
    before: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in BOOKKEEPING or key == "updated_at":
            continue
        hist = state.attrs[key].history
        if hist.has_changes():
            changed.append(key)
            before[key] = to_json_value(hist.deleted[0]) if hist.deleted else None
    return changed, before


def _fact_frozen(obj: Synced) -> bool:
    """A visit is frozen once finished; every other fact as soon as it exists."""
    if isinstance(obj, Visit):
        hist = inspect(obj).attrs["status"].history
        committed = hist.deleted[0] if hist.deleted else obj.status
        return committed == "finished"
    return True


@event.listens_for(WorkspaceSession, "before_flush")
def _guard_facts(session: Session, flush_context: UOWTransaction, instances: Any) -> None:
    if _is_remote(session):
        return
    for obj in session.deleted:
        if isinstance(obj, Synced) and type(obj).__sync_kind__ != "local":
            raise StateError(
                msg(
                    "outbox",
                    QT_TRANSLATE_NOOP(
                        "outbox", "Records are never erased here; they are marked deleted."
                    ),
                )
            )
    for obj in session.dirty:
        if not isinstance(obj, Synced) or type(obj).__sync_kind__ != "fact":
            continue
        changed, _ = _changed_fields(obj)
        if changed and _fact_frozen(obj):
            raise StateError(
                msg(
                    "outbox",
                    QT_TRANSLATE_NOOP(
                        "outbox",
                        "A finished record cannot be changed; add a correcting note instead.",
                    ),
                )
            )


@event.listens_for(WorkspaceSession, "after_flush")
def _write_outbox(session: Session, flush_context: UOWTransaction) -> None:
    if _is_remote(session):
        return
    rows: list[dict[str, Any]] = []
    now = utcnow()
    for obj in session.new:
        if isinstance(obj, Synced) and type(obj).__sync_kind__ not in ("reference", "local"):
            rows.append(_entry(obj, "insert", None, None, now))
    for obj in session.dirty:
        if not isinstance(obj, Synced) or type(obj).__sync_kind__ in ("reference", "local"):
            continue
        changed, before = _changed_fields(obj)
        if not changed:
            continue
        op = "delete" if "deleted_at" in changed and obj.deleted_at is not None else "update"
        base = getattr(obj, "sync_base", None)
        base = {k: base.get(k) for k in changed} if base is not None else before
        rows.append(_entry(obj, op, changed, base, now))
    if rows:
        session.connection().execute(insert(OutboxEntry), rows)


def _entry(
    obj: Synced, op: str, changed: list[str] | None, base: dict[str, Any] | None, now: Any
) -> dict[str, Any]:
    return {
        "entity": type(obj).__tablename__,  # type: ignore[attr-defined]
        "entity_id": obj.id,
        "op": op,
        "payload": row_to_dict(obj),  # type: ignore[arg-type]
        "changed": changed,
        "base": base,
        "created_at": now,
    }
