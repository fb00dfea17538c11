"""What every page shares: the open workspace, the task runner and app-wide signals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.workspace import Workspace
from ui.tasks import TaskRunner


class AppContext(QObject):
    """Shared state of the window: workspace, runner, privacy mode, cross-page signals.

    ``data_changed(area)`` tells pages that something they show may have changed
    ("customers", "visits", "orders", "receipts", "sync", "settings", "*").
    """

    data_changed = Signal(str)
    privacy_changed = Signal(bool)
    navigate = Signal(str, object)
    status_message = Signal(str)
    language_changed = Signal(str)

    def __init__(
        self,
        ws: Workspace,
        runner: TaskRunner,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner
        self._today = today
        self.privacy = False
        self.extras: dict[str, Any] = {}

    def today(self) -> dt.date:
        """The rep's local date (injectable for tests)."""
        return self._today()

    def set_privacy(self, on: bool) -> None:
        """Hide (or show again) customer lists while presenting to a customer."""
        if on != self.privacy:
            self.privacy = on
            self.privacy_changed.emit(on)

    def changed(self, area: str) -> None:
        """Announce that data of ``area`` changed (pages refresh what they show)."""
        self.data_changed.emit(area)
