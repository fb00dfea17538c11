"""The second backup folder (USB stick, network share): setting and verified copy."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from pathlib import Path
from typing import Any

import sqlcipher3

from app import db
from app.backup_files import (
    DB_NAME,
    MANIFEST_NAME,
    META_NAME,
    OWNER_NAME,
    TMP_PREFIX,
    BackupInfo,
    cleanup_stale,
    copy_file,
    fsync_path,
    rotate,
    storage_error,
    write_owner,
)
from app.backup_rotation import Policy
from app.i18n import QT_TRANSLATE_NOOP, Msg, msg
from app.models import Setting

log = logging.getLogger(__name__)

MIRROR_SETTING = "backup_mirror_dir"


def get_mirror_dir(ws: Any) -> Path | None:
    """The second backup folder from the ``backup_mirror_dir`` setting (None when unset)."""
    with ws.sessions() as s:
        row = s.get(Setting, MIRROR_SETTING)
        return Path(row.value) if row is not None and row.value else None


def set_mirror_dir(ws: Any, path: Path | None) -> None:
    """Set (or clear with None) the second backup folder."""
    with db.transaction(ws.sessions) as s:
        row = s.get(Setting, MIRROR_SETTING)
        if path is None:
            if row is not None:
                s.delete(row)
        else:
            s.merge(Setting(key=MIRROR_SETTING, value=str(path.expanduser().resolve())))


def mirror_copy(
    info: BackupInfo, mirror: Path, now: dt.datetime, policy: Policy
) -> tuple[Path | None, Msg | None]:
    """Copy a finished backup to the second folder; returns (copy, None) or (None, why not)."""
    if not mirror.is_dir():
        return None, msg(
            "backup",
            QT_TRANSLATE_NOOP(
                "backup",
                "The second backup folder {folder} is not available (USB stick not "
                "plugged in, network share offline?). The local backup was made.",
            ),
            folder=str(mirror),
        )
    tmp = mirror / (TMP_PREFIX + info.name)
    try:
        cleanup_stale(mirror)
        tmp.mkdir()
        write_owner(tmp)
        files = info.manifest["files"]
        for name in (DB_NAME, META_NAME, MANIFEST_NAME):
            size, sha = copy_file(info.path / name, tmp / name)
            if name in files and (size, sha) != (files[name]["size"], files[name]["sha256"]):
                raise OSError(f"copy of {name} differs")
        fsync_path(tmp)
        final = mirror / info.name
        os.replace(tmp, final)
        fsync_path(mirror)
        (final / OWNER_NAME).unlink(missing_ok=True)
        rotate(mirror, now, policy)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        log.warning("mirror copy failed: %s", type(exc).__name__)
        return None, storage_error(exc, mirror).message
    return final, None


def mirror_setting_raw(conn: Any) -> Path | None:
    """The mirror setting read through a raw DB-API connection (pre-migration)."""
    try:
        row = conn.execute("SELECT value FROM setting WHERE key = ?", (MIRROR_SETTING,)).fetchone()
    except sqlcipher3.Error:
        return None
    return Path(row[0]) if row and row[0] else None
