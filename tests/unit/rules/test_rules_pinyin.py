"""Spec of app.rules.pinyin: search keys and matching by name, initials or pinyin."""

from __future__ import annotations

import pytest

from app.rules.pinyin import matches_query, pinyin_keys


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("张伟", ("zw", "zhangwei")),
        ("示例商贸", ("slsm", "shilishangmao")),
        ("绿色超市", ("lscs", "lvsechaoshi")),  # ü typed as v
        ("ABC便利店", ("abcbld", "abcbianlidian")),  # latin passes through, lower-cased
        ("Ｗ超市 2号店", ("wcs2hd", "wchaoshi2haodian")),  # full-width, digits, spaces
        ("示例-商贸（北京）", ("slsmbj", "shilishangmaobeijing")),  # punctuation dropped
        ("Acme Trading", ("acmetrading", "acmetrading")),
        ("", ("", "")),
        ("  ", ("", "")),
    ],
)
def test_pinyin_keys(name: str, keys: tuple[str, str]) -> None:
    assert pinyin_keys(name) == keys


def test_polyphonic_takes_the_default_reading() -> None:
    initials, full = pinyin_keys("重庆")
    assert (initials, full) == ("cq", "chongqing")


NAME = "示例商贸（北京）"
INITIALS, FULL = pinyin_keys(NAME)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "  ",
        "示例",
        "商贸（北京",
        "商贸(北京",
        "slsm",
        "SLSM",
        "sm",
        "shili",
        "shangmao bei",
        "ｓｌｓｍ",
        "beijing",
    ],
)
def test_matches(query: str) -> None:
    assert matches_query(query, NAME, INITIALS, FULL)


@pytest.mark.parametrize("query", ["上海", "zw", "xyz", "shangmaoshili", "slsm!", "s-l"])
def test_does_not_match(query: str) -> None:
    assert not matches_query(query, NAME, INITIALS, FULL)


def test_latin_names_match_case_insensitively() -> None:
    initials, full = pinyin_keys("Acme Trading 2")
    assert matches_query("acme", "Acme Trading 2", initials, full)
    assert matches_query("TRADING 2", "Acme Trading 2", initials, full)
