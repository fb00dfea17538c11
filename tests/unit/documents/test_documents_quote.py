"""报价单: content, totals in figures and words, long tables, page numbers, layout bounds."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from PIL import Image

from app.documents import render_quote, samples
from app.documents.base import LETTERHEAD_H, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X
from app.documents.formatting import fmt_money, fmt_words
from tests.unit.documents.documents_helpers import page_sizes, pages_text, squeeze, text_origins


def test_quote_prints_customer_terms_dates_and_totals(tmp_path: Path) -> None:
    quote = samples.quote(5)
    out = render_quote(quote, tmp_path / "quote.pdf")
    assert out == tmp_path / "quote.pdf"
    text = "\n".join(pages_text(out))
    for expected in (
        "测试商贸有限公司",  # letterhead
        "6222 0000 1111 2222 333",  # our own bank account, in full
        "91310000TEST00001X",
        "示例超市有限公司",
        "王测试",
        "Q-D01-000123",
        "2026年11月22日",  # quote date
        "2026年12月22日",  # valid until
        "2026年11月20日",  # prices as of
        "月结30天",
        "送货上门",
        "下单后 7 天内交货",
        "李示例",
        "139 5555 0001",
        "报价方",
        "客户确认",
        fmt_money(quote.subtotal),
        fmt_money(quote.tax),
        fmt_money(quote.total),
    ):
        assert expected in text, expected
    assert fmt_words(quote.total) in squeeze(text)
    assert "报价单" in squeeze(text)


def test_quote_line_shows_code_name_spec_unit_qty_price_discount_rate_amount(
    tmp_path: Path,
) -> None:
    quote = samples.quote(3)
    text = pages_text(render_quote(quote, tmp_path / "q.pdf"))[0]
    line = quote.lines[1]  # 5 % discount, 9 % VAT
    for expected in ("WQ-10001", "柠檬味苏打水", line.spec, line.unit, "¥48.75", "5%", "9%"):
        assert expected in text, expected
    assert fmt_money(line.amount) in text


@pytest.mark.parametrize(("n_lines", "min_pages"), [(1, 1), (30, 2), (300, 8)])
def test_long_quotes_split_with_the_header_repeated(
    tmp_path: Path, n_lines: int, min_pages: int
) -> None:
    quote = samples.quote(n_lines)
    pages = pages_text(render_quote(quote, tmp_path / "q.pdf"))
    total = len(pages)
    assert total >= min_pages
    for n, page in enumerate(pages, start=1):
        assert f"第 {n} 页 / 共 {total} 页" in page
        assert "测试商贸有限公司" in page  # letterhead on every page
    # The header row is on every page that carries lines (the last may hold only totals).
    for page in pages:
        if re.search(r"WQ-1\d{4}", page):
            assert "物料编码" in page and "规格型号" in page and "金额" in page
    # Every line is printed exactly once, none lost at a page break.
    codes = re.findall(r"WQ-1\d{4}", "\n".join(pages))
    assert sorted(codes) == sorted(line.code for line in quote.lines)
    assert fmt_money(quote.total) in pages[-1]
    assert fmt_words(quote.total) in squeeze(pages[-1])


@pytest.mark.parametrize("n_lines", [1, 30, 300])
def test_nothing_is_drawn_outside_the_printable_area(tmp_path: Path, n_lines: int) -> None:
    quote = samples.quote(n_lines)
    long_name = "超长品名说明文字" * 30  # must wrap inside its column
    lines = (dataclasses.replace(quote.lines[0], name=long_name), *quote.lines[1:])
    out = render_quote(dataclasses.replace(quote, lines=lines), tmp_path / "q.pdf")
    for (width, height), origins in zip(page_sizes(out), text_origins(out), strict=True):
        assert origins
        frame_top = height - MARGIN_TOP - LETTERHEAD_H
        for x, y, text in origins:
            assert MARGIN_X - 1 <= x <= width - MARGIN_X, text
            assert 0 < y < height, text
            if re.fullmatch(r"WQ-1\d{4}", text.strip()):  # table body: between head and foot
                assert MARGIN_BOTTOM < y < frame_top, (text, y)
    joined = squeeze("".join(pages_text(out)))
    assert long_name in joined


def test_quote_in_english_has_english_headings(tmp_path: Path) -> None:
    text = "\n".join(pages_text(render_quote(samples.quote(2), tmp_path / "q.pdf", language="en")))
    for expected in ("Quotation", "Unit price", "Valid until", "Page 1 of 1", "2026-12-22"):
        assert expected in text, expected
    assert "Within 7 days of order" in text


def test_quote_with_a_logo_and_no_temp_files_left(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 60), (200, 30, 30)).save(logo)
    quote = samples.quote(2)
    quote = dataclasses.replace(quote, company=dataclasses.replace(quote.company, logo_path=logo))
    out = render_quote(quote, tmp_path / "sub" / "q.pdf")
    assert out.exists()
    assert [p.name for p in out.parent.iterdir()] == ["q.pdf"]
    assert "测试商贸有限公司" in pages_text(out)[0]
