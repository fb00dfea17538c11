"""Backup figures: time to back up, verify and restore a big workspace.

A workspace with 100,000 customers (app.seed) and a year of visits, orders and
receipts (the seed's month of activity, replicated eleven times further back
with fresh ids), plus some unsynced edits. While the backup runs, a writer
thread keeps committing small transactions and the longest wait is reported:
the backup must never block the window.

    .venv/bin/python bench/backup_bench.py [--customers 100000] [--dir DIR] [--keep]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("WAIQIN_NO_KEYRING", "1")

from app.backup import create_backup, verify_backup
from app.backup_restore import restore_to_new
from app.db import connect_raw, transaction
from app.models import Customer
from app.seed import seed
from app.workspace import Workspace, create_workspace

PASSPHRASE = "bench-passphrase-1"
ACTIVITY = (
    "visit_plan",
    "visit_plan_stop",
    "visit",
    "visit_note",
    "follow_up_task",
    "complaint",
    "quote",
    "quote_line",
    "order_draft",
    "order_line",
    "receivable",
    "receipt",
    "receipt_void",
)


def _unique_columns(conn: Any, table: str) -> set[str]:
    cols: set[str] = set()
    for idx in conn.execute(f'PRAGMA index_list("{table}")').fetchall():
        if idx[2]:  # unique
            cols |= {r[2] for r in conn.execute(f'PRAGMA index_info("{idx[1]}")')}
    return cols


def replicate_year(ws: Workspace, months: int = 11) -> None:
    """Copy the seeded month of activity ``months`` times, each a month further back."""
    conn = connect_raw(ws.db_path, ws.key)
    try:
        conn.isolation_level = None
        conn.execute("BEGIN")
        tables = [
            t
            for t in ACTIVITY
            if conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (t,)
            ).fetchone()
        ]
        for k in range(1, months + 1):
            for table in tables:
                cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
                types = {r[1]: r[2].upper() for r in conn.execute(f'PRAGMA table_info("{table}")')}
                fks = {r[3]: r[2] for r in conn.execute(f'PRAGMA foreign_key_list("{table}")')}
                unique = _unique_columns(conn, table)
                exprs = []
                for c in cols:
                    if c == "id" or (c in fks and fks[c] in tables):
                        exprs.append(f"\"{c}\" || '-m{k}'")
                    elif c in unique and types[c] == "DATE":
                        exprs.append(f"date(\"{c}\", '-{31 * k} days')")
                    elif c in unique:
                        exprs.append(f"\"{c}\" || '-m{k}'")
                    else:
                        exprs.append(f'"{c}"')
                col_list = ", ".join(f'"{c}"' for c in cols)
                conn.execute(
                    f'INSERT INTO "{table}" ({col_list}) SELECT {", ".join(exprs)} '
                    f"FROM \"{table}\" WHERE id NOT LIKE '%-m%'"
                )
        conn.execute("COMMIT")
    finally:
        conn.close()


def local_edits(ws: Workspace, n: int) -> None:
    """Unsynced edits (outbox rows) like a day offline."""
    with transaction(ws.sessions) as s:
        for c in s.query(Customer).limit(n):
            c.notes = "bench edit"


class Writer(threading.Thread):
    """Commits tiny transactions in a loop and records the longest one."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__(daemon=True)
        self.ws = ws
        self.stop = threading.Event()
        self.longest = 0.0
        self.commits = 0

    def run(self) -> None:
        i = 0
        while not self.stop.is_set():
            t = time.perf_counter()
            self.ws.set_state("bench_tick", str(i))
            self.longest = max(self.longest, time.perf_counter() - t)
            self.commits += 1
            i += 1
            time.sleep(0.005)


def counts(ws: Workspace) -> dict[str, int]:
    """Rows per table."""
    conn = connect_raw(ws.db_path, ws.key)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def main() -> int:
    """Seed (or reuse) the big workspace and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=None, help="work folder (default: temp)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    root = args.dir or Path(tempfile.mkdtemp(prefix="waiqin-backup-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        t = time.perf_counter()
        ws = create_workspace(root / "ws", PASSPHRASE)
        seed(ws, customers=args.customers, products=500, seed=1)
        replicate_year(ws)
        local_edits(ws, 300)
        print(f"seeded in {time.perf_counter() - t:.1f} s")
        c = counts(ws)
        for table in ("customer", "contact", "visit", "order_draft", "order_line", "receipt"):
            print(f"  {table:<14} {c.get(table, 0):>9,}")
        print(f"  {'all rows':<14} {sum(c.values()):>9,}")
        with ws.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        print(f"database size    {ws.db_path.stat().st_size / 2**20:.1f} MiB")

        writer = Writer(ws)
        writer.start()
        t = time.perf_counter()
        result = create_backup(ws, use_mirror=False)
        backup_s = time.perf_counter() - t
        writer.stop.set()
        writer.join()
        print(f"backup           {backup_s:.2f} s  (copy + integrity check + counts)")
        print(
            f"  concurrent writer: {writer.commits} commits, longest {writer.longest * 1000:.0f} ms"
        )
        t = time.perf_counter()
        verdict = verify_backup(result.info.path, ws.key)
        print(f"verify           {time.perf_counter() - t:.2f} s  ({verdict.text('en')})")
        t = time.perf_counter()
        restore_to_new(result.info.path, root / "restored", ws.key)
        print(f"restore to new   {time.perf_counter() - t:.2f} s  (verify + copy)")
        ws.close()
    finally:
        if not args.keep and args.dir is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
