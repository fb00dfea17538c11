"""Unsynced changes leave the laptop in one encrypted file only the passphrase opens."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from sqlalchemy import update

from app.backup_export import export_unsynced, import_unsynced
from app.backup_files import BackupError
from app.db import transaction
from app.errors import ValidationError
from app.models import OutboxEntry, utcnow
from app.services.audit import count_events
from tests.unit.backup.backup_helpers import add_customers, pending_ids

PASS = "export-pass-456"


def test_round_trip_carries_every_pending_change(workspace, tmp_path: Path) -> None:
    add_customers(workspace, 3)
    with transaction(workspace.sessions) as s:  # the first one reached the server
        s.execute(update(OutboxEntry).where(OutboxEntry.id == 1).values(acked_at=utcnow()))
    out = tmp_path / "changes.wqx"
    written = export_unsynced(workspace, out, PASS)
    bundle = import_unsynced(out, PASS)
    assert bundle == written
    assert [e.id for e in bundle.entries] == pending_ids(workspace)[: len(bundle.entries)]
    assert [e.id for e in bundle.entries] == [2, 3]
    assert bundle.workspace_id == workspace.workspace_id
    assert bundle.device_id == workspace.state("device_id")
    assert bundle.entries[0].entity == "customer" and bundle.entries[0].op == "insert"
    assert bundle.entries[0].payload["name"].startswith("测试客户")
    assert count_events(workspace, "export_unsynced") == 1


def test_file_reveals_nothing(workspace, tmp_path: Path) -> None:
    add_customers(workspace, 2)
    out = tmp_path / "changes.wqx"
    export_unsynced(workspace, out, PASS)
    raw = out.read_bytes()
    assert "测试客户".encode() not in raw
    assert b"customer" not in raw
    assert workspace.workspace_id.encode() not in raw


def test_wrong_passphrase_is_refused(workspace, tmp_path: Path) -> None:
    out = tmp_path / "changes.wqx"
    export_unsynced(workspace, out, PASS)
    with pytest.raises(BackupError) as exc:
        import_unsynced(out, "another-passphrase")
    assert "Wrong passphrase" in exc.value.text("en")


@pytest.mark.parametrize("part", ["ciphertext", "nonce", "kdf"])
def test_tampered_file_is_refused(workspace, tmp_path: Path, part: str) -> None:
    add_customers(workspace, 1)
    out = tmp_path / "changes.wqx"
    export_unsynced(workspace, out, PASS)
    data = json.loads(out.read_text(encoding="utf-8"))
    if part == "kdf":
        data["kdf"]["r"] = 4  # a changed header is authenticated too
    else:
        raw = bytearray(base64.b64decode(data[part]))
        raw[len(raw) // 2] ^= 0x01
        data[part] = base64.b64encode(bytes(raw)).decode()
    out.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BackupError) as exc:
        import_unsynced(out, PASS)
    text = exc.value.text("en")
    assert "changed or damaged" in text or "Wrong passphrase" in text


def test_changed_ciphertext_says_damaged_not_wrong_passphrase(workspace, tmp_path: Path) -> None:
    out = tmp_path / "changes.wqx"
    export_unsynced(workspace, out, PASS)
    data = json.loads(out.read_text(encoding="utf-8"))
    raw = bytearray(base64.b64decode(data["ciphertext"]))
    raw[0] ^= 0x80
    data["ciphertext"] = base64.b64encode(bytes(raw)).decode()
    out.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BackupError) as exc:
        import_unsynced(out, PASS)
    assert "changed or damaged" in exc.value.text("en")


@pytest.mark.parametrize("content", [b"", b"not json", b'{"format": "other"}', b"\xff\xfe"])
def test_not_an_export_file(tmp_path: Path, content: bytes) -> None:
    f = tmp_path / "x.wqx"
    f.write_bytes(content)
    with pytest.raises(BackupError) as exc:
        import_unsynced(f, PASS)
    assert "not a Waiqin export file" in exc.value.text("en")


def test_short_passphrase_is_refused(workspace, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        export_unsynced(workspace, tmp_path / "x.wqx", "short")
    assert not (tmp_path / "x.wqx").exists()


def test_nothing_pending_gives_an_empty_but_valid_file(workspace, tmp_path: Path) -> None:
    out = tmp_path / "none.wqx"
    assert export_unsynced(workspace, out, PASS).entries == ()
    assert import_unsynced(out, PASS).entries == ()
