"""The product-line table and totals block shared by the quote and the order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Table

from app.documents.base import CELL_C, CELL_R, SHADE, data_table, fit, grid_style, p
from app.documents.data import LineItem
from app.documents.formatting import fmt_money, fmt_plain, fmt_qty, fmt_words
from app.rules.tax import format_tax_rate

# Column widths in mm; they add up to the 180 mm between the margins of A4 portrait.
_WIDTHS_MM = (9, 20, 36, 24, 10, 15, 20, 12, 11, 23)


def line_table(lines: Sequence[LineItem], labels: Mapping[str, str], width: float) -> Table:
    """One row per line; long names wrap; the header repeats on every page."""
    scale = width / (sum(_WIDTHS_MM) * mm)
    widths = [w * mm * scale for w in _WIDTHS_MM]
    header = [
        labels[k]
        for k in (
            "col_seq",
            "col_code",
            "col_name",
            "col_spec",
            "col_unit",
            "col_qty",
            "col_price",
            "col_discount",
            "col_tax_rate",
            "col_amount",
        )
    ]
    rows = [
        [
            fit(str(i), widths[0], CELL_C),
            p(line.code),
            p(line.name),
            p(line.spec),
            p(line.unit, CELL_C),
            fit(fmt_qty(line.quantity), widths[5]),
            fit(fmt_money(line.unit_price), widths[6]),
            fit(fmt_plain(line.discount_pct) + "%" if line.discount_pct else "", widths[7]),
            fit(format_tax_rate(line.tax_rate), widths[8]),
            fit(fmt_money(line.amount), widths[9]),
        ]
        for i, line in enumerate(lines, start=1)
    ]
    # Alignment of the cells printed as plain strings (paragraphs align themselves).
    align = [("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (5, 1), (-1, -1), "RIGHT")]
    return data_table(header, rows, widths, extra=align)


def totals_table(
    subtotal: Decimal, tax: Decimal, total: Decimal, labels: Mapping[str, str], width: float
) -> Table:
    """Subtotal, tax and total in figures, then the total in capital numerals."""
    label_w = 30 * mm
    value_w = 35 * mm
    words_w = width - 2 * label_w - value_w
    rows = [
        [
            p(labels["subtotal"]),
            p(fmt_money(subtotal), CELL_R),
            p(labels["total_words"]),
            p(fmt_words(total), bold=True),
        ],
        [p(labels["tax"]), p(fmt_money(tax), CELL_R), "", ""],
        [p(labels["total"], bold=True), p(fmt_money(total), CELL_R, bold=True), "", ""],
    ]
    cmds = grid_style(
        header_rows=0,
        extra=[
            ("SPAN", (2, 0), (2, 2)),
            ("SPAN", (3, 0), (3, 2)),
            ("BACKGROUND", (0, 0), (0, -1), SHADE),
            ("BACKGROUND", (2, 0), (2, -1), SHADE),
        ],
    )
    return Table(rows, colWidths=[label_w, value_w, label_w, words_w], style=cmds)
