"""Resolve one sync conflict: both values side by side; keep mine, take theirs, or edit."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import WaiqinError
from ui.context import AppContext
from ui.errors import error_text, field_label


def value_text(value: Any) -> str:
    """A conflict value as the rep reads it."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


class ConflictDialog(QDialog):
    """Shows the field, my value and the server's value; resolves through sync.client."""

    resolved = Signal(int)

    def __init__(self, ctx: AppContext, item: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Resolve conflict"))
        self.resize(640, 300)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Record")), 0, 0)
        grid.addWidget(QLabel(f"{item.entity} · {field_label(item.field)}"), 0, 1, 1, 2)
        mine = QLabel(value_text(item.local_value))
        mine.setObjectName("localValue")
        theirs = QLabel(value_text(item.remote_value))
        theirs.setObjectName("remoteValue")
        for w in (mine, theirs):
            w.setWordWrap(True)
            w.setStyleSheet("border: 1px solid #ccd; padding: 6px; background: white;")
        grid.addWidget(QLabel(self.tr("On this laptop")), 1, 1)
        grid.addWidget(QLabel(self.tr("On the server")), 1, 2)
        grid.addWidget(mine, 2, 1)
        grid.addWidget(theirs, 2, 2)
        self.keep_local = QPushButton(self.tr("Keep mine"))
        self.keep_local.setObjectName("keepLocal")
        self.keep_local.clicked.connect(lambda: self.resolve("local"))
        self.take_remote = QPushButton(self.tr("Take the server's"))
        self.take_remote.setObjectName("takeRemote")
        self.take_remote.clicked.connect(lambda: self.resolve("remote"))
        grid.addWidget(self.keep_local, 3, 1)
        grid.addWidget(self.take_remote, 3, 2)
        self.edit = QLineEdit(value_text(item.local_value) if item.local_value is not None else "")
        self.edit.setObjectName("editedValue")
        use_edit = QPushButton(self.tr("Use this value"))
        use_edit.setObjectName("useEdited")
        use_edit.clicked.connect(lambda: self.resolve("value"))
        edit_row = QHBoxLayout()
        edit_row.addWidget(QLabel(self.tr("Or type the right value")))
        edit_row.addWidget(self.edit, 1)
        edit_row.addWidget(use_edit)
        self.message = QLabel()
        self.message.setObjectName("conflictMessage")
        self.message.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(edit_row)
        layout.addWidget(self.message)

    def resolve(self, choice: str) -> bool:
        """Apply the choice (local, remote or the edited value)."""
        from sync import client

        value = self.edit.text() if choice == "value" else None
        try:
            client.resolve_conflict(self.ctx.ws, self.item.id, choice, value)  # type: ignore[arg-type]
        except WaiqinError as exc:
            self.message.setText(error_text(exc))
            return False
        self.ctx.changed("sync")
        self.resolved.emit(self.item.id)
        self.accept()
        return True
