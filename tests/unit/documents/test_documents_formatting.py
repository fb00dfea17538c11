"""How dates, money, quantities and rates are printed."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from app.documents.formatting import (
    fmt_date,
    fmt_money,
    fmt_percent,
    fmt_plain,
    fmt_qty,
    fmt_time,
    fmt_words,
    ratio,
)


def test_dates_are_chinese_style_or_iso_in_english() -> None:
    assert fmt_date(date(2026, 11, 22)) == "2026年11月22日"
    assert fmt_date(date(2026, 1, 5)) == "2026年1月5日"
    assert fmt_date(date(2026, 1, 5), "en") == "2026-01-05"
    assert fmt_date(None) == ""


def test_money_has_the_yuan_sign_and_two_decimals() -> None:
    assert fmt_money(Decimal("1234.5")) == "¥1,234.50"
    assert fmt_money(Decimal("0")) == "¥0.00"
    assert fmt_words(Decimal("1234.56")) == "壹仟贰佰叁拾肆元伍角陆分"


def test_quantities_and_rates_drop_trailing_zeros() -> None:
    assert fmt_qty(Decimal("1200.000")) == "1,200"
    assert fmt_qty(Decimal("2.50")) == "2.5"
    assert fmt_plain(Decimal("1E+1")) == "10"
    assert fmt_plain(Decimal("0.000")) == "0"


def test_percentages_and_ratios() -> None:
    assert fmt_percent(Decimal("0.2857")) == "28.6%"
    assert fmt_percent(None) == "—"
    assert ratio(3, 4) == Decimal("0.75")
    assert ratio(1, 0) is None
    assert fmt_time(time(9, 5)) == "09:05"
    assert fmt_time(None) == ""
