"""收款收据: three copies, amount in figures and words, void stamp, reprint mark."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from app.documents import render_receipt, samples
from tests.unit.documents.documents_helpers import pages_text, squeeze

COPIES = ("第一联存根联", "第二联客户联", "第三联财务联")


def test_receipt_prints_every_field_on_three_copies_on_one_page(tmp_path: Path) -> None:
    pages = pages_text(render_receipt(samples.receipt(), tmp_path / "r.pdf"))
    assert len(pages) == 1
    text = pages[0]
    flat = squeeze(text)
    for copy in COPIES:
        assert copy in flat
    assert flat.count("R-D01-000123") == 4  # three copies and the page footer
    assert flat.count("¥1,234.56") == 3
    assert flat.count("人民币壹仟贰佰叁拾肆元伍角陆分") == 3
    for expected in (
        "示例超市有限公司",
        "银行转账",
        "订单 SO-2026-000042 货款",
        "李示例",
        "2026年11月22日",
    ):
        assert expected in text, expected
    assert "收款收据" in flat
    assert "作废" not in flat
    assert "补打" not in flat


def test_receipt_copies_on_separate_pages(tmp_path: Path) -> None:
    pages = pages_text(render_receipt(samples.receipt(), tmp_path / "r.pdf", copies_per_page=False))
    assert len(pages) == 3
    for page, copy in zip(pages, COPIES, strict=True):
        flat = squeeze(page)
        assert copy in flat
        assert sum(c in flat for c in COPIES) == 1
        assert "¥1,234.56" in flat


def test_voided_receipt_is_stamped_on_every_copy_with_its_reason(tmp_path: Path) -> None:
    out = render_receipt(samples.receipt(voided=True), tmp_path / "r.pdf")
    flat = squeeze(pages_text(out)[0])
    assert flat.count("作废原因") == 3
    assert flat.count("作废") >= 6  # the stamp and the reason label on each copy
    assert "金额填写错误，已重开" in flat


def test_reprint_is_marked_as_a_copy_with_its_print_count(tmp_path: Path) -> None:
    out = render_receipt(samples.receipt(print_count=3), tmp_path / "r.pdf")
    text = pages_text(out)[0]
    assert text.count("补打 / COPY") == 3
    assert "第 3 次打印" in text


def test_english_receipt_marks_void_and_copy(tmp_path: Path) -> None:
    data = samples.receipt(voided=True, print_count=2)
    text = pages_text(render_receipt(data, tmp_path / "r.pdf", language="en"))[0]
    for expected in ("VOID", "COPY / REPRINT (print 2)", "Copy 2: customer", "2026-11-22"):
        assert expected in text, expected


def test_a_copy_too_long_for_a_third_of_the_page_moves_on(tmp_path: Path) -> None:
    data = dataclasses.replace(samples.receipt(), settles="订单 SO-2026-000042 货款；" * 60)
    pages = pages_text(render_receipt(data, tmp_path / "r.pdf"))
    assert len(pages) >= 2
    flat = squeeze("".join(pages))
    for copy in COPIES:
        assert copy in flat
    for n, page in enumerate(pages, start=1):
        assert f"第 {n} 页 / 共 {len(pages)} 页" in page
