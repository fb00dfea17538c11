"""Restore gives the rep their work back and says exactly what the backup lacks."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from app import db
from app.backup import create_backup, list_backups, verify_backup
from app.backup_files import DB_NAME, BackupError
from app.backup_restore import choose_backup, key_for_backup, restore_in_place, restore_to_new
from app.db import transaction
from app.models import OutboxEntry, ReceiptBlock, utcnow
from app.outbox import REMOTE
from app.seed import seed
from app.workspace import META_FILE, create_workspace, open_workspace
from tests.conftest import TEST_PASSPHRASE
from tests.unit.backup.backup_helpers import add_customers, customer_count

RESTORE_KEYS = {"restored_from_backup", "restored_backup_created_at", "restored_at"}


def dump(path: Path, key: bytes) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted: what 'equal to the original' means."""
    conn = db.connect_raw(path, key)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        out = {}
        for t in tables:
            rows = conn.execute(f'SELECT * FROM "{t}"').fetchall()
            if t == "sync_state":
                rows = [r for r in rows if r[0] not in RESTORE_KEYS]
            out[t] = sorted(rows, key=repr)
        return out
    finally:
        conn.close()


def _ack_all(ws: Any) -> None:
    with transaction(ws.sessions) as s:
        s.execute(update(OutboxEntry).values(acked_at=utcnow(), outcome="applied"))


@pytest.fixture
def seeded(workspace):
    seed(workspace, customers=60, products=20, seed=7)
    add_customers(workspace, 5)
    return workspace


def test_restore_in_place_round_trip_equals_the_original(seeded) -> None:
    ws = seeded
    original = dump(ws.db_path, ws.key)
    backup = create_backup(ws).info.path
    add_customers(ws, 40, start=1000)
    ws.close()
    report = restore_in_place(ws.path, ws.key, backup)
    assert dump(ws.db_path, ws.key) == original
    reopened = open_workspace(ws.path, TEST_PASSPHRASE)
    try:
        assert customer_count(reopened) == len(original["customer"])
        assert reopened.state("restored_from_backup") == backup.name
    finally:
        reopened.close()
    assert report.in_place and report.safety_backup is not None
    # the safety backup holds the state just before the restore
    assert report.safety_backup.manifest["counts"]["customer"] == len(original["customer"]) + 40
    assert verify_backup(report.safety_backup.path, ws.key).ok


def test_restore_to_a_new_folder_opens_with_the_same_passphrase(seeded, tmp_path: Path) -> None:
    ws = seeded
    original = dump(ws.db_path, ws.key)
    backup = create_backup(ws).info.path
    report = restore_to_new(backup, tmp_path / "new", ws.key)
    assert not report.in_place and report.safety_backup is None
    assert (tmp_path / "new" / META_FILE).read_bytes() == (ws.path / META_FILE).read_bytes()
    assert dump(tmp_path / "new" / DB_NAME, ws.key) == original
    new = open_workspace(tmp_path / "new", TEST_PASSPHRASE)
    try:
        assert customer_count(new) == len(original["customer"])
        assert (tmp_path / "new" / "backups").is_dir()
    finally:
        new.close()


def test_backup_alone_is_enough_after_the_laptop_is_gone(seeded, tmp_path: Path) -> None:
    ws = seeded
    usb = tmp_path / "usb"
    usb.mkdir()
    result = create_backup(ws, mirror=usb)
    assert result.mirror_path is not None
    ws.close()
    shutil.rmtree(ws.path)  # the disk died
    key = key_for_backup(result.mirror_path, TEST_PASSPHRASE)
    restore_to_new(result.mirror_path, tmp_path / "replacement", key)
    new = open_workspace(tmp_path / "replacement", TEST_PASSPHRASE)
    try:
        assert customer_count(new) == 65
    finally:
        new.close()


def test_wrong_passphrase_cannot_restore(seeded, tmp_path: Path) -> None:
    backup = create_backup(seeded).info.path
    key = key_for_backup(backup, "not-the-passphrase")
    with pytest.raises(BackupError) as exc:
        restore_to_new(backup, tmp_path / "new", key)
    assert "cannot be opened with this workspace's key" in exc.value.text("en")
    assert not (tmp_path / "new" / DB_NAME).exists()


def test_report_names_what_to_enter_again(seeded) -> None:
    ws = seeded
    _ack_all(ws)
    backup = create_backup(ws).info.path
    add_customers(ws, 2, start=500)  # after the backup, then synced
    _ack_all(ws)
    add_customers(ws, 3, start=900)  # after the backup, never synced
    with ws.sessions() as s:
        max_before = s.scalar(select(OutboxEntry.id).order_by(OutboxEntry.id.desc()).limit(1))
    ws.close()
    report = restore_in_place(ws.path, ws.key, backup)
    assert report.compared
    assert report.returning == 2
    assert [(c.entity, c.op) for c in report.lost] == [("customer", "insert")] * 3
    assert all(c.label.startswith("测试客户0009") for c in report.lost)
    text = report.text("en")
    assert "3 changes made after the backup never reached the server" in text
    assert "2 changes made after the backup are already on the server" in text
    # new changes never reuse a mutation number the server may have seen
    reopened = open_workspace(ws.path, TEST_PASSPHRASE)
    try:
        add_customers(reopened, 1, start=5000)
        with reopened.sessions() as s:
            newest = s.scalar(select(OutboxEntry.id).order_by(OutboxEntry.id.desc()).limit(1))
        assert newest is not None and max_before is not None and newest > max_before
    finally:
        reopened.close()


def test_nothing_lost_is_said_plainly(seeded) -> None:
    backup = create_backup(seeded).info.path
    seeded.close()
    report = restore_in_place(seeded.path, seeded.key, backup)
    assert report.lost == () and report.returning == 0
    assert "No unsynchronised change was lost." in report.text("en")


def test_receipt_numbers_never_go_backwards(seeded) -> None:
    ws = seeded
    backup = create_backup(ws).info.path
    with transaction(ws.sessions) as s:
        s.info[REMOTE] = True
        s.execute(update(ReceiptBlock).values(next_no=ReceiptBlock.next_no + 37))
    with ws.sessions() as s:
        after = {(b.device_code, b.first_no): b.next_no for b in s.scalars(select(ReceiptBlock))}
    ws.close()
    restore_in_place(ws.path, ws.key, backup)
    reopened = open_workspace(ws.path, TEST_PASSPHRASE)
    try:
        with reopened.sessions() as s:
            now = {(b.device_code, b.first_no): b.next_no for b in s.scalars(select(ReceiptBlock))}
        assert now == after
    finally:
        reopened.close()


def test_damaged_current_database_is_kept_aside_and_replaced(seeded) -> None:
    ws = seeded
    original = dump(ws.db_path, ws.key)
    backup = create_backup(ws).info.path
    ws.close()
    ws.db_path.write_bytes(b"\x00" * 8192)
    report = restore_in_place(ws.path, ws.key, backup)
    assert dump(ws.db_path, ws.key) == original
    assert report.quarantined is not None
    assert (report.quarantined / DB_NAME).read_bytes() == b"\x00" * 8192
    assert not report.compared
    assert "could not be listed" in report.text("en")
    assert [b.name for b in list_backups(ws.path / "backups")] == [backup.name]


def test_a_failing_backup_is_never_restored(seeded) -> None:
    ws = seeded
    backup = create_backup(ws).info.path
    data = bytearray((backup / DB_NAME).read_bytes())
    data[-100] ^= 0xFF
    (backup / DB_NAME).write_bytes(bytes(data))
    ws.close()
    before = ws.db_path.read_bytes()
    with pytest.raises(BackupError) as exc:
        restore_in_place(ws.path, ws.key, backup)
    assert "failed verification" in exc.value.text("en")
    assert "Nothing was changed" in exc.value.text("en")
    assert ws.db_path.read_bytes() == before


def test_backup_of_another_workspace_is_refused_in_place(seeded, tmp_path: Path) -> None:
    other = create_workspace(tmp_path / "other", TEST_PASSPHRASE)
    try:
        foreign = create_backup(other).info.path
    finally:
        other.close()
    seeded.close()
    with pytest.raises(BackupError) as exc:
        restore_in_place(seeded.path, other.key, foreign)
    assert "belongs to another workspace" in exc.value.text("en")


def test_new_folder_must_be_empty(seeded, tmp_path: Path) -> None:
    backup = create_backup(seeded).info.path
    with pytest.raises(BackupError) as exc:
        restore_to_new(backup, seeded.path, seeded.key)
    assert "already holds a workspace" in exc.value.text("en")


def test_choose_backup_takes_the_newest_good_one(seeded) -> None:
    import datetime as dt

    t0 = dt.datetime(2025, 5, 1, 8, 0, tzinfo=dt.UTC)
    older = create_backup(seeded, now=t0).info.path
    newer = create_backup(seeded, now=t0 + dt.timedelta(hours=1)).info.path
    folder = seeded.path / "backups"
    assert choose_backup(folder, seeded.key) == newer
    (newer / DB_NAME).write_bytes(b"broken")
    assert choose_backup(folder, seeded.key) == older
    assert choose_backup(folder, seeded.key, newer.name) == newer
    with pytest.raises(BackupError) as exc:
        choose_backup(folder, seeded.key, "waiqin-nope.wqbak")
    assert "No backup named" in exc.value.text("en")
    (older / DB_NAME).write_bytes(b"broken")
    with pytest.raises(BackupError) as exc:
        choose_backup(folder, seeded.key)
    assert "No good backup" in exc.value.text("en")


def test_progress_reaches_the_end(seeded, tmp_path: Path) -> None:
    backup = create_backup(seeded).info.path
    steps: list[tuple[int, int]] = []
    restore_to_new(backup, tmp_path / "n", seeded.key, progress=lambda d, t: steps.append((d, t)))
    assert steps and steps[-1][0] == steps[-1][1]
    assert [d for d, _ in steps] == sorted(d for d, _ in steps)


def test_missing_workspace_file_comes_back_from_the_backup(seeded) -> None:
    ws = seeded
    backup = create_backup(ws).info.path
    ws.close()
    meta = (ws.path / META_FILE).read_bytes()
    (ws.path / META_FILE).unlink()
    restore_in_place(ws.path, ws.key, backup)
    assert (ws.path / META_FILE).read_bytes() == meta
    open_workspace(ws.path, TEST_PASSPHRASE).close()
