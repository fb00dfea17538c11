"""JSON wire values to Python column values for the laptop's models.

(``app.serialize.from_json_value`` asks ``python_type`` of the column type,
which for the ``Money`` and ``UTCDateTime`` decorators is ``object``; so the
sync layer converts by column type here.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from sqlalchemy import Dialect, inspect

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
    convert = _python_converters(model)
    return {k: convert[k](v) for k, v in data.items() if k in convert}


_PYTHON: dict[type[Any], dict[str, Stored]] = {}


def _python_converters(model: type[Any]) -> dict[str, Stored]:
    """Per column: :func:`from_json` for that column, or the identity where it changes nothing."""
    found = _PYTHON.get(model)
    if found is None:
        found = _PYTHON[model] = {}
        for key in _column_keys(model):
            ctype = _column_type(model, key)
            try:
                plain = not isinstance(ctype, Money | UTCDateTime) and ctype.python_type not in (
                    dt.date,
                    dt.time,
                )
            except NotImplementedError:
                plain = True
            found[key] = _identity if plain else _bound(model, key)
    return found


def _bound(model: type[Any], key: str) -> Stored:
    return lambda value: from_json(model, key, value)


Stored = Callable[[Any], Any]

BOOKKEEPING = frozenset({"server_rev", "sync_base"})
"""Columns of a synced row that are the laptop's bookkeeping, never user data on the wire."""


def stored_converters(model: type[Any], dialect: Dialect) -> dict[str, Stored]:
    """Per column of ``model``: JSON wire value -> the value SQLite stores for it.

    Each converter is :func:`from_json` followed by the column type's own bind
    processor (the one SQLAlchemy applies on insert), so a row written with
    these values is byte-identical to one written through the ORM or Core; only
    the per-row statement machinery is skipped (a first sync inserts a million
    rows). Columns without conversion or bind processing pass values through.
    """
    key = (model, dialect.name)
    found = _STORED.get(key)
    if found is None:
        found = _STORED[key] = {
            attr.key: _stored_converter(model, attr.key, attr.columns[0].type, dialect)
            for attr in inspect(model).column_attrs
        }
    return found


_STORED: dict[tuple[type[Any], str], dict[str, Stored]] = {}


def _identity(value: Any) -> Any:
    return value


def passes_through(convert: Stored) -> bool:
    """True when ``convert`` (from :func:`stored_converters`) stores the JSON value as it is."""
    return convert is _identity


def _stored_converter(model: type[Any], key: str, ctype: Any, dialect: Dialect) -> Stored:
    process: Stored | None = ctype._cached_bind_processor(dialect)
    try:
        plain = not isinstance(ctype, Money | UTCDateTime) and ctype.python_type not in (
            dt.date,
            dt.time,
            dt.datetime,
        )
    except NotImplementedError:
        plain = True
    if process is None:
        return _identity if plain else lambda value: from_json(model, key, value)
    bind = process
    if plain:  # e.g. JSON (None is stored as 'null', as Core stores it) or Boolean
        return bind
    generic: Stored = lambda value: bind(from_json(model, key, value))  # noqa: E731
    return _shortcut(ctype, generic, dialect) or generic


def _money_text(value: Any) -> Any:
    """Money on SQLite: ``Money.process_bind_param(from_json(value))`` in one step."""
    if value is None:
        return None
    amount = Decimal(str(value))
    if not amount.is_finite():
        raise ValueError("money must be finite")
    return str(amount)


def _utc_text(value: Any) -> Any:
    """UTCDateTime on SQLite: naive UTC as SQLite's DATETIME text, without the layers.

    The server's own form (``YYYY-MM-DDTHH:MM:SS[.ffffff]+00:00``) is rewritten by
    slicing, the result parsed once to check it is a real date and time; any
    other form (an offset, another layout) is parsed and converted.
    """
    if value is None:
        return None
    if isinstance(value, str) and value.endswith("+00:00"):
        size = len(value)
        if (
            (size == 25 or (size == 32 and value[19] == "."))
            and value[4] == value[7] == "-"
            and value[10] == "T"
            and value[13] == value[16] == ":"
        ):
            text = f"{value[:10]} {value[11:19]}{value[19:26] if size == 32 else '.000000'}"
            _parse_datetime(text)  # ValueError for what is not a date and time
            return text
    parsed = dt.datetime.fromisoformat(str(value))
    if parsed.tzinfo is not None and parsed.utcoffset():
        parsed = parsed.astimezone(dt.UTC)
    return parsed.isoformat(" ", "microseconds")[:26]


def _date_text(value: Any) -> Any:
    """Date on SQLite from a JSON string (anything else: the generic path)."""
    if value is None:
        return None
    if len(value) == 10 and value[4] == value[7] == "-":  # already YYYY-MM-DD: check it only
        _parse_date(value)
        return value
    return dt.date.fromisoformat(value).isoformat()


_parse_datetime = dt.datetime.fromisoformat
_parse_date = dt.date.fromisoformat


# Values the shortcuts are checked on against the generic path when first built.
_PROBES: dict[Stored, tuple[Any, ...]] = {
    _money_text: ("12.5", "0.00", "-3.10", "1E+2", "0.0000001", 7, None),
    _utc_text: (
        "2024-02-19T16:30:00+08:00",
        "2024-02-19T08:30:00",
        "2025-01-02T03:04:05.123456+00:00",
        "2025-01-02T03:04:05+00:00",
        "2025-01-02 03:04:05+00:00",
        "2023-W01-1T09:19:00+00:00",
        "20230701T091900.000+00:00",
        "2025-01-02T03:04:05.123+00:00",
        "0999-12-31T23:59:59-05:30",
        None,
    ),
    _date_text: ("2025-06-30", "0099-01-02", "2023-W01-1", "20230701", None),
}


def _shortcut(ctype: Any, generic: Stored, dialect: Dialect) -> Stored | None:
    """A faster converter for the hot types on SQLite, if it stores what ``generic`` stores.

    Each shortcut is compared with the generic path (``from_json`` + bind processor)
    on probe values when first built, and is used only if every result is equal.
    """
    if dialect.name != "sqlite":
        return None
    fast: Stored | None = None
    if isinstance(ctype, Money):
        fast = _money_text
    elif isinstance(ctype, UTCDateTime):
        fast = _utc_text
    elif not isinstance(ctype, UTCDateTime) and _python_type(ctype) is dt.date:
        fast = _date_text
    if fast is None:
        return None
    try:
        same = all(fast(v) == generic(v) for v in _PROBES[fast])
    except (TypeError, ValueError):  # pragma: no cover - a changed column type
        same = False
    if not same:  # pragma: no cover - a changed column type or dialect format
        return None
    shortcut: Stored = lambda value: (  # noqa: E731
        generic(value) if not isinstance(value, _STR_OR_NONE) else fast(value)
    )
    _FOR_TEXT[shortcut] = fast
    return shortcut


_FOR_TEXT: dict[Stored, Stored] = {}


def for_text(convert: Stored) -> Stored:
    """``convert`` (from :func:`stored_converters`) for a value known to be a ``str``.

    The same results: a shortcut's fast path is what the shortcut itself calls
    for text; every other converter is returned as it is.
    """
    return _FOR_TEXT.get(convert, convert)


_STR_OR_NONE = (str, type(None))


def _python_type(ctype: Any) -> Any:
    try:
        return ctype.python_type
    except NotImplementedError:
        return None
