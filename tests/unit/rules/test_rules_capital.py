"""Spec of app.rules.capital: 人民币大写 as required by 《会计基础工作规范》 第五十二条."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.rules.capital import amount_in_words

CASES = [
    # plain amounts, 整 after 元
    ("0", "零元整"),
    ("0.00", "零元整"),
    ("1", "壹元整"),
    ("10", "壹拾元整"),  # 壹拾, never a bare 拾
    ("11", "壹拾壹元整"),
    ("20", "贰拾元整"),
    ("100", "壹佰元整"),
    ("110", "壹佰壹拾元整"),
    ("35680", "叁万伍仟陆佰捌拾元整"),
    ("100000", "壹拾万元整"),
    ("1000000", "壹佰万元整"),
    ("100000000", "壹亿元整"),
    # 角 and 分
    ("1234.56", "壹仟贰佰叁拾肆元伍角陆分"),
    ("289546.52", "贰拾捌万玖仟伍佰肆拾陆元伍角贰分"),
    ("0.05", "伍分"),  # below one yuan: no 元, no 零
    ("0.5", "伍角整"),  # stops at 角: 整 after 角
    ("0.55", "伍角伍分"),
    ("471.90", "肆佰柒拾壹元玖角整"),
    ("101.50", "壹佰零壹元伍角整"),
    ("2308.66", "贰仟叁佰零捌元陆角陆分"),
    # zeros inside the number: one 零 for a run of zeros
    ("1005.08", "壹仟零伍元零捌分"),
    ("1004.56", "壹仟零肆元伍角陆分"),
    ("425.03", "肆佰贰拾伍元零叁分"),
    ("1000.05", "壹仟元零伍分"),
    ("1001", "壹仟零壹元整"),
    ("10001", "壹万零壹元整"),
    ("100100", "壹拾万零壹佰元整"),
    # 元 digit is zero and 角 follows: we write the optional 零
    ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),
    ("10.5", "壹拾元零伍角整"),
    ("1010000.10", "壹佰零壹万元零壹角整"),
    ("107000.53", "壹拾万柒仟元零伍角叁分"),
    # zeros across 万 / 亿 sections
    ("100000001", "壹亿零壹元整"),
    ("100010000", "壹亿零壹万元整"),
    ("100001000", "壹亿零壹仟元整"),
    ("110000000", "壹亿壹仟万元整"),
    ("1000000000000", "壹万亿元整"),
    ("1000100000000", "壹万零壹亿元整"),
    ("1000010000000", "壹万亿零壹仟万元整"),
    ("1200000034.50", "壹拾贰亿零叁拾肆元伍角整"),
    (
        "9999999999999.99",
        "玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
    ),
    # negatives
    ("-12.3", "负壹拾贰元叁角整"),
    ("-0.01", "负壹分"),
    ("-0", "零元整"),
]


@pytest.mark.parametrize(("amount", "words"), CASES)
def test_amount_in_words(amount: str, words: str) -> None:
    assert amount_in_words(Decimal(amount)) == words


def test_accepts_int() -> None:
    assert amount_in_words(1234) == "壹仟贰佰叁拾肆元整"


@pytest.mark.parametrize(
    "amount", ["0.001", "1.005", "10000000000000", "-10000000000000", "NaN", "Infinity"]
)
def test_rejects_unrounded_or_out_of_range(amount: str) -> None:
    with pytest.raises(ValueError):
        amount_in_words(Decimal(amount))


def test_rejects_float() -> None:
    with pytest.raises(TypeError):
        amount_in_words(1.5)  # type: ignore[arg-type]


def test_trailing_zero_decimals_are_fine() -> None:
    assert amount_in_words(Decimal("5.000")) == "伍元整"


def test_only_capital_characters_are_used() -> None:
    allowed = set("负零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整")
    for amount, _ in CASES:
        assert set(amount_in_words(Decimal(amount))) <= allowed


# --- property: the words read back to the same number --------------------------------

_VAL = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_UNIT = {"拾": 10, "佰": 100, "仟": 1000}


def _read_below_10k_groups(text: str) -> int:
    if "万" in text:
        high, low = text.split("万")
        return _read_section(high) * 10_000 + _read_section(low)
    return _read_section(text)


def _read_section(text: str) -> int:
    total, digit = 0, 0
    for ch in text:
        if ch in _UNIT:
            total += digit * _UNIT[ch]
            digit = 0
        elif ch != "零":
            digit = _VAL[ch]
    return total + digit


def _read_back(words: str) -> Decimal:
    sign = -1 if words.startswith("负") else 1
    words = words.removeprefix("负").removesuffix("整")
    yuan_text, _, small = words.rpartition("元") if "元" in words else ("", "", words)
    if "亿" in yuan_text:
        high, low = yuan_text.split("亿")
        yuan = _read_below_10k_groups(high) * 10**8 + _read_below_10k_groups(low)
    else:
        yuan = _read_below_10k_groups(yuan_text)
    jiao = fen = 0
    small = small.lstrip("零")
    if "角" in small:
        j, _, small = small.partition("角")
        jiao = _VAL[j]
    if "分" in small:
        fen = _VAL[small.removeprefix("零").removesuffix("分")]
    return sign * (Decimal(yuan) + Decimal(jiao) / 10 + Decimal(fen) / 100)


@given(st.integers(min_value=-999_999_999_999_999, max_value=999_999_999_999_999))
def test_words_read_back_to_the_amount(cents: int) -> None:
    amount = Decimal(cents) / 100
    words = amount_in_words(amount)
    assert _read_back(words) == amount
    assert "零零" not in words
    assert words.endswith(("整", "分"))
    assert not words.endswith("分整")
    if words != "零元整":
        assert not words.removeprefix("负").startswith("零")
        assert "零元" not in words and "零万" not in words and "零亿" not in words


@given(st.integers(min_value=0, max_value=9_999_999_999_999))
def test_sparse_amounts_read_back(yuan: int) -> None:
    # Sparse digits stress the zero rules: keep a few random digits, zero the rest.
    digits = [c if i % 3 == 0 else "0" for i, c in enumerate(str(yuan))]
    amount = Decimal("".join(digits))
    assert _read_back(amount_in_words(amount)) == amount
