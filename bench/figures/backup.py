"""Backup and verify of the whole workspace (app.backup, bench/backup_bench.py's calls).

``backup`` is ``create_backup`` from start to a listed backup: the snapshot
copy of the encrypted file, every test of ``PRAGMA integrity_check`` on the
new file (split over two connections), counts against the manifest, fsync and
sha256. ``verify backup`` is ``verify_backup`` of it: the same check and the
checksums. ``backup: writers held`` is how long the backup held the write lock
(from app.backup_copy's log record; no writer runs during the timed backup).
"""

from __future__ import annotations

import logging
import time

from app.backup import create_backup
from app.backup_verify import verify_backup
from bench.common import Context, Result, below, info
from bench.dataset import counts, open_copy


class _LockLog(logging.Handler):
    """Keeps the write-lock time app.backup_copy logs (milliseconds), or None."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.held_ms: float | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg.startswith("backup: writers held") and record.args:
            self.held_ms = float(record.args[0])  # type: ignore[index,arg-type]


def run(ctx: Context) -> list[Result]:
    """One backup (no mirror) and one verify of it."""
    ws = open_copy(ctx.extras["data"] / "ws", ctx.work / "backup-ws")
    logger = logging.getLogger("app.backup_copy")
    handler, level = _LockLog(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
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
        held = handler.held_ms
        return [
            below("backup", backup_s, "s", 10, f"{rows:,} rows, {size:.0f} MiB"),
            below("verify backup", verify_s, "s", 10),
            info("workspace size", size, "MiB"),
            info(
                "backup: writers held",
                -1.0 if held is None else held,
                "ms",
                "backup API (no lock)" if held is None else "while the WAL was copied",
            ),
        ]
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        ws.close()
