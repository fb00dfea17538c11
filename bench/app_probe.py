"""Run the real desktop app on a workspace and report when it is usable (a subprocess).

    python -m bench.app_probe WORKSPACE [ready-only]

Prints ``at <name> <time.time()>`` markers: ``imported`` (Qt and the app loaded),
``opened`` (workspace keyed and opened), ``shown`` (main window shown),
``ready`` (customer list shows its first page), then loads the whole customer
list page by page as a rep scrolling to the end would and prints
``rss <MB> <rows>`` (plus ``timeout`` when not all rows came within LOAD_LIMIT).
Qt runs offscreen; nothing is clicked.
"""

from __future__ import annotations

import os
import sys
import time

LOAD_LIMIT = 120.0  # seconds to load the whole list before memory is read anyway


def mark(name: str) -> None:
    """One timing marker for the parent."""
    print(f"at {name} {time.time():.6f}", flush=True)


def main() -> int:
    """Start the app, open the customer list, then load all of it."""
    from pathlib import Path

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("WAIQIN_NO_KEYRING", "1")
    from PySide6.QtCore import QModelIndex, QTimer

    from app.workspace import open_workspace
    from bench.common import PASSPHRASE, rss_mb
    from ui import i18n
    from ui.app import ensure_app, workspace_language
    from ui.main_window import MainWindow

    mark("imported")
    app = ensure_app()
    ws = open_workspace(Path(sys.argv[1]), PASSPHRASE)
    mark("opened")
    i18n.install_language(workspace_language(ws))
    window = MainWindow(ws)
    window.show()
    app.processEvents()
    mark("shown")
    window.navigate("customers")
    model = window.pages["customers"].model  # type: ignore[attr-defined]
    state = {"ready": False, "started": time.monotonic()}

    def poll() -> None:
        if not state["ready"]:
            if model.rows:
                state["ready"] = True
                app.processEvents()
                mark("ready")
                if sys.argv[2:] == ["ready-only"]:
                    timer.stop()
                    app.quit()
            return
        if model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        elif model.exhausted and not model.loading:
            timer.stop()
            app.processEvents()
            print(f"rss {rss_mb():.1f} {len(model.rows)}", flush=True)
            app.quit()
        if time.monotonic() - state["started"] > LOAD_LIMIT and timer.isActive():
            timer.stop()
            print(f"rss {rss_mb():.1f} {len(model.rows)} timeout", flush=True)
            app.quit()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(1)
    app.exec()
    window.shutdown()
    ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
