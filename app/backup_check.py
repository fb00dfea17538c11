"""``PRAGMA integrity_check`` of a backup, split over two connections (two cores).

SQLite runs one ``integrity_check`` on one core: about 10 s for the
1,000,000-row workspace. Its work splits into two parts (SQLite's pragma.c):

* one pass over the whole file (``OP_IntegrityCk`` with every b-tree root):
  every b-tree page read, decrypted and authenticated by SQLCipher, each
  b-tree well formed, every page of the file used exactly once (none lost,
  none shared by two b-trees, the freelist sound), index entry counts; then
  per row the record format, column types, NOT NULL and CHECK constraints.
  ``PRAGMA quick_check`` runs exactly this;
* per table: each row looked up in each of its indexes, UNIQUE, the order of
  WITHOUT ROWID tables, virtual tables' own check (FTS5). ``PRAGMA
  integrity_check(TABLE)`` runs this for one table, after a pass over that
  table's own b-trees (not the file-wide page accounting).

:func:`integrity_problems` runs ``quick_check`` and ``integrity_check(T)`` for
every table T as work items on ``WORKERS`` connections (threads: SQLite
releases the GIL), biggest first: together they run every test of
``integrity_check``, each table's b-trees twice. Measured on the
1,000,000-row workspace (115,000 pages; CPU on a loaded machine):
``integrity_check`` reads 230,000 pages, 7.8 s; ``quick_check`` 192,000
pages, 3.3 s, plus every table 125,000 pages, 5.3 s: about 8.5 s in all,
4.3 s per core. Most of a page read is the system call, HMAC-SHA512 and AES.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.backup_files import open_keyed

WORKERS = 2
TABLE_CACHE_KIB = 65_536
"""Page cache while checking one table (64 MiB, given back when the check ends).

``integrity_check(T)`` walks T's b-trees, then reads every row again and looks
it up in each index: with T's pages still cached, each page is read and
decrypted once. Page reads of all tables on the 1,000,000-row workspace
(115,000 pages): 161,000 with 32 MiB, 125,000 with 64 MiB, 115,000 with 96 MiB.
"""
QUICK_CACHE_KIB = 16_384
"""Page cache for ``quick_check``: it reads 192,000 pages whatever the cache (8-128 MiB)."""
MAX_ERRORS = 20
QUICK = ""
"""The work item that stands for ``PRAGMA quick_check`` (a table name is never empty)."""


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def connect(db_path: Path, key: bytes, stop: Callable[[], bool]) -> Any:
    """A read-only keyed connection for checking: bigger cache, interruptible by ``stop``."""
    conn = open_keyed(db_path, key, readonly=True, any_thread=True)
    conn.execute(f"PRAGMA cache_size = -{QUICK_CACHE_KIB}")
    conn.set_progress_handler(lambda: 1 if stop() else 0, 20000)
    return conn


def work_items(conn: Any, weights: dict[str, int]) -> list[str]:
    """``quick_check`` first, then every table, heaviest first (rows x (indexes + 1))."""
    tables = [
        str(r[0])
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    ]
    indexes: dict[str, int] = {}
    for (table,) in conn.execute("SELECT tbl_name FROM sqlite_master WHERE type = 'index'"):
        indexes[str(table)] = indexes.get(str(table), 0) + 1
    tables.sort(key=lambda t: -int(weights.get(t, 0)) * (indexes.get(t, 0) + 1))
    return [QUICK, *tables]


def run_item(conn: Any, item: str) -> list[str]:
    """The rows of one work item that are not 'ok' (empty list: no problem)."""
    if item == QUICK:
        conn.execute(f"PRAGMA cache_size = -{QUICK_CACHE_KIB}")
        sql = f"PRAGMA quick_check({MAX_ERRORS})"
    else:
        conn.execute(f"PRAGMA cache_size = -{TABLE_CACHE_KIB}")
        sql = f"PRAGMA integrity_check({_q(item)})"
    return [str(r[0]) for r in conn.execute(sql) if str(r[0]) != "ok"]


def integrity_problems(
    db_path: Path,
    key: bytes,
    first: Any,
    weights: dict[str, int],
    stop: Callable[[], bool],
    also: Callable[[Any], object] | None = None,
) -> list[str]:
    """Every test of ``PRAGMA integrity_check`` on ``WORKERS`` connections: the failures.

    ``first`` is an open connection from :func:`connect` (used as one worker);
    the others are opened here. ``also(conn)`` runs as a last work item (the
    manifest's facts). Raises what SQLite raised (interrupted by ``stop``,
    file not a database, ...) once every worker has stopped.
    """
    items: list[str | None] = [*work_items(first, weights), None]
    lock = threading.Lock()
    failures: list[str] = []
    errors: list[BaseException] = []

    def take() -> tuple[bool, str | None]:
        with lock:
            if errors or not items:
                return False, None
            return True, items.pop(0)

    def work(conn: Any) -> None:
        try:
            while True:
                more, item = take()
                if not more:
                    break
                if item is None:
                    if also is not None:
                        also(conn)
                    continue
                found = run_item(conn, item)
                with lock:
                    failures.extend(found)
        except BaseException as exc:  # handed to the caller below
            with lock:
                errors.append(exc)
            for other in conns:  # the first error stops the other workers too
                if other is not conn:
                    other.interrupt()

    conns: list[Any] = [first]
    threads: list[threading.Thread] = []
    try:
        for _ in range(WORKERS - 1):
            conn = connect(db_path, key, stop)
            conns.append(conn)
            threads.append(threading.Thread(target=work, args=(conn,), name="backup-check"))
        for t in threads:
            t.start()
        work(first)
    finally:
        for t in threads:
            t.join()
        for conn in conns[1:]:
            conn.close()
    if errors:
        raise errors[0]
    return failures[:MAX_ERRORS]
