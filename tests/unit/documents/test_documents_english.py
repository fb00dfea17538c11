"""Every document also prints with English headings (language="en")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.documents import (
    render_daily_report,
    render_order_confirmation,
    render_route_sheet,
    render_tracking_table,
    samples,
)
from tests.unit.documents.documents_helpers import pages_text

CASES: dict[str, tuple[Callable[[Path], Path], tuple[str, ...]]] = {
    "daily_report": (
        lambda out: render_daily_report(samples.daily_report(), out, language="en"),
        ("Daily Sales Report", "Conversion rate", "Tomorrow's plan", "2026-11-22"),
    ),
    "route_sheet": (
        lambda out: render_route_sheet(samples.route_sheet(), out, language="en"),
        ("Visit Plan", "Open issues", "First visit", "confirmed"),
    ),
    "order": (
        lambda out: render_order_confirmation(samples.order(), out, language="en"),
        ("Order Confirmation", "Assigned on approval", "Draft no.", "Buyer confirms"),
    ),
    "tracking": (
        lambda out: render_tracking_table(samples.tracking(), out, language="en"),
        ("Customer Information and Follow-up Record", "Situation", "ID number"),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_english_headings(tmp_path: Path, name: str) -> None:
    render, expected = CASES[name]
    pages = pages_text(render(tmp_path / f"{name}.pdf"))
    text = "\n".join(pages)
    for label in expected:
        assert label in text, label
    assert f"Page 1 of {len(pages)}" in pages[0]
    assert "第 1 页" not in text
