"""Shared page furniture: styles, letterhead, page template, page numbers, safe writing.

Every document is an A4 platypus story framed by the company letterhead at the top
of each page and "第 N 页 / 共 M 页" at the bottom. Page totals need a second pass,
done by a canvas that keeps each page until the document is complete. The PDF is
written to a temporary file next to the target and renamed only when complete.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from app.documents.data import Company
from app.documents.fonts import (
    CJK_FONT,
    LATIN_FONT,
    check_glyphs,
    draw_text,
    fonts,
    rich,
    text_width,
    texts_of,
)

MARGIN_X = 15 * mm
MARGIN_TOP = 10 * mm
LETTERHEAD_H = 22 * mm
MARGIN_BOTTOM = 16 * mm
GRID = colors.HexColor("#808080")
SHADE = colors.HexColor("#EEEEEE")
RED = colors.HexColor("#C00000")


def style(
    name: str, size: float = 8.5, *, align: int = TA_LEFT, leading: float | None = None
) -> ParagraphStyle:
    """A paragraph style in the CJK font that wraps anywhere (CJK rules), never overflows."""
    return ParagraphStyle(
        name,
        fontName=CJK_FONT,
        fontSize=size,
        leading=leading or size * 1.3,
        alignment=align,
        wordWrap="CJK",
    )


CELL = style("cell")
CELL_R = style("cell_r", align=TA_RIGHT)
CELL_C = style("cell_c", align=TA_CENTER)
HEAD = style("head", align=TA_CENTER)
BODY = style("body", 9.5)
SECTION = style("section", 11, leading=16)
SMALL = style("small", 7.5)


class Text(Flowable):  # type: ignore[misc]
    """Plain ``text`` in a paragraph style: one drawn line when it fits, else a Paragraph.

    Most table cells (names, numbers, statuses) fit on one line; drawing them
    directly skips the Paragraph's markup parser and line breaker, which were
    most of the time of a long report. Text that needs wrapping (or has
    newlines) becomes the same Paragraph as before, so the layout is unchanged.
    """

    def __init__(self, text: str, st: ParagraphStyle, bold: bool = False) -> None:
        super().__init__()
        self.text = text
        self.style = st
        self.bold = bold
        self._para: Paragraph | None = None
        self._line_width = None if "\n" in text else text_width(text, st.fontSize, bold=bold)

    def _paragraph(self) -> Paragraph:
        if self._para is None:
            self._para = Paragraph(rich(self.text, bold=self.bold), self.style)
        return self._para

    def _fits(self, avail_width: float) -> bool:
        return self._line_width is not None and self._line_width <= avail_width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """One line's height when the text fits ``avail_width``, else the Paragraph's."""
        if self._fits(avail_width):
            self._para = None
            self.width, self.height = avail_width, self.style.leading
            return self.width, self.height
        para = self._paragraph()
        self.width, self.height = para.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """A single line never splits; a long text splits as its Paragraph would."""
        if self._fits(avail_width):
            return []
        parts: list[Flowable] = self._paragraph().split(avail_width, avail_height)
        return parts

    def draw(self) -> None:
        """Draw the line where the Paragraph would put it (first baseline, alignment)."""
        if self._para is not None:
            self._para.drawOn(self.canv, 0, 0)
            return
        size = self.style.fontSize
        y = self.height - size  # a Paragraph's first baseline sits one font size down
        align = self.style.alignment
        if align == TA_RIGHT:
            x, how = self.width, "right"
        elif align == TA_CENTER:
            x, how = self.width / 2, "centre"
        else:
            x, how = 0.0, "left"
        color = self.style.textColor or colors.black
        draw_text(
            self.canv,
            x,
            y,
            self.text,
            size,
            bold=self.bold,
            align=how,
            color=color,
            width=self._line_width,
        )


def p(text: str, st: ParagraphStyle = CELL, *, bold: bool = False) -> Flowable:
    """Plain ``text`` that wraps like a paragraph (escaped, mixed fonts handled)."""
    return Text(text, st, bold)


def fit(text: str, width: float, st: ParagraphStyle = CELL_R) -> Flowable | str:
    """A figure as a plain string when it is all Latin and fits ``width`` (much faster
    to lay out than a paragraph); otherwise a wrapping paragraph."""
    fs = fonts()
    size = st.fontSize
    if all(ord(c) in fs.latin for c in text) and (
        pdfmetrics.stringWidth(text, LATIN_FONT, size) <= width - 6
    ):
        return text
    return p(text, st)


def grid_style(
    *, header_rows: int = 1, extra: Sequence[tuple[Any, ...]] = ()
) -> list[tuple[Any, ...]]:
    """The table look shared by all documents: thin grid, shaded header, middle aligned."""
    cmds: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("FONTNAME", (0, 0), (-1, -1), LATIN_FONT),  # for plain-string cells, not Helvetica
        ("FONTSIZE", (0, 0), (-1, -1), CELL.fontSize),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header_rows:
        cmds.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE))
    cmds.extend(extra)
    return cmds


def data_table(
    header: Sequence[str],
    rows: Iterable[Sequence[Flowable | str]],
    widths: Sequence[float],
    *,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A long table that splits across pages and repeats its header row on each page.

    Cells are paragraphs (they wrap) or plain strings from :func:`fit` (short figures).
    """
    head = [p(h, HEAD) for h in header]
    return Table([head, *rows], colWidths=list(widths), repeatRows=1, style=grid_style(extra=extra))


def info_table(pairs: Sequence[tuple[str, str]], width: float, *, columns: int = 2) -> Table:
    """Label/value pairs in a grid, ``columns`` pairs per row; labels shaded."""
    label_w = 28 * mm
    value_w = width / columns - label_w
    rows: list[list[Flowable]] = []
    for i in range(0, len(pairs), columns):
        chunk = list(pairs[i : i + columns])
        chunk += [("", "")] * (columns - len(chunk))
        rows.append([cell for lbl, val in chunk for cell in (p(lbl), p(val))])
    cmds = grid_style(header_rows=0)
    for c in range(columns):
        cmds.append(("BACKGROUND", (2 * c, 0), (2 * c, -1), SHADE))
    return Table(rows, colWidths=[label_w, value_w] * columns, style=cmds)


class Title(Flowable):  # type: ignore[misc]
    """The centred document title, drawn bold (the CJK font has no bold face)."""

    def __init__(self, text: str, size: float = 18) -> None:
        super().__init__()
        self.text = text
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Take the full width, one title line plus spacing."""
        self.width = avail_width
        return avail_width, self.size * 1.9

    def draw(self) -> None:
        """Draw the title centred (letter-spaced when short and Chinese)."""
        text = self.text
        if len(text) <= 5 and all(ord(c) > 0x2E80 for c in text):
            text = " ".join(text)
        draw_text(
            self.canv, self.width / 2, self.size * 0.6, text, self.size, bold=True, align="centre"
        )


def signature_block(parties: Sequence[str], labels: Mapping[str, str], width: float) -> Table:
    """Places to sign and seal: one column per party, with signature and date lines."""
    col = width / len(parties)
    line = "_" * 16
    rows = [
        [p(party, BODY) for party in parties],
        [Spacer(1, 8 * mm) for _ in parties],
        [p(f"{labels['sign']}：{line}", BODY) for _ in parties],
        [p(f"{labels['sign_date']}：{line}", BODY) for _ in parties],
    ]
    cmds = [
        ("FONTNAME", (0, 0), (-1, -1), LATIN_FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
    ]
    return Table(rows, colWidths=[col] * len(parties), style=cmds)


def preflight(data: object, labels: Mapping[str, str], *extra: str) -> None:
    """Check before rendering that the fonts can print every text of the document."""
    check_glyphs([*texts_of(data), *labels.values(), *extra])


# --- page furniture -----------------------------------------------------------------


def draw_letterhead(canvas: Canvas, company: Company, labels: Mapping[str, str]) -> None:
    """The company letterhead across the top of a page: logo, name, contacts, tax, bank."""
    page_w, page_h = canvas._pagesize
    top = page_h - MARGIN_TOP
    x = MARGIN_X
    right = page_w - MARGIN_X
    if company.logo_path is not None and Path(company.logo_path).is_file():
        img = ImageReader(str(company.logo_path))
        iw, ih = img.getSize()
        h = 18 * mm
        w = min(h * iw / ih, 30 * mm)
        h = w * ih / iw
        canvas.drawImage(img, x, top - 2 * mm - h, w, h, mask="auto")
        x += w + 4 * mm
    width = right - x
    size = 15.0
    while size > 9 and text_width(company.name, size, bold=True) > width:
        size -= 0.5
    draw_text(canvas, x, top - 6.5 * mm, company.name, size, bold=True)
    parts_1 = [(labels["address"], company.address), (labels["phone"], company.phone)]
    bank = " ".join(v for v in (company.bank_name, company.bank_account) if v)
    parts_2 = [(labels["tax_id"], company.tax_id), (labels["bank"], bank)]
    text = "\n".join(
        ("\xa0" * 4).join(f"{k}：{v}" for k, v in parts if v) for parts in (parts_1, parts_2)
    ).strip()
    # Laid out once per document: every page repeats the same letterhead.
    cached = getattr(canvas, "_waiqin_letterhead", None)
    if cached is not None and cached[0] == (text, width):
        para, h = cached[1], cached[2]
    else:
        for font_size in (8.0, 7.5, 7.0, 6.5, 6.0):
            para = Paragraph(rich(text), style("lh", font_size))
            _, h = para.wrap(width, LETTERHEAD_H)
            if h <= LETTERHEAD_H - 10.5 * mm:
                break
        canvas._waiqin_letterhead = ((text, width), para, h)
    para.drawOn(canvas, x, top - 9 * mm - h)
    y = top - LETTERHEAD_H + 1.5 * mm
    canvas.saveState()
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(1.2)
    canvas.line(MARGIN_X, y, right, y)
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN_X, y - 1.2, right, y - 1.2)
    canvas.restoreState()


def numbered_canvas(page_label: str, footer_left: str) -> type[Canvas]:
    """A canvas class that holds pages until the end to print "第 N 页 / 共 M 页"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Not Helvetica, the default: a standard font would be left unembedded.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or LATIN_FONT
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for n, state in enumerate(self._saved, start=1):
                self.__dict__.update(state)
                self._footer(n, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _footer(self, n: int, total: int) -> None:
            page_w = self._pagesize[0]
            y = 9 * mm
            self.saveState()
            self.setStrokeColor(GRID)
            self.setLineWidth(0.4)
            self.line(MARGIN_X, y + 4 * mm, page_w - MARGIN_X, y + 4 * mm)
            self.restoreState()
            draw_text(self, MARGIN_X, y, footer_left, 7.5)
            draw_text(
                self, page_w - MARGIN_X, y, page_label.format(n=n, m=total), 7.5, align="right"
            )

    return NumberedCanvas


@dataclass(frozen=True)
class Page:
    """What frames a document's pages: letterhead owner, footer text, labels, size."""

    company: Company
    labels: Mapping[str, str]
    footer: str
    title: str
    pagesize: tuple[float, float] = A4
    letterhead: bool = True


def content_width(pagesize: tuple[float, float] = A4) -> float:
    """Usable width between the side margins."""
    return float(pagesize[0] - 2 * MARGIN_X)


@contextlib.contextmanager
def atomic_output(out: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``out``; rename it to ``out`` only on success."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)


def build_pdf(
    out: Path,
    story: list[Flowable],
    page: Page,
    *,
    on_page: Callable[[Canvas], None] | None = None,
) -> Path:
    """Lay out ``story`` on letterheaded pages with page numbers; write ``out`` atomically."""
    fonts()
    page_w, page_h = page.pagesize
    head = LETTERHEAD_H + 2 * mm if page.letterhead else 0
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        page_w - 2 * MARGIN_X,
        page_h - MARGIN_TOP - head - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )

    def decorate(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        if page.letterhead:
            draw_letterhead(canvas, page.company, page.labels)
        if on_page is not None:
            on_page(canvas)

    with atomic_output(out) as tmp:
        doc = BaseDocTemplate(
            str(tmp),
            pagesize=page.pagesize,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=page.title,
            author=page.company.name,
            creator="Waiqin",
            pageTemplates=[PageTemplate(id="page", frames=[frame], onPage=decorate)],
        )
        doc.build(story, canvasmaker=numbered_canvas(page.labels["page"], page.footer))
    return out
