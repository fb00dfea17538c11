"""Amounts in capital Chinese numerals (人民币大写), as written on receipts and invoices.

Follows 《会计基础工作规范》 (财政部) 第五十二条:

* Digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿, then 元角分. Ten is 壹拾
  (never a bare 拾), so 10 -> 壹拾元整 and 100000 -> 壹拾万元整.
* An amount that stops at 元 or at 角 ends with 整: 100 -> 壹佰元整,
  0.5 -> 伍角整. An amount with 分 has no 整: 1234.56 -> 壹仟贰佰叁拾肆元伍角陆分.
* Zeros between digits are written as one 零, however many there are:
  1005.08 -> 壹仟零伍元零捌分, 100000001 -> 壹亿零壹元整.
* When the 元 digit is 0 (or 角 is 0) but a smaller unit follows, the rule allows
  writing 零 or not; we always write it (the first form of the norm's examples):
  1680.32 -> 壹仟陆佰捌拾元零叁角贰分, 1010000.10 -> 壹佰零壹万元零壹角整.
* A zero at the end of a 万/亿 section is absorbed by the section unit
  (107000.53 -> 壹拾万柒仟元零伍角叁分, the norm's first form), but a whole
  empty section or zeros before the next digit give a 零 (100001000 -> 壹亿零壹仟元整).
* Amounts below 1 yuan have no 元: 0.05 -> 伍分; zero is 零元整; negatives get 负.

The "人民币" prefix is left to the document layout.
"""

from __future__ import annotations

from decimal import Decimal

from app.rules.money import MAX_MONEY

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_SECTION_UNITS = {4: "万", 8: "亿", 12: "万"}  # 12: the 万 of 万亿


def amount_in_words(x: Decimal | int) -> str:
    """Write ``x`` yuan in capital numerals (人民币大写), e.g. 1234.56 -> 壹仟贰佰叁拾肆元伍角陆分.

    Raises ValueError for more than 2 decimals (round with ``round_money`` first),
    for NaN/infinity and beyond ±9999999999999.99; TypeError for floats.
    """
    if isinstance(x, bool | float):
        raise TypeError("amount_in_words needs a Decimal or int, not float/bool")
    value = Decimal(x)
    if not value.is_finite():
        raise ValueError("amount must be finite")
    cents = value * 100
    if cents != cents.to_integral_value():
        raise ValueError("amount has more than 2 decimals; round it with round_money() first")
    if abs(value) > MAX_MONEY:
        raise ValueError(f"amount {value} is beyond {MAX_MONEY}")
    total_cents = int(cents)
    sign = "负" if total_cents < 0 else ""
    yuan, rest = divmod(abs(total_cents), 100)
    jiao, fen = divmod(rest, 10)
    if yuan == 0 and rest == 0:
        return "零元整"
    parts: list[str] = [sign]
    if yuan:
        parts.append(_integer_words(yuan) + "元")
    if rest == 0:
        parts.append("整")
        return "".join(parts)
    if jiao:
        if yuan and yuan % 10 == 0:
            parts.append("零")
        parts.append(_DIGITS[jiao] + "角")
        parts.append(_DIGITS[fen] + "分" if fen else "整")
    else:
        if yuan:
            parts.append("零")
        parts.append(_DIGITS[fen] + "分")
    return "".join(parts)


def _integer_words(n: int) -> str:
    """Capital numerals for a positive integer below 10**13 (without 元)."""
    digits = [int(c) for c in str(n)]
    top = len(digits) - 1
    out: list[str] = []
    pending_zero = False
    for i, d in enumerate(digits):
        pos = top - i  # power of ten of this digit
        if d:
            if pending_zero:
                out.append("零")
            out.append(_DIGITS[d] + _SMALL_UNITS[pos % 4])
            pending_zero = False
        else:
            pending_zero = True
        unit = _SECTION_UNITS.get(pos)
        if unit is None:
            continue
        section = n // 10**pos % 10**4
        if section:
            out.append(unit)
            pending_zero = False  # a section's trailing zeros are absorbed by its unit
        elif pos == 8 and n >= 10**12:
            out.append(unit)  # 壹万亿: the 亿 of 万亿 even when the 亿 section is empty
    return "".join(out)
