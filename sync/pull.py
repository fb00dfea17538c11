"""Client pull: apply a page of server changes to the local database.

Rules per row (docs/sync-protocol.md, "Applying changes on the laptop"):
a change at or below the row's ``server_rev`` is already here and skipped;
fields with an unacknowledged local edit keep the local value (the push
settles them on the server, where conflicts are detected); every other field
takes the server's value. Master rows also move their merge base
(``sync_base``) to the server's values for the fields taken. A purge removes
the row (it left the rep's scope).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Dialect, delete, insert, inspect, select
from sqlalchemy.orm.attributes import flag_modified

from app.models import (
    Base,
    Conflict,
    MasterData,
    OutboxEntry,
    ReceiptVoid,
    Synced,
    synced_models,
)
from app.outbox import WorkspaceSession
from sync.protocol import Change
from sync.values import columns_from_json, stored_converters

ALL = "*"
# Fields the laptop owns on rows the server sends (the next receipt number to issue).
LOCAL_FIELDS: dict[str, frozenset[str]] = {"receipt_block": frozenset({"next_no"})}
_MODELS: dict[str, type[Synced]] = synced_models()


def pending_fields(session: WorkspaceSession, entity: str, entity_id: str) -> set[str]:
    """Fields of a row with local edits the server has not acknowledged yet."""
    return pending_by_row(session, [(entity, entity_id)]).get((entity, entity_id), set())


def pending_by_row(
    session: WorkspaceSession, keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], set[str]]:
    """:func:`pending_fields` of many rows at once: ``(entity, id) -> fields`` (rows with any).

    One query per 500 ids instead of one per row (an end-of-day page updates
    thousands of rows the laptop already has).
    """
    wanted = set(keys)
    ids = sorted({entity_id for _, entity_id in wanted})
    out: dict[tuple[str, str], set[str]] = {}
    for i in range(0, len(ids), 500):
        rows = session.execute(
            select(OutboxEntry.entity, OutboxEntry.entity_id, OutboxEntry.op, OutboxEntry.changed)
            .where(OutboxEntry.entity_id.in_(ids[i : i + 500]), OutboxEntry.acked_at.is_(None))
            .order_by(OutboxEntry.id)
        ).all()
        for entity, entity_id, op, changed in rows:
            if (entity, entity_id) not in wanted:
                continue
            fields = out.setdefault((entity, entity_id), set())
            if op == "insert":
                fields.add(ALL)
            fields.update(changed or [])
    return out


def apply_change(
    session: WorkspaceSession,
    change: Change,
    pending: dict[tuple[str, str], set[str]] | None = None,
) -> str:
    """Apply one change; returns 'applied', 'purged' or 'skipped'.

    ``pending`` is :func:`pending_by_row` of the page's rows when the caller read it
    for the whole page (it cannot change inside the remote transaction); without
    it the row's pending fields are read here.
    """
    model = _MODELS.get(change.entity)
    if model is None:  # a kind of row this version does not know yet
        return "skipped"
    obj = session.get(model, change.id)
    if change.op == "purge":
        if obj is None:
            return "skipped"
        session.delete(obj)
        session.execute(
            delete(Conflict).where(Conflict.entity_id == change.id, Conflict.resolved_at.is_(None))
        )
        return "purged"
    data = change.data or {}
    if obj is not None and obj.server_rev is not None and obj.server_rev >= change.rev:
        return "skipped"
    values = columns_from_json(model, data)
    if obj is None:
        obj = model(**values)
        if isinstance(obj, MasterData):
            obj.sync_base = _user_data(data)
        obj.server_rev = change.rev
        session.add(obj)
        return "applied"
    if pending is None:
        fields = pending_fields(session, change.entity, change.id)
    else:
        fields = pending.get((change.entity, change.id), set())
    keep = LOCAL_FIELDS.get(change.entity, frozenset())
    taken: dict[str, Any] = {}
    loaded = obj.__dict__
    for key, value in values.items():
        if key == "id" or key in keep or ALL in fields or key in fields:
            continue
        if key not in loaded or loaded[key] != value:  # equal: the ORM would write nothing
            setattr(obj, key, value)
        taken[key] = data.get(key)
    if isinstance(obj, MasterData):
        base = dict(obj.sync_base or {})
        base.update({k: v for k, v in _user_data(data).items() if k in taken})
        obj.sync_base = base
    obj.server_rev = change.rev
    flag_modified(obj, "updated_at")  # keep the server's (or pending local) time, no onupdate
    return "applied"


def _user_data(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in ("server_rev", "sync_base")}


def apply_page(session: WorkspaceSession, changes: list[Change]) -> tuple[int, int]:
    """Apply a page in order; returns (rows applied, rows purged).

    Rows the laptop does not have yet (nearly all of a first sync) are inserted in
    bulk, one executemany per entity, storing exactly what :func:`apply_change`
    would store one by one. Every other change goes through :func:`apply_change`,
    with the page's rows and their pending local fields read up front (one query
    per entity and per 500 ids, not one per row).
    """
    _drop_superseded_voids(session, changes)
    counts = Counter((c.entity, c.id) for c in changes)
    fresh, loaded = _new_rows(session, changes, counts)
    rest = [c for c in changes if id(c) not in fresh]
    pending = pending_by_row(session, ((c.entity, c.id) for c in rest)) if rest else {}
    applied = purged = 0
    for change in rest:
        outcome = apply_change(session, change, pending)
        applied += outcome == "applied"
        purged += outcome == "purged"
        if outcome == "purged" or counts[(change.entity, change.id)] > 1:
            session.flush()  # a later change of the page may name the same row
    session.flush()
    del loaded  # held so that the identity map kept the rows read up front
    return applied + _insert_new(session, changes, fresh), purged


def _drop_superseded_voids(session: WorkspaceSession, changes: list[Change]) -> None:
    """A receipt voided on two laptops offline: the server keeps the first void only.

    The server rejects the later void ("already voided"); a local void of the same
    receipt under another id gives way to the server's, so the receipt stays voided
    and the pull never trips over receipt_void.receipt_id being unique.
    """
    for change in changes:
        if change.entity != "receipt_void" or change.op != "upsert" or not change.data:
            continue
        receipt_id = change.data.get("receipt_id")
        session.execute(
            delete(ReceiptVoid).where(
                ReceiptVoid.receipt_id == receipt_id, ReceiptVoid.id != change.id
            )
        )


def _new_rows(
    session: WorkspaceSession, changes: list[Change], counts: Counter[tuple[str, str]]
) -> tuple[set[int], list[Synced]]:
    """ids (``id()``) of upserts of rows absent here, named once in the page.

    The rows that are here are loaded by the same queries and returned: the
    caller holds them so that :func:`apply_change`'s ``session.get`` finds them in
    the identity map instead of asking the database once per row.
    """
    groups: dict[str, list[Change]] = {}
    for change in changes:
        if (
            change.op == "upsert"
            and change.entity in _MODELS
            and counts[(change.entity, change.id)] == 1
            and (change.data or {}).get("id", change.id) == change.id
        ):
            groups.setdefault(change.entity, []).append(change)
    fresh: set[int] = set()
    loaded: list[Synced] = []
    for entity, group in groups.items():
        model = _MODELS[entity]
        ids = [c.id for c in group]
        have: set[str] = set()
        for i in range(0, len(ids), 500):
            rows = session.scalars(select(model).where(model.id.in_(ids[i : i + 500]))).all()
            loaded.extend(rows)
            have.update(r.id for r in rows)
        fresh.update(id(c) for c in group if c.id not in have)
    return fresh, loaded


@dataclass(frozen=True)
class _InsertPlan:
    """How rows of one entity with one set of JSON keys go into SQLite."""

    sql: str | None  # None: a column with a Python default is missing: insert through Core
    keys: tuple[str, ...]  # column attributes, in the statement's order
    convert: tuple[Callable[[Any], Any], ...]


_PLANS: dict[tuple[str, tuple[str, ...], str], _InsertPlan] = {}


def _plan(entity: str, data_keys: tuple[str, ...], dialect: Dialect) -> _InsertPlan:
    """The (cached) insert plan of ``entity`` rows whose JSON has ``data_keys``."""
    found = _PLANS.get((entity, data_keys, dialect.name))
    if found is not None:
        return found
    model = _MODELS[entity]
    convert = stored_converters(model, dialect)
    keys = {k for k in data_keys if k in convert} | {"id", "server_rev"}
    if issubclass(model, MasterData):
        keys.add("sync_base")
    ordered = tuple(sorted(keys))
    columns = {a.key: a.columns[0] for a in inspect(model).column_attrs}
    missing_default = any(c.default is not None for k, c in columns.items() if k not in keys)
    sql = None
    if not missing_default:
        quote = dialect.identifier_preparer.quote
        table = quote(Base.metadata.tables[entity].name)
        names = ", ".join(quote(columns[k].name) for k in ordered)
        sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(ordered))})"
    found = _PLANS[(entity, data_keys, dialect.name)] = _InsertPlan(
        sql, ordered, tuple(convert[k] for k in ordered)
    )
    return found


def _insert_new(session: WorkspaceSession, changes: list[Change], fresh: set[int]) -> int:
    """Insert the new rows of the page: one executemany per entity and set of columns.

    Values are converted straight to their stored form (``sync.values.stored_converters``:
    the column types' own bind processors) and handed to the driver, skipping
    SQLAlchemy's per-row statement work; a row lacking a column that has a Python
    default goes through Core, which fills the default in.
    """
    if not fresh:
        return 0
    conn = session.connection()
    dialect = conn.dialect
    raw: dict[str, list[tuple[Any, ...]]] = {}
    core: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = {}
    for change in changes:
        if id(change) not in fresh:
            continue
        data = change.data or {}
        plan = _plan(change.entity, tuple(data), dialect)
        if plan.sql is None:
            model = _MODELS[change.entity]
            row = columns_from_json(model, data)
            row["id"], row["server_rev"] = change.id, change.rev
            if issubclass(model, MasterData):
                row["sync_base"] = _user_data(data)
            core.setdefault((change.entity, tuple(sorted(row))), []).append(row)
            continue
        values = []
        for key, convert in zip(plan.keys, plan.convert, strict=True):
            if key == "id":
                value: Any = change.id
            elif key == "server_rev":
                value = change.rev
            elif key == "sync_base":  # only master rows have it
                value = _user_data(data)
            else:
                value = data[key]
            values.append(convert(value))
        raw.setdefault(plan.sql, []).append(tuple(values))
    if raw:
        dbapi = conn.connection.dbapi_connection
        assert dbapi is not None
        cursor = dbapi.cursor()
        try:
            for sql, rows in raw.items():
                cursor.executemany(sql, rows)
        finally:
            cursor.close()
    for (entity, _keys), dicts in core.items():
        session.execute(insert(Base.metadata.tables[entity]), dicts)
    return len(fresh)
