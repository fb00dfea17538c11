"""Local backups a rep can trust: made while the app runs, encrypted, verified, rotated.

A backup is the workspace's encrypted file copied as it is (same key, so its
pages need no decrypting and re-encrypting), as one consistent snapshot:
writers are held only while the WAL's frames are copied (milliseconds), the
main file is copied beside an open read transaction (see
:mod:`app.backup_copy` for why that is exact). When a writer keeps the lock
longer than ``backup_copy.LOCK_WAIT_MS``, the copy falls back to SQLite's
online backup API inside one read transaction (writers never blocked, every
page re-encrypted). The new file is then checked with every test of
``PRAGMA integrity_check`` (run on two connections at once,
:mod:`app.backup_check`), its counts compared with the manifest read from the
same snapshot, flushed to disk and checksummed on a third thread, and only
then renamed from ``.tmp-<name>`` to its final name. ``waiqin backup verify``
runs the same check. See :mod:`app.backup_files` for the folder layout and
:mod:`app.backup_rotation` for what rotation keeps. Restore lives in
:mod:`app.backup_restore`, export of unsynced changes in :mod:`app.backup_export`.

UI entry points (all blocking: run them on a worker thread):
``create_backup``, ``backup_if_due``, ``list_backups``, ``verify_backup``,
``verify_all``; each long one takes ``progress(done, total)`` and ``cancel()``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine

from app import db
from app.backup_copy import snapshot_copy
from app.backup_files import (
    DB_NAME,
    FORMAT,
    MANIFEST_NAME,
    META_NAME,
    OWNER_NAME,
    REASONS,
    TMP_PREFIX,
    BackupCancelledError,
    BackupError,
    BackupInfo,
    Cancel,
    Progress,
    backup_dirs,
    backup_error,
    cleanup_stale,
    copy_file,
    digest,
    fsync_path,
    info_of,
    list_backups,
    make_name,
    open_keyed,
    rotate,
    storage_error,
    write_json,
    write_owner,
)
from app.backup_mirror import get_mirror_dir, mirror_copy, mirror_setting_raw, set_mirror_dir
from app.backup_rotation import DEFAULT_POLICY, Policy
from app.backup_verify import (
    Background,
    Meter,
    VerifyResult,
    check_db,
    check_opened,
    db_facts,
    verify_backup,
)
from app.i18n import QT_TRANSLATE_NOOP, Msg
from app.models import utcnow

log = logging.getLogger(__name__)

__all__ = [
    "BackupCancelledError",
    "BackupError",
    "BackupInfo",
    "BackupResult",
    "Cancel",
    "Progress",
    "VerifyResult",
    "backup_if_due",
    "create_backup",
    "create_backup_at",
    "get_mirror_dir",
    "list_backups",
    "pre_migration_backup",
    "rotate",
    "set_mirror_dir",
    "verify_all",
    "verify_backup",
]

STEP_PAGES = 256
BACKUPS_DIR = "backups"


@dataclass(frozen=True)
class BackupResult:
    """A new verified backup, its mirror copy (or why none), and what rotation removed."""

    info: BackupInfo
    mirror_path: Path | None = None
    mirror_error: Msg | None = None
    removed: list[str] = field(default_factory=list)


def app_version() -> str:
    """The installed Waiqin version (recorded in manifests)."""
    try:
        return metadata.version("waiqin")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare tree
        return "0"


def _check_reason(reason: str) -> None:
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")


# --------------------------------------------------------------------------- create


Copier = Callable[[Path, Meter], dict[str, Any]]
Checker = Callable[[Path, dict[str, Any], Meter], list[Msg]]


def _build(
    folder: Path,
    reason: str,
    now: dt.datetime,
    meta_file: Path,
    workspace_id: str,
    copier: Copier,
    checker: Checker,
    meter: Meter,
) -> BackupInfo:
    """Shared pipeline: temp folder, copy, manifest, check, rename. Cleans up on any error."""
    folder.mkdir(parents=True, exist_ok=True)
    cleanup_stale(folder)
    name = make_name(folder, now, reason)
    tmp = folder / (TMP_PREFIX + name)
    try:
        tmp.mkdir()
        write_owner(tmp)
        facts = copier(tmp / DB_NAME, meter)
        meta_size, meta_sha = copy_file(meta_file, tmp / META_NAME)
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "app_version": app_version(),
            "workspace_id": workspace_id,
            "created_at": now.astimezone(dt.UTC).isoformat(),
            "reason": reason,
            **facts,
        }
        meter.to(meter.total * 2 // 3)
        # The copy is flushed to disk and its checksum computed beside SQLite's check.
        with Background(lambda tick: _flush_and_digest(tmp / DB_NAME, tick)) as hashing:
            problems = checker(tmp / DB_NAME, manifest, meter)
        db_size, db_sha = hashing.result()
        manifest["files"] = {
            DB_NAME: {"size": db_size, "sha256": db_sha},
            META_NAME: {"size": meta_size, "sha256": meta_sha},
        }
        write_json(tmp / MANIFEST_NAME, manifest)
        if problems:
            raise backup_error(
                QT_TRANSLATE_NOOP(
                    "backup",
                    "The new backup failed its check and was discarded ({problem}). "
                    "Earlier backups are unchanged.",
                ),
                problem=problems[0].text(),
            )
        fsync_path(tmp)
        final = folder / name
        os.replace(tmp, final)
        fsync_path(folder)
        (final / OWNER_NAME).unlink(missing_ok=True)
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, BackupError | KeyboardInterrupt | SystemExit):
            raise
        if isinstance(exc, OSError | sqlcipher3.Error):
            raise storage_error(exc, folder) from exc
        raise
    meter.to(meter.total)
    log.info("backup written: %s (%d bytes)", name, db_size + meta_size)
    return info_of(final, manifest)


def _flush_and_digest(path: Path, tick: Callable[[int], None]) -> tuple[int, str]:
    fsync_path(path)
    return digest(path, tick)


def _live_copier(src_path: Path, key: bytes) -> Copier:
    """The encrypted file copied as it is (:mod:`app.backup_copy`), else the online backup API."""

    def copy(target: Path, meter: Meter) -> dict[str, Any]:
        facts = snapshot_copy(src_path, key, target, meter)
        if facts is None:
            for leftover in target.parent.glob(target.name + "*"):
                leftover.unlink()
            facts = _api_copy(src_path, key, target, meter)
        return facts

    return copy


def _api_copy(src_path: Path, key: bytes, target: Path, meter: Meter) -> dict[str, Any]:
    """Online backup API from a live keyed connection, in one read snapshot (re-encrypts)."""
    src = db.connect_raw(src_path, key)
    try:
        src.isolation_level = None
        src.execute("BEGIN")
        facts = db_facts(src)  # first read: the snapshot starts here
        pages = int(src.execute("PRAGMA page_count").fetchone()[0])
        meter.total = max(3 * pages, 1)
        dst = open_keyed(target, key, readonly=False)
        try:

            def step(status: int, remaining: int, total: int) -> None:
                meter.to(total - remaining)

            src.backup(dst, pages=STEP_PAGES, progress=step)
            dst.execute("PRAGMA journal_mode = DELETE").fetchone()
        finally:
            dst.close()
        src.execute("ROLLBACK")
    finally:
        src.close()
    return facts


def _keyed_checker(key: bytes) -> Checker:
    def check(target: Path, manifest: dict[str, Any], meter: Meter) -> list[Msg]:
        return check_opened(target, key, manifest, meter)

    return check


def create_backup_at(
    data_dir: Path,
    key: bytes,
    workspace_id: str,
    reason: str = "manual",
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    now: dt.datetime | None = None,
    mirror: Path | None = None,
    policy: Policy = DEFAULT_POLICY,
) -> BackupResult:
    """Back up the workspace database in ``data_dir`` (no open Workspace needed)."""
    _check_reason(reason)
    now = now or utcnow()
    folder = data_dir / BACKUPS_DIR
    meter = Meter(1, progress, cancel)
    meter.check()
    info = _build(
        folder,
        reason,
        now,
        data_dir / META_NAME,
        workspace_id,
        _live_copier(data_dir / DB_NAME, key),
        _keyed_checker(key),
        meter,
    )
    removed = rotate(folder, now, policy)
    mirror_path, mirror_error = (None, None)
    if mirror is not None:
        mirror_path, mirror_error = mirror_copy(info, mirror, now, policy)
    return BackupResult(info, mirror_path, mirror_error, removed)


def create_backup(
    ws: Any,
    reason: str = "manual",
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    now: dt.datetime | None = None,
    mirror: Path | None = None,
    use_mirror: bool = True,
) -> BackupResult:
    """Back up an open Workspace while it keeps working; copy to the mirror folder.

    ``mirror`` overrides the ``backup_mirror_dir`` setting; ``use_mirror=False`` skips it.
    """
    target = mirror if mirror is not None else (get_mirror_dir(ws) if use_mirror else None)
    return create_backup_at(
        ws.path,
        ws.key,
        ws.workspace_id,
        reason,
        progress=progress,
        cancel=cancel,
        now=now,
        mirror=target,
    )


def backup_if_due(
    ws: Any,
    now: dt.datetime | None = None,
    *,
    tz: dt.tzinfo | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> BackupResult | None:
    """The daily backup: made when no backup exists yet for today (local calendar day)."""
    now = now or utcnow()
    zone = tz or dt.datetime.now().astimezone().tzinfo or dt.UTC
    today = now.astimezone(zone).date()
    for b in list_backups(ws.path / BACKUPS_DIR):
        if b.created_at.astimezone(zone).date() == today:
            return None
    return create_backup(ws, "daily", progress=progress, cancel=cancel, now=now)


# --------------------------------------------------------------------------- verify, rotate


def verify_all(
    folder: Path,
    key: bytes,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> list[VerifyResult]:
    """Verify every backup folder (complete-looking or not), newest first."""
    dirs = backup_dirs(folder)
    results: list[VerifyResult] = []
    for i, path in enumerate(dirs):
        if progress is not None:
            progress(i, len(dirs))
        results.append(verify_backup(path, key, cancel=cancel))
    if progress is not None:
        progress(len(dirs), len(dirs))
    return results


# --------------------------------------------------------------------------- pre-migration


def pre_migration_backup(path: Path, engine: Engine, now: dt.datetime | None = None) -> Path:
    """A verified backup before a schema upgrade, through the engine's own connection.

    The engine's connection already holds the key; ``VACUUM INTO`` and ``ATTACH``
    without a KEY clause reuse it, so no key has to be passed around here.
    """
    now = now or utcnow()
    folder = path / BACKUPS_DIR
    raw = engine.raw_connection()
    conn: Any = raw.driver_connection
    try:

        def copy(target: Path, meter: Meter) -> dict[str, Any]:
            facts = db_facts(conn)
            conn.execute("VACUUM INTO ?", (str(target),))
            fsync_path(target)
            return facts

        def check(target: Path, manifest: dict[str, Any], meter: Meter) -> list[Msg]:
            conn.execute("ATTACH DATABASE ? AS wq_backup", (str(target),))
            try:
                return check_db(conn, manifest, "wq_backup")
            finally:
                conn.execute("DETACH DATABASE wq_backup")

        meta = path / META_NAME
        workspace_id = _workspace_id(meta)
        info = _build(
            folder, "pre-migration", now, meta, workspace_id, copy, check, Meter(1, None, None)
        )
        mirror = mirror_setting_raw(conn)
    finally:
        raw.close()
    rotate(folder, now)
    if mirror is not None:
        mirror_copy(info, mirror, now, DEFAULT_POLICY)
    return info.path


def _workspace_id(meta_file: Path) -> str:
    try:
        return str(json.loads(meta_file.read_text(encoding="utf-8"))["workspace_id"])
    except (OSError, ValueError, KeyError):
        return ""
