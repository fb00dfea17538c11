"""Translatable messages for the Qt-free core.

The core may not import Qt, yet every user-visible string must go through Qt
translation. So the core marks its strings with :func:`QT_TRANSLATE_NOOP`
(which `pyside6-lupdate` extracts into ``resources/translations/*.ts``) and
carries them as :class:`Msg` values. The UI renders a ``Msg`` with
``QCoreApplication.translate``; the CLI, which has no Qt event loop, reads the
same ``.ts`` catalogues with :func:`translate` below. One source of truth, two
renderers.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
SUPPORTED_LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"

_current_language: str | None = None


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for extraction by lupdate; returns it unchanged."""
    return source


@dataclass(frozen=True)
class Msg:
    """A translatable message: lupdate context, English source text, format args."""

    context: str
    source: str
    args: dict[str, Any] = field(default_factory=dict)

    def text(self, language: str | None = None) -> str:
        """The message in ``language`` (default: the current language)."""
        return translate(self.context, self.source, language).format(**self.args)

    def __str__(self) -> str:
        return self.text()


def msg(context: str, source: str, **args: Any) -> Msg:
    """Build a :class:`Msg`. ``source`` must be a literal wrapped in QT_TRANSLATE_NOOP."""
    return Msg(context, source, dict(args))


def current_language() -> str:
    """The language for CLI and core messages: set_language(), $WAIQIN_LANG, else zh_CN."""
    if _current_language is not None:
        return _current_language
    env = os.environ.get("WAIQIN_LANG", "")
    return normalize_language(env) if env else DEFAULT_LANGUAGE


def normalize_language(value: str) -> str:
    """Map 'en', 'en_US.UTF-8', 'zh', 'zh_CN' ... to a supported language code."""
    low = value.lower()
    if low.startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE


def set_language(language: str | None) -> None:
    """Set the process-wide language for core messages (None: back to the default)."""
    global _current_language
    _current_language = None if language is None else normalize_language(language)


@cache
def _catalogue(language: str) -> dict[tuple[str, str], str]:
    path = TRANSLATIONS_DIR / f"waiqin_{language}.ts"
    table: dict[tuple[str, str], str] = {}
    if not path.exists():
        return table
    import xml.etree.ElementTree as ET  # only the CLI reads .ts files (not every start)

    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for message in ctx.iter("message"):
            source = message.findtext("source")
            tr = message.find("translation")
            if source is None or tr is None or not tr.text:
                continue
            if tr.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            table[(name, source)] = tr.text
    return table


def translate(context: str, source: str, language: str | None = None) -> str:
    """Translate ``source`` in ``context`` using the shipped .ts catalogue."""
    lang = language or current_language()
    return _catalogue(lang).get((context, source), source)
