"""The crash hook: an unexpected error is logged with its traceback and shown in a dialog.

The database is transactional, so a half-done action is rolled back and the
data stays safe; the rep sees a short message, never a vanishing window.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.errors import error_text, is_expected

log = logging.getLogger("waiqin.crash")


class CrashHandler(QObject):
    """Installs sys/threading excepthooks; logs and shows each unexpected error once."""

    crashed = Signal(str)
    _from_thread = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialogs: list[QMessageBox] = []
        self.parent_widget: Callable[[], QWidget | None] = lambda: None
        self._old_hook = sys.excepthook
        self._old_thread_hook = threading.excepthook
        self._from_thread.connect(self._show)

    def install(self) -> None:
        """Become the process's excepthook (GUI thread and worker threads)."""
        sys.excepthook = self.handle
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        """Restore the previous hooks."""
        sys.excepthook = self._old_hook
        threading.excepthook = self._old_thread_hook

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        """Log the error (traceback only for bugs) and show it in a dialog."""
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        if is_expected(exc):
            log.warning("unhandled expected error: %s", type(exc).__name__)
        else:
            log.error(
                "unexpected error\n%s", "".join(traceback.format_exception(exc_type, exc, tb))
            )
        self._from_thread.emit(exc)

    def _show(self, exc: BaseException) -> None:
        text = error_text(exc)
        self.crashed.emit(text)
        if QApplication.instance() is None:
            return
        box = QMessageBox(self.parent_widget())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("CrashHandler", "Something went wrong"))
        box.setText(text)
        box.setInformativeText(
            QCoreApplication.translate(
                "CrashHandler",
                "Your saved data is safe. If this happens again, send the log file to support.",
            )
        )
        box.setObjectName("crashDialog")
        self.dialogs.append(box)
        box.finished.connect(
            lambda _r, b=box: self.dialogs.remove(b) if b in self.dialogs else None
        )
        box.open()
