"""Copy of the live workspace file as it is on disk: encrypted pages copied, not re-encrypted.

A backup is keyed with the workspace's own key, so its pages can be the
workspace's encrypted pages byte for byte (SQLCipher keeps the file's salt in
its first 16 bytes, and each page carries its own IV and HMAC). Copying them
skips decrypting and re-encrypting every page (SQLite's online backup API:
about 7 s of CPU for the 1,000,000-row workspace; a file copy: 0.2 s).

The copy is one consistent snapshot, the state of one moment between two
commits:

1. A writing transaction (``BEGIN IMMEDIATE``) stops writers for a moment
   (they wait, as for any other writer; measured in milliseconds: only step 2
   happens under it). Rollback journal workspaces, and a writer holding the
   lock for longer than ``LOCK_WAIT_MS``, fall back to the backup API.
2. Under it, a second connection starts a read transaction (the snapshot:
   exactly the committed state, since nobody can commit), and the WAL file's
   frames of its current generation are copied (all frames the snapshot can
   see; later frames cannot exist yet).
3. The lock is released; the main database file is copied while the
   snapshot's read transaction stays open, and the manifest's facts are read
   from the snapshot at the same time.

Why the main file copied in step 3 is right although writers run again: in
WAL mode the main file changes only through checkpoints, and a checkpoint
never copies a frame newer than an open reader's snapshot (SQLite's WAL
rule; a snapshot that needs no frame at all blocks checkpoints entirely). So
every page a checkpoint may rewrite during the copy has a frame in the WAL
copy, which replaces that page when the copy is finished: the copy is opened,
SQLite recovers the copied WAL (validating its checksums, ignoring frames
after the last commit) and ``journal_mode = DELETE`` checkpoints it into the
file and truncates the file to the snapshot's size. What the snapshot sees
is exactly the copied WAL plus the copied file, and the check that follows
(:mod:`app.backup_check`) reads every page of the result.

Costs: the backup folder briefly needs room for the WAL's frames too (a few
MiB: SQLite checkpoints every 1,000 pages). On Windows, where SQLite's lock
bytes at 1 GiB cannot be read while locked, bigger files use the backup API.
"""

from __future__ import annotations

import errno
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import sqlcipher3

from app import db
from app.backup_files import open_keyed
from app.backup_verify import Background, Meter, db_facts

log = logging.getLogger(__name__)

LOCK_WAIT_MS = 5000
"""How long a backup waits for another writer's transaction before using the backup API."""
WAL_HEADER = 32
FRAME_HEADER = 24
WAL_MAGIC = (0x377F0682, 0x377F0683)
CHUNK = 16 << 20
LOCK_BYTE_OFFSET = 0x40000000
"""SQLite's lock bytes (Windows locks them for real): files past them use the backup API."""


def snapshot_copy(src: Path, key: bytes, target: Path, meter: Meter) -> dict[str, Any] | None:
    """Copy the workspace database ``src`` to ``target`` as one snapshot; its manifest facts.

    Returns None, with nothing written, when this way is not possible now
    (rollback journal, a writer holding the lock too long, a Windows file past
    the lock bytes): the caller uses the backup API instead.
    """
    snap = db.connect_raw(src, key)
    try:
        snap.isolation_level = None
        mode = str(snap.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        if mode != "wal" or (os.name != "posix" and src.stat().st_size > LOCK_BYTE_OFFSET):
            return None
        if not _snapshot_under_lock(src, key, snap, _wal_path(target)):
            return None
        meter.total = max(3 * src.stat().st_size, 1)
        # The facts are read from the snapshot on a second thread while the file is copied.
        with Background(lambda tick: db_facts(snap)) as facts:
            _copy_file_range(src, target, meter.add)
        result = facts.result()
        snap.execute("ROLLBACK")
    finally:
        snap.close()
    finish_copy(target, key)
    return result


def _wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _snapshot_under_lock(src: Path, key: bytes, snap: Any, wal_target: Path) -> bool:
    """Steps 1 and 2: the write lock, the snapshot and the WAL copy. False if no lock."""
    lock = db.connect_raw(src, key)
    try:
        lock.isolation_level = None
        lock.execute(f"PRAGMA busy_timeout = {LOCK_WAIT_MS}")
        try:
            lock.execute("BEGIN IMMEDIATE")
        except sqlcipher3.OperationalError as exc:
            if "locked" not in str(exc).lower() and "busy" not in str(exc).lower():
                raise
            log.info("backup: another writer kept the lock, using the backup API")
            return False
        started = time.perf_counter()
        try:
            snap.execute("BEGIN")
            snap.execute("SELECT count(*) FROM sqlite_master").fetchone()
            copied = copy_wal(_wal_path(src), wal_target)
        finally:
            lock.execute("ROLLBACK")
        log.info(
            "backup: writers held %.1f ms (WAL %d bytes)",
            (time.perf_counter() - started) * 1000,
            copied,
        )
        return True
    finally:
        lock.close()


def copy_wal(src: Path, dst: Path) -> int:
    """Copy the frames of the WAL's current generation (header salts); bytes copied, 0 if none.

    Frames after them are left over from earlier generations (SQLite reuses
    the file from its start) and would be ignored by recovery anyway.
    """
    if not src.exists():
        return 0
    with open(src, "rb", buffering=0) as fin:
        header = fin.read(WAL_HEADER)
        if len(header) < WAL_HEADER or int.from_bytes(header[:4], "big") not in WAL_MAGIC:
            return 0
        frame = FRAME_HEADER + int.from_bytes(header[8:12], "big")
        size = os.fstat(fin.fileno()).st_size
        end = WAL_HEADER
        while end + frame <= size:
            fin.seek(end)
            if fin.read(FRAME_HEADER)[8:16] != header[16:24]:
                break
            end += frame
        if end == WAL_HEADER:
            return 0
        fin.seek(0)
        with open(dst, "wb", buffering=0) as fout:
            _copy_stream(fin, fout, end, None)
    return end


def _copy_file_range(src: Path, dst: Path, on_bytes: Callable[[int], None]) -> None:
    with open(src, "rb", buffering=0) as fin, open(dst, "wb", buffering=0) as fout:
        _copy_stream(fin, fout, None, on_bytes)


def _copy_stream(
    fin: IO[bytes], fout: IO[bytes], length: int | None, on_bytes: Callable[[int], None] | None
) -> None:
    """Copy ``length`` bytes (None: all) from the current positions, in the kernel if it can."""
    done = 0
    fast = hasattr(os, "copy_file_range")
    while length is None or done < length:
        n = CHUNK if length is None else min(CHUNK, length - done)
        got = 0
        if fast:
            try:
                got = os.copy_file_range(fin.fileno(), fout.fileno(), n)
            except OSError as exc:
                if exc.errno not in (errno.EXDEV, errno.ENOSYS, errno.EOPNOTSUPP, errno.EINVAL):
                    raise
                fast = False
                continue
        else:
            data = fin.read(n)
            got = len(data)
            if got:
                fout.write(data)
        if got == 0:
            break
        done += got
        if on_bytes is not None:
            on_bytes(got)


def finish_copy(target: Path, key: bytes) -> None:
    """Fold the copied WAL into the copied file and make it a one-file database.

    ``synchronous = OFF``: the caller fsyncs the file before the backup is
    renamed into place, and a crash before that leaves only a temp folder.
    """
    conn = open_keyed(target, key, readonly=False)
    try:
        conn.execute("PRAGMA synchronous = OFF")
        mode = str(conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]).lower()
        if mode != "delete":
            raise sqlcipher3.OperationalError(f"backup copy stayed in {mode} mode")
    finally:
        conn.close()
