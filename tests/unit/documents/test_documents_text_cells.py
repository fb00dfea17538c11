"""Table cells: one drawn line when the text fits, the same wrapping Paragraph when not."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from app.documents.base import CELL, CELL_R, LATIN_FONT, Text, data_table, p
from app.documents.fonts import fonts
from tests.unit.documents.documents_helpers import pages_text, squeeze


def test_a_short_cell_is_one_line_high() -> None:
    fonts()
    cell = p("绿洲商贸 No.12", CELL)
    width, height = cell.wrap(200, 1000)
    assert (width, height) == (200, CELL.leading)
    assert cell.split(200, 1000) == []


def test_a_long_cell_wraps_like_a_paragraph() -> None:
    fonts()
    text = "很长的客户备注内容需要换行显示 " * 6
    cell = Text(text, CELL)
    _, height = cell.wrap(120, 1000)
    assert height > 3 * CELL.leading
    parts = cell.split(120, CELL.leading * 2.5)  # a page break inside the cell
    assert len(parts) == 2


def test_a_newline_always_gives_two_lines() -> None:
    fonts()
    _, height = p("第一行\n第二行", CELL).wrap(500, 1000)
    assert height >= 2 * CELL.leading


def test_cells_print_their_text_and_stay_in_order(tmp_path: Path) -> None:
    fonts()
    rows = [[p(f"客户{i:03d}号"), p(f"¥{i},000.00", CELL_R)] for i in range(120)]
    rows.append([p("一段需要换行的很长的文字，" * 8), p("0.00", CELL_R)])
    out = tmp_path / "cells.pdf"
    doc = SimpleDocTemplate(str(out), pagesize=A4, initialFontName=LATIN_FONT)
    doc.build([data_table(["客户", "金额"], rows, [300, 150])])
    text = squeeze("".join(pages_text(out)))
    assert "客户000号" in text and "客户119号" in text and "¥119,000.00" in text
    assert text.index("客户001号") < text.index("客户002号") < text.index("客户119号")
    assert "一段需要换行的很长的文字" in text
