"""Every font of every document is embedded (checked with poppler's pdffonts)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.documents import (
    render_daily_report,
    render_order_confirmation,
    render_quote,
    render_receipt,
    render_route_sheet,
    render_tracking_table,
    samples,
)
from tests.unit.documents.documents_helpers import pdf_fonts, requires_pdffonts

RENDERERS: dict[str, Callable[[Path], Path]] = {
    "quote": lambda out: render_quote(samples.quote(30), out),
    "receipt": lambda out: render_receipt(samples.receipt(voided=True, print_count=2), out),
    "daily_report": lambda out: render_daily_report(samples.daily_report(), out),
    "route_sheet": lambda out: render_route_sheet(samples.route_sheet(), out),
    "order": lambda out: render_order_confirmation(samples.order(), out),
    "tracking": lambda out: render_tracking_table(samples.tracking(), out),
}


@requires_pdffonts
@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_every_font_is_embedded_as_a_subset(tmp_path: Path, name: str) -> None:
    rows = pdf_fonts(RENDERERS[name](tmp_path / f"{name}.pdf"))
    assert rows, "the document uses no font?"
    assert all(row["emb"] == "yes" for row in rows), rows
    assert all(row["sub"] == "yes" for row in rows), rows
    names = {row["name"].split("+", 1)[-1] for row in rows}
    assert "DroidSansFallback" in names  # Chinese
    assert "BitstreamVeraSans-Roman" in names  # Latin letters, digits, ¥
