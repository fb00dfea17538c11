"""Fonts of the printed documents and the glyph check that runs before printing.

Droid Sans Fallback (resources/fonts) carries the Chinese glyphs but no Latin
letters, digits or '¥', so Latin runs are set in Bitstream Vera, which ships inside
reportlab. Both are TrueType, registered once and embedded as subsets. Every text
is split into runs by the font that has its glyphs; a character neither font has
raises :class:`MissingGlyphError` instead of printing an empty box.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib.colors import Color, black
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from app.errors import WaiqinError
from app.i18n import QT_TRANSLATE_NOOP, msg

log = logging.getLogger(__name__)

CJK_FONT = "WaiqinCJK"
LATIN_FONT = "WaiqinLatin"
LATIN_BOLD_FONT = "WaiqinLatin-Bold"

CJK_FONT_PATH = (
    Path(__file__).resolve().parent.parent.parent
    / "resources"
    / "fonts"
    / "DroidSansFallbackFull.ttf"
)
_REPORTLAB_FONTS = Path(reportlab.__file__).resolve().parent / "fonts"
LATIN_FONT_PATH = _REPORTLAB_FONTS / "Vera.ttf"
LATIN_BOLD_FONT_PATH = _REPORTLAB_FONTS / "VeraBd.ttf"

# Layout characters that are never drawn as glyphs.
_LAYOUT_CHARS = frozenset("\n\r\t")


class MissingGlyphError(WaiqinError):
    """A text to print has characters the document fonts cannot draw."""

    def __init__(self, chars: Iterable[str]) -> None:
        self.chars = tuple(sorted(set(chars)))
        listed = " ".join(f"{c!r} (U+{ord(c):04X})" for c in self.chars)
        super().__init__(
            msg(
                "documents",
                QT_TRANSLATE_NOOP(
                    "documents", "The document font cannot print these characters: {chars}"
                ),
                chars=listed,
            )
        )


@dataclasses.dataclass(frozen=True)
class FontSet:
    """The registered fonts and the code points each one can draw."""

    cjk: frozenset[int]
    latin: frozenset[int]

    def font_for(self, char: str, *, bold: bool = False) -> str | None:
        """The font that draws ``char`` (Latin first, then CJK), None if neither can."""
        code = ord(char)
        if code in self.latin:
            return LATIN_BOLD_FONT if bold else LATIN_FONT
        if code in self.cjk:
            return CJK_FONT
        return None


@cache
def fonts() -> FontSet:
    """Register the document fonts with reportlab once per process and return them."""
    cjk = TTFont(CJK_FONT, str(CJK_FONT_PATH))
    latin = TTFont(LATIN_FONT, str(LATIN_FONT_PATH))
    latin_bold = TTFont(LATIN_BOLD_FONT, str(LATIN_BOLD_FONT_PATH))
    for font in (cjk, latin, latin_bold):
        pdfmetrics.registerFont(font)
    # The CJK font has no bold face: <b> in a paragraph maps to the same font.
    pdfmetrics.registerFontFamily(CJK_FONT, normal=CJK_FONT, bold=CJK_FONT)
    pdfmetrics.registerFontFamily(LATIN_FONT, normal=LATIN_FONT, bold=LATIN_BOLD_FONT)
    bold_cover = set(latin_bold.face.charToGlyph)
    log.debug("document fonts registered")
    return FontSet(
        cjk=frozenset(cjk.face.charToGlyph),
        latin=frozenset(c for c in latin.face.charToGlyph if c in bold_cover and c > 0x1F),
    )


def missing_glyphs(texts: Iterable[str]) -> set[str]:
    """Characters of ``texts`` that no document font can draw."""
    fs = fonts()
    missing: set[str] = set()
    for text in texts:
        for char in set(text):
            if char not in _LAYOUT_CHARS and fs.font_for(char) is None:
                missing.add(char)
    return missing


def check_glyphs(texts: Iterable[str]) -> None:
    """Raise :class:`MissingGlyphError` if any character of ``texts`` cannot be printed."""
    missing = missing_glyphs(texts)
    if missing:
        raise MissingGlyphError(missing)


def texts_of(value: object) -> Iterator[str]:
    """Every string inside a view model (dataclasses, tuples, lists, dicts), recursively."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from texts_of(getattr(value, f.name))
    elif isinstance(value, tuple | list | set | frozenset):
        for item in value:
            yield from texts_of(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts_of(key)
            yield from texts_of(item)


def runs(text: str, *, bold: bool = False) -> Iterator[tuple[str, str]]:
    """Split ``text`` into (font name, run) pairs; raises on an unprintable character."""
    fs = fonts()
    current: str | None = None
    buf: list[str] = []
    for char in text:
        if char in _LAYOUT_CHARS:
            char = " "
        font = fs.font_for(char, bold=bold)
        if font is None:
            raise MissingGlyphError([char])
        if font != current and buf:
            assert current is not None
            yield current, "".join(buf)
            buf = []
        current = font
        buf.append(char)
    if buf and current is not None:
        yield current, "".join(buf)


def rich(text: str, *, bold: bool = False) -> str:
    """Paragraph markup for ``text``: escaped, Latin runs in the Latin font, newlines kept.

    Paragraph styles use the CJK font, so only Latin runs need a font tag.
    """
    out: list[str] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("<br/>")
        for font, run in runs(line, bold=bold):
            if font == CJK_FONT:
                out.append(escape(run))
            else:
                out.append(f'<font face="{font}">{escape(run)}</font>')
    return "".join(out)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width in points of ``text`` drawn with :func:`draw_text`."""
    return float(
        sum(pdfmetrics.stringWidth(run, font, size) for font, run in runs(text, bold=bold))
    )


def draw_text(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    bold: bool = False,
    align: str = "left",
    color: Color = black,
    width: float | None = None,
) -> None:
    """Draw one line of mixed Chinese/Latin text; ``align`` is left, centre or right of x.

    The CJK font has no bold face, so bold CJK is drawn filled and stroked. All
    runs go into one text object (each ``textOut`` moves on by the run's width).
    ``width``: the line's :func:`text_width`, when the caller measured it already.
    """
    parts = list(runs(text, bold=bold))
    if align in ("centre", "right"):
        if width is None:
            width = sum(pdfmetrics.stringWidth(run, font, size) for font, run in parts)
        x -= width / 2 if align == "centre" else width
    canvas.saveState()
    canvas.setFillColor(color)
    canvas.setStrokeColor(color)
    if bold:
        canvas.setLineWidth(size * 0.03)
    obj = canvas.beginText(x, y)
    for font, run in parts:
        obj.setFont(font, size)
        if bold:
            obj.setTextRenderMode(2 if font == CJK_FONT else 0)
        obj.textOut(run)
    canvas.drawText(obj)
    canvas.restoreState()
