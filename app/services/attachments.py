"""Attachments (visit photos, signed scans): files kept in the workspace by content hash.

A file is copied into ``attachments/<sha256[:2]>/<sha256>`` (temp file + rename, so
a crash never leaves a half-written file under its final name); the same content
is stored once. The database keeps an :class:`~app.models.Attachment` row per
(owner, file). Attachments are facts: they are added, never edited or removed,
so a photo can still be added to a finished visit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.db import transaction
from app.errors import NotFoundError
from app.i18n import QT_TRANSLATE_NOOP, msg
from app.models import Attachment, Customer, Visit
from app.services._common import get_live, invalid, optional_text
from app.workspace import Workspace

log = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024
CHUNK = 1024 * 1024
FOLDER = "attachments"
# The records a file may belong to, and the file types each accepts.
OWNERS: dict[str, type[Visit] | type[Customer]] = {"visit": Visit, "customer": Customer}
IMAGE_TYPES = ("image/png", "image/jpeg")
ACCEPTED: dict[str, tuple[str, ...]] = {
    "visit": IMAGE_TYPES,
    "customer": (*IMAGE_TYPES, "application/pdf"),
}
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"%PDF-", "application/pdf"),
)


@dataclass(frozen=True)
class AttachmentRow:
    """An attachment as the UI shows it; ``present`` is False while its file is not here
    (e.g. pulled from the server without its bytes)."""

    id: str
    owner_kind: str
    owner_id: str
    filename: str
    mime_type: str
    size: int
    sha256: str
    caption: str | None
    created_at: dt.datetime
    present: bool


def sniff_type(head: bytes) -> str | None:
    """The MIME type of a file from its first bytes (PNG, JPEG, PDF), else None."""
    for magic, mime in _MAGIC:
        if head.startswith(magic):
            return mime
    return None


def stored_path(ws: Workspace, sha256: str) -> Path:
    """Where the file with this content hash lives in the workspace."""
    return ws.path / FOLDER / sha256[:2] / sha256


def _check_source(source: Path, owner_kind: str) -> str:
    """Validate the chosen file; returns its MIME type or raises ValidationError."""
    if not source.is_file():
        raise invalid(
            "file",
            QT_TRANSLATE_NOOP("services", "The file {name} does not exist."),
            name=source.name,
        )
    size = source.stat().st_size
    if size == 0:
        raise invalid(
            "file", QT_TRANSLATE_NOOP("services", "The file {name} is empty."), name=source.name
        )
    if size > MAX_BYTES:
        raise invalid(
            "file",
            QT_TRANSLATE_NOOP("services", "The file is {size} MB; at most {limit} MB is allowed."),
            size=f"{size / 1024 / 1024:.1f}",
            limit=MAX_BYTES // 1024 // 1024,
        )
    with source.open("rb") as fh:
        mime = sniff_type(fh.read(16))
    if mime not in ACCEPTED[owner_kind]:
        if owner_kind == "visit":
            raise invalid(
                "file",
                QT_TRANSLATE_NOOP("services", "A visit photo must be a PNG or JPEG image."),
            )
        raise invalid(
            "file",
            QT_TRANSLATE_NOOP("services", "Attach a PNG or JPEG image or a PDF document."),
        )
    return mime


def _store(ws: Workspace, source: Path) -> tuple[str, int]:
    """Copy ``source`` into the workspace by content hash; returns (sha256, size)."""
    folder = ws.subdir(FOLDER)
    digest = hashlib.sha256()
    size = 0
    fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            while chunk := src.read(CHUNK):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise invalid(
                        "file",
                        QT_TRANSLATE_NOOP(
                            "services", "The file grew past {limit} MB while copied."
                        ),
                        limit=MAX_BYTES // 1024 // 1024,
                    )
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        target = stored_path(ws, sha)
        if target.is_file() and target.stat().st_size == size:
            tmp.unlink()  # same content already stored
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, target)
        return sha, size
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _row(ws: Workspace, a: Attachment) -> AttachmentRow:
    return AttachmentRow(
        a.id,
        a.owner_kind,
        a.owner_id,
        a.filename,
        a.mime_type,
        a.size,
        a.sha256,
        a.caption,
        a.created_at,
        stored_path(ws, a.sha256).is_file(),
    )


def add_attachment(
    ws: Workspace,
    owner_kind: str,
    owner_id: str,
    source_path: str | os.PathLike[str],
    caption: str | None = None,
) -> AttachmentRow:
    """Attach a copy of a file to a visit (PNG/JPEG photo) or a customer (image or PDF).

    The same content attached twice to the same record gives back the first attachment.
    """
    if owner_kind not in OWNERS:
        raise invalid("owner", QT_TRANSLATE_NOOP("services", "Files cannot be attached here."))
    source = Path(source_path)
    mime = _check_source(source, owner_kind)
    with ws.sessions() as s:
        get_live(s, OWNERS[owner_kind], owner_id)
    sha, size = _store(ws, source)
    with transaction(ws.sessions) as s:
        get_live(s, OWNERS[owner_kind], owner_id)
        same = s.scalar(
            select(Attachment).where(
                Attachment.owner_kind == owner_kind,
                Attachment.owner_id == owner_id,
                Attachment.sha256 == sha,
                Attachment.deleted_at.is_(None),
            )
        )
        if same is not None:
            return _row(ws, same)
        row = Attachment(
            owner_kind=owner_kind,
            owner_id=owner_id,
            filename=source.name[:255],
            mime_type=mime,
            size=size,
            sha256=sha,
            caption=optional_text(caption, 300),
        )
        s.add(row)
        s.flush()
        log.info("attachment %s added to %s (%d bytes)", row.id, owner_kind, size)
        return _row(ws, row)


def list_attachments(ws: Workspace, owner_kind: str, owner_id: str) -> list[AttachmentRow]:
    """The files of one record, oldest first."""
    with ws.sessions() as s:
        rows = s.scalars(
            select(Attachment)
            .where(
                Attachment.owner_kind == owner_kind,
                Attachment.owner_id == owner_id,
                Attachment.deleted_at.is_(None),
            )
            .order_by(Attachment.created_at, Attachment.id)
        )
        return [_row(ws, a) for a in rows]


def attachment_path(ws: Workspace, attachment_id: str) -> Path:
    """The stored file of an attachment; NotFoundError when the row or its file is missing."""
    with ws.sessions() as s:
        a = get_live(s, Attachment, attachment_id)
        path = stored_path(ws, a.sha256)
    if not path.is_file():
        raise NotFoundError(
            msg(
                "services",
                QT_TRANSLATE_NOOP(
                    "services", "The file of this attachment is not on this computer yet."
                ),
            )
        )
    return path
