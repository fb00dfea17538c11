"""The check split over two connections finds everything PRAGMA integrity_check finds."""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from app import backup_check
from app.backup import create_backup, verify_backup
from app.backup_files import DB_NAME, MANIFEST_NAME, open_keyed
from tests.unit.backup.backup_helpers import add_customers


def _tamper(path: Path, key: bytes, *sql: str) -> None:
    """Change the backup's database with the key, then record its new checksum."""
    conn = open_keyed(path / DB_NAME, key, readonly=False)
    try:
        for statement in sql:
            conn.execute(statement)
    finally:
        conn.close()
    data = (path / DB_NAME).read_bytes()
    manifest = json.loads((path / MANIFEST_NAME).read_text(encoding="utf-8"))
    manifest["files"][DB_NAME] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    (path / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")


def _pragma(path: Path, key: bytes, sql: str) -> list[str]:
    conn = open_keyed(path / DB_NAME, key, readonly=True)
    try:
        return [str(r[0]) for r in conn.execute(sql)]
    finally:
        conn.close()


@pytest.fixture
def backup(workspace) -> tuple[Path, bytes]:
    add_customers(workspace, 300)
    return create_backup(workspace).info.path, workspace.key


def test_an_index_that_disagrees_with_its_table_is_found(backup: tuple[Path, bytes]) -> None:
    path, key = backup
    rows = ", ".join(f"({i}, {1000 - i})" for i in range(200))
    _tamper(
        path,
        key,
        "CREATE TABLE probe (a INTEGER, b INTEGER)",
        "CREATE INDEX probe_a ON probe (a)",
        f"INSERT INTO probe VALUES {rows}",
        "PRAGMA writable_schema = ON",
        "UPDATE sqlite_master SET sql = 'CREATE INDEX probe_a ON probe (b)' WHERE name = 'probe_a'",
    )
    # the file-wide pass alone does not see it: only the per-table index lookups do
    assert _pragma(path, key, "PRAGMA quick_check") == ["ok"]
    result = verify_backup(path, key)
    assert not result.ok
    assert "The database in the backup is damaged" in result.text("en")
    assert "missing from index probe_a" in result.text("en")


def test_pages_no_table_uses_any_more_are_found(backup: tuple[Path, bytes]) -> None:
    path, key = backup
    _tamper(
        path,
        key,
        "CREATE TABLE lost (x TEXT)",
        "INSERT INTO lost SELECT hex(randomblob(500)) FROM customer",
        "PRAGMA writable_schema = ON",
        "DELETE FROM sqlite_master WHERE name = 'lost'",
    )
    # every table checked one by one looks fine: only the file-wide page accounting sees it
    conn = open_keyed(path / DB_NAME, key, readonly=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            assert backup_check.run_item(conn, table) == []
    finally:
        conn.close()
    result = verify_backup(path, key)
    assert not result.ok
    assert "never used" in result.text("en")


def test_work_items_cover_every_table_once_biggest_first(backup: tuple[Path, bytes]) -> None:
    path, key = backup
    conn = open_keyed(path / DB_NAME, key, readonly=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        items = backup_check.work_items(conn, {"customer": 300, "outbox": 300})
    finally:
        conn.close()
    assert items[0] == backup_check.QUICK
    assert sorted(items[1:]) == sorted(tables)
    assert items[1] == "customer"  # as many rows as the outbox, more indexes


def test_a_failing_worker_stops_the_others(
    backup: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, key = backup
    calls: list[str] = []
    lock = threading.Lock()
    real = backup_check.run_item

    def run_item(conn: Any, item: str) -> list[str]:
        with lock:
            calls.append(item)
        if item == "customer":
            raise sqlcipher3.DatabaseError("database disk image is malformed")
        return real(conn, item)

    monkeypatch.setattr(backup_check, "run_item", run_item)
    result = verify_backup(path, key)
    assert [p.text("en") for p in result.problems] == [
        "The database in the backup is damaged: database disk image is malformed"
    ]
    conn = open_keyed(path / DB_NAME, key, readonly=True)
    try:
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()
    finally:
        conn.close()
    assert len(calls) < tables[0] + 1  # the queue was abandoned


def test_both_connections_work(backup: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    path, key = backup
    seen: set[int] = set()
    real = backup_check.run_item

    def run_item(conn: Any, item: str) -> list[str]:
        seen.add(id(conn))
        threading.Event().wait(0.01)  # let the other worker take items too
        return real(conn, item)

    monkeypatch.setattr(backup_check, "run_item", run_item)
    assert verify_backup(path, key).ok
    assert len(seen) == backup_check.WORKERS
