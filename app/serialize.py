"""Plain JSON-safe dictionaries of model rows, for the outbox and the wire."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import inspect

from app.models.base import Base

# Bookkeeping columns that are the sync layer's own and never user data.
BOOKKEEPING = frozenset({"server_rev", "sync_base"})


def to_json_value(value: Any) -> Any:
    """One column value as JSON: Decimal and dates as strings, the rest unchanged."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def row_to_dict(obj: Base, *, include_bookkeeping: bool = False) -> dict[str, Any]:
    """All column attributes of ``obj`` as a JSON-safe dict keyed by attribute name."""
    mapper = inspect(type(obj))
    out: dict[str, Any] = {}
    for attr in mapper.column_attrs:
        if not include_bookkeeping and attr.key in BOOKKEEPING:
            continue
        out[attr.key] = to_json_value(getattr(obj, attr.key))
    return out


def column_python_type(model: type[Base], key: str) -> type[Any] | None:
    """The Python type of a column (None when SQLAlchemy cannot tell)."""
    col = inspect(model).columns[key]
    try:
        return col.type.python_type
    except NotImplementedError:
        return None


def from_json_value(model: type[Base], key: str, value: Any) -> Any:
    """Inverse of :func:`to_json_value` for one column of ``model``."""
    if value is None:
        return None
    ptype = column_python_type(model, key)
    if ptype is Decimal:
        return Decimal(str(value))
    if ptype is dt.datetime and isinstance(value, str):
        parsed = dt.datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    if ptype is dt.date and isinstance(value, str):
        return dt.date.fromisoformat(value)
    if ptype is dt.time and isinstance(value, str):
        return dt.time.fromisoformat(value)
    return value


def dict_to_columns(model: type[Base], data: dict[str, Any]) -> dict[str, Any]:
    """Keep only ``model``'s columns from ``data``, converted to Python values."""
    keys = {a.key for a in inspect(model).column_attrs}
    return {k: from_json_value(model, k, v) for k, v in data.items() if k in keys}
