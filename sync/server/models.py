"""Tables of the central server (its own metadata; migrations in sync/server/migrations).

Typed tables hold users, tokens, devices, mutation results, login throttling and
counters; one generic ``record`` table holds every synced entity as JSON with its
scope columns and its revision. The change feed is ``record`` and ``purge``
ordered by ``rev`` (one sequence, see ``counter``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A UTC instant: stored naive UTC on both databases, returned timezone-aware."""

    impl = DateTime()
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, dt.datetime) or value.tzinfo is None:
            raise ValueError("UTCDateTime needs an aware datetime")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=dt.UTC)


class ServerBase(DeclarativeBase):
    """Declarative base of the server's tables."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dt.datetime: UTCDateTime(), dict[str, Any]: JSON()}


class Counter(ServerBase):
    """Named counters: revisions (row ``rev``), order numbers per year.

    A write transaction locks row ``rev`` from assigning its revisions to its
    commit, so revisions commit in order (sync.server.db.assign_revs).
    """

    __tablename__ = "counter"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class Territory(ServerBase):
    """A sales territory (经营属地); catalog rows may be limited to one."""

    __tablename__ = "territory"

    code: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))


class User(ServerBase):
    """A person who logs in: rep, manager, reviewer or finance."""

    __tablename__ = "app_user"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))
    territory: Mapped[str | None] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime]


class Token(ServerBase):
    """A bearer token, stored as its SHA-256 only; expiring and revocable."""

    __tablename__ = "token"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36), index=True)
    device_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]
    revoked_at: Mapped[dt.datetime | None]


class LoginThrottle(ServerBase):
    """Failed logins per username: too many in a window locks the name for a while."""

    __tablename__ = "login_throttle"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    window_start: Mapped[dt.datetime]
    locked_until: Mapped[dt.datetime | None]


class Device(ServerBase):
    """A rep's laptop (workspace): its code names its receipts; last applied mutation."""

    __tablename__ = "device"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36), index=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    last_mutation: Mapped[int] = mapped_column(BigInteger, default=0)
    next_receipt_no: Mapped[int] = mapped_column(BigInteger, default=1)
    created_at: Mapped[dt.datetime]
    last_seen: Mapped[dt.datetime | None]


class MutationResult(ServerBase):
    """The stored result of every applied mutation: a replay returns it unchanged."""

    __tablename__ = "mutation_result"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    no: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36))
    outcome: Mapped[str] = mapped_column(String(16))
    result: Mapped[dict[str, Any]]
    applied_at: Mapped[dt.datetime] = mapped_column(index=True)


class Record(ServerBase):
    """Any synced entity: its JSON row, scope columns and current revision."""

    __tablename__ = "record"
    __table_args__ = (
        Index("ix_record_owner_rev", "owner", "rev"),
        Index("ix_record_entity_rev", "entity", "rev"),
    )

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    owner: Mapped[str | None] = mapped_column(String(64))
    author: Mapped[str | None] = mapped_column(String(64))
    customer_id: Mapped[str | None] = mapped_column(String(36), index=True)
    territory: Mapped[str | None] = mapped_column(String(100))
    data: Mapped[dict[str, Any]]
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    rev: Mapped[int] = mapped_column(BigInteger, unique=True)
    updated_at: Mapped[dt.datetime]


class Purge(ServerBase):
    """Tells one user's laptops to drop a record that left their scope (reassignment)."""

    __tablename__ = "purge"
    __table_args__ = (Index("ix_purge_username_rev", "username", "rev"),)

    rev: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    username: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36))


class ReceiptNumber(ServerBase):
    """Every receipt number ever accepted: the unique index makes duplicates impossible."""

    __tablename__ = "receipt_number"
    __table_args__ = (UniqueConstraint("device_code", "seq_no"),)

    number: Mapped[str] = mapped_column(String(40), primary_key=True)
    device_code: Mapped[str] = mapped_column(String(16))
    seq_no: Mapped[int] = mapped_column(BigInteger)
    receipt_id: Mapped[str] = mapped_column(String(36), unique=True)
