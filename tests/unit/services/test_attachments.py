"""Attachments: visit photos and customer scans stored by content hash, append-only."""

from __future__ import annotations

import hashlib
import zlib
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.errors import NotFoundError, StateError, ValidationError
from app.models import Attachment
from app.services import attachments, visits
from app.services.attachments import (
    MAX_BYTES,
    add_attachment,
    attachment_path,
    list_attachments,
    sniff_type,
)
from tests.unit.services.conftest import add_customer, table_counts


def png_bytes(seed: int = 0) -> bytes:
    """A tiny valid 1×1 PNG whose pixel colour depends on ``seed``."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    ihdr = (1).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    raw = bytes([0, seed % 256, 80, 160])
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.fixture
def visit_id(workspace: Any) -> str:
    cid = add_customer(workspace, "示例照片客户")
    return visits.check_in(workspace, cid, "first").id


def test_a_photo_is_copied_by_content_hash_and_listed(
    workspace: Any, visit_id: str, tmp_path: Path
) -> None:
    data = png_bytes(1)
    source = write(tmp_path, "shelf.png", data)
    row = add_attachment(workspace, "visit", visit_id, source, caption="  货架  ")
    sha = hashlib.sha256(data).hexdigest()
    assert (row.sha256, row.size, row.mime_type) == (sha, len(data), "image/png")
    assert row.filename == "shelf.png" and row.caption == "货架" and row.present
    stored = workspace.path / "attachments" / sha[:2] / sha
    assert stored.read_bytes() == data
    assert attachment_path(workspace, row.id) == stored
    assert list_attachments(workspace, "visit", visit_id) == [row]
    assert not list(stored.parent.glob(".incoming-*"))  # no temp file left behind


def test_jpeg_is_accepted_by_its_magic_bytes_whatever_its_name(
    workspace: Any, visit_id: str, tmp_path: Path
) -> None:
    source = write(tmp_path, "photo.dat", b"\xff\xd8\xff\xe0" + b"\0" * 64)
    assert add_attachment(workspace, "visit", visit_id, source).mime_type == "image/jpeg"


def test_same_content_is_stored_once(workspace: Any, visit_id: str, tmp_path: Path) -> None:
    data = png_bytes(2)
    a = add_attachment(workspace, "visit", visit_id, write(tmp_path, "a.png", data))
    again = add_attachment(workspace, "visit", visit_id, write(tmp_path, "b.png", data))
    assert again == a  # the same photo twice on one visit is one attachment
    cid = add_customer(workspace, "示例另一客户")
    other = add_attachment(workspace, "customer", cid, write(tmp_path, "c.png", data))
    assert other.id != a.id and other.sha256 == a.sha256
    files = [p for p in (workspace.path / "attachments").rglob("*") if p.is_file()]
    assert len(files) == 1


def test_photos_can_be_added_to_a_finished_visit(
    workspace: Any, visit_id: str, tmp_path: Path
) -> None:
    visits.check_out(workspace, visit_id)
    row = add_attachment(workspace, "visit", visit_id, write(tmp_path, "late.png", png_bytes(3)))
    assert [a.id for a in list_attachments(workspace, "visit", visit_id)] == [row.id]


def test_attachments_are_facts_never_rewritten(
    workspace: Any, visit_id: str, tmp_path: Path
) -> None:
    row = add_attachment(workspace, "visit", visit_id, write(tmp_path, "x.png", png_bytes(4)))
    with pytest.raises(StateError), workspace.sessions.begin() as s:
        s.get(Attachment, row.id).caption = "changed"


def test_customer_may_hold_a_pdf_scan(workspace: Any, tmp_path: Path) -> None:
    cid = add_customer(workspace)
    row = add_attachment(workspace, "customer", cid, write(tmp_path, "s.pdf", b"%PDF-1.7\n%%EOF"))
    assert row.mime_type == "application/pdf"


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("notes.txt", b"hello, not a picture", "PNG or JPEG"),
        ("scan.pdf", b"%PDF-1.7\n%%EOF", "PNG or JPEG"),
        ("fake.png", b"GIF89a\x01\x00\x01\x00", "PNG or JPEG"),
        ("empty.png", b"", "empty"),
    ],
)
def test_a_visit_photo_must_be_a_png_or_jpeg(
    workspace: Any, visit_id: str, tmp_path: Path, name: str, data: bytes, words: str
) -> None:
    before = table_counts(workspace)
    with pytest.raises(ValidationError) as exc:
        add_attachment(workspace, "visit", visit_id, write(tmp_path, name, data))
    assert exc.value.field == "file" and words in str(exc.value)
    assert table_counts(workspace) == before
    assert not [p for p in (workspace.path / "attachments").rglob("*") if p.is_file()]


def test_missing_and_oversized_files_are_refused(
    workspace: Any, visit_id: str, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError, match="does not exist"):
        add_attachment(workspace, "visit", visit_id, tmp_path / "gone.png")
    with pytest.raises(ValidationError, match="does not exist"):
        add_attachment(workspace, "visit", visit_id, tmp_path)  # a folder
    big = tmp_path / "big.png"
    with big.open("wb") as fh:
        fh.write(png_bytes())
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(ValidationError, match="at most 20 MB"):
        add_attachment(workspace, "visit", visit_id, big)
    exact = tmp_path / "exact.png"
    with exact.open("wb") as fh:
        fh.write(png_bytes())
        fh.truncate(MAX_BYTES)
    assert add_attachment(workspace, "visit", visit_id, exact).size == MAX_BYTES


def test_unknown_owner_kind_or_record_is_refused(
    workspace: Any, visit_id: str, tmp_path: Path
) -> None:
    source = write(tmp_path, "p.png", png_bytes())
    with pytest.raises(ValidationError) as exc:
        add_attachment(workspace, "receipt", visit_id, source)
    assert exc.value.field == "owner"
    with pytest.raises(NotFoundError):
        add_attachment(workspace, "visit", "no-such-visit", source)
    with workspace.sessions() as s:
        assert s.scalars(select(Attachment)).all() == []


def test_attachment_path_of_unknown_id_or_missing_file(
    workspace: Any, visit_id: str, tmp_path: Path
) -> None:
    with pytest.raises(NotFoundError):
        attachment_path(workspace, "nope")
    row = add_attachment(workspace, "visit", visit_id, write(tmp_path, "m.png", png_bytes(9)))
    attachments.stored_path(workspace, row.sha256).unlink()
    with pytest.raises(NotFoundError, match="not on this computer"):
        attachment_path(workspace, row.id)
    assert not list_attachments(workspace, "visit", visit_id)[0].present


def test_sniff_type() -> None:
    assert sniff_type(png_bytes()) == "image/png"
    assert sniff_type(b"\xff\xd8\xff\xdb") == "image/jpeg"
    assert sniff_type(b"%PDF-1.4") == "application/pdf"
    assert sniff_type(b"") is None and sniff_type(b"BM") is None
