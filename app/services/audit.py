"""The append-only audit log: exports, prints, reprints, voids, logins, syncs.

``detail`` carries ids and counts only, never customer personal data (names,
phones, ID numbers): the log is uploaded for managers to read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import transaction
from app.models import AuditEvent, utcnow
from app.services._common import rep_identity
from app.workspace import Workspace

_ALLOWED_DETAIL = (int, float, bool, str, type(None))
_MAX_DETAIL_TEXT = 64


@dataclass(frozen=True)
class AuditRow:
    """One audit event as shown in lists."""

    id: str
    at: dt.datetime
    actor: str
    action: str
    entity: str | None
    entity_id: str | None
    detail: dict[str, Any] | None


def _clean_detail(detail: dict[str, Any] | None) -> dict[str, Any] | None:
    """Keep scalar values only and short texts (ids, counts, kinds), never free text."""
    if not detail:
        return None
    out: dict[str, Any] = {}
    for key, value in detail.items():
        if not isinstance(value, _ALLOWED_DETAIL):
            raise TypeError(f"audit detail {key!r} must be a scalar (ids and counts only)")
        if isinstance(value, str) and len(value) > _MAX_DETAIL_TEXT:
            raise ValueError(f"audit detail {key!r} is too long to be an id or a kind")
        out[str(key)] = value
    return out


def record(
    target: Workspace | Session,
    action: str,
    entity: str | None = None,
    entity_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Append an audit event; in a given session it joins that transaction.

    ``detail`` holds ids and counts only (e.g. ``{"copies": 3}``), never personal data.
    """
    clean = _clean_detail(detail)
    if isinstance(target, Session):
        _add(target, action, entity, entity_id, clean)
        return
    with transaction(target.sessions) as s:
        _add(s, action, entity, entity_id, clean)


def _add(
    s: Session,
    action: str,
    entity: str | None,
    entity_id: str | None,
    detail: dict[str, Any] | None,
) -> None:
    actor, _ = rep_identity(s)
    s.add(
        AuditEvent(
            at=utcnow(),
            actor=actor,
            action=action[:32],
            entity=entity,
            entity_id=entity_id,
            detail=detail,
        )
    )


def list_events(
    ws: Workspace, *, action: str | None = None, limit: int = 200, offset: int = 0
) -> list[AuditRow]:
    """Audit events, newest first, optionally of one action."""
    with ws.sessions() as s:
        q = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        if action:
            q = q.where(AuditEvent.action == action)
        rows = s.scalars(q.limit(limit).offset(offset)).all()
        return [
            AuditRow(r.id, r.at, r.actor, r.action, r.entity, r.entity_id, r.detail) for r in rows
        ]


def count_events(ws: Workspace, action: str | None = None) -> int:
    """How many audit events (of one action) the log holds."""
    with ws.sessions() as s:
        q = select(func.count()).select_from(AuditEvent)
        if action:
            q = q.where(AuditEvent.action == action)
        return int(s.scalar(q) or 0)
