"""Pull pages without a pydantic object per change: plain JSON, new rows inserted in bulk.

A first sync pulls a million rows. Validating each change into a pydantic
``Change`` and converting it column by column cost more CPU than SQLite's own
insert. Here a page's body is parsed into plain values by the JSON parser
``PullResponse`` itself uses (``pydantic_core.from_json``: the same strings,
numbers and errors) and checked for exactly the shapes ``PullResponse``
accepts as they are (plain types, known keys); any other page is parsed and
validated by ``PullResponse`` as before, with the same result or the same
error. Rows the laptop does not have yet are inserted with one executemany
per entity and key set, values converted by the same stored-form converters
as :func:`sync.pull.apply_page` uses (``sync.values.stored_converters``), so
the stored bytes are identical; every other change of the page goes through
:func:`sync.pull.apply_page` unchanged.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from pydantic_core import from_json
from sqlalchemy import Dialect, inspect

from app.models import Base, MasterData, Synced, synced_models
from app.outbox import WorkspaceSession
from sync.protocol import Change, PullResponse
from sync.pull import _ids_sql, apply_page
from sync.values import BOOKKEEPING, Stored, for_text, passes_through, stored_converters

_MODELS: dict[str, type[Synced]] = synced_models()
_PAGE_KEYS = frozenset({"changes", "cursor", "more", "head"})
_CHANGE_KEYS = frozenset({"rev", "entity", "id", "op", "data"})
_OPS = frozenset({"upsert", "purge"})
# Rows of these always go through apply_page (a void may replace a local one: all the
# page's voids must be seen together there).
_ALWAYS_APPLIED = frozenset({"receipt_void"})


@dataclass
class RawPage:
    """A page whose body passed :func:`parse_page`'s checks: changes as plain dicts.

    Each change has exactly ``rev`` (int), ``entity`` and ``id`` (str), ``op``
    ("upsert" or "purge") and ``data`` (a dict or None): what ``Change`` holds.
    ``prepared`` is :func:`prepare`'s result once made (for one dialect).
    """

    changes: list[dict[str, Any]]
    cursor: int
    more: bool
    head: int
    prepared: Prepared | None = None


# A change that may be a new row: its place in the page, its id, the insert statement,
# and its stored values (or the error converting them). Plain tuples of plain values are
# cheaper for the cyclic garbage collector than objects, which it walked while they lived
# (300 pages of a first sync: 1.9 -> 0.8-1.3 s of collections).
_Candidate = tuple[int, str, str, "tuple[Any, ...] | Exception"]


@dataclass(frozen=True)
class Prepared:
    """The page's candidate new rows by entity, converted for ``dialect``.

    ``ids`` per entity: the candidates' ids as a JSON array (the parameter of the
    query that finds those the laptop has).
    """

    dialect: str
    by_entity: dict[str, list[_Candidate]]
    ids: dict[str, str]


def parse_page(body: bytes) -> RawPage | PullResponse:
    """The page in ``body``: a :class:`RawPage`, or the validated ``PullResponse`` otherwise.

    A body that is not exactly of the plain shape (a number where an integer is
    due, a missing or extra key, a body that is not JSON...) is handed to
    ``PullResponse.model_validate_json``: it coerces, or raises its error, as before.
    """
    try:
        page = from_json(body, cache_strings="keys")
    except ValueError:
        return PullResponse.model_validate_json(body)
    if not _plain(page):
        return PullResponse.model_validate_json(body)
    return RawPage(page["changes"], page["cursor"], page["more"], page["head"])


def with_prepared(page: RawPage | PullResponse, dialect: Dialect) -> RawPage | PullResponse:
    """``page`` with its new rows prepared (:func:`prepare`) when it is a :class:`RawPage`."""
    if isinstance(page, RawPage) and page.prepared is None:
        page.prepared = prepare(page.changes, dialect)
    return page


def _plain(page: Any) -> bool:
    """True when ``page`` is a page exactly as :class:`RawPage` describes it."""
    if (
        type(page) is not dict
        or page.keys() != _PAGE_KEYS
        or type(page["changes"]) is not list
        or type(page["cursor"]) is not int
        or type(page["more"]) is not bool
        or type(page["head"]) is not int
    ):
        return False
    keys, ops = _CHANGE_KEYS, _OPS
    for change in page["changes"]:
        if (
            type(change) is not dict
            or change.keys() != keys
            or type(change["rev"]) is not int
            or type(change["entity"]) is not str
            or type(change["id"]) is not str
            or change["op"] not in ops
            or (change["data"] is not None and type(change["data"]) is not dict)
        ):
            return False
    return True


def as_changes(changes: list[dict[str, Any]]) -> list[Change]:
    """Plain changes as ``Change`` objects (already checked: no validation needed)."""
    return [Change.model_construct(**c) for c in changes]


@dataclass(frozen=True, eq=False)  # hashed by identity: a key of the page's memos
class _Plan:
    """How rows of one entity whose JSON has one key list go into SQLite as they are.

    Columns: the JSON keys in their order, then ``server_rev`` and (master rows)
    ``sync_base``; ``typed`` are the positions whose value needs a converter.
    """

    sql: str
    typed: tuple[tuple[int, Stored, Stored], ...]  # (position, converter, its text path)
    sync_base: Stored | None


_PLANS: dict[tuple[str, tuple[str, ...], str], _Plan | None] = {}


def _plan(entity: str, keys: tuple[str, ...], dialect: Dialect) -> _Plan | None:
    """The cached plan, or None when the row needs :func:`sync.pull.apply_page`'s path.

    That is when a key is not a column or is bookkeeping (``server_rev``,
    ``sync_base``), or when a column with a Python default is missing.
    """
    cache_key = (entity, keys, dialect.name)
    if cache_key in _PLANS:
        return _PLANS[cache_key]
    model = _MODELS[entity]
    convert = stored_converters(model, dialect)
    columns = {a.key: a.columns[0] for a in inspect(model).column_attrs}
    master = issubclass(model, MasterData)
    given = {*keys, *BOOKKEEPING}
    plan = None
    if (
        "id" in keys
        and all(k in convert and k not in BOOKKEEPING for k in keys)
        and not any(c.default is not None for k, c in columns.items() if k not in given)
    ):
        quote = dialect.identifier_preparer.quote
        names = [quote(columns[k].name) for k in keys] + [quote(columns["server_rev"].name)]
        if master:
            names.append(quote(columns["sync_base"].name))
        table = quote(Base.metadata.tables[entity].name)
        typed = tuple(
            (i, convert[k], for_text(convert[k]))
            for i, k in enumerate(keys)
            if not passes_through(convert[k])
        )
        plan = _Plan(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            typed,
            convert["sync_base"] if master else None,
        )
    _PLANS[cache_key] = plan
    return plan


def prepare(changes: list[dict[str, Any]], dialect: Dialect) -> Prepared:
    """The changes that may be new rows, each with its plan and stored values.

    Those are upserts of known entities named once in the page whose ``data``
    has the change's id and a key list with a plan. A value a converter refuses
    is kept with its row: it is raised only if the row is really inserted (the
    laptop may have the row, and then ``apply_page`` decides, as before). Pure
    work on the page alone, so it can run before the page's transaction.
    """
    counts = Counter((c["entity"], c["id"]) for c in changes)
    memos: dict[_Plan, list[dict[str, Any]]] = {}
    by_entity: dict[str, list[_Candidate]] = {}
    for at, change in enumerate(changes):
        data = change["data"]
        entity = change["entity"]
        if (
            change["op"] != "upsert"
            or data is None
            or entity not in _MODELS
            or entity in _ALWAYS_APPLIED
            or counts[(entity, change["id"])] != 1
            or data.get("id") != change["id"]
        ):
            continue
        plan = _plan(entity, tuple(data), dialect)
        if plan is None:
            continue
        row: tuple[Any, ...] | Exception
        try:
            row = _row(plan, data, change["rev"], memos)
        except Exception as exc:  # raised again only if the row is inserted
            row = exc
        by_entity.setdefault(entity, []).append((at, change["id"], plan.sql, row))
    ids = {entity: json.dumps([c[1] for c in group]) for entity, group in by_entity.items()}
    return Prepared(dialect.name, by_entity, ids)


def apply_raw_page(session: WorkspaceSession, page: RawPage) -> tuple[int, int]:
    """:func:`sync.pull.apply_page` for a :class:`RawPage`; returns (applied, purged).

    Every change but the new rows named once in the page (purges, rows the
    laptop has, rows named twice, voids, unusual key sets) is applied first by
    ``apply_page``, in page order; then the new rows are inserted in bulk. The
    two parts touch different rows, so their order does not matter.
    """
    conn = session.connection()
    dialect = conn.dialect
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    prepared = page.prepared
    if prepared is None or prepared.dialect != dialect.name:
        prepared = prepare(page.changes, dialect)
    rows: dict[str, list[tuple[Any, ...]]] = {}
    taken: set[int] = set()  # places in the page
    cursor = dbapi.cursor()
    try:
        for entity, group in prepared.by_entity.items():
            ids = prepared.ids[entity]
            have = {row[0] for row in cursor.execute(_ids_sql(entity), (ids,))}
            for at, row_id, sql, row in group:
                if row_id in have:
                    continue
                if isinstance(row, Exception):
                    raise row
                rows.setdefault(sql, []).append(row)
                taken.add(at)
        if len(taken) == len(page.changes):  # a first sync's page: all new
            rest = []
        else:
            rest = [c for at, c in enumerate(page.changes) if at not in taken]
        applied, purged = apply_page(session, as_changes(rest)) if rest else (0, 0)
        for sql, values in rows.items():
            cursor.executemany(sql, values)
    finally:
        cursor.close()
    return applied + len(taken), purged


def _row(
    plan: _Plan, data: dict[str, Any], rev: int, memos: dict[_Plan, list[dict[str, Any]]]
) -> tuple[Any, ...]:
    """One row's stored values: the JSON values in key order, converted where typed.

    ``memos`` (per plan, one per typed column, for one page) hold the results for
    texts seen before: the same time or amount recurs within a row and a page.
    """
    values = [*data.values(), rev]
    plan_memos = memos.get(plan)
    if plan_memos is None:
        plan_memos = memos[plan] = [{} for _ in plan.typed]
    for (i, convert, convert_text), memo in zip(plan.typed, plan_memos, strict=True):
        value = values[i]
        if type(value) is str:  # converters are pure: an equal text gives an equal result
            stored = memo.get(value, memo)
            if stored is memo:
                stored = memo[value] = convert_text(value)
            values[i] = stored
        else:
            values[i] = convert(value)
    if plan.sync_base is not None:  # no bookkeeping keys (see _plan): the row is its base
        values.append(plan.sync_base(data))
    return tuple(values)
