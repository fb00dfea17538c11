"""Bulk loads (a first sync): secondary indexes and the search index built once, at the end.

Inserted row by row, a million rows also update the 41 secondary indexes
(random keys: B-tree pages read, decrypted, dirtied and encrypted again at each
commit) and the customer search index's triggers (an FTS5 segment per commit).
:func:`defer` drops both before a bulk load; :func:`finish` builds them again
from the very SQL SQLite stored for each index (``sqlite_master``) and from the
search migration's own DDL (``create()`` of migration 0002), so the schema
after the load is the migrated schema. Primary keys and unique constraints are
never dropped: every row is still checked against them as it is inserted.

Crash safety: the drops and a marker row (``sync_state`` key ``bulk_load``,
holding the dropped SQL) commit in one transaction; the rebuild and the
marker's removal commit in another. Whenever the process dies, either the
schema is whole or the marker says what to build: ``app.db.make_engine`` calls
:func:`finish` before anything else uses the workspace.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import logging
import time
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

log = logging.getLogger(__name__)

MARKER = "bulk_load"
"""``sync_state`` key of a bulk load in progress (value: JSON of what was dropped)."""
SEARCH_TABLE = "customer"
"""The table the search index follows (migration 0002's triggers are on it)."""
_SEARCH_MIGRATION = Path(__file__).resolve().parent / "migrations" / "versions"
_SEARCH_SCRIPT = "0002_customer_search_trigram.py"
BUILD_CACHE_KIB = 262_144
"""Page cache while the indexes are built (256 MiB: the sorts stay in memory);
the connection's own size is set back afterwards."""


@functools.cache
def _search_migration() -> ModuleType:
    """Migration 0002 (the search index's DDL: the single source of its definition)."""
    path = _SEARCH_MIGRATION / _SEARCH_SCRIPT
    spec = importlib.util.spec_from_file_location("waiqin_migration_0002", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _search_triggers() -> list[str]:
    """The statements dropping the search index's triggers (not its table)."""
    drops: tuple[str, ...] = _search_migration().DROP
    return [sql for sql in drops if sql.upper().startswith("DROP TRIGGER")]


def _search_rebuild() -> list[str]:
    """Migration 0002's ``create()``: drop, create, fill the index, install its triggers."""
    module = _search_migration()
    return [*module.DROP, *module.DDL]


def _marker(raw: Any) -> dict[str, Any] | None:
    has_table = raw.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'"
    ).fetchone()
    if has_table is None:
        return None
    row = raw.execute("SELECT value FROM sync_state WHERE key = ?", (MARKER,)).fetchone()
    if row is None:
        return None
    found: dict[str, Any] = json.loads(row[0])
    return found


def pending(raw: Any) -> bool:
    """True while a bulk load has dropped indexes that are not built again yet."""
    return _marker(raw) is not None


def _secondary_indexes(raw: Any, tables: Iterable[str]) -> list[tuple[str, str]]:
    """(name, CREATE sql) of the non-unique declared indexes of ``tables``."""
    found: list[tuple[str, str]] = []
    for table in sorted(set(tables)):
        quoted = table.replace('"', '""')
        unique = {row[1]: bool(row[2]) for row in raw.execute(f'PRAGMA index_list("{quoted}")')}
        rows = raw.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL ORDER BY name",
            (table,),
        ).fetchall()
        found += [(name, sql) for name, sql in rows if not unique.get(name, True)]
    return found


def defer(raw: Any, tables: Iterable[str]) -> bool:
    """Drop the secondary indexes of ``tables`` (and the search triggers) for a bulk load.

    ``raw`` is a DB-API connection outside any transaction. Returns False when a
    bulk load is already deferred (a resumed one): nothing more is dropped.
    """
    tables = set(tables)
    raw.execute("BEGIN IMMEDIATE")
    try:
        if _marker(raw) is not None:
            raw.execute("COMMIT")
            return False
        indexes = _secondary_indexes(raw, tables)
        search = SEARCH_TABLE in tables
        for name, _sql in indexes:
            raw.execute(f'DROP INDEX "{name.replace(chr(34), chr(34) * 2)}"')
        if search:
            for sql in _search_triggers():
                raw.execute(sql)
        value = json.dumps({"indexes": [sql for _name, sql in indexes], "search": search})
        raw.execute("INSERT INTO sync_state (key, value) VALUES (?, ?)", (MARKER, value))
        raw.execute("COMMIT")
    except BaseException:
        raw.execute("ROLLBACK")
        raise
    log.info("bulk load: %d indexes deferred", len(indexes))
    return True


def finish(raw: Any) -> bool:
    """Build what a bulk load deferred, in one transaction; False when nothing was deferred.

    An error leaves everything as it was (the marker too), to be tried again.
    """
    if _marker(raw) is None:  # the common case (every open): one cheap read
        return False
    started = time.perf_counter()
    cache = raw.execute("PRAGMA cache_size").fetchone()[0]
    raw.execute(f"PRAGMA cache_size = -{BUILD_CACHE_KIB}")
    try:
        raw.execute("BEGIN IMMEDIATE")
        try:
            marker = _marker(raw)
            if marker is None:  # another connection finished it meanwhile
                raw.execute("COMMIT")
                return False
            for sql in marker["indexes"]:
                raw.execute(sql)
            if marker["search"]:
                for sql in _search_rebuild():
                    raw.execute(sql)
            raw.execute("DELETE FROM sync_state WHERE key = ?", (MARKER,))
            raw.execute("COMMIT")
        except BaseException:
            raw.execute("ROLLBACK")
            raise
    finally:
        raw.execute(f"PRAGMA cache_size = {int(cache)}")
    log.info(
        "bulk load: %d indexes built in %.1f s",
        len(marker["indexes"]),
        time.perf_counter() - started,
    )
    return True
