"""A thumbnail strip of a record's photos with an "Add photo…" button.

Photos go through :mod:`app.services.attachments` (append-only: there is no
remove). Thumbnails are decoded and scaled on the worker pool (QImage is safe
off the GUI thread) and turned into pixmaps on the GUI thread. The file dialog is
an attribute (``choose_files``) so tests can replace it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import WaiqinError
from app.services import attachments
from app.services.attachments import AttachmentRow
from ui.context import AppContext
from ui.errors import error_text, field_errors
from ui.widgets.form import ERROR_STYLE
from ui.widgets.open_file import open_file

log = logging.getLogger(__name__)

THUMB = 64


def ask_image_files(parent: QWidget) -> list[str]:
    """The system file dialog for PNG / JPEG photos (several at once)."""
    files, _filter = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("PhotoStrip", "Add photo"),
        "",
        QCoreApplication.translate("PhotoStrip", "Photos (*.png *.jpg *.jpeg)"),
    )
    return list(files)


def load_thumbnails(rows: list[AttachmentRow], ws: Any) -> dict[str, QImage]:
    """Decode and scale the photos that are on this computer (worker thread)."""
    out: dict[str, QImage] = {}
    for row in rows:
        if not row.present:
            continue
        image = QImage(str(attachments.stored_path(ws, row.sha256)))
        if not image.isNull():
            out[row.id] = image.scaled(
                THUMB,
                THUMB,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
    return out


class PhotoStrip(QWidget):
    """Thumbnails of one visit's photos; ``added`` fires with the new AttachmentRow."""

    added = Signal(object)

    def __init__(self, ctx: AppContext, owner_kind: str = "visit", name: str = "photos") -> None:
        super().__init__()
        self.ctx = ctx
        self.owner_kind = owner_kind
        self.owner_id: str | None = None
        self.rows: list[AttachmentRow] = []
        self.thumbs: dict[str, QToolButton] = {}
        self.choose_files: Callable[[QWidget], list[str]] = ask_image_files
        self.setObjectName(name)
        self.add_button = QPushButton(self.tr("Add photo…"))
        self.add_button.setObjectName(name + "Add")
        self.add_button.clicked.connect(lambda _c=False: self.add_photos())
        self.message = QLabel()
        self.message.setObjectName(name + "Message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.empty = QLabel(self.tr("No photos yet"))
        self.empty.setObjectName(name + "Empty")
        self.empty.setStyleSheet("color: #777;")
        self.strip = QWidget()
        self.row_layout = QHBoxLayout(self.strip)
        self.row_layout.setContentsMargins(0, 0, 0, 0)
        self.row_layout.setSpacing(6)
        self.row_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.strip)
        scroll.setFixedHeight(THUMB + 24)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller = scroll
        side = QVBoxLayout()
        side.addWidget(self.add_button)
        side.addWidget(self.empty)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addLayout(side)
        row.addWidget(scroll, 1)
        row.addStretch(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self._show_message("")
        self.set_owner(None)

    def set_owner(self, owner_id: str | None) -> None:
        """Show the photos of this record (None: nothing chosen, adding disabled)."""
        if owner_id != self.owner_id:
            self._show_message("")
        self.owner_id = owner_id
        self.add_button.setEnabled(owner_id is not None)
        self.refresh()

    def refresh(self) -> None:
        """Reload the list, then the thumbnails in the background."""
        self.rows = (
            attachments.list_attachments(self.ctx.ws, self.owner_kind, self.owner_id)
            if self.owner_id
            else []
        )
        self._rebuild()
        if self.rows:
            rows, ws, owner = list(self.rows), self.ctx.ws, self.owner_id
            self.ctx.runner.run(
                lambda _t: load_thumbnails(rows, ws),
                name="photo-thumbnails",
                on_done=lambda images: self._show_images(owner, images),
            )

    def _rebuild(self) -> None:
        for button in self.thumbs.values():
            self.row_layout.removeWidget(button)
            button.deleteLater()
        self.thumbs = {}
        for i, row in enumerate(self.rows):
            button = QToolButton()
            button.setObjectName(f"photo{i}")
            button.setFixedSize(THUMB + 6, THUMB + 6)
            button.setText("…" if row.present else self.tr("not here"))
            button.setToolTip(row.caption or row.filename)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _c=False, r=row: self.open_photo(r))
            self.row_layout.insertWidget(i, button)
            self.thumbs[row.id] = button
        self.empty.setVisible(not self.rows)
        self.empty.setText(
            self.tr("No photos yet") if self.owner_id else self.tr("Choose a visit first")
        )
        self.scroller.setVisible(bool(self.rows))

    def _show_images(self, owner: str | None, images: dict[str, QImage]) -> None:
        if owner != self.owner_id:
            return  # another visit was chosen meanwhile
        for att_id, image in images.items():
            button = self.thumbs.get(att_id)
            if button is not None:
                button.setIcon(QPixmap.fromImage(image))
                button.setIconSize(image.size())
                button.setText("")

    def add_photos(self, paths: list[str] | None = None) -> list[AttachmentRow]:
        """Ask for photos (or take ``paths``) and attach them; refusals show under the strip."""
        if self.owner_id is None:
            return []
        chosen = paths if paths is not None else self.choose_files(self)
        added: list[AttachmentRow] = []
        problems: list[str] = []
        for path in chosen:
            try:
                added.append(
                    attachments.add_attachment(self.ctx.ws, self.owner_kind, self.owner_id, path)
                )
            except WaiqinError as exc:
                text = field_errors(exc).get("file") or error_text(exc)
                problems.append(text)
        self._show_message("\n".join(problems))
        if added:
            self.refresh()
            self.ctx.changed("visits")
            for row in added:
                self.added.emit(row)
        return added

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def open_photo(self, row: AttachmentRow) -> None:
        """Show the photo in the system viewer."""
        try:
            path = attachments.attachment_path(self.ctx.ws, row.id)
        except WaiqinError as exc:
            self._show_message(error_text(exc))
            return
        open_file(path)
