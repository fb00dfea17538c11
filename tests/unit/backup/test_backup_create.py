"""Backups are made while the app works, stay encrypted, and verify catches any damage."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from app import db
from app.backup import (
    BackupCancelledError,
    backup_if_due,
    create_backup,
    list_backups,
    set_mirror_dir,
    verify_all,
    verify_backup,
)
from app.backup_files import DB_NAME, MANIFEST_NAME, TMP_PREFIX
from app.workspace import pre_migration_backup
from tests.unit.backup.backup_helpers import add_customers, customer_count, pending_ids

UTC = dt.UTC


def _problems(result: object) -> str:
    return result.text("en")  # type: ignore[attr-defined]


def test_backup_is_encrypted_complete_and_verified(workspace) -> None:
    add_customers(workspace, 30)
    result = create_backup(workspace)
    info = result.info
    assert info.path.name.startswith("waiqin-") and info.path.name.endswith("-manual.wqbak")
    assert sorted(p.name for p in info.path.iterdir()) == [
        "manifest.json",
        "waiqin.db",
        "workspace.json",
    ]
    raw = (info.path / DB_NAME).read_bytes()
    assert b"SQLite format 3" not in raw[:100]
    assert "测试客户".encode() not in raw
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(info.path / DB_NAME).execute("SELECT * FROM sqlite_master").fetchall()
    manifest = json.loads((info.path / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["counts"]["customer"] == 30
    assert manifest["unsynced_ids"] == pending_ids(workspace)
    assert manifest["schema_revision"] == db.head_revision()
    assert manifest["workspace_id"] == workspace.workspace_id
    assert len(manifest["files"]["waiqin.db"]["sha256"]) == 64
    assert "测试客户" not in json.dumps(manifest, ensure_ascii=False)  # no personal data
    assert verify_backup(info.path, workspace.key).ok
    assert [b.name for b in list_backups(workspace.path / "backups")] == [info.name]
    assert info.unsynced == 30 and info.records >= 30


def test_backup_while_writes_continue(workspace) -> None:
    add_customers(workspace, 2000)
    before = customer_count(workspace)
    stop = threading.Event()
    written = [0]

    def writer() -> None:
        i = 100_000
        while not stop.is_set():
            add_customers(workspace, 5, start=i)
            i += 5
            written[0] += 5

    thread = threading.Thread(target=writer)
    thread.start()
    steps: list[tuple[int, int]] = []

    def slow_progress(done: int, total: int) -> None:
        steps.append((done, total))
        time.sleep(0.02)  # give the writer room between steps

    try:
        while written[0] == 0:
            time.sleep(0.01)
        result = create_backup(workspace, progress=slow_progress)
        writes_during = written[0]
    finally:
        stop.set()
        thread.join()
    assert writes_during > 5  # the writer was never blocked for the whole backup
    assert verify_backup(result.info.path, workspace.key).ok
    in_backup = result.info.manifest["counts"]["customer"]
    assert before <= in_backup <= customer_count(workspace)
    assert steps[-1][0] == steps[-1][1]
    assert [d for d, _ in steps] == sorted(d for d, _ in steps)  # progress never goes back


def test_bit_flip_is_refused_with_a_clear_message(workspace) -> None:
    add_customers(workspace, 50)
    path = create_backup(workspace).info.path
    data = bytearray((path / DB_NAME).read_bytes())
    data[len(data) // 2] ^= 0x04
    (path / DB_NAME).write_bytes(bytes(data))
    result = verify_backup(path, workspace.key)
    assert not result.ok
    assert "waiqin.db is damaged: its checksum does not match" in _problems(result)


def test_damage_made_before_the_checksum_is_caught_by_the_database_check(workspace) -> None:
    add_customers(workspace, 200)
    path = create_backup(workspace).info.path
    data = bytearray((path / DB_NAME).read_bytes())
    data[len(data) // 2] ^= 0x04
    (path / DB_NAME).write_bytes(bytes(data))
    # the checksum is rewritten to match: only the encrypted pages' own check remains
    import hashlib

    manifest = json.loads((path / MANIFEST_NAME).read_text(encoding="utf-8"))
    manifest["files"]["waiqin.db"]["sha256"] = hashlib.sha256(data).hexdigest()
    (path / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
    result = verify_backup(path, workspace.key)
    assert not result.ok
    assert "damaged" in _problems(result)


def test_truncated_backup_is_refused(workspace) -> None:
    add_customers(workspace, 50)
    path = create_backup(workspace).info.path
    data = (path / DB_NAME).read_bytes()
    (path / DB_NAME).write_bytes(data[: len(data) // 3])
    result = verify_backup(path, workspace.key)
    assert not result.ok
    assert "truncated or incomplete" in _problems(result)


def test_counts_that_disagree_with_the_manifest_are_refused(workspace) -> None:
    add_customers(workspace, 5)
    path = create_backup(workspace).info.path
    manifest = json.loads((path / MANIFEST_NAME).read_text(encoding="utf-8"))
    manifest["counts"]["customer"] = 6
    (path / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
    result = verify_backup(path, workspace.key)
    assert "Table customer holds 5 records but the manifest says 6." in _problems(result)


def test_backup_without_manifest_is_not_listed_and_fails_verify(workspace) -> None:
    path = create_backup(workspace).info.path
    (path / MANIFEST_NAME).unlink()
    assert list_backups(workspace.path / "backups") == []
    results = verify_all(workspace.path / "backups", workspace.key)
    assert [r.ok for r in results] == [False]
    assert "no manifest" in _problems(results[0])


def test_wrong_key_is_explained(workspace) -> None:
    path = create_backup(workspace).info.path
    result = verify_backup(path, bytes(32))
    assert "cannot be opened with this workspace's key" in _problems(result)


def test_cancel_leaves_nothing_behind(workspace) -> None:
    add_customers(workspace, 500)
    create_backup(workspace)
    calls = [0]

    def cancel() -> bool:
        calls[0] += 1
        return calls[0] > 2

    with pytest.raises(BackupCancelledError) as exc:
        create_backup(workspace, cancel=cancel, progress=lambda d, t: None)
    assert "Cancelled" in exc.value.text("en")
    names = [p.name for p in (workspace.path / "backups").iterdir()]
    assert len(names) == 1 and not any(n.startswith(TMP_PREFIX) for n in names)


def test_unknown_reason_is_a_programming_error(workspace) -> None:
    with pytest.raises(ValueError):
        create_backup(workspace, "whenever")


def test_daily_backup_once_per_local_day(workspace) -> None:
    day1 = dt.datetime(2025, 3, 3, 1, 0, tzinfo=UTC)
    first = backup_if_due(workspace, day1, tz=UTC)
    assert first is not None and first.info.reason == "daily"
    assert backup_if_due(workspace, day1 + dt.timedelta(hours=20), tz=UTC) is None
    second = backup_if_due(workspace, day1 + dt.timedelta(days=1), tz=UTC)
    assert second is not None
    assert len(list_backups(workspace.path / "backups")) == 2


def test_any_backup_of_today_counts_as_the_daily_one(workspace) -> None:
    now = dt.datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
    create_backup(workspace, "close", now=now - dt.timedelta(hours=1))
    assert backup_if_due(workspace, now, tz=UTC) is None


def test_mirror_folder_gets_a_verified_copy(workspace, tmp_path: Path) -> None:
    mirror = tmp_path / "usb"
    mirror.mkdir()
    set_mirror_dir(workspace, mirror)
    add_customers(workspace, 10)
    result = create_backup(workspace)
    assert result.mirror_error is None and result.mirror_path is not None
    assert result.mirror_path.parent == mirror
    assert verify_backup(result.mirror_path, workspace.key).ok
    set_mirror_dir(workspace, None)
    assert create_backup(workspace).mirror_path is None


def test_missing_mirror_folder_is_reported_and_local_backup_kept(workspace, tmp_path: Path) -> None:
    result = create_backup(workspace, mirror=tmp_path / "unplugged")
    assert result.mirror_path is None and result.mirror_error is not None
    assert "not available" in result.mirror_error.text("en")
    assert not (tmp_path / "unplugged").exists()  # never created on the laptop's own disk
    assert verify_backup(result.info.path, workspace.key).ok


def test_rotation_runs_after_each_backup(workspace) -> None:
    start = dt.datetime(2025, 1, 1, 8, 0, tzinfo=UTC)
    for day in range(20):
        create_backup(workspace, "daily", now=start + dt.timedelta(days=day))
    kept = list_backups(workspace.path / "backups")
    # Jan 14-20 (7 days), newest of ISO weeks 2 (Jan 12) and 1 (Jan 5), January (Jan 20)
    assert [b.created_at.day for b in kept] == [20, 19, 18, 17, 16, 15, 14, 12, 5]


def test_pre_migration_backup_is_a_verified_backup(workspace) -> None:
    add_customers(workspace, 20)
    path = pre_migration_backup(workspace.path, workspace.engine).parent
    assert path.name.endswith("-pre-migration.wqbak")
    result = verify_backup(path, workspace.key)
    assert result.ok, result.text("en")
    info = list_backups(workspace.path / "backups")[0]
    assert info.reason == "pre-migration" and info.manifest["counts"]["customer"] == 20


def test_pre_migration_backup_needs_no_key_from_the_caller(workspace) -> None:
    # the engine of a freshly opened workspace is all the migration step has
    engine = db.make_engine(workspace.db_path, workspace.key)
    try:
        path = pre_migration_backup(workspace.path, engine).parent
    finally:
        engine.dispose()
    assert verify_backup(path, workspace.key).ok
