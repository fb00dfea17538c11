"""Log in to the company server; the token goes to the keyring (or the encrypted workspace)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui import sync_bridge
from ui.context import AppContext
from ui.errors import error_text


class LoginDialog(QDialog):
    """Server address, user name, password; logs in on the worker pool."""

    logged_in = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Log in to the server"))
        self.url = QLineEdit(sync_bridge.server_url(ctx.ws) or "http://127.0.0.1:8765")
        self.url.setObjectName("serverUrl")
        self.username = QLineEdit(ctx.ws.state("username") or "")
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Server"), self.url)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def try_login(self) -> None:
        """Log in in the background (the GUI never waits on the network)."""
        from sync import client

        ws, url, user, pw = (
            self.ctx.ws,
            self.url.text().strip(),
            self.username.text(),
            self.password.text(),
        )
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Connecting…"))

        def done(_r: Any) -> None:
            self.buttons.setEnabled(True)
            self.password.clear()
            self.logged_in.emit()
            self.accept()

        def failed(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.message.setText(error_text(exc))

        self.ctx.runner.run(
            lambda _t: client.login(ws, url, user, pw), name="login", on_done=done, on_error=failed
        )
