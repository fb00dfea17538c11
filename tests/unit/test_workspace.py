"""Workspace: encrypted at rest, opened only with the right key, migrated safely."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from app import db
from app.db import transaction
from app.errors import ValidationError, WorkspaceError
from app.models import Customer, OutboxEntry, ReceiptBlock
from app.workspace import DB_FILE, META_FILE, create_workspace, open_workspace
from tests.conftest import TEST_PASSPHRASE


def _customer(**kw: object) -> Customer:
    base = {
        "code": "C-0001",
        "name": "测试商贸",
        "name_key": "测试商贸",
        "kind": "company",
        "owner": "rep01",
    }
    base.update(kw)
    return Customer(**base)


def test_database_file_is_not_readable_by_plain_sqlite(workspace) -> None:
    with transaction(workspace.sessions) as s:
        s.add(_customer())
    workspace.close()
    raw = (workspace.path / DB_FILE).read_bytes()
    assert b"SQLite format 3" not in raw[:100]
    assert "测试商贸".encode() not in raw
    conn = sqlite3.connect(workspace.path / DB_FILE)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT name FROM sqlite_master").fetchall()
    conn.close()


def test_reopen_with_right_passphrase_sees_data(workspace) -> None:
    with transaction(workspace.sessions) as s:
        s.add(_customer())
    workspace.close()
    ws = open_workspace(workspace.path, TEST_PASSPHRASE)
    with ws.sessions() as s:
        assert s.scalar(select(Customer.name)) == "测试商贸"
    ws.close()


def test_wrong_passphrase_gives_clear_error_and_touches_nothing(workspace) -> None:
    workspace.close()
    before = (workspace.path / DB_FILE).read_bytes()
    with pytest.raises(WorkspaceError) as exc:
        open_workspace(workspace.path, "not the passphrase")
    assert "wrong passphrase" in exc.value.text("en")
    assert (workspace.path / DB_FILE).read_bytes() == before


def test_missing_passphrase_is_explained(workspace) -> None:
    workspace.close()
    with pytest.raises(WorkspaceError) as exc:
        open_workspace(workspace.path, None)
    assert "passphrase" in exc.value.text("en")


def test_not_a_workspace(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError) as exc:
        open_workspace(tmp_path, TEST_PASSPHRASE)
    assert "No Waiqin workspace" in exc.value.text("en")


def test_init_refuses_existing_workspace(workspace) -> None:
    with pytest.raises(WorkspaceError):
        create_workspace(workspace.path, TEST_PASSPHRASE)


def test_short_passphrase_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as exc:
        create_workspace(tmp_path / "w", "short")
    assert exc.value.field == "passphrase"
    assert not (tmp_path / "w" / DB_FILE).exists()


def test_no_keyring_and_no_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError) as exc:
        create_workspace(tmp_path / "w", None)
    assert "keyring" in exc.value.text("en")


def test_new_workspace_has_device_code_and_provisional_receipt_block(workspace) -> None:
    code = workspace.state("device_code")
    assert code and len(code) == 6
    with workspace.sessions() as s:
        block = s.scalar(select(ReceiptBlock))
    assert block is not None and block.device_code == code and block.provisional


def test_outbox_row_written_in_same_transaction(workspace) -> None:
    with transaction(workspace.sessions) as s:
        c = _customer()
        s.add(c)
    with transaction(workspace.sessions) as s:
        s.get(Customer, c.id).phone = "13900000000"
    with workspace.sessions() as s:
        rows = s.scalars(select(OutboxEntry).order_by(OutboxEntry.id)).all()
    assert [(r.op, r.entity, r.entity_id) for r in rows] == [
        ("insert", "customer", c.id),
        ("update", "customer", c.id),
    ]
    assert rows[1].changed == ["phone"]
    assert rows[1].payload["phone"] == "13900000000"


def test_rolled_back_change_leaves_no_outbox_row(workspace) -> None:
    with pytest.raises(RuntimeError), transaction(workspace.sessions) as s:
        s.add(_customer())
        s.flush()
        raise RuntimeError("boom")
    with workspace.sessions() as s:
        assert s.scalar(select(OutboxEntry)) is None
        assert s.scalar(select(Customer)) is None


def test_newer_schema_is_refused(workspace) -> None:
    with workspace.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    workspace.close()
    with pytest.raises(WorkspaceError) as exc:
        open_workspace(workspace.path, TEST_PASSPHRASE)
    assert "newer version" in exc.value.text("en")


def test_old_schema_is_upgraded_after_a_backup(workspace) -> None:
    with workspace.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM alembic_version")
        conn.exec_driver_sql(f"INSERT INTO alembic_version VALUES ('{db.head_revision()}')")
    # Simulate an older build by pretending head moved: the backup must be taken
    # whenever an existing schema is upgraded. Here the schema is already at head,
    # so only check the backup function itself keeps the file encrypted.
    from app.workspace import pre_migration_backup

    target = pre_migration_backup(workspace.path, workspace.engine)
    assert target.exists()
    assert b"SQLite format 3" not in target.read_bytes()[:100]
    assert db.current_revision(workspace.engine) == db.head_revision()


def test_meta_holds_no_secret(workspace) -> None:
    meta = json.loads((workspace.path / META_FILE).read_text(encoding="utf-8"))
    assert meta["key_mode"] == "passphrase"
    assert TEST_PASSPHRASE not in json.dumps(meta)
    assert set(meta) == {"format", "workspace_id", "created_at", "key_mode", "kdf"}
