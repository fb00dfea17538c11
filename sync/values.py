"""JSON wire values to Python column values for the laptop's models.

(``app.serialize.from_json_value`` asks ``python_type`` of the column type,
which for the ``Money`` and ``UTCDateTime`` decorators is ``object``; so the
sync layer converts by column type here.)
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import inspect

from app.models.base import Money, UTCDateTime


def from_json(model: type[Any], key: str, value: Any) -> Any:
    """One JSON value as the Python value column ``key`` of ``model`` stores."""
    if value is None:
        return None
    ctype = _column_type(model, key)
    if isinstance(ctype, Money):
        return Decimal(str(value))
    if isinstance(ctype, UTCDateTime):
        parsed = dt.datetime.fromisoformat(str(value))
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    try:
        ptype = ctype.python_type
    except NotImplementedError:
        return value
    if ptype is dt.date and isinstance(value, str):
        return dt.date.fromisoformat(value)
    if ptype is dt.time and isinstance(value, str):
        return dt.time.fromisoformat(value)
    return value


_TYPES: dict[tuple[type[Any], str], Any] = {}
_KEYS: dict[type[Any], frozenset[str]] = {}


def _column_type(model: type[Any], key: str) -> Any:
    """The SQL type of a column (cached: a first sync converts a million rows)."""
    found = _TYPES.get((model, key))
    if found is None:
        found = _TYPES[(model, key)] = inspect(model).columns[key].type
    return found


def _column_keys(model: type[Any]) -> frozenset[str]:
    found = _KEYS.get(model)
    if found is None:
        found = _KEYS[model] = frozenset(a.key for a in inspect(model).column_attrs)
    return found


def columns_from_json(model: type[Any], data: dict[str, Any]) -> dict[str, Any]:
    """Keep ``model``'s columns from ``data``, as Python values."""
    keys = _column_keys(model)
    return {k: from_json(model, k, v) for k, v in data.items() if k in keys}
