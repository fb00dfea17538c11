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

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Dialect, delete, insert, inspect, select
from sqlalchemy.orm.attributes import flag_modified

from app import db
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
from sync.pull_update import update_rows
from sync.values import BOOKKEEPING, columns_from_json, stored_converters

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
    for some in db.chunks(ids):
        rows = session.execute(
            select(OutboxEntry.entity, OutboxEntry.entity_id, OutboxEntry.op, OutboxEntry.changed)
            .where(OutboxEntry.entity_id.in_(some), OutboxEntry.acked_at.is_(None))
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
    return {k: v for k, v in data.items() if k not in BOOKKEEPING}


def apply_page(session: WorkspaceSession, changes: list[Change]) -> tuple[int, int]:
    """Apply a page in order; returns (rows applied, rows purged).

    Rows the laptop does not have yet (nearly all of a first sync) are inserted in
    bulk, one executemany per entity, storing exactly what :func:`apply_change`
    would store one by one. Updates of rows that are here with no pending local
    edit (nearly all of an end-of-day pull) are written in bulk too
    (:mod:`sync.pull_update`), unless the page purges rows. Every other change goes
    through :func:`apply_change`, with the page's rows and their pending local
    fields read up front (one query per entity and per 500 ids, not one per row).
    Each bulk row is named once in the page, so its place in the order cannot matter.
    """
    _drop_superseded_voids(session, changes)
    counts = Counter((c.entity, c.id) for c in changes)
    fresh, present = _new_rows(session, changes, counts)
    rest = [c for c in changes if id(c) not in fresh]
    pending = pending_by_row(session, ((c.entity, c.id) for c in rest)) if rest else {}
    bulk_applied = 0
    if not any(c.op == "purge" for c in changes):
        bulk = [c for c in rest if id(c) in present and (c.entity, c.id) not in pending]
        if bulk:
            bulk_applied, left = update_rows(session, bulk, LOCAL_FIELDS)
            done = {id(c) for c in bulk} - {id(c) for c in left}
            rest = [c for c in rest if id(c) not in done]
    loaded = _load(session, rest)
    applied = purged = 0
    for change in rest:
        outcome = apply_change(session, change, pending)
        applied += outcome == "applied"
        purged += outcome == "purged"
        if outcome == "purged" or counts[(change.entity, change.id)] > 1:
            session.flush()  # a later change of the page may name the same row
    session.flush()
    del loaded  # held so that the identity map kept the rows read up front
    return applied + bulk_applied + _insert_new(session, changes, fresh), purged


def _drop_superseded_voids(session: WorkspaceSession, changes: list[Change]) -> None:
    """A receipt voided on two laptops offline: the server keeps the first void only.

    The server rejects the later void ("already voided"); a local void of the same
    receipt under another id gives way to the server's, so the receipt stays voided
    and the pull never trips over receipt_void.receipt_id being unique.
    """
    claims: dict[Any, set[str]] = {}  # receipt id -> ids of the voids the server sends
    for change in changes:
        if change.entity == "receipt_void" and change.op == "upsert" and change.data:
            claims.setdefault(change.data.get("receipt_id"), set()).add(change.id)
    if not claims:
        return
    receipts = list(claims)
    doomed: list[str] = []
    for some in db.chunks(receipts):
        rows = session.execute(
            select(ReceiptVoid.id, ReceiptVoid.receipt_id).where(ReceiptVoid.receipt_id.in_(some))
        ).all()
        # Each void of the page drops the local voids of its receipt with another id.
        doomed += [vid for vid, rid in rows if claims[rid] != {vid}]
    if doomed:
        session.execute(delete(ReceiptVoid).where(ReceiptVoid.id.in_(doomed)))


def _new_rows(
    session: WorkspaceSession, changes: list[Change], counts: Counter[tuple[str, str]]
) -> tuple[set[int], set[int]]:
    """ids (``id()``) of upserts named once in the page: of rows absent here, of rows here."""
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
    present: set[int] = set()
    for entity, group in groups.items():
        # ids first (in a first sync, nearly none is here): one JSON parameter per page,
        # a primary-key probe per id inside SQLite.
        ids = json.dumps([c.id for c in group])
        have = {row[0] for row in session.connection().exec_driver_sql(_ids_sql(entity), (ids,))}
        for c in group:
            (present if c.id in have else fresh).add(id(c))
    return fresh, present


def _load(session: WorkspaceSession, changes: list[Change]) -> list[Synced]:
    """The rows ``changes`` name, loaded (``db.load_by_ids``) and returned to be held."""
    ids: dict[str, list[str]] = {}
    for change in changes:
        if change.entity in _MODELS:
            ids.setdefault(change.entity, []).append(change.id)
    loaded: list[Synced] = []
    for entity, wanted in ids.items():
        loaded += db.load_by_ids(session, _MODELS[entity], wanted)
    return loaded


_IDS: dict[str, str] = {}


def _ids_sql(entity: str) -> str:
    """``SELECT id FROM entity WHERE id IN`` the ids of a JSON array (built once per table)."""
    found = _IDS.get(entity)
    if found is None:
        table = Base.metadata.tables[entity]
        found = _IDS[entity] = (
            f'SELECT "{table.c.id.name}" FROM "{table.name}" '
            f'WHERE "{table.c.id.name}" IN (SELECT value FROM json_each(?))'
        )
    return found


@dataclass(frozen=True)
class _InsertPlan:
    """How rows of one entity with one set of JSON keys go into SQLite.

    Columns are the row's JSON keys that are columns (in JSON order, each with its
    stored-form converter), then ``id``, ``server_rev`` and, for master rows,
    ``sync_base``.
    """

    sql: str | None  # None: a column with a Python default is missing: insert through Core
    data: tuple[tuple[str, Callable[[Any], Any]], ...]
    sync_base: Callable[[Any], Any] | None


_PLANS: dict[tuple[str, tuple[str, ...], str], _InsertPlan] = {}
_FIXED = frozenset({"id", *BOOKKEEPING})


def _plan(entity: str, data_keys: tuple[str, ...], dialect: Dialect) -> _InsertPlan:
    """The (cached) insert plan of ``entity`` rows whose JSON has ``data_keys``."""
    found = _PLANS.get((entity, data_keys, dialect.name))
    if found is not None:
        return found
    model = _MODELS[entity]
    convert = stored_converters(model, dialect)
    keys = [k for k in data_keys if k in convert and k not in _FIXED]
    fixed = ["id", "server_rev"]
    master = issubclass(model, MasterData)
    if master:
        fixed.append("sync_base")
    columns = {a.key: a.columns[0] for a in inspect(model).column_attrs}
    given = {*keys, *fixed}
    missing_default = any(c.default is not None for k, c in columns.items() if k not in given)
    sql = None
    if not missing_default:
        quote = dialect.identifier_preparer.quote
        table = quote(Base.metadata.tables[entity].name)
        names = ", ".join(quote(columns[k].name) for k in [*keys, *fixed])
        marks = ", ".join("?" * (len(keys) + len(fixed)))
        sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"
    found = _PLANS[(entity, data_keys, dialect.name)] = _InsertPlan(
        sql,
        tuple((k, convert[k]) for k in keys),
        convert["sync_base"] if master else None,
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
        values = [convert(data[key]) for key, convert in plan.data]
        values += (change.id, change.rev)
        if plan.sync_base is not None:
            values.append(plan.sync_base(_user_data(data)))
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
