"""Unsynced changes in one encrypted file, for the day the network never comes.

The file carries the pending outbox rows (payloads included) and the device
id, encrypted with AES-256-GCM under a key derived by scrypt from a passphrase
the rep types. Another laptop or the server reads it back with
:func:`import_unsynced`; applying it is the sync layer's business (the
mutation numbers make a second application harmless).

File layout (UTF-8 JSON): ``format``, ``version``, ``kdf`` (scrypt salt and
cost), ``check`` (tells a wrong passphrase from a damaged file), ``nonce``,
``ciphertext``. Everything but the ciphertext is authenticated as AAD.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select

from app.backup_files import BackupError, backup_error, storage_error
from app.db import current_revision
from app.i18n import QT_TRANSLATE_NOOP
from app.models import OutboxEntry, SyncState, utcnow
from app.security import KdfParams, check_new_passphrase, derive_key
from app.services import audit

log = logging.getLogger(__name__)

FILE_FORMAT = "waiqin-unsynced"
VERSION = 1
SUFFIX = ".wqx"


@dataclass(frozen=True)
class ExportEntry:
    """One pending change, as the outbox holds it (the mutation number is ``id``)."""

    id: int
    entity: str
    entity_id: str
    op: str
    payload: dict[str, Any]
    changed: list[Any] | None
    base: dict[str, Any] | None
    created_at: dt.datetime


@dataclass(frozen=True)
class ExportBundle:
    """The content of an export file: who made the changes, and the changes in order."""

    workspace_id: str
    device_id: str
    device_code: str
    exported_at: dt.datetime
    schema_revision: str | None
    entries: tuple[ExportEntry, ...]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _subkeys(passphrase: str, kdf: KdfParams) -> tuple[bytes, bytes]:
    master = derive_key(passphrase, kdf)
    enc = hmac.new(master, b"waiqin-export-encrypt", hashlib.sha256).digest()
    check = hmac.new(master, b"waiqin-export-check", hashlib.sha256).digest()[:16]
    return enc, check


def _aad(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _state(s: Any, key: str) -> str:
    return s.scalar(select(SyncState.value).where(SyncState.key == key)) or ""


def collect_unsynced(ws: Any) -> ExportBundle:
    """The pending outbox rows of a workspace, oldest first."""
    with ws.sessions() as s:
        rows = s.scalars(
            select(OutboxEntry).where(OutboxEntry.acked_at.is_(None)).order_by(OutboxEntry.id)
        ).all()
        entries = tuple(
            ExportEntry(
                r.id, r.entity, r.entity_id, r.op, r.payload, r.changed, r.base, r.created_at
            )
            for r in rows
        )
        device_id, device_code = _state(s, "device_id"), _state(s, "device_code")
    return ExportBundle(
        ws.workspace_id, device_id, device_code, utcnow(), current_revision(ws.engine), entries
    )


def _to_json(bundle: ExportBundle) -> dict[str, Any]:
    return {
        "workspace_id": bundle.workspace_id,
        "device_id": bundle.device_id,
        "device_code": bundle.device_code,
        "exported_at": bundle.exported_at.isoformat(),
        "schema_revision": bundle.schema_revision,
        "entries": [
            {
                "id": e.id,
                "entity": e.entity,
                "entity_id": e.entity_id,
                "op": e.op,
                "payload": e.payload,
                "changed": e.changed,
                "base": e.base,
                "created_at": e.created_at.isoformat(),
            }
            for e in bundle.entries
        ],
    }


def _from_json(data: dict[str, Any]) -> ExportBundle:
    return ExportBundle(
        workspace_id=str(data["workspace_id"]),
        device_id=str(data["device_id"]),
        device_code=str(data["device_code"]),
        exported_at=dt.datetime.fromisoformat(data["exported_at"]),
        schema_revision=data.get("schema_revision"),
        entries=tuple(
            ExportEntry(
                id=int(e["id"]),
                entity=str(e["entity"]),
                entity_id=str(e["entity_id"]),
                op=str(e["op"]),
                payload=dict(e["payload"]),
                changed=e.get("changed"),
                base=e.get("base"),
                created_at=dt.datetime.fromisoformat(e["created_at"]),
            )
            for e in data["entries"]
        ),
    )


def export_unsynced(ws: Any, out_file: Path, passphrase: str) -> ExportBundle:
    """Write the workspace's unsynced changes to ``out_file``, encrypted with ``passphrase``."""
    check_new_passphrase(passphrase)
    bundle = collect_unsynced(ws)
    kdf = KdfParams.new()
    enc, check = _subkeys(passphrase, kdf)
    nonce = os.urandom(12)
    header = {
        "format": FILE_FORMAT,
        "version": VERSION,
        "kdf": kdf.to_dict(),
        "check": _b64(check),
        "nonce": _b64(nonce),
    }
    plain = json.dumps(_to_json(bundle), ensure_ascii=False).encode("utf-8")
    sealed = AESGCM(enc).encrypt(nonce, plain, _aad(header))
    out_file = out_file.expanduser()
    tmp = out_file.with_name(out_file.name + ".tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump({**header, "ciphertext": _b64(sealed)}, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out_file)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise storage_error(exc, out_file.parent) from exc
    audit.record(ws, "export_unsynced", detail={"entries": len(bundle.entries)})
    log.info("exported %d unsynced changes", len(bundle.entries))
    return bundle


def _unreadable() -> BackupError:
    return backup_error(
        QT_TRANSLATE_NOOP("backup", "This is not a Waiqin export file, or it is damaged.")
    )


def import_unsynced(path: Path, passphrase: str) -> ExportBundle:
    """Read an export file back; refuses a wrong passphrase and any changed byte."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        header = {k: data[k] for k in ("format", "version", "kdf", "check", "nonce")}
        sealed = base64.b64decode(data["ciphertext"], validate=True)
        nonce = base64.b64decode(header["nonce"], validate=True)
        kdf = KdfParams.from_dict(header["kdf"])
        if header["format"] != FILE_FORMAT or header["version"] != VERSION or kdf.n > 2**20:
            raise ValueError("unknown format")
        enc, check = _subkeys(passphrase, kdf)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise _unreadable() from exc
    if not hmac.compare_digest(_b64(check), str(header["check"])):
        raise backup_error(QT_TRANSLATE_NOOP("backup", "Wrong passphrase for this export file."))
    try:
        plain = AESGCM(enc).decrypt(nonce, sealed, _aad(header))
        return _from_json(json.loads(plain.decode("utf-8")))
    except (InvalidTag, ValueError, KeyError, TypeError) as exc:
        raise backup_error(
            QT_TRANSLATE_NOOP(
                "backup",
                "The export file was changed or damaged after it was written; it cannot be "
                "trusted.",
            )
        ) from exc
