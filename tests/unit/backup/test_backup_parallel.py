"""The checksum runs on a second thread beside the database check: same verdicts, clean stops."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from app.backup import BackupCancelledError, create_backup, verify_backup
from app.backup_files import DB_NAME, TMP_PREFIX, digest
from app.backup_verify import Background
from tests.unit.backup.backup_helpers import add_customers


def test_background_returns_the_value_and_reports_progress(tmp_path: Path) -> None:
    data = tmp_path / "blob"
    data.write_bytes(b"x" * (3 << 20))
    seen: list[int] = []
    with Background(lambda tick: digest(data, tick), seen.append) as job:
        pass
    assert job.result() == digest(data)
    assert sum(seen) == 3 << 20


def test_background_error_is_raised_by_result(tmp_path: Path) -> None:
    with Background(lambda tick: digest(tmp_path / "missing", tick)) as job:
        pass
    with pytest.raises(FileNotFoundError):
        job.result()


def test_background_stops_when_the_caller_fails(tmp_path: Path) -> None:
    data = tmp_path / "blob"
    data.write_bytes(b"x" * (8 << 20))
    started = threading.Event()
    chunks: list[int] = []

    def slow(n: int) -> None:
        chunks.append(n)
        started.set()
        threading.Event().wait(0.05)

    with pytest.raises(RuntimeError), Background(lambda tick: digest(data, tick), slow):
        started.wait(5)
        raise RuntimeError("the database check failed")
    assert len(chunks) < 8  # stopped before hashing the whole file


def test_backup_made_with_the_parallel_check_verifies(workspace) -> None:
    add_customers(workspace, 300)
    info = create_backup(workspace).info
    manifest_db = info.manifest["files"][DB_NAME]
    assert (manifest_db["size"], manifest_db["sha256"]) == digest(info.path / DB_NAME)
    assert info.manifest["counts"]["customer"] == 300
    assert verify_backup(info.path, workspace.key).ok


def test_cancel_during_verify_stops_both_checks(workspace) -> None:
    add_customers(workspace, 300)
    info = create_backup(workspace).info
    calls = [0]

    def cancel() -> bool:
        calls[0] += 1
        return calls[0] > 1

    with pytest.raises(BackupCancelledError):
        verify_backup(info.path, workspace.key, cancel=cancel, progress=lambda d, t: None)
    assert verify_backup(info.path, workspace.key).ok
    assert not any(p.name.startswith(TMP_PREFIX) for p in info.path.parent.iterdir())


def test_damaged_file_reports_the_checksum_alone(workspace) -> None:
    add_customers(workspace, 100)
    path = create_backup(workspace).info.path
    data = bytearray((path / DB_NAME).read_bytes())
    data[len(data) // 2] ^= 0x10
    (path / DB_NAME).write_bytes(bytes(data))
    result = verify_backup(path, workspace.key)
    assert [p.text("en") for p in result.problems] == [
        "waiqin.db is damaged: its checksum does not match the one recorded when the backup "
        "was made."
    ]
