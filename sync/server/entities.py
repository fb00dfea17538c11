"""What the server knows about each synced entity: kind, columns, scope, value checks.

The entity registry is the shared model schema (``app.models``): the laptop and
the server agree on table names, columns and kinds (reference, master, draft,
fact). Only the schema is used here; the server keeps rows as JSON records.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy import inspect as sa_inspect

from app.models import Synced, synced_models
from app.models.base import Money, UTCDateTime
from app.serialize import BOOKKEEPING

ENTITIES: dict[str, type[Synced]] = synced_models()

# Reference rows visible to every user of the territory (owner NULL on the server).
CATALOG = frozenset({"product", "price_band", "promotion", "tax_rate", "company_profile"})
# Children whose customer is found through a parent record: entity -> (parent, column).
PARENTS: dict[str, tuple[str, str]] = {
    "order_line": ("order_draft", "order_id"),
    "quote_line": ("quote", "quote_id"),
    "receipt_void": ("receipt", "receipt_id"),
    "visit_note": ("visit", "visit_id"),
}
# Rows that belong to the rep who made them even when they name a customer.
REP_CONTAINED: dict[str, tuple[str, str]] = {"visit_plan_stop": ("visit_plan", "plan_id")}
# Columns that fix a row's scope: never changed by an update.
SCOPE_COLUMNS = frozenset(
    {"customer_id", "order_id", "quote_id", "receipt_id", "visit_id", "plan_id", "owner"}
)
# Columns the server owns; a rep's push never changes them.
SERVER_OWNED: dict[str, frozenset[str]] = {
    "order_draft": frozenset({"server_number", "reject_reason"}),
}
# Bookkeeping never compared nor merged as user data.
NOT_USER_DATA = frozenset({"id", "created_at", "updated_at", "deleted_at"}) | BOOKKEEPING


def kind(entity: str) -> str:
    """The sync kind of an entity: reference, master, draft, fact or local."""
    return ENTITIES[entity].__sync_kind__


def columns(entity: str) -> dict[str, Any]:
    """Column objects of an entity by attribute key (bookkeeping excluded)."""
    mapper = sa_inspect(ENTITIES[entity])
    return {
        attr.key: attr.columns[0] for attr in mapper.column_attrs if attr.key not in BOOKKEEPING
    }


def user_fields(entity: str) -> list[str]:
    """Columns that hold user data (what merges and comparisons look at)."""
    return [k for k in columns(entity) if k not in NOT_USER_DATA]


def _check_value(column: Any, value: Any) -> str | None:
    """None when ``value`` is acceptable JSON for ``column``; else what is wrong."""
    ctype = column.type
    if value is None:
        return None if column.nullable else "must not be empty"
    if isinstance(ctype, Money):
        if isinstance(value, bool) or not isinstance(value, str | int):
            return "must be a decimal number written as text"
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            return "must be a decimal number"
        return None if number.is_finite() else "must be a finite number"
    if isinstance(ctype, UTCDateTime):
        return _check_iso(value, dt.datetime.fromisoformat)
    if isinstance(ctype, Boolean):
        return None if isinstance(value, bool) else "must be true or false"
    if isinstance(ctype, Integer):
        return (
            None if isinstance(value, int) and not isinstance(value, bool) else "must be a number"
        )
    if isinstance(ctype, String | Text):
        if not isinstance(value, str):
            return "must be text"
        length = getattr(ctype, "length", None)
        return "is too long" if length and len(value) > length else None
    try:
        ptype = ctype.python_type
    except NotImplementedError:
        return None
    if ptype is dt.date:
        return _check_iso(value, dt.date.fromisoformat)
    if ptype is dt.time:
        return _check_iso(value, dt.time.fromisoformat)
    return None


def _check_iso(value: Any, parse: Any) -> str | None:
    if not isinstance(value, str):
        return "must be an ISO date/time text"
    try:
        parse(value)
    except ValueError:
        return "must be an ISO date/time text"
    return None


def validate_row(entity: str, data: dict[str, Any], *, insert: bool) -> str | None:
    """None when the row is well-formed for ``entity``; else one readable problem."""
    cols = columns(entity)
    for key in data:
        if key not in cols:
            return f"unknown field {key!r}"
    for key, column in cols.items():
        if key not in data:
            if insert and not column.nullable and column.default is None and key != "id":
                return f"field {key!r} is missing"
            continue
        problem = _check_value(column, data[key])
        if problem:
            return f"field {key!r} {problem}"
    return None


def same(entity: str, key: str, a: Any, b: Any) -> bool:
    """Equal as values of the column (``"1.0"`` equals ``"1.00"`` for money)."""
    if a == b:
        return True
    if a is None or b is None:
        return False
    column = columns(entity).get(key)
    if column is not None and isinstance(column.type, Money):
        try:
            return Decimal(str(a)) == Decimal(str(b))
        except InvalidOperation:
            return False
    if column is not None and isinstance(column.type, UTCDateTime):
        try:
            return bool(_utc(a) == _utc(b))
        except (TypeError, ValueError):
            return False
    return False


def _utc(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def new_row(entity: str, row_id: str, now: dt.datetime, **fields: Any) -> dict[str, Any]:
    """A complete JSON row made by the server (every column present)."""
    data: dict[str, Any] = {}
    for key, column in columns(entity).items():
        default = column.default
        data[key] = default.arg if default is not None and default.is_scalar else None
    data.update(id=row_id, created_at=now.isoformat(), updated_at=now.isoformat())
    data.update(fields)
    return data
