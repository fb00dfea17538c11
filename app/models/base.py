"""Declarative base, column types and the sync bookkeeping every synced row carries.

Kinds of data (architecture §2), declared per model with ``__sync_kind__``:
``reference`` (from the server, read-only here), ``master`` (both sides edit,
merged field by field), ``draft`` (the rep's own, last write wins) and ``fact``
(append-only once final). ``local`` rows never leave the laptop.
"""

import datetime as dt
from decimal import Decimal
from typing import Any, ClassVar, Literal

import uuid6
from sqlalchemy import JSON, DateTime, Dialect, Integer, MetaData, Numeric, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator, TypeEngine

SyncKind = Literal["reference", "master", "draft", "fact", "local"]

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A new UUIDv7 (time-ordered) as text: made on the client, unique everywhere."""
    return str(uuid6.uuid7())


def utcnow() -> dt.datetime:
    """Now, timezone-aware UTC."""
    return dt.datetime.now(dt.UTC)


class Money(TypeDecorator[Decimal]):
    """Exact decimal: TEXT on SQLite (which has no decimal type), NUMERIC elsewhere.

    Binding anything but a ``Decimal`` is a programming error: floats never
    reach the database.
    """

    impl = String(40)
    cache_ok = True

    @property
    def python_type(self) -> type[Any]:
        """Decimal, whatever the storage (lets generic code convert JSON values)."""
        return Decimal

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(40))
        return dialect.type_descriptor(Numeric(20, 4))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, Decimal | int):
            raise TypeError(f"exact decimal required, got {type(value).__name__}")
        value = Decimal(value)
        if not value.is_finite():
            raise ValueError("money must be finite")
        return str(value) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(str(value))


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A UTC instant: stored naive UTC, returned timezone-aware."""

    impl = DateTime()
    cache_ok = True

    @property
    def python_type(self) -> type[Any]:
        """datetime (aware, UTC)."""
        return dt.datetime

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


class Base(DeclarativeBase):
    """Declarative base with constraint naming (needed by Alembic batch mode)."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        Decimal: Money(),
        dt.datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }
    __sync_kind__: ClassVar[SyncKind] = "local"


class Synced:
    """Columns every synced row carries (architecture §2)."""

    __sync_kind__: ClassVar[SyncKind] = "local"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    server_rev: Mapped[int | None] = mapped_column(Integer, default=None)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class MasterData(Synced):
    """Master data keeps the field values last agreed with the server: the merge base."""

    sync_base: Mapped[dict[str, Any] | None] = mapped_column(default=None)
