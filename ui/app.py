"""Application start: QApplication, Chinese font, translators, crash hook, opening a workspace."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from app import security
from app.cli import gc_pause
from app.cli.common import setup_file_logging
from app.errors import WaiqinError
from app.workspace import Workspace, open_workspace, read_meta
from ui import i18n
from ui.crash import CrashHandler
from ui.prefs import has_pref
from ui.startup import KeyPrefetch

log = logging.getLogger(__name__)
startup_log = logging.getLogger("waiqin.startup")
"""Start-up milestones at DEBUG (``imported``, ``opened``, ``shown``; the record's
``window`` attribute is the main window once it exists): the cold-start benchmark
(bench/app_probe.py) listens here, so it times the real start path."""

ROOT = Path(__file__).resolve().parent.parent
FONT_FILE = ROOT / "resources" / "fonts" / "DroidSansFallbackFull.ttf"
FALLBACK_FAMILY = "Droid Sans Fallback"


def load_fonts(app: QApplication) -> str | None:
    """Register the bundled CJK font and make it the fallback of the UI font family."""
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    if font_id < 0:
        log.warning("bundled Chinese font could not be loaded")
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    family = families[0] if families else FALLBACK_FAMILY
    font = QFont(app.font())
    base = font.family()
    font.setFamilies([base, family] if base and base != family else [family])
    if font.pointSize() < 10:
        font.setPointSize(10)
    app.setFont(font)
    return family


def ensure_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once, with name, font and style)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Waiqin")
    app.setApplicationDisplayName("外勤 Waiqin")
    app.setOrganizationName("Waiqin")
    app.setStyle("Fusion")
    app.setWindowIcon(QIcon())
    load_fonts(app)
    return app


def workspace_language(ws: Workspace) -> str:
    """The language chosen in Settings; before any choice, the system's (zh_CN if Chinese)."""
    from app.services.settings import get_settings

    if has_pref(ws, "language"):
        return get_settings(ws).language
    env = os.environ.get("WAIQIN_LANG")
    return i18n.core_i18n.normalize_language(env) if env else i18n.system_language()


def open_interactive(
    path: Path, passphrase: str | None = None, prefetch: KeyPrefetch | None = None
) -> Workspace | None:
    """Open a workspace, asking for its passphrase in a dialog when needed.

    ``prefetch``: the key already being derived for ``passphrase`` (ui.startup).
    """
    meta = read_meta(path)
    secret = passphrase or os.environ.get(security.PASSPHRASE_ENV)
    if meta.get("key_mode") != "passphrase":
        return open_workspace(path)
    error = ""
    while True:
        if secret is None:
            from ui.dialogs.open_workspace import ask_passphrase

            secret = ask_passphrase(path, error)
            if secret is None:
                return None
        key = prefetch.key_for(path, secret) if prefetch is not None else None
        try:
            return open_workspace(path, secret, key=key)
        except WaiqinError as exc:
            from ui.errors import error_text

            error = error_text(exc)
            secret = None


def show_fitted(window: QWidget) -> None:
    """Show the window; maximized on small screens (1366×768 laptops) so no frame or
    taskbar pushes its bottom edge off the screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    avail = screen.availableGeometry() if screen is not None else None
    if avail is not None and (avail.width() <= 1400 or avail.height() <= 800):
        window.showMaximized()
    else:
        window.show()


def run_window(ws: Workspace, *, note: str = "", server: object | None = None) -> int:
    """Show the main window on ``ws`` and run the event loop until it closes."""
    from ui.main_window import MainWindow

    app = ensure_app()
    crash = CrashHandler(app)
    crash.install()
    setup_file_logging(ws.path)
    i18n.install_language(workspace_language(ws))
    window = MainWindow(ws)
    crash.parent_widget = lambda: window
    window.extras["server"] = server
    if note:
        window.show_note(note)
    show_fitted(window)
    # Start-up is over: what it built lives as long as the window (app.cli.gc_pause).
    gc_pause.resume(freeze=True)
    startup_log.debug("shown", extra={"window": window})
    try:
        return app.exec()
    finally:
        crash.uninstall()
        window.shutdown()
        ws.close()


def run(path: Path, passphrase: str | None = None, *, prefetch: KeyPrefetch | None = None) -> int:
    """`waiqin app`: open the GUI on the workspace in ``path``.

    ``prefetch``: the workspace key being derived on a thread (ui.startup), if any.
    """
    startup_log.debug("imported")
    app = ensure_app()
    env = os.environ.get("WAIQIN_LANG")
    i18n.install_language(i18n.core_i18n.normalize_language(env) if env else i18n.system_language())
    ws = open_interactive(path, passphrase, prefetch)
    if ws is None:
        return 1
    startup_log.debug("opened")
    del app
    return run_window(ws)
