"""Auto-lock after idle time, the lock screen, and unlock checks (passphrase or keyring + PIN)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import security
from app.workspace import Workspace
from ui.prefs import get_pref, set_pref

log = logging.getLogger(__name__)

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Emits ``idle`` when no key or mouse input arrived for the configured minutes.

    Input is watched on the app's top-level windows: every key, mouse, wheel and touch
    event from the system reaches its window first, and the window hands it to the widget.
    An application-wide event filter also saw every widget's paints, timers and layout
    events, each a call into Python (about 1,100 between the window showing and the first
    customer page: 0.02 s of the GUI thread's CPU at every start, more while scrolling).
    Windows are picked up when the main window shows and whenever the focus moves to
    another window or widget (a dialog or popup opening).
    """

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle.emit)
        self.set_minutes(minutes)
        self._app = QGuiApplication.instance()
        if isinstance(self._app, QGuiApplication):
            self._app.focusWindowChanged.connect(self._focus_moved)
            self._app.focusObjectChanged.connect(self._focus_moved)
        self.watch_windows()

    def set_minutes(self, minutes: int) -> None:
        """Change the idle time; 0 turns auto-lock off."""
        self.minutes = minutes
        self.timer.stop()
        if minutes > 0:
            self.timer.start(minutes * 60_000)

    def watch_windows(self) -> None:
        """Watch the input of every top-level window that exists now (installing twice is
        harmless: Qt keeps one filter per object)."""
        for window in QGuiApplication.topLevelWindows():
            window.installEventFilter(self)

    def _focus_moved(self, _target: object) -> None:
        self.watch_windows()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.minutes > 0:
            self.timer.start(self.minutes * 60_000)
        return False

    def stop(self) -> None:
        """Stop watching (window closing)."""
        self.timer.stop()
        if isinstance(self._app, QGuiApplication):  # once: stop() may be called again
            self._app.focusWindowChanged.disconnect(self._focus_moved)
            self._app.focusObjectChanged.disconnect(self._focus_moved)
            self._app = None
        for window in QGuiApplication.topLevelWindows():
            window.removeEventFilter(self)


def _pin_hash(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=2**14, r=8, p=1, dklen=32)


def set_pin(ws: Workspace, pin: str | None) -> None:
    """Store the unlock PIN (salted scrypt hash inside the encrypted workspace)."""
    if not pin:
        set_pref(ws, "lock.pin", None)
        return
    salt = os.urandom(16)
    value = base64.b64encode(salt).decode() + ":" + base64.b64encode(_pin_hash(pin, salt)).decode()
    set_pref(ws, "lock.pin", value)


def has_pin(ws: Workspace) -> bool:
    """True when an unlock PIN is set."""
    return bool(get_pref(ws, "lock.pin"))


def uses_passphrase(ws: Workspace) -> bool:
    """True when the workspace key is derived from a passphrase (unlock by passphrase)."""
    return ws.meta.get("key_mode") == "passphrase"


def check_unlock(ws: Workspace, secret: str) -> bool:
    """True when ``secret`` unlocks: the workspace passphrase, or keyring key plus PIN."""
    if uses_passphrase(ws):
        try:
            key = security.derive_key(secret, security.KdfParams.from_dict(ws.meta["kdf"]))
        except (ValueError, KeyError):
            return False
        return hmac.compare_digest(key, ws.key)
    stored = security.keyring_get(ws.workspace_id)
    if stored is None or not hmac.compare_digest(security.decode_key(stored), ws.key):
        return False
    pin = get_pref(ws, "lock.pin")
    if not pin:
        return True
    salt_b64, hash_b64 = pin.split(":", 1)
    return hmac.compare_digest(
        _pin_hash(secret, base64.b64decode(salt_b64)), base64.b64decode(hash_b64)
    )


class LockScreen(QWidget):
    """Covers the window while locked; unlocks with the passphrase or PIN."""

    unlocked = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setObjectName("lockScreen")
        title = QLabel(self.tr("Waiqin is locked"))
        title.setObjectName("lockTitle")
        font = title.font()
        font.setPointSize(font.pointSize() + 6)
        title.setFont(font)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setObjectName("unlockSecret")
        self.error = QLabel()
        self.error.setObjectName("unlockError")
        self.error.setStyleSheet("color: #b00020")
        self.button = QPushButton(self.tr("Unlock"))
        self.button.setObjectName("unlockButton")
        self.button.clicked.connect(self.try_unlock)
        self.secret.returnPressed.connect(self.try_unlock)
        form = QFormLayout()
        if uses_passphrase(ws):
            form.addRow(self.tr("Workspace passphrase"), self.secret)
        else:
            form.addRow(self.tr("PIN"), self.secret)
        box = QWidget()
        box.setMaximumWidth(420)
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addWidget(
            QLabel(self.tr("Customer data stays hidden until you unlock."), wordWrap=True)
        )
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addWidget(self.button)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def reset(self) -> None:
        """Clear the field before showing the screen."""
        self.secret.clear()
        self.error.clear()
        self.secret.setFocus()

    def try_unlock(self) -> None:
        """Check what was typed; unlock or say it was wrong."""
        if check_unlock(self.ws, self.secret.text()):
            self.secret.clear()
            self.error.clear()
            log.info("window unlocked")
            self.unlocked.emit()
        else:
            self.secret.selectAll()
            self.error.setText(self.tr("Wrong passphrase or PIN."))
