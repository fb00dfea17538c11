"""The conflict inbox and the list of rejected changes, for the UI and the CLI.

Resolving a conflict is an ordinary local edit (so it reaches the server
through the outbox like any other) plus an audit event saying which side won.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import select

from app import db
from app.errors import NotFoundError, StateError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP, msg
from app.models import AuditEvent, Conflict, OutboxEntry, synced_models, utcnow
from app.workspace import Workspace
from sync.values import from_json

Choice = Literal["local", "remote", "value"]


@dataclass(frozen=True)
class ConflictItem:
    """One open conflict: which row and field, and the values of both sides."""

    id: int
    entity: str
    entity_id: str
    field: str
    base_value: Any
    local_value: Any
    remote_value: Any


@dataclass(frozen=True)
class RejectedItem:
    """A change the server refused, with its reason (kept for the rep and the manager)."""

    mutation_no: int
    entity: str
    entity_id: str
    op: str
    reason: str | None


def list_conflicts(ws: Workspace) -> list[ConflictItem]:
    """Open conflicts, oldest first."""
    with ws.sessions() as s:
        rows = s.scalars(
            select(Conflict).where(Conflict.resolved_at.is_(None)).order_by(Conflict.id)
        ).all()
        return [
            ConflictItem(
                r.id, r.entity, r.entity_id, r.field, r.base_value, r.local_value, r.remote_value
            )
            for r in rows
        ]


def rejected_items(ws: Workspace) -> list[RejectedItem]:
    """Changes the server rejected, newest first."""
    with ws.sessions() as s:
        rows = s.scalars(
            select(OutboxEntry)
            .where(OutboxEntry.outcome == "rejected")
            .order_by(OutboxEntry.id.desc())
        ).all()
        return [RejectedItem(r.id, r.entity, r.entity_id, r.op, r.outcome_detail) for r in rows]


def resolve_conflict(
    ws: Workspace, conflict_id: int, choice: Choice, value: Any = None, *, actor: str = "rep"
) -> None:
    """Settle a conflict: keep the local value, take the remote one, or set ``value``."""
    if choice not in ("local", "remote", "value"):
        raise ValidationError(
            "choice", msg("sync", QT_TRANSLATE_NOOP("sync", "choose local, remote or a value"))
        )
    with db.transaction(ws.sessions) as s:
        conflict = s.get(Conflict, conflict_id)
        if conflict is None:
            raise NotFoundError(msg("sync", QT_TRANSLATE_NOOP("sync", "No such conflict.")))
        if conflict.resolved_at is not None:
            raise StateError(
                msg("sync", QT_TRANSLATE_NOOP("sync", "This conflict is already resolved."))
            )
        model = synced_models()[conflict.entity]
        obj = s.get(model, conflict.entity_id)
        if obj is not None:
            chosen = {
                "local": conflict.local_value,
                "remote": conflict.remote_value,
                "value": value,
            }[choice]
            if conflict.field == "deleted_at" and chosen is not None:
                chosen = utcnow().isoformat()  # a fresh delete, sent against the current row
            python_value = from_json(model, conflict.field, chosen)
            setattr(obj, conflict.field, python_value)
        conflict.resolved_at = utcnow()
        conflict.resolution = choice
        s.add(
            AuditEvent(
                actor=actor,
                action="conflict_resolved",
                entity=conflict.entity,
                entity_id=conflict.entity_id,
                detail={"field": conflict.field, "choice": choice},
            )
        )
