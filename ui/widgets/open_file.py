"""Open a generated document with the system viewer (skipped headless and in tests)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def open_file(path: Path) -> bool:
    """Open ``path`` in the default application, unless running offscreen."""
    if os.environ.get("QT_QPA_PLATFORM") in ("offscreen", "minimal"):
        return False
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
