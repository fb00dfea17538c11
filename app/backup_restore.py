"""Restore a verified backup in place (after a safety backup) or into a new workspace folder.

What a restore cannot bring back is named: changes made after the backup
that the server already has come back with the next sync; changes made after
it that never reached the server are listed so the rep knows what to re-enter.

Counters that must never go backwards are carried forward from the current
database when it can be read: the outbox mutation number (the server ignores
numbers it has seen) and the next number of each receipt book (a number
handed to a customer on paper stays used).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3

from app import db
from app.backup import BACKUPS_DIR, create_backup_at
from app.backup_files import (
    DB_NAME,
    META_NAME,
    BackupInfo,
    Cancel,
    Progress,
    backup_dirs,
    backup_error,
    copy_file,
    fsync_path,
    info_of,
    open_keyed,
    read_manifest,
    storage_error,
)
from app.backup_report import LostChange, RestoreReport
from app.backup_verify import Meter, verify_backup
from app.errors import WorkspaceError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import utcnow
from app.workspace import SUBDIRS, resolve_key

log = logging.getLogger(__name__)

_LABEL_FIELDS = ("number", "local_number", "name", "code", "title")


@dataclass(frozen=True)
class _Current:
    outbox: list[dict[str, Any]]
    outbox_seq: int
    receipt_blocks: list[dict[str, Any]]


def key_for_backup(backup: Path, passphrase: str | None) -> bytes:
    """The key that opens a backup: its own workspace.json with the passphrase or keyring."""
    try:
        meta = json.loads((backup / META_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise backup_error(
            QT_TRANSLATE_NOOP("backup", "Incomplete backup: {file} is missing."), file=META_NAME
        ) from exc
    return resolve_key(meta, passphrase)


def find_backup(folder: Path, name: str) -> Path:
    """The backup called ``name`` in ``folder``, or at the path ``name``."""
    path = Path(name)
    path = path if path.is_dir() else folder / name
    if not path.is_dir():
        raise backup_error(
            QT_TRANSLATE_NOOP("backup", "No backup named {name} in {folder}."),
            name=name,
            folder=str(folder),
        )
    return path


def choose_backup(
    folder: Path,
    key: bytes,
    name: str | None = None,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Path:
    """The backup named (a name in ``folder`` or a path), else the newest that verifies."""
    if name is not None:
        return find_backup(folder, name)
    for path in backup_dirs(folder):
        if verify_backup(path, key, progress=progress, cancel=cancel).ok:
            return path
        log.warning("skipping a backup that fails verification: %s", path.name)
    raise backup_error(
        QT_TRANSLATE_NOOP("backup", "No good backup found in {folder}."), folder=str(folder)
    )


def _span(meter: Meter, lo: int, hi: int) -> Progress:
    def report(done: int, total: int) -> None:
        meter.to(lo + (hi - lo) * done // max(total, 1))

    return report


def _verified(backup: Path, key: bytes, meter: Meter, hi: int) -> BackupInfo:
    result = verify_backup(backup, key, progress=_span(meter, meter.done, hi))
    if not result.ok:
        raise backup_error(
            QT_TRANSLATE_NOOP(
                "backup",
                "The backup {name} failed verification ({problem}). Nothing was changed; "
                "choose another backup.",
            ),
            name=backup.name,
            problem=result.problems[0].text(),
        )
    return info_of(backup, read_manifest(backup))


def _read_current(db_path: Path, key: bytes, after_seq: int) -> _Current | None:
    """Outbox rows newer than the backup and receipt books, or None when unreadable."""
    if not db_path.exists():
        return None
    try:
        conn = db.connect_raw(db_path, key)
    except WorkspaceError:
        return None
    try:
        conn.row_factory = sqlcipher3.Row
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return None
        rows = conn.execute(
            "SELECT id, entity, entity_id, op, payload, created_at, acked_at FROM outbox "
            "WHERE id > ? ORDER BY id",
            (after_seq,),
        ).fetchall()
        seq = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").fetchone()
        blocks = conn.execute("SELECT * FROM receipt_block").fetchall()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlcipher3.DatabaseError:
        return None
    finally:
        conn.close()
    return _Current([dict(r) for r in rows], int(seq[0]) if seq else 0, [dict(b) for b in blocks])


def _lost(current: _Current) -> tuple[tuple[LostChange, ...], int]:
    lost: list[LostChange] = []
    returning = 0
    for r in current.outbox:
        if r["acked_at"] is not None:
            returning += 1
            continue
        try:
            payload = json.loads(r["payload"]) if isinstance(r["payload"], str) else {}
        except ValueError:
            payload = {}
        label = next((str(payload[f]) for f in _LABEL_FIELDS if payload.get(f)), "")
        created = dt.datetime.fromisoformat(str(r["created_at"])).replace(tzinfo=dt.UTC)
        lost.append(LostChange(r["entity"], r["entity_id"], r["op"], created, label))
    return tuple(lost), returning


def _carry_forward(target: Path, key: bytes, current: _Current | None, backup: BackupInfo) -> None:
    """Keep counters moving forward and mark the restore for the next sync."""
    conn = open_keyed(target, key, readonly=False)
    try:
        conn.execute("BEGIN IMMEDIATE")
        if current is not None:
            seq = max(current.outbox_seq, max((r["id"] for r in current.outbox), default=0))
            got = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").fetchone()
            if got is None:
                conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('outbox', ?)", (seq,))
            elif int(got[0]) < seq:
                conn.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'outbox'", (seq,))
            for block in current.receipt_blocks:
                conn.execute(
                    "UPDATE receipt_block SET next_no = max(next_no, ?) "
                    "WHERE device_code = ? AND first_no = ?",
                    (block["next_no"], block["device_code"], block["first_no"]),
                )
                if conn.execute("SELECT changes()").fetchone()[0] == 0:
                    cols = ", ".join(f'"{c}"' for c in block)
                    marks = ", ".join("?" for _ in block)
                    conn.execute(
                        f"INSERT OR IGNORE INTO receipt_block ({cols}) VALUES ({marks})",
                        tuple(block.values()),
                    )
        for k, v in (
            ("restored_from_backup", backup.name),
            ("restored_backup_created_at", backup.created_at.isoformat()),
            ("restored_at", utcnow().isoformat()),
        ):
            conn.execute("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)", (k, v))
        conn.execute("COMMIT")
    finally:
        conn.close()
    fsync_path(target)


def _stage(backup: BackupInfo, folder: Path, meter: Meter, hi: int) -> Path:
    """Copy the backup's database next to its destination and check the copy's checksum."""
    staged = folder / f".restore-{utcnow():%Y%m%dT%H%M%S%f}.db"
    want = backup.manifest["files"][DB_NAME]
    span = _span(meter, meter.done, hi)
    copied = [0]

    def on_bytes(n: int) -> None:
        copied[0] += n
        span(copied[0], int(want["size"]))

    size, sha = copy_file(backup.path / DB_NAME, staged, on_bytes)
    if (size, sha) != (int(want["size"]), want["sha256"]):
        staged.unlink(missing_ok=True)
        raise backup_error(
            QT_TRANSLATE_NOOP(
                "backup", "The copy of the backup differs from the original. Nothing was changed."
            )
        )
    return staged


def _swap_in(staged: Path, data_dir: Path) -> None:
    """Replace the workspace database by the staged file; stale WAL files go first."""
    for suffix in ("-wal", "-shm"):
        (data_dir / (DB_NAME + suffix)).unlink(missing_ok=True)
    os.replace(staged, data_dir / DB_NAME)
    fsync_path(data_dir)


def restore_in_place(
    data_dir: Path,
    key: bytes,
    backup: Path,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    now: dt.datetime | None = None,
) -> RestoreReport:
    """Replace the workspace's database by ``backup``, after a safety backup of the current one.

    Close every engine on the workspace first (``Workspace.close()``); reopen afterwards.
    """
    data_dir = data_dir.expanduser().resolve()
    meter = Meter(1000, progress, cancel)
    info = _verified(backup, key, meter, 400)
    meta = _read_meta(data_dir)
    if meta is not None and info.workspace_id and meta.get("workspace_id") != info.workspace_id:
        raise backup_error(
            QT_TRANSLATE_NOOP(
                "backup",
                "This backup belongs to another workspace. Restore it into a new folder instead.",
            )
        )
    staged: Path | None = None
    try:
        if meta is None:  # lost: the backup's copy belongs to the same key
            _write_meta(data_dir, (backup / META_NAME).read_bytes())
        staged = _stage(info, data_dir, meter, 700)
        current = _read_current(data_dir / DB_NAME, key, int(info.manifest.get("outbox_seq", 0)))
        safety, quarantined = None, None
        if current is not None:
            safety = create_backup_at(
                data_dir,
                key,
                info.workspace_id,
                "pre-restore",
                progress=_span(meter, 700, 950),
                cancel=cancel,
                now=now,
            ).info
        elif (data_dir / DB_NAME).exists():
            quarantined = _quarantine(data_dir)
        meter.check()
        _carry_forward(staged, key, current, info)
        _swap_in(staged, data_dir)
        staged = None
    except OSError as exc:
        raise storage_error(exc, data_dir) from exc
    finally:
        if staged is not None:
            staged.unlink(missing_ok=True)
    meter.to(meter.total)
    lost, returning = _lost(current) if current is not None else ((), 0)
    log.info("restored %s in place (%d changes to re-enter)", info.name, len(lost))
    return RestoreReport(
        info, data_dir, True, safety, quarantined, current is not None, lost, returning
    )


def restore_to_new(
    backup: Path,
    new_dir: Path,
    key: bytes,
    *,
    compare_with: Path | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> RestoreReport:
    """Restore ``backup`` into a new workspace folder (same key: same passphrase or keyring).

    ``compare_with`` (the old workspace folder, if still readable) lists what the
    backup lacks and carries its counters forward. Both folders act as the same
    device: synchronise only one of them.
    """
    new_dir = new_dir.expanduser().resolve()
    if (new_dir / META_NAME).exists() or (new_dir / DB_NAME).exists():
        raise backup_error(
            QT_TRANSLATE_NOOP(
                "backup", "{path} already holds a workspace; choose an empty folder."
            ),
            path=str(new_dir),
        )
    meter = Meter(1000, progress, cancel)
    info = _verified(backup, key, meter, 450)
    current = None
    if compare_with is not None:
        seq = int(info.manifest.get("outbox_seq", 0))
        current = _read_current(compare_with.expanduser().resolve() / DB_NAME, key, seq)
    staged: Path | None = None
    try:
        new_dir.mkdir(parents=True, exist_ok=True)
        for sub in SUBDIRS:
            (new_dir / sub).mkdir(exist_ok=True)
        staged = _stage(info, new_dir, meter, 950)
        meter.check()
        _carry_forward(staged, key, current, info)
        _swap_in(staged, new_dir)
        staged = None
        _write_meta(new_dir, (backup / META_NAME).read_bytes())
        fsync_path(new_dir)
    except OSError as exc:
        raise storage_error(exc, new_dir) from exc
    finally:
        if staged is not None:
            staged.unlink(missing_ok=True)
    meter.to(meter.total)
    lost, returning = _lost(current) if current is not None else ((), 0)
    return RestoreReport(info, new_dir, False, None, None, current is not None, lost, returning)


def _write_meta(folder: Path, data: bytes) -> None:
    tmp = folder / (META_NAME + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, folder / META_NAME)


def _read_meta(data_dir: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((data_dir / META_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _quarantine(data_dir: Path) -> Path:
    """Move an unreadable database (and its WAL) aside, never deleting it."""
    target = data_dir / BACKUPS_DIR / f"damaged-{utcnow():%Y%m%dT%H%M%SZ}"
    target.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        src = data_dir / (DB_NAME + suffix)
        if src.exists():
            os.replace(src, target / src.name)
    log.warning("unreadable database moved aside before restore")
    return target
