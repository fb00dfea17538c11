"""A workspace: one data folder with the encrypted database, backups, logs, documents.

Layout::

    DIR/workspace.json   format, workspace id, key mode, scrypt salt (no secret)
    DIR/waiqin.db        SQLCipher database (plus -wal/-shm while open)
    DIR/backups/         verified encrypted backups
    DIR/logs/            rotating logs, no personal data
    DIR/documents/       generated PDFs and spreadsheets
    DIR/attachments/     photos and scans, by content hash
"""

from __future__ import annotations

import json
import logging
import secrets
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, select
from sqlalchemy.orm import sessionmaker

from app import db, security
from app.errors import WorkspaceError
from app.i18n import QT_TRANSLATE_NOOP, msg
from app.models import ReceiptBlock, SyncState, new_id, utcnow
from app.outbox import WorkspaceSession

log = logging.getLogger(__name__)

META_FILE = "workspace.json"
DB_FILE = "waiqin.db"
FORMAT = 1
SUBDIRS = ("backups", "logs", "documents", "attachments")
PROVISIONAL_BLOCK_SIZE = 1000


def default_data_dir() -> Path:
    """The per-user data folder (platformdirs), e.g. ~/.local/share/waiqin."""
    return Path(platformdirs.user_data_dir("waiqin", appauthor=False))


@dataclass
class Workspace:
    """An open workspace: its folder, metadata, engine and session factory."""

    path: Path
    meta: dict[str, Any]
    key: bytes = field(repr=False)
    engine: Engine
    sessions: sessionmaker[WorkspaceSession]

    @property
    def db_path(self) -> Path:
        """The encrypted database file."""
        return self.path / DB_FILE

    @property
    def workspace_id(self) -> str:
        """Stable id of this workspace (names its keyring entry)."""
        return str(self.meta["workspace_id"])

    def subdir(self, name: str) -> Path:
        """A workspace sub-folder (created if missing)."""
        p = self.path / name
        p.mkdir(parents=True, exist_ok=True)
        return p

    def state(self, key: str) -> str | None:
        """A sync_state value."""
        with self.sessions() as s:
            row = s.get(SyncState, key)
            return None if row is None else row.value

    def set_state(self, key: str, value: str) -> None:
        """Store a sync_state value."""
        with db.transaction(self.sessions) as s:
            s.merge(SyncState(key=key, value=value))

    def close(self) -> None:
        """Release the database (checkpoint the WAL into the main file)."""
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except Exception as exc:  # pragma: no cover - best effort on close
            log.warning("checkpoint on close failed: %s", type(exc).__name__)
        self.engine.dispose()


def _err(source: str, **args: Any) -> WorkspaceError:
    return WorkspaceError(msg("workspace", source, **args))


def read_meta(path: Path) -> dict[str, Any]:
    """workspace.json of the folder, or a clear error when it is not a workspace."""
    meta_path = path / META_FILE
    if not meta_path.exists() or not (path / DB_FILE).exists():
        raise _err(
            QT_TRANSLATE_NOOP("workspace", "No Waiqin workspace in {path}. Create one with init."),
            path=str(path),
        )
    try:
        meta: dict[str, Any] = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise _err(
            QT_TRANSLATE_NOOP("workspace", "The workspace file {file} is damaged."),
            file=str(meta_path),
        ) from exc
    if int(meta.get("format", 0)) > FORMAT:
        raise _err(
            QT_TRANSLATE_NOOP("workspace", "This workspace was made by a newer version of Waiqin.")
        )
    return meta


def _write_meta(path: Path, meta: dict[str, Any]) -> None:
    tmp = path / (META_FILE + ".tmp")
    tmp.write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path / META_FILE)


def resolve_key(meta: dict[str, Any], passphrase: str | None) -> bytes:
    """The database key: from the keyring, or derived from the passphrase."""
    mode = meta.get("key_mode")
    if mode == "passphrase":
        if passphrase is None:
            raise _err(
                QT_TRANSLATE_NOOP(
                    "workspace",
                    "This workspace is protected by a passphrase. Type it, or pass "
                    "--passphrase-stdin or set WAIQIN_PASSPHRASE.",
                )
            )
        return security.derive_key(passphrase, security.KdfParams.from_dict(meta["kdf"]))
    if mode == "keyring":
        stored = security.keyring_get(str(meta["workspace_id"]))
        if stored is None:
            raise _err(
                QT_TRANSLATE_NOOP(
                    "workspace",
                    "The key of this workspace is not in the system keyring "
                    "(another user or another computer?). Restore it or use a backup.",
                )
            )
        return security.decode_key(stored)
    raise _err(QT_TRANSLATE_NOOP("workspace", "Unknown key mode in the workspace file."))


def new_device_code() -> str:
    """A short device code that names this laptop in receipt numbers (R-<code>-000123)."""
    alphabet = string.ascii_uppercase + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(6))


def create_workspace(path: Path, passphrase: str | None = None) -> Workspace:
    """Create a new encrypted workspace in ``path`` (empty or missing folder).

    With ``passphrase`` the key is derived from it; otherwise a random key goes to
    the OS keyring, and where there is none the caller must ask for a passphrase.
    """
    path = path.expanduser().resolve()
    if (path / META_FILE).exists() or (path / DB_FILE).exists():
        raise _err(
            QT_TRANSLATE_NOOP("workspace", "A workspace already exists in {path}."),
            path=str(path),
        )
    workspace_id = new_id()
    meta: dict[str, Any] = {
        "format": FORMAT,
        "workspace_id": workspace_id,
        "created_at": utcnow().isoformat(),
    }
    if passphrase is not None:
        security.check_new_passphrase(passphrase)
        params = security.KdfParams.new()
        meta.update(key_mode="passphrase", kdf=params.to_dict())
        key = security.derive_key(passphrase, params)
    elif security.keyring_usable():
        key = security.new_random_key()
        meta["key_mode"] = "keyring"
    else:
        raise _err(
            QT_TRANSLATE_NOOP(
                "workspace",
                "No system keyring is available on this computer: choose a passphrase "
                "(--passphrase-stdin or WAIQIN_PASSPHRASE).",
            )
        )
    path.mkdir(parents=True, exist_ok=True)
    for sub in SUBDIRS:
        (path / sub).mkdir(exist_ok=True)
    try:
        engine = db.make_engine(path / DB_FILE, key)
        db.upgrade(engine)
        sessions = db.make_session_factory(engine)
        device_code = new_device_code()
        with db.transaction(sessions) as s:
            s.add_all(
                [
                    SyncState(key="device_id", value=new_id()),
                    SyncState(key="device_code", value=device_code),
                    ReceiptBlock(
                        device_code=device_code,
                        first_no=1,
                        last_no=PROVISIONAL_BLOCK_SIZE,
                        next_no=1,
                        provisional=True,
                    ),
                ]
            )
        if meta["key_mode"] == "keyring":
            security.keyring_set(workspace_id, security.encode_key(key))
        _write_meta(path, meta)
    except Exception:
        for name in (DB_FILE, DB_FILE + "-wal", DB_FILE + "-shm"):
            (path / name).unlink(missing_ok=True)
        raise
    log.info("workspace created (key mode %s)", meta["key_mode"])
    return Workspace(path, meta, key, engine, sessions)


def open_workspace(
    path: Path,
    passphrase: str | None = None,
    *,
    migrate: bool = True,
    key: bytes | None = None,
) -> Workspace:
    """Open an existing workspace; upgrade its schema (after a backup) when behind.

    ``key``: the database key already derived from ``passphrase`` (the desktop app
    derives it on a thread while Qt loads); a wrong one fails like a wrong passphrase.
    """
    path = path.expanduser().resolve()
    meta = read_meta(path)
    if key is None:
        key = resolve_key(meta, passphrase)
    engine = db.make_engine(path / DB_FILE, key)
    try:
        if db.needs_upgrade(engine):
            if not migrate:
                raise _err(QT_TRANSLATE_NOOP("workspace", "The workspace needs a schema upgrade."))
            if db.current_revision(engine) is not None:
                pre_migration_backup(path, engine)
            db.upgrade(engine)
    except Exception:
        engine.dispose()
        raise
    for sub in SUBDIRS:
        (path / sub).mkdir(exist_ok=True)
    return Workspace(path, meta, key, engine, db.make_session_factory(engine))


def pre_migration_backup(path: Path, engine: Engine) -> Path:
    """A verified encrypted backup (app.backup) before a schema upgrade.

    Returns the database file inside the new backup folder.
    """
    from app.backup import pre_migration_backup as make_backup

    return make_backup(path, engine) / DB_FILE


def device_code(ws: Workspace) -> str:
    """This laptop's device code."""
    with ws.sessions() as s:
        code = s.scalar(select(SyncState.value).where(SyncState.key == "device_code"))
    assert code is not None
    return code
