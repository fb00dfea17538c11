"""Qt translation for the UI: translators, rendering core ``Msg`` values, enum labels.

The core marks its strings with ``QT_TRANSLATE_NOOP`` and hands them over as
:class:`app.i18n.Msg`; the UI renders them with ``QCoreApplication.translate`` so
that one ``.qm`` catalogue serves core and UI strings alike.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import enums
from app import i18n as core_i18n
from app.i18n import Msg

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = core_i18n.TRANSLATIONS_DIR
_installed: list[QTranslator] = []
_language = "en"


def render(m: Msg) -> str:
    """A core message in the UI language."""
    text = QCoreApplication.translate(m.context, m.source)
    try:
        return text.format(**m.args)
    except (KeyError, IndexError, ValueError):  # a broken translation must not crash the UI
        log.warning("translation of %r does not fit its arguments", m.source)
        return m.source.format(**m.args)


def label(value: str | None) -> str:
    """Translated display label of an enum code (grades and unknown codes print as is)."""
    if value is None:
        return ""
    source = enums.LABELS.get(str(value))
    return QCoreApplication.translate("enums", source) if source else str(value)


def system_language() -> str:
    """zh_CN when the system locale is Chinese, else English."""
    name = QLocale.system().name()
    return "zh_CN" if name.lower().startswith("zh") else "en"


def current_language() -> str:
    """The language the UI currently shows."""
    return _language


def install_language(language: str) -> str:
    """Install the translators of ``language`` (zh_CN or en) on the running application."""
    global _language
    app = QCoreApplication.instance()
    assert app is not None
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    language = core_i18n.normalize_language(language)
    _language = language
    core_i18n.set_language(language)  # keep core-rendered texts (e.g. PDFs) in step
    if language == "en":
        return language
    own = QTranslator(app)
    qm = Path(TRANSLATIONS_DIR) / f"waiqin_{language}.qm"
    if own.load(str(qm)):
        app.installTranslator(own)
        _installed.append(own)
    else:
        log.warning("no compiled translation for %s", language)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    return language
