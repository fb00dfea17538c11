"""Run the real desktop app on a workspace and report when it is usable (a subprocess).

    python -m bench.app_probe WORKSPACE [ready-only]

The app starts the way a rep starts it: ``waiqin app --data-dir WORKSPACE``
(``app.cli.main``: the whole command-line parser with every plug-in's commands,
then ``ui.app.run``: QApplication, fonts, translators, opening the workspace,
crash hook, file log, the main window on its first page). The passphrase comes
from ``WAIQIN_PASSPHRASE`` (the bench's passphrase when unset).

Prints ``at <name> <time.time()> <CPU s of the process> <CPU s of the GUI thread>``
markers: ``imported`` (command line parsed, Qt and the app loaded: ``ui.app.run``
begins), ``opened`` (workspace keyed and opened), ``shown`` (main window shown
and the event loop running), ``ready`` (the rep clicked Customers and the list
shows its first page), then loads the whole customer list page by page as a rep
scrolling to the end would and prints ``rss <MB> <rows>`` (plus ``timeout`` when
not all rows came within LOAD_LIMIT). The markers come from the app's
``waiqin.startup`` log (DEBUG). Qt runs offscreen; nothing is clicked but the Customers entry.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from typing import Any

LOAD_LIMIT = 120.0  # seconds to load the whole list before memory is read anyway
BENCH_PASSPHRASE = "bench-passphrase-1"  # bench.common.PASSPHRASE (not imported: not the app's)


def mark(name: str) -> None:
    """One timing marker: wall clock, CPU seconds of the process, then of the GUI thread."""
    print(
        f"at {name} {time.time():.6f} {time.process_time():.3f} {time.thread_time():.3f}",
        flush=True,
    )


class Probe(logging.Handler):
    """Turns the app's start-up milestones into markers, then drives the customer list."""

    def __init__(self, ready_only: bool) -> None:
        super().__init__(logging.DEBUG)
        self.ready_only = ready_only
        self.window: Any = None
        self.timer: Any = None
        self.ready = False
        self.started = 0.0

    def emit(self, record: logging.LogRecord) -> None:
        name = record.getMessage()
        if name != "shown":
            mark(name)
            return
        from PySide6.QtCore import QTimer

        self.window = getattr(record, "window", None)
        QTimer.singleShot(0, self.go)  # once the event loop runs, as a rep's click would

    def go(self) -> None:
        """The window is up: mark it, open the customer list and watch it."""
        from PySide6.QtCore import QTimer

        mark("shown")
        self.window.navigate("customers")
        self.started = time.monotonic()
        self.timer = QTimer()
        self.timer.timeout.connect(self.poll)
        self.timer.start(1)

    def poll(self) -> None:
        """Ready once the first page shows; then scroll to the end and read the memory."""
        from PySide6.QtCore import QModelIndex
        from PySide6.QtWidgets import QApplication

        model = self.window.pages["customers"].model
        if not self.ready:
            if model.rows:
                self.ready = True
                QApplication.processEvents()
                mark("ready")
                if self.ready_only:
                    self.finish()
            return
        if model.exhausted and not model.loading:
            QApplication.processEvents()
            self.finish(f"rss {rss_mb():.1f} {len(model.rows)}")
        elif time.monotonic() - self.started > LOAD_LIMIT:
            self.finish(f"rss {rss_mb():.1f} {len(model.rows)} timeout")
        elif model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())

    def finish(self, line: str = "") -> None:
        """Print the last line and close the window (the app exits as on a real close)."""
        self.timer.stop()
        if line:
            print(line, flush=True)
        self.window.close()


def rss_mb() -> float:
    """Resident memory of this process in MB (VmRSS)."""
    from bench.common import rss_mb as read

    return read()


def main() -> int:
    """``waiqin app --data-dir WORKSPACE`` with the probe listening to its start-up log."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("WAIQIN_NO_KEYRING", "1")
    os.environ.setdefault("WAIQIN_PASSPHRASE", BENCH_PASSPHRASE)
    startup = logging.getLogger("waiqin.startup")
    startup.setLevel(logging.DEBUG)
    startup.propagate = False
    startup.addHandler(Probe(sys.argv[2:] == ["ready-only"]))
    from app.cli import main as waiqin

    return waiqin(["app", "--data-dir", sys.argv[1]])


if __name__ == "__main__":
    sys.exit(main())
