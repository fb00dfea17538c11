"""How the documents print dates, quantities, rates and money.

Dates are Chinese-style (2026年11月22日) in Chinese documents and ISO in English
ones; money always has two decimals and '¥' (via :mod:`app.rules.money`). Nothing
here rounds money; rates and quantities are only trimmed for display.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from app.rules.capital import amount_in_words
from app.rules.money import format_yuan


def fmt_date(d: date | None, language: str = "zh_CN") -> str:
    """2026年11月22日 (zh_CN) or 2026-11-22 (en); empty for None."""
    if d is None:
        return ""
    if language == "en":
        return d.isoformat()
    return f"{d.year}年{d.month}月{d.day}日"


def fmt_time(t: time | None) -> str:
    """14:05; empty for None."""
    return "" if t is None else f"{t.hour:02d}:{t.minute:02d}"


def fmt_datetime(dt: datetime, language: str = "zh_CN") -> str:
    """The date as :func:`fmt_date` followed by the time of day."""
    return f"{fmt_date(dt.date(), language)} {fmt_time(dt.time())}"


def fmt_money(x: Decimal) -> str:
    """¥1,234.56: two decimals with the yuan sign."""
    return format_yuan(x)


def fmt_words(x: Decimal) -> str:
    """The amount in capital Chinese numerals (人民币大写), e.g. 壹仟贰佰叁拾肆元伍角陆分."""
    return amount_in_words(x)


def fmt_plain(x: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 10, 2.5, 0.125."""
    text = format(x, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def fmt_qty(x: Decimal) -> str:
    """A quantity without trailing zeros, grouped by thousands: 1,200 or 2.5."""
    plain = fmt_plain(x)
    whole, _, frac = plain.partition(".")
    sign = "-" if whole.startswith("-") else ""
    grouped = f"{int(whole.lstrip('-') or '0'):,}"
    return sign + grouped + ("." + frac if frac else "")


def fmt_percent(fraction: Decimal | None) -> str:
    """A ratio as a percentage with one decimal (37.5%); '—' when undefined."""
    if fraction is None:
        return "—"
    return f"{fraction * 100:.1f}%"


def ratio(done: int, planned: int) -> Decimal | None:
    """done / planned as a Decimal fraction; None when nothing was planned."""
    if planned <= 0:
        return None
    return Decimal(done) / Decimal(planned)
