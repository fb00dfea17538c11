"""End-of-day sync of a laptop that is already in sync (after the first-sync figure).

Each round: 500 local edits (customers' notes, through the outbox, in small
transactions like a day of work) and 2,000 server changes to other customers
(written into the server database with new revisions, as other users' edits
would be), then one timed ``SyncEngine.run()``. Then syncs with nothing to do.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import select

from app import db
from app.models import Customer
from app.workspace import Workspace
from bench.common import Context, Result, below, info, median
from bench.figures.firstsync import first_sync, server_copy
from sync.client import SyncEngine
from sync.server.db import Database
from sync.server.models import Record
from sync.server.records import put

ROUNDS = 3
IDLE_RUNS = 7
LOCAL, REMOTE = 500, 2000


def laptop(ctx: Context) -> Any:
    """The synced laptop and server of the first-sync figure (made here when absent)."""
    if "laptop" not in ctx.extras:
        ctx.log("   (no first-sync laptop yet: syncing one, untimed)")
        ws = first_sync(ctx, server_copy(ctx, "dailysync"), ctx.work / "laptop")[2]
        ctx.extras["laptop"] = ws
    return ctx.extras["laptop"], ctx.extras["server"]


def local_edits(ws: Workspace, ids: list[str], tag: str) -> None:
    """Edit ``ids`` on the laptop, 25 per transaction."""
    for i in range(0, len(ids), 25):
        with db.transaction(ws.sessions) as s:
            for c in s.scalars(select(Customer).where(Customer.id.in_(ids[i : i + 25]))):
                c.notes = f"visit notes {tag}"


def server_edits(url: str, ids: list[str], tag: str) -> None:
    """Change ``ids`` on the server, each with a new revision."""
    server = Database(url)
    try:
        with server.write() as s:
            for rid in ids:
                record = s.get(Record, ("customer", rid))
                assert record is not None
                put(s, "customer", rid, {**record.data, "address": f"新地址 {tag}"})
    finally:
        server.dispose()


def run(ctx: Context) -> list[Result]:
    """Median of a few end-of-day rounds, then of idle syncs."""
    ws, srv = laptop(ctx)
    with ws.sessions() as s:
        ids = list(s.scalars(select(Customer.id).order_by(Customer.code)))
    local = min(LOCAL, len(ids) // (ROUNDS * 5))  # smaller scales: fewer customers
    remote = min(REMOTE, 4 * local)
    times: list[float] = []
    pushed = pulled = 0
    for r in range(ROUNDS):
        span = ids[r * (local + remote) : (r + 1) * (local + remote)]
        local_edits(ws, span[:local], f"r{r}")
        server_edits(srv.db_url, span[local:], f"r{r}")
        t = time.perf_counter()
        report = SyncEngine(ws).run()
        times.append(time.perf_counter() - t)
        pushed, pulled = report.pushed, report.pulled
    idle: list[float] = []
    for _ in range(IDLE_RUNS):
        t = time.perf_counter()
        report = SyncEngine(ws).run()
        idle.append(time.perf_counter() - t)
        assert report.pushed == 0 and report.pulled == 0, report
    return [
        below(
            "end-of-day sync",
            median(times),
            "s",
            2,
            f"{pushed} up, {pulled} down; median of {ROUNDS}",
        ),
        below("sync, nothing changed", median(idle) * 1000, "ms", 100, f"median of {IDLE_RUNS}"),
        info("end-of-day sync worst", max(times), "s"),
    ]
