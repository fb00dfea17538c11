"""The passphrase dialog shown before a passphrase-protected workspace opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class PassphraseDialog(QDialog):
    """Asks for the workspace passphrase; shows the previous error if any."""

    def __init__(self, path: Path, error: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open workspace"))
        self.setObjectName("passphraseDialog")
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setObjectName("passphrase")
        info = QLabel(self.tr("Workspace: {path}").format(path=str(path)))
        info.setWordWrap(True)
        self.error = QLabel(error)
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.secret)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())


def ask_passphrase(path: Path, error: str = "") -> str | None:
    """Show the dialog modally (real app only); None when the rep cancels."""
    dialog = PassphraseDialog(path, error)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.secret.text()
