"""A backup copies the encrypted file as it is: one snapshot, writers barely held, fallbacks."""

from __future__ import annotations

import errno
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from app import backup_copy, db
from app.backup import create_backup, verify_backup
from app.backup_files import DB_NAME, open_keyed
from tests.unit.backup.backup_helpers import add_customers, customer_count


def _raw(ws: Any, busy_ms: int = 0) -> Any:
    conn = db.connect_raw(ws.db_path, ws.key, check_same_thread=False)
    conn.isolation_level = None
    conn.execute(f"PRAGMA busy_timeout = {busy_ms}")
    return conn


def _salt(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(16)


def _backup_customers(path: Path, key: bytes) -> int:
    conn = open_keyed(path / DB_NAME, key, readonly=True)
    try:
        return int(conn.execute("SELECT count(*) FROM customer").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def busy_file(workspace) -> Any:
    """A workspace whose main file holds 1,500 customers and whose WAL holds 500 more + edits."""
    add_customers(workspace, 1500)
    conn = _raw(workspace, 5000)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    add_customers(workspace, 500, start=50_000)
    conn.execute("UPDATE customer SET name = name || '-edited' WHERE rowid % 3 = 0")
    conn.close()
    return workspace


def test_the_copy_is_the_encrypted_file_itself(busy_file) -> None:
    info = create_backup(busy_file).info
    # same salt: the pages were copied, not re-encrypted into a new file
    assert _salt(info.path / DB_NAME) == _salt(busy_file.db_path)
    assert sorted(p.name for p in info.path.iterdir()) == [
        "manifest.json",
        "waiqin.db",
        "workspace.json",
    ]
    assert (
        info.manifest["counts"]["customer"] == 2000 == _backup_customers(info.path, busy_file.key)
    )
    assert verify_backup(info.path, busy_file.key).ok


def test_checkpoint_and_writes_during_the_copy_do_not_leak_into_it(
    busy_file, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file changes under the copy (a checkpoint writes the WAL's pages into it): the
    copied WAL puts every such page back to the snapshot's version."""
    monkeypatch.setattr(backup_copy, "CHUNK", 64 * 1024)
    other = _raw(busy_file)  # busy_timeout 0: any wait for a lock fails at once
    during: list[float] = []

    def progress(done: int, total: int) -> None:
        if during:
            return
        started = time.perf_counter()
        other.execute("UPDATE customer SET notes = 'after the snapshot' WHERE rowid <= 50")
        other.execute("INSERT INTO sync_state (key, value) VALUES ('late', 'x')")
        checkpoint = other.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        assert checkpoint[2] > 0  # the main file really changed under the copy
        during.append(time.perf_counter() - started)

    try:
        info = create_backup(busy_file, progress=progress).info
    finally:
        other.close()
    assert during, "the copy never reported progress"
    assert verify_backup(info.path, busy_file.key).ok
    conn = open_keyed(info.path / DB_NAME, busy_file.key, readonly=True)
    try:
        assert conn.execute("SELECT count(*) FROM customer").fetchone()[0] == 2000
        late = "SELECT count(*) FROM customer WHERE notes = 'after the snapshot'"
        assert conn.execute(late).fetchone()[0] == 0
        assert conn.execute("SELECT 1 FROM sync_state WHERE key = 'late'").fetchone() is None
        edited = conn.execute("SELECT count(*) FROM customer WHERE name LIKE '%-edited'")
        assert edited.fetchone()[0] > 0
    finally:
        conn.close()


def test_a_writer_waits_only_while_the_wal_is_copied(busy_file) -> None:
    add_customers(busy_file, 10, start=90_000)
    stop = threading.Event()
    waits: list[float] = []
    failures: list[BaseException] = []
    conn = _raw(busy_file, 30_000)

    def writer() -> None:
        i = 0
        while not stop.is_set():
            started = time.perf_counter()
            try:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("INSERT OR REPLACE INTO sync_state VALUES ('tick', ?)", (str(i),))
                conn.execute("COMMIT")
            except BaseException as exc:  # reported below
                failures.append(exc)
                return
            waits.append(time.perf_counter() - started)
            i += 1
            time.sleep(0.002)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        info = create_backup(busy_file).info
    finally:
        stop.set()
        thread.join()
        conn.close()
    assert not failures
    assert len(waits) > 5
    assert max(waits) < 2.0  # the lock is held for the WAL copy only (milliseconds)
    assert verify_backup(info.path, busy_file.key).ok


def test_a_reader_that_never_ends_does_not_stop_the_copy(busy_file) -> None:
    reader = _raw(busy_file)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM customer").fetchone()
    try:
        info = create_backup(busy_file).info
    finally:
        reader.execute("ROLLBACK")
        reader.close()
    assert _salt(info.path / DB_NAME) == _salt(busy_file.db_path)
    assert verify_backup(info.path, busy_file.key).ok


def test_a_writer_that_keeps_the_lock_gets_the_backup_api_instead(
    busy_file, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_copy, "LOCK_WAIT_MS", 50)
    holder = _raw(busy_file)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO sync_state (key, value) VALUES ('uncommitted', 'x')")
    try:
        info = create_backup(busy_file).info
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _salt(info.path / DB_NAME) != _salt(busy_file.db_path)  # a new file: the API copy
    assert info.manifest["counts"]["customer"] == 2000
    assert verify_backup(info.path, busy_file.key).ok
    assert customer_count(busy_file) == 2000


def test_only_the_wal_frames_of_its_current_generation_are_copied(workspace, tmp_path) -> None:
    conn = _raw(workspace, 5000)
    try:
        add_customers(workspace, 800)  # a long WAL
        conn.execute("PRAGMA wal_checkpoint(RESTART)")  # the next writer starts it again
        add_customers(workspace, 3, start=10_000)  # a few new frames over the old ones
        wal = Path(str(workspace.db_path) + "-wal")
        size = backup_copy.copy_wal(wal, tmp_path / "copy-wal")
    finally:
        conn.close()
    data = (tmp_path / "copy-wal").read_bytes()
    assert len(data) == size < wal.stat().st_size
    frame = backup_copy.FRAME_HEADER + int.from_bytes(data[8:12], "big")
    assert (size - backup_copy.WAL_HEADER) % frame == 0 and size > backup_copy.WAL_HEADER
    for at in range(backup_copy.WAL_HEADER, size, frame):
        assert data[at + 8 : at + 16] == data[16:24]
    assert backup_copy.copy_wal(tmp_path / "missing-wal", tmp_path / "none") == 0
    (tmp_path / "short-wal").write_bytes(b"\0" * 10)
    assert backup_copy.copy_wal(tmp_path / "short-wal", tmp_path / "none") == 0
    assert not (tmp_path / "none").exists()


def test_copy_without_copy_file_range_is_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = os.urandom(300_000)
    (tmp_path / "src").write_bytes(data)

    def unsupported(*args: object) -> int:
        raise OSError(errno.EXDEV, "cross-device")

    monkeypatch.setattr(backup_copy, "CHUNK", 64 * 1024)
    monkeypatch.setattr(os, "copy_file_range", unsupported, raising=False)
    seen: list[int] = []
    backup_copy._copy_file_range(tmp_path / "src", tmp_path / "dst", seen.append)
    assert (tmp_path / "dst").read_bytes() == data
    assert sum(seen) == len(data)


def test_other_copy_errors_are_not_hidden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "src").write_bytes(b"x" * 1000)

    def failing(*args: object) -> int:
        raise OSError(errno.ENOSPC, "full")

    monkeypatch.setattr(os, "copy_file_range", failing, raising=False)
    with pytest.raises(OSError) as exc:
        backup_copy._copy_file_range(tmp_path / "src", tmp_path / "dst", lambda n: None)
    assert exc.value.errno == errno.ENOSPC
