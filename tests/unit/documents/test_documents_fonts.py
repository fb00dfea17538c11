"""Fonts and the glyph check: what cannot be printed is refused before rendering."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from app.documents import MissingGlyphError, render_quote, render_receipt, samples
from app.documents.fonts import check_glyphs, fonts, missing_glyphs, rich, texts_of
from app.documents.labels import EN, LABELS, ZH_CN, labels_for

EMOJI = "\U0001f600"  # 😀
EXT_B = "\U00020000"  # 𠀀, CJK Extension B


def test_fonts_are_registered_once() -> None:
    assert fonts() is fonts()


def test_fonts_cover_chinese_digits_and_yuan_sign() -> None:
    check_glyphs(["测试商贸有限公司 ¥1,234.56 壹仟贰佰叁拾肆元伍角陆分 2026年11月22日（）：、"])


@pytest.mark.parametrize("char", [EMOJI, EXT_B])
def test_chars_outside_the_fonts_are_reported(char: str) -> None:
    # Precondition from the cmaps themselves: neither font has this code point.
    assert ord(char) not in fonts().cjk and ord(char) not in fonts().latin
    assert missing_glyphs([f"客户{char}名称"]) == {char}
    with pytest.raises(MissingGlyphError) as info:
        check_glyphs(["正常文字", f"客户{char}"])
    assert info.value.chars == (char,)
    assert f"U+{ord(char):04X}" in str(info.value)
    assert char in info.value.text("en")


def test_rendering_refuses_a_missing_glyph_and_writes_nothing(tmp_path: Path) -> None:
    quote = samples.quote(3)
    bad = dataclasses.replace(
        quote, customer=dataclasses.replace(quote.customer, name=f"客户{EMOJI}")
    )
    out = tmp_path / "quote.pdf"
    with pytest.raises(MissingGlyphError) as info:
        render_quote(bad, out)
    assert info.value.chars == (EMOJI,)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_glyph_in_a_nested_line_is_found(tmp_path: Path) -> None:
    quote = samples.quote(30)
    lines = list(quote.lines)
    lines[17] = dataclasses.replace(lines[17], spec=f"规格{EXT_B}")
    with pytest.raises(MissingGlyphError):
        render_quote(dataclasses.replace(quote, lines=tuple(lines)), tmp_path / "q.pdf")


def test_a_failed_render_keeps_the_previous_file(tmp_path: Path) -> None:
    out = tmp_path / "receipt.pdf"
    render_receipt(samples.receipt(), out)
    before = out.read_bytes()
    bad = dataclasses.replace(samples.receipt(), payer=EMOJI)
    with pytest.raises(MissingGlyphError):
        render_receipt(bad, out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["receipt.pdf"]


def test_texts_of_walks_nested_view_models() -> None:
    texts = set(texts_of(samples.quote(2)))
    assert "测试商贸有限公司" in texts
    assert "WQ-10001" in texts


def test_rich_escapes_markup_and_sets_latin_runs_in_the_latin_font() -> None:
    out = rich("A<b>&价格")
    assert "&lt;b&gt;&amp;" in out
    assert 'face="WaiqinLatin"' in out
    assert out.endswith("价格")
    assert "<br/>" in rich("第一行\n第二行")


def test_label_tables_have_the_same_keys_in_every_language() -> None:
    assert set(ZH_CN) == set(EN)
    assert set(LABELS) == {"zh_CN", "en"}
    assert labels_for("en_US.UTF-8")["quote_title"] == "Quotation"
    assert labels_for("zh")["quote_title"] == "报价单"
    check_glyphs([*ZH_CN.values(), *EN.values()])
