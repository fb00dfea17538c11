"""First sync of a new laptop against a real server on loopback, beside its floor.

The server (``waiqin-server serve`` over a copy of the cached SQLite server
database) holds the whole company; a fresh encrypted workspace logs in and runs
``SyncEngine.run()``. The floor is the same rows, as JSON pages, decoded,
converted to their stored form (the column types' own bind processors) and
inserted with the driver's executemany into another fresh encrypted workspace,
one transaction per page: what any client must at least do. It uses every
favourable setting the client uses: the client's page size and its pull
transactions' ``synchronous = NORMAL``, and, like the client's first sync
(``app.bulk_load``), the secondary indexes and the search triggers dropped
before the load and built at its end, the build counted in its time. Both
are measured in this run; the ratio is end-to-end / floor.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
import shutil
import sqlite3
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from app import bulk_load
from app.models import MasterData, synced_models
from app.models.base import Money, UTCDateTime
from app.workspace import Workspace, create_workspace
from bench.common import PASSPHRASE, PASSWORD, REP, Context, Result, at_least, below, info
from bench.server import ServerProcess
from sync.client import SyncEngine, login

# The client's page size (its default): the floor gets the same round trips and commits.
PAGE: int = inspect.signature(SyncEngine).parameters["page_size"].default


def server_copy(ctx: Context, name: str) -> Path:
    """A private copy of the cached server database."""
    dst = ctx.work / f"{name}.db"
    shutil.copyfile(ctx.extras["data"] / "server.db", dst)
    return dst


def first_sync(ctx: Context, server_db: Path, laptop: Path) -> tuple[float, int, Workspace]:
    """Start a server, log a new laptop in, time its first full sync."""
    srv = ServerProcess(f"sqlite:///{server_db}").start()
    ctx.extras["server"] = srv
    ctx.cleanups.append(srv.stop)
    ws = create_workspace(laptop, PASSPHRASE)
    ctx.cleanups.append(ws.close)
    login(ws, srv.url, REP, PASSWORD)
    t = time.perf_counter()
    report = SyncEngine(ws).run()
    return time.perf_counter() - t, report.pulled, ws


def json_pages(server_db: Path) -> list[str]:
    """The records of the server database as JSON pages of changes, in rev order."""
    conn = sqlite3.connect(server_db)
    try:
        rows = conn.execute(
            "SELECT entity, id, rev, data FROM record WHERE owner = ? OR owner IS NULL "
            "ORDER BY rev",
            (REP,),
        ).fetchall()
    finally:
        conn.close()
    pages = []
    for i in range(0, len(rows), PAGE):
        items = [
            f'{{"entity":"{e}","id":"{rid}","rev":{rev},"data":{data}}}'
            for e, rid, rev, data in rows[i : i + PAGE]
        ]
        pages.append("[" + ",".join(items) + "]")
    return pages


def _converter(column: Any) -> Callable[[Any], Any]:
    ctype = column.type
    if isinstance(ctype, Money):
        return lambda v: None if v is None else Decimal(v)
    if isinstance(ctype, UTCDateTime):
        return lambda v: None if v is None else dt.datetime.fromisoformat(v)
    try:
        ptype = ctype.python_type
    except NotImplementedError:
        return lambda v: v
    if ptype is dt.date:
        return lambda v: None if v is None else dt.date.fromisoformat(v)
    if ptype is dt.time:
        return lambda v: None if v is None else dt.time.fromisoformat(v)
    return lambda v: v


def _stored(column: Any, dialect: Any) -> Callable[[Any], Any]:
    """JSON value -> what SQLite stores for ``column`` (its type's bind processor)."""
    to_python = _converter(column)
    process = column.type._cached_bind_processor(dialect)
    if process is None:
        return to_python
    return lambda v: process(to_python(v))


def floor(pages: list[str], laptop: Path) -> tuple[float, int]:
    """Decode the pages and insert them with executemany, one transaction per page."""
    ws = create_workspace(laptop, PASSPHRASE)
    models = synced_models()
    dialect = ws.engine.dialect
    convert = {
        name: {c.key: _stored(c, dialect) for c in model.__table__.columns}
        for name, model in models.items()
    }
    statements: dict[tuple[str, tuple[str, ...]], str] = {}
    rows = 0
    conn = ws.engine.connect()
    raw = conn.connection.dbapi_connection
    raw.execute("PRAGMA foreign_keys = OFF")  # as sync.local does
    raw.execute("PRAGMA synchronous = NORMAL")  # as the client's pull transactions do
    t = time.perf_counter()
    bulk_load.defer(raw, models)  # as the client's first sync does
    for text in pages:
        by_sql: dict[str, list[tuple[Any, ...]]] = {}
        for change in json.loads(text):
            entity = change["entity"]
            conv = convert[entity]
            data = change["data"]
            keys = tuple(data)
            values = [conv[k](v) for k, v in data.items()]
            values.append(change["rev"])
            if issubclass(models[entity], MasterData):
                values.append(conv["sync_base"](data))
            sql = statements.get((entity, keys))
            if sql is None:
                names = [*keys, "server_rev"]
                if issubclass(models[entity], MasterData):
                    names.append("sync_base")
                columns = ", ".join(f'"{n}"' for n in names)
                sql = statements[(entity, keys)] = (
                    f'INSERT INTO "{entity}" ({columns}) VALUES ({", ".join("?" * len(names))})'
                )
            by_sql.setdefault(sql, []).append(tuple(values))
        with conn.begin():
            cursor = raw.cursor()
            for sql, values_list in by_sql.items():
                cursor.executemany(sql, values_list)
                rows += len(values_list)
            cursor.close()
    bulk_load.finish(raw)
    seconds = time.perf_counter() - t
    raw.execute("PRAGMA synchronous = FULL")
    conn.close()
    ws.close()
    return seconds, rows


def run(ctx: Context) -> list[Result]:
    """Floor first (while nothing else runs), then the real first sync."""
    server_db = server_copy(ctx, "firstsync")
    pages = json_pages(server_db)
    floor_s, floor_rows = floor(pages, ctx.work / "floor-laptop")
    del pages
    seconds, pulled, ws = first_sync(ctx, server_db, ctx.work / "laptop")
    ctx.extras["laptop"] = ws
    rate = pulled / seconds
    floor_rate = floor_rows / floor_s
    ratio = seconds / floor_s if floor_s else 0.0
    return [
        at_least("first sync rate", rate, "rows/s", 20_000, f"{pulled:,} rows in {seconds:.1f} s"),
        below("first sync / floor", ratio, "x", 3, "same rows, same run"),
        info("floor rate", floor_rate, "rows/s", f"{floor_rows:,} rows in {floor_s:.1f} s"),
    ]
