"""Visit photos: add through the (injected) file dialog, thumbnails, refusals, finished visits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.services import attachments, customers, visits
from tests.unit.services.test_attachments import png_bytes


def _fresh_open_visit(ws: Any) -> str:
    open_before = visits.open_visit(ws)
    if open_before is not None:
        visits.check_out(ws, open_before.id)
    cid = customers.search_customers(ws, "", limit=1)[0].id
    return visits.check_in(ws, cid, "follow_up").id


def _photo(tmp_path: Path, name: str, seed: int) -> str:
    path = tmp_path / name
    path.write_bytes(png_bytes(seed))
    return str(path)


def test_add_photo_to_the_open_visit_shows_a_thumbnail(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    ws = window.ws
    vid = _fresh_open_visit(ws)
    window.navigate("visits")
    page = window.pages["visits"]
    strip = page.photos
    assert strip.owner_id == vid and strip.add_button.isEnabled()
    assert strip.empty.isVisible() and not strip.thumbs
    asked: list[Any] = []
    first, second = _photo(tmp_path, "a.png", 1), _photo(tmp_path, "b.png", 2)
    strip.choose_files = lambda parent: asked.append(parent) or [first, second]
    qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    assert asked == [strip]
    stored = attachments.list_attachments(ws, "visit", vid)
    assert [a.filename for a in stored] == ["a.png", "b.png"]
    assert all(a.mime_type == "image/png" for a in stored)
    assert list(strip.thumbs) == [a.id for a in stored]
    thumb = strip.thumbs[stored[0].id]
    assert not thumb.icon().isNull() and thumb.toolTip() == "a.png"
    assert not strip.empty.isVisible() and not strip.message.isVisible()


def test_a_non_image_is_refused_with_the_rule_message(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    ws = window.ws
    vid = _fresh_open_visit(ws)
    window.navigate("visits")
    strip = window.pages["visits"].photos
    text = tmp_path / "notes.txt"
    text.write_text("not a photo")
    strip.choose_files = lambda _p: [str(text), _photo(tmp_path, "ok.png", 3)]
    qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    assert strip.message.isVisible()
    assert strip.message.text() == "A visit photo must be a PNG or JPEG image."
    assert [a.filename for a in attachments.list_attachments(ws, "visit", vid)] == ["ok.png"]


def test_cancelled_dialog_adds_nothing(window: Any, qtbot: Any) -> None:
    ws = window.ws
    vid = _fresh_open_visit(ws)
    window.navigate("visits")
    strip = window.pages["visits"].photos
    strip.choose_files = lambda _p: []
    qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    assert attachments.list_attachments(ws, "visit", vid) == []
    assert not strip.message.isVisible()


def test_photos_can_be_added_to_a_finished_visit_but_not_removed(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    ws = window.ws
    vid = _fresh_open_visit(ws)
    visits.check_out(ws, vid)
    window.navigate("visits")
    page = window.pages["visits"]
    page.refresh()
    assert page.photos.owner_id is None and not page.photos.add_button.isEnabled()
    ids = [page.table.source.row_at(r).id for r in range(page.table.source.rowCount())]
    page.table.select_row(ids.index(vid))
    strip = page.selected_photos
    assert strip.owner_id == vid
    strip.choose_files = lambda _p: [_photo(tmp_path, "after.png", 4)]
    qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    rows = attachments.list_attachments(ws, "visit", vid)
    assert [a.filename for a in rows] == ["after.png"]
    assert list(strip.thumbs) == [rows[0].id]
    assert visits.get_visit(ws, vid).status == "finished"
    # photos are facts: the only push button is "Add photo…", nothing takes one away
    assert strip.findChildren(QPushButton) == [strip.add_button]


def test_no_visit_no_adding(window: Any) -> None:
    window.navigate("visits")
    page = window.pages["visits"]
    page.table.clearSelection()
    page.selected_photos.set_owner(None)
    assert not page.selected_photos.add_button.isEnabled()
    assert page.selected_photos.add_photos(["whatever.png"]) == []
