"""The status bar: online/offline, unsynced changes, last sync, plus lasting notes."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from app.workspace import Workspace
from ui.context import AppContext
from ui.format import datetime_text
from ui.tasks import TaskContext

log = logging.getLogger(__name__)

REFRESH_MS = 30_000


@dataclass(frozen=True)
class StatusSnapshot:
    """What the status bar shows; built off the GUI thread."""

    online: bool | None
    signed_in: bool
    unsynced: int
    last_sync: dt.datetime | None


def take_snapshot(ws: Workspace, probe_network: bool = True) -> StatusSnapshot:
    """Unsynced count and last sync from the sync layer; a quick server probe if signed in."""
    from ui import sync_bridge

    return sync_bridge.status(ws, probe_network=probe_network)


class StatusBar(QStatusBar):
    """Online/offline, unsynced changes and last sync; refreshed in the background."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("statusBar")
        self.online = QLabel()
        self.online.setObjectName("statusOnline")
        self.unsynced = QLabel()
        self.unsynced.setObjectName("statusUnsynced")
        self.last_sync = QLabel()
        self.last_sync.setObjectName("statusLastSync")
        self.note = QLabel()
        self.note.setObjectName("statusNote")
        self.addWidget(self.note, 1)
        for w in (self.online, self.unsynced, self.last_sync):
            w.setContentsMargins(8, 0, 8, 0)
            self.addPermanentWidget(w)
        self.snapshot: StatusSnapshot | None = None
        self._busy = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(REFRESH_MS)

    def set_note(self, text: str) -> None:
        """A lasting note at the left (e.g. demo passphrase)."""
        self.note.setText(text)

    def stop(self) -> None:
        """Stop the periodic refresh."""
        self.timer.stop()

    def refresh(self) -> None:
        """Fetch a new snapshot on the worker pool (never blocks on the network)."""
        if self._busy:
            return
        self._busy = True

        def work(_t: TaskContext) -> StatusSnapshot:
            return take_snapshot(self.ctx.ws)

        def done(snap: Any) -> None:
            self._busy = False
            self.show_snapshot(snap)

        def failed(exc: BaseException) -> None:
            self._busy = False
            log.warning("status refresh failed: %s", type(exc).__name__)

        self.ctx.runner.run(work, name="status", on_done=done, on_error=failed)

    def show_snapshot(self, snap: StatusSnapshot) -> None:
        """Render a snapshot."""
        self.snapshot = snap
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language."""
        snap = self.snapshot

        if snap is None:
            self.online.setText("")
            self.unsynced.setText("")
            self.last_sync.setText("")
            return
        if not snap.signed_in:
            self.online.setText(
                "○ " + QCoreApplication.translate("StatusBar", "Offline (not signed in)")
            )
        elif snap.online:
            self.online.setText("● " + QCoreApplication.translate("StatusBar", "Online"))
        else:
            self.online.setText("○ " + QCoreApplication.translate("StatusBar", "Offline"))
        self.unsynced.setText(
            QCoreApplication.translate("StatusBar", "Unsynced changes: {n}").format(n=snap.unsynced)
        )
        if snap.last_sync is None:
            self.last_sync.setText(QCoreApplication.translate("StatusBar", "Never synced"))
        else:
            self.last_sync.setText(
                QCoreApplication.translate("StatusBar", "Last sync: {when}").format(
                    when=datetime_text(snap.last_sync)
                )
            )
