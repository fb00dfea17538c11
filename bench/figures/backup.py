"""Backup and verify of the whole workspace (app.backup, bench/backup_bench.py's calls)."""

from __future__ import annotations

import time

from app.backup import create_backup
from app.backup_verify import verify_backup
from bench.common import Context, Result, below, info
from bench.dataset import counts, open_copy


def run(ctx: Context) -> list[Result]:
    """One backup (no mirror) and one verify of it."""
    ws = open_copy(ctx.extras["data"] / "ws", ctx.work / "backup-ws")
    try:
        rows = sum(counts(ctx.extras["data"]).values())
        size = ws.db_path.stat().st_size / 2**20
        t = time.perf_counter()
        result = create_backup(ws, use_mirror=False)
        backup_s = time.perf_counter() - t
        t = time.perf_counter()
        verdict = verify_backup(result.info.path, ws.key)
        verify_s = time.perf_counter() - t
        assert verdict.ok, verdict.text("en")
        return [
            below("backup", backup_s, "s", 10, f"{rows:,} rows, {size:.0f} MiB"),
            below("verify backup", verify_s, "s", 10),
            info("workspace size", size, "MiB"),
        ]
    finally:
        ws.close()
