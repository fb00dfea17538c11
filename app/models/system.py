"""Bookkeeping: outbox, sync state, conflict inbox, audit log, settings."""

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import JSON, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced, SyncKind, utcnow


class OutboxEntry(Base):
    """A local change waiting to reach the server, written in the change's transaction.

    ``id`` is the device's mutation number: increasing, never reused.
    """

    __tablename__ = "outbox"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(8))
    payload: Mapped[dict[str, Any]]
    changed: Mapped[list[Any] | None]
    base: Mapped[dict[str, Any] | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[dt.datetime | None]
    acked_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    outcome: Mapped[str | None] = mapped_column(String(16))
    outcome_detail: Mapped[str | None] = mapped_column(Text)


class SyncState(Base):
    """Key/value sync state: device id and code, cursor, server URL, last sync."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Setting(Base):
    """Key/value user settings kept in the workspace (language, idle lock, letterhead)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Secret(Base):
    """Secrets kept inside the encrypted database where no OS keyring exists (token)."""

    __tablename__ = "secret"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Conflict(Base):
    """A field both sides changed: both values kept until the rep decides."""

    __tablename__ = "conflict"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(64))
    base_value: Mapped[Any] = mapped_column(JSON)
    local_value: Mapped[Any] = mapped_column(JSON)
    remote_value: Mapped[Any] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[dt.datetime | None]
    resolution: Mapped[str | None] = mapped_column(String(16))


class AuditEvent(Synced, Base):
    """Append-only audit log (logins, exports, prints, reprints, voids, syncs).

    ``detail`` never holds customer personal data: ids and counts only.
    """

    __tablename__ = "audit_event"
    __sync_kind__: ClassVar[SyncKind] = "fact"

    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32), index=True)
    entity: Mapped[str | None] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(36))
    detail: Mapped[dict[str, Any] | None]
