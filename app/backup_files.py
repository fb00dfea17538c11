"""Backup folders on disk: names, manifest, checksums, keyed opening and verification.

One backup is a folder ``waiqin-YYYYmmddTHHMMSSZ-<reason>.wqbak/`` holding:

* ``waiqin.db``: the SQLCipher database, encrypted with the workspace key;
* ``workspace.json``: a copy of the workspace metadata (key mode, scrypt salt,
  no secret), so the backup alone can be restored on another laptop;
* ``manifest.json``: time, reason, schema revision, record counts per table,
  unsynced outbox ids, size and sha256 of both files. No personal data.

A backup is written as ``.tmp-<name>`` and renamed only once complete and
verified, so a crash or a full disk never leaves a folder that looks good.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import logging
import os
import re
import shutil
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3

from app.backup_rotation import DEFAULT_POLICY, Policy, Stamp, keep_set
from app.errors import WaiqinError
from app.i18n import QT_TRANSLATE_NOOP, msg

log = logging.getLogger(__name__)

FORMAT = 1
SUFFIX = ".wqbak"
TMP_PREFIX = ".tmp-"
DB_NAME = "waiqin.db"
META_NAME = "workspace.json"
MANIFEST_NAME = "manifest.json"
OWNER_NAME = "owner"
REASONS = ("manual", "daily", "close", "pre-migration", "pre-restore")
STALE_TMP_AGE = dt.timedelta(hours=6)
_NAME_RE = re.compile(r"^waiqin-(\d{8}T\d{6}Z)-([a-z]+(?:-[a-z]+)*?)(?:-(\d+))?\.wqbak$")
_CHUNK = 1 << 20

Progress = Callable[[int, int], None]
"""``progress(done, total)``: called from the working thread as work advances."""
Cancel = Callable[[], bool]
"""Returns True when the user asked to stop (e.g. ``threading.Event().is_set``)."""


class BackupError(WaiqinError):
    """A backup, verification or restore failed; ``text()`` says why and what is safe."""


class BackupCancelledError(BackupError):
    """The user cancelled; nothing half-done was left behind."""


def backup_error(source: str, **args: Any) -> BackupError:
    """A BackupError with a translatable message (context ``backup``)."""
    return BackupError(msg("backup", source, **args))


def cancelled() -> BackupCancelledError:
    """The error raised when the cancel flag was seen."""
    return BackupCancelledError(
        msg("backup", QT_TRANSLATE_NOOP("backup", "Cancelled. Nothing was changed."))
    )


def storage_error(exc: BaseException, folder: Path) -> BackupError:
    """A clear message for a write that failed (full disk, missing or read-only folder)."""
    full = isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(exc, sqlcipher3.Error) and (
        (isinstance(code, int) and code & 0xFF == 13) or "full" in str(exc).lower()
    ):
        full = True
    if full:
        return backup_error(
            QT_TRANSLATE_NOOP(
                "backup",
                "Not enough free disk space in {folder}. Nothing was lost: your data and "
                "earlier backups are unchanged. Free some space or choose another folder, "
                "then try again.",
            ),
            folder=str(folder),
        )
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
    return backup_error(
        QT_TRANSLATE_NOOP(
            "backup",
            "Could not write to {folder} ({reason}). Nothing was lost: your data and "
            "earlier backups are unchanged.",
        ),
        folder=str(folder),
        reason=reason,
    )


@dataclass(frozen=True)
class BackupInfo:
    """A complete-looking backup (it has a manifest); ``verify_backup`` says if it is good."""

    name: str
    path: Path
    created_at: dt.datetime
    reason: str
    size: int
    schema_revision: str | None
    records: int
    unsynced: int
    workspace_id: str
    manifest: dict[str, Any] = field(repr=False, compare=False)


def make_name(folder: Path, created_at: dt.datetime, reason: str) -> str:
    """A backup name unique in ``folder`` (and its temp names)."""
    stamp = created_at.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    base = f"waiqin-{stamp}-{reason}"
    name, n = base + SUFFIX, 1
    while (folder / name).exists() or (folder / (TMP_PREFIX + name)).exists():
        n += 1
        name = f"{base}-{n}{SUFFIX}"
    return name


def parse_name(name: str) -> tuple[dt.datetime, str] | None:
    """(creation time, reason) of a backup folder name, or None if not one of ours."""
    m = _NAME_RE.match(name)
    if m is None:
        return None
    at = dt.datetime.strptime(m.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
    return at, m.group(2)


def backup_dirs(folder: Path) -> list[Path]:
    """Every finished-looking backup folder (our name, not a temp), newest name first."""
    if not folder.is_dir():
        return []
    out = [p for p in folder.iterdir() if p.is_dir() and parse_name(p.name) is not None]
    return sorted(out, key=lambda p: p.name, reverse=True)


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest of a backup folder, or a BackupError saying it is incomplete."""
    try:
        data = json.loads((path / MANIFEST_NAME).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise backup_error(
            QT_TRANSLATE_NOOP("backup", "Incomplete backup: it has no manifest.")
        ) from exc
    except (OSError, ValueError) as exc:
        raise backup_error(
            QT_TRANSLATE_NOOP("backup", "The backup's manifest is damaged.")
        ) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise backup_error(
            QT_TRANSLATE_NOOP("backup", "The backup's manifest is damaged or of an unknown format.")
        )
    return data


def info_of(path: Path, manifest: dict[str, Any]) -> BackupInfo:
    """A BackupInfo from a folder and its manifest."""
    files = manifest.get("files", {})
    return BackupInfo(
        name=path.name,
        path=path,
        created_at=dt.datetime.fromisoformat(str(manifest["created_at"])),
        reason=str(manifest.get("reason", "")),
        size=sum(int(f.get("size", 0)) for f in files.values()),
        schema_revision=manifest.get("schema_revision"),
        records=sum(int(v) for v in manifest.get("counts", {}).values()),
        unsynced=len(manifest.get("unsynced_ids", [])),
        workspace_id=str(manifest.get("workspace_id", "")),
        manifest=manifest,
    )


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in ``folder`` that have a readable manifest, newest first (not verified)."""
    out: list[BackupInfo] = []
    for path in backup_dirs(folder):
        try:
            out.append(info_of(path, read_manifest(path)))
        except (BackupError, KeyError, ValueError, TypeError, AttributeError):
            continue
    return sorted(out, key=lambda b: (b.created_at, b.name), reverse=True)


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Write JSON and fsync it (the caller renames the folder afterwards)."""
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, ensure_ascii=False, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())


def fsync_path(path: Path) -> None:
    """fsync a file, or a folder where the platform allows it (POSIX)."""
    is_dir = path.is_dir()
    if is_dir and os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY if is_dir else os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def digest(path: Path, on_bytes: Callable[[int], None] | None = None) -> tuple[int, str]:
    """(size, sha256 hex) of a file, reporting bytes read."""
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
            size += len(chunk)
            if on_bytes is not None:
                on_bytes(len(chunk))
    return size, h.hexdigest()


def copy_file(
    src: Path, dst: Path, on_bytes: Callable[[int], None] | None = None
) -> tuple[int, str]:
    """Copy a file, fsync it, and return (size, sha256) of what was written."""
    h = hashlib.sha256()
    size = 0
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        while chunk := fin.read(_CHUNK):
            fout.write(chunk)
            h.update(chunk)
            size += len(chunk)
            if on_bytes is not None:
                on_bytes(len(chunk))
        fout.flush()
        os.fsync(fout.fileno())
    return size, h.hexdigest()


def open_keyed(path: Path, key: bytes, *, readonly: bool, any_thread: bool = False) -> Any:
    """A connection to an encrypted file with the raw key, no WAL, no side files.

    ``any_thread``: usable from a thread other than the one that opened it.
    """
    same = not any_thread
    if readonly:
        uri = path.resolve().as_uri() + "?mode=ro"
        conn = sqlcipher3.connect(uri, uri=True, check_same_thread=same)
    else:
        conn = sqlcipher3.connect(str(path), check_same_thread=same)
    conn.isolation_level = None
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def _owner_gone(tmp: Path) -> bool:
    try:
        pid_text, host = (tmp / OWNER_NAME).read_text(encoding="utf-8").split()
        pid = int(pid_text)
    except (OSError, ValueError):
        return False
    if host != socket.gethostname() or os.name != "posix" or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def cleanup_stale(folder: Path) -> list[str]:
    """Remove leftovers: temp folders of dead or long-gone writers, backups lacking a manifest."""
    removed: list[str] = []
    if not folder.is_dir():
        return removed
    for p in folder.iterdir():
        if p.name.startswith(TMP_PREFIX):
            age = time.time() - p.stat().st_mtime
            if _owner_gone(p) or age > STALE_TMP_AGE.total_seconds():
                shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)
                removed.append(p.name)
        elif p.is_dir() and parse_name(p.name) and not (p / MANIFEST_NAME).exists():
            shutil.rmtree(p, ignore_errors=True)
            removed.append(p.name)
    if removed:
        log.info("removed %d incomplete backup leftovers", len(removed))
    return removed


def write_owner(tmp: Path) -> None:
    """Mark a temp folder with this process (so a later run knows when it died)."""
    (tmp / OWNER_NAME).write_text(f"{os.getpid()} {socket.gethostname()}", encoding="utf-8")


def rotate(folder: Path, now: dt.datetime, policy: Policy = DEFAULT_POLICY) -> list[str]:
    """Remove backups the rotation policy no longer keeps; returns their names."""
    infos = list_backups(folder)
    keep = keep_set((Stamp(b.name, b.created_at, b.reason) for b in infos), now, policy)
    removed: list[str] = []
    for b in infos:
        if b.name not in keep:
            shutil.rmtree(b.path, ignore_errors=True)
            removed.append(b.name)
    if removed:
        log.info("rotation removed %d backups", len(removed))
    return removed
