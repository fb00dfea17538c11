"""The privacy curtain shown instead of customer lists while presenting to a customer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PrivacyCurtain(QWidget):
    """A neutral panel: 'Customer list hidden (privacy mode)'."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("privacyCurtain")
        label = QLabel(
            self.tr("Customer data is hidden while privacy mode is on (Ctrl+Shift+H to show).")
        )
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setStyleSheet("color: #667; font-size: 16px;")
        layout = QVBoxLayout(self)
        layout.addWidget(label)
