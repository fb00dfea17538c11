"""收款收据: the receipt for money collected, in three copies (联).

Each copy carries the company, number, date, payer, amount in figures and in
capital numerals, method, what it settles and the collector. A voided receipt is
stamped 作废 across every copy; a reprint is marked 补打 / COPY with its print count.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Table

from app.documents.base import (
    BODY,
    GRID,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    RED,
    SHADE,
    Page,
    build_pdf,
    grid_style,
    p,
    preflight,
)
from app.documents.data import ReceiptDoc
from app.documents.fonts import draw_text, text_width
from app.documents.formatting import fmt_date, fmt_money, fmt_words
from app.documents.labels import labels_for

log = logging.getLogger(__name__)

COPY_KEYS = ("copy_stub", "copy_customer", "copy_finance")
_HEAD_H = 21 * mm
_FOOT_H = 11 * mm
_SIDE_W = 8 * mm


class ReceiptCopy(Flowable):  # type: ignore[misc]
    """One copy (联) of the receipt: at least ``min_height`` tall, taller if it must."""

    def __init__(
        self,
        data: ReceiptDoc,
        copy_label: str,
        labels: Mapping[str, str],
        language: str,
        min_height: float,
        cut_line: bool,
    ) -> None:
        super().__init__()
        self.data = data
        self.copy_label = copy_label
        self.labels = labels
        self.language = language
        self.min_height = min_height
        self.cut_line = cut_line
        self.body: Table | None = None
        self.body_h = 0.0

    def _body(self, width: float, padding: float) -> Table:
        d, lb = self.data, self.labels
        label_w = 26 * mm
        value_w = (width - 2 * label_w) / 2
        rows = [
            [p(lb["payer"]), p(d.payer, BODY), "", ""],
            [p(lb["amount_words"]), p(lb["rmb"] + fmt_words(d.amount), BODY), "", ""],
            [
                p(lb["amount_figures"]),
                p(fmt_money(d.amount), BODY, bold=True),
                p(lb["method"]),
                p(d.method, BODY),
            ],
            [p(lb["settles"]), p(d.settles, BODY), "", ""],
        ]
        if d.notes:
            rows.append([p(lb["remarks"]), p(d.notes, BODY), "", ""])
        if d.voided:
            rows.append([p(lb["void_reason"]), p(d.void_reason, BODY), "", ""])
        cmds = grid_style(header_rows=0)
        cmds += [("BACKGROUND", (0, 0), (0, -1), SHADE), ("BACKGROUND", (2, 2), (2, 2), SHADE)]
        for r in range(len(rows)):
            if r != 2:
                cmds.append(("SPAN", (1, r), (3, r)))
        cmds += [
            ("TOPPADDING", (0, 0), (-1, -1), padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
        ]
        return Table(rows, colWidths=[label_w, value_w, label_w, value_w], style=cmds)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """As tall as a slot, or as tall as the content when it is longer."""
        self.width = avail_width
        # Roomy rows to write in by hand, tighter ones when the copy has more to say.
        budget = self.min_height - _HEAD_H - _FOOT_H - 4 * mm
        for padding in (6.0, 4.0, 2.5):
            self.body = self._body(avail_width - _SIDE_W, padding)
            _, self.body_h = self.body.wrap(avail_width - _SIDE_W, avail_height)
            if self.body_h <= budget:
                break
        self.height = max(self.min_height, _HEAD_H + self.body_h + _FOOT_H + 4 * mm)
        return self.width, self.height

    def draw(self) -> None:
        """Header, field grid, signatures, copy label; then the void stamp or copy mark."""
        c, d, lb = self.canv, self.data, self.labels
        w, h = self.width, self.height
        inner_w = w - _SIDE_W
        top = h - 2 * mm
        draw_text(c, inner_w / 2, top - 5 * mm, d.company.name, 11, bold=True, align="centre")
        title = lb["receipt_title"]
        if self.language != "en":
            title = " ".join(title)
        draw_text(c, inner_w / 2, top - 13 * mm, title, 16, bold=True, align="centre")
        tw = text_width(title, 16, bold=True)
        c.setLineWidth(0.6)
        for dy in (14.3 * mm, 15 * mm):
            c.line(inner_w / 2 - tw / 2, top - dy, inner_w / 2 + tw / 2, top - dy)
        draw_text(
            c,
            0,
            top - 19 * mm,
            f"{lb['receipt_date']}：{fmt_date(d.receipt_date, self.language)}",
            9,
        )
        draw_text(
            c,
            inner_w,
            top - 19 * mm,
            f"{lb['receipt_no']} {d.number}",
            10,
            bold=True,
            align="right",
            color=RED,
        )
        assert self.body is not None
        body_top = top - _HEAD_H
        self.body.drawOn(c, 0, body_top - self.body_h)
        y = body_top - self.body_h - 6 * mm
        third = inner_w / 3
        draw_text(c, 0, y, f"{lb['seal']}：", 9)
        draw_text(c, third * 1.2, y, f"{lb['collector']}：{d.collector}", 9)
        draw_text(c, third * 2.2, y, f"{lb['payer_sign']}：{'_' * 12}", 9)
        self._side_label(w - _SIDE_W / 2, body_top)
        if d.print_count > 1:
            mark = lb["reprint"].format(n=d.print_count)
            mw = text_width(mark, 8.5, bold=True)
            c.saveState()
            c.setStrokeColor(RED)
            c.rect(0, top - 7 * mm, mw + 4 * mm, 6 * mm)
            c.restoreState()
            draw_text(c, 2 * mm, top - 5.3 * mm, mark, 8.5, bold=True, color=RED)
        if d.voided:
            self._void_stamp(inner_w / 2, body_top - self.body_h / 2)
        if self.cut_line:
            c.saveState()
            c.setStrokeColor(GRID)
            c.setDash(3, 3)
            c.line(-5 * mm, 0, w + 5 * mm, 0)
            c.restoreState()

    def _side_label(self, x: float, top: float) -> None:
        """The copy label down the right edge: stacked characters, as on paper receipts."""
        c, size = self.canv, 9.0
        if all(ord(ch) > 0x2E80 or ch == " " for ch in self.copy_label):
            y = top - size
            for ch in self.copy_label:
                if ch != " ":
                    draw_text(c, x, y, ch, size, align="centre")
                y -= size * 1.15
        else:
            c.saveState()
            c.translate(x + size / 3, top)
            c.rotate(-90)
            draw_text(c, 0, 0, self.copy_label, size)
            c.restoreState()

    def _void_stamp(self, x: float, y: float) -> None:
        """作废 in big, rotated, semi-transparent red across the copy."""
        c = self.canv
        c.saveState()
        c.translate(x, y)
        c.rotate(20)
        c.setFillAlpha(0.35)
        c.setStrokeAlpha(0.35)
        text = self.labels["void_mark"]
        size = 64.0 if len(text) <= 2 else 48.0
        draw_text(
            c,
            0,
            -size / 3,
            text,
            size,
            bold=True,
            align="centre",
            color=Color(0.8, 0, 0, alpha=0.35),
        )
        c.restoreState()


def render_receipt(
    data: ReceiptDoc, out: Path, *, copies_per_page: bool = True, language: str = "zh_CN"
) -> Path:
    """Render the receipt's three copies to ``out``.

    ``copies_per_page`` True puts the three copies on one A4 page, cut lines between
    them (a copy too long for a third of the page moves on); False gives each its page.
    """
    lb = labels_for(language)
    lang = "en" if language == "en" else "zh_CN"
    preflight(data, lb, fmt_words(data.amount), fmt_money(data.amount))
    page_h = 297 * mm
    slot = (page_h - MARGIN_TOP - MARGIN_BOTTOM) / 3 - 1 * mm
    story: list[Flowable] = []
    for i, key in enumerate(COPY_KEYS):
        last = i == len(COPY_KEYS) - 1
        if copies_per_page:
            story.append(ReceiptCopy(data, lb[key], lb, lang, slot, cut_line=not last))
        else:
            story.append(ReceiptCopy(data, lb[key], lb, lang, slot, cut_line=False))
            if not last:
                story.append(PageBreak())
    log.info("rendering receipt (voided=%s, print %d)", data.voided, data.print_count)
    footer = f"{lb['receipt_title']} {data.number}"
    return build_pdf(out, story, Page(data.company, lb, footer, footer, letterhead=False))
