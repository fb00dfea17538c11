"""Pulled updates of rows the laptop already has, written in bulk (an end-of-day page).

The row-by-row path (:func:`sync.pull.apply_change`) loads each row as an ORM
object, merges the change field by field and flushes one UPDATE per row: about
half a millisecond per row, most of an end-of-day pull of a few thousand edits
made by others. For a row with no unacknowledged local edit (nearly every one)
the outcome is simple: every column the change carries takes the server's value
(but the fields the laptop owns, ``LOCAL_FIELDS``), ``server_rev`` becomes the
change's, and a master row's merge base takes the server's values of the same
fields. This module computes that from the stored row and writes it with one
executemany per table and set of changed columns. It writes exactly what the
ORM would write, byte for byte: the columns whose value changed (compared as the
ORM compares them: as Python values, so ``12.50`` and ``12.5`` are one amount),
``server_rev``, and the merge base when it changed. Tests compare both paths on
every column of every table.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, inspect

from app.models import Base, MasterData, Synced, synced_models
from app.models.base import Money
from app.outbox import WorkspaceSession
from sync.protocol import Change
from sync.values import BOOKKEEPING, Stored, stored_converters

_MODELS: dict[str, type[Synced]] = synced_models()
_SKIP = frozenset({"id", *BOOKKEEPING})  # never taken from a change's data
Same = Callable[[Any, Any], bool]


def _same_money(old: Any, new: Any) -> bool:
    if old is None or new is None:
        return old is new
    return bool(Decimal(old) == Decimal(new))


def _same_json(old: Any, new: Any) -> bool:
    return bool(_load_json(old) == _load_json(new))


def _load_json(stored: Any) -> Any:
    return None if stored is None else json.loads(stored)


def _same(old: Any, new: Any) -> bool:
    return bool(old == new)


@dataclass(frozen=True)
class _Table:
    """How the stored rows of one synced table are read, compared and updated."""

    name: str  # quoted
    keys: tuple[str, ...]  # attribute keys in the order of ``select``: id, server_rev, ...
    quoted: dict[str, str]  # attribute key -> quoted column name
    convert: dict[str, Stored]  # JSON wire value -> stored form
    same: dict[str, Same]  # two stored values equal as the ORM compares them
    select: str
    master: bool


_TABLES: dict[str, _Table] = {}


def _table(entity: str, session: WorkspaceSession) -> _Table:
    found = _TABLES.get(entity)
    if found is not None:
        return found
    model = _MODELS[entity]
    dialect = session.get_bind().dialect
    quote = dialect.identifier_preparer.quote
    attrs = {a.key: a.columns[0] for a in inspect(model).column_attrs}
    keys = ("id", "server_rev", *(k for k in attrs if k not in ("id", "server_rev")))
    quoted = {k: quote(attrs[k].name) for k in keys}
    same: dict[str, Same] = {}
    for key, column in attrs.items():
        if isinstance(column.type, Money):
            same[key] = _same_money
        elif isinstance(column.type, JSON):
            same[key] = _same_json
        else:
            same[key] = _same
    name = quote(Base.metadata.tables[entity].name)
    found = _TABLES[entity] = _Table(
        name=name,
        keys=keys,
        quoted=quoted,
        convert=stored_converters(model, dialect),
        same=same,
        select=(
            f"SELECT {', '.join(quoted[k] for k in keys)} FROM {name} "
            f"WHERE {quoted['id']} IN (SELECT value FROM json_each(?))"
        ),
        master=issubclass(model, MasterData),
    )
    return found


def update_rows(
    session: WorkspaceSession,
    changes: list[Change],
    local_fields: Mapping[str, frozenset[str]],
) -> tuple[int, list[Change]]:
    """Apply upserts of rows that are here and have no pending local edit.

    Each row must be named once in ``changes``; the caller checked both. Returns
    (rows applied, changes left for the row-by-row path: rows no longer here).
    A change at or below the row's ``server_rev`` is skipped, as row by row.
    """
    if session.get_bind().dialect.name != "sqlite":  # stored forms below are SQLite's
        return 0, changes
    by_entity: dict[str, list[Change]] = {}
    for change in changes:
        by_entity.setdefault(change.entity, []).append(change)
    dbapi = session.connection().connection.dbapi_connection
    assert dbapi is not None
    cursor = dbapi.cursor()
    applied = 0
    left: list[Change] = []
    try:
        for entity, group in by_entity.items():
            table = _table(entity, session)
            cursor.execute(table.select, (json.dumps([c.id for c in group]),))
            stored = {row[0]: row for row in cursor.fetchall()}
            updates: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
            keep = local_fields.get(entity, frozenset())
            for change in group:
                row = stored.get(change.id)
                if row is None:
                    left.append(change)
                    continue
                if row[1] is not None and row[1] >= change.rev:
                    continue  # already here
                changed = _changed(table, dict(zip(table.keys, row, strict=True)), change, keep)
                updates.setdefault(tuple(changed), []).append((*changed.values(), change.id))
                applied += 1
            for keys, rows in updates.items():
                sets = ", ".join(f"{table.quoted[k]} = ?" for k in keys)
                cursor.executemany(
                    f"UPDATE {table.name} SET {sets} WHERE {table.quoted['id']} = ?", rows
                )
    finally:
        cursor.close()
    return applied, left


def _changed(
    table: _Table, old: dict[str, Any], change: Change, keep: frozenset[str]
) -> dict[str, Any]:
    """Stored values to write for one change: the columns that change, then the bookkeeping."""
    data = change.data or {}
    out: dict[str, Any] = {}
    taken: list[str] = []
    convert, same = table.convert, table.same
    for key, value in data.items():
        if key in _SKIP or key in keep or key not in convert:
            continue
        new = convert[key](value)
        if not same[key](old[key], new):
            out[key] = new
        taken.append(key)
    out["server_rev"] = change.rev
    if table.master:
        before = _load_json(old["sync_base"])
        # (row by row, a sync_base sent in the data is set first, then merged into)
        base = dict(data.get("sync_base", before) or {})
        base.update({k: data[k] for k in taken})
        if base != before:
            out["sync_base"] = convert["sync_base"](base)
    return out
