"""Display formats: money in yuan, dates as 2026年11月22日 in Chinese, percentages, masks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.rules.money import format_money
from ui import i18n


def money(value: Decimal | None) -> str:
    """1,234.50 (yuan, two decimals); empty for None."""
    return "" if value is None else format_money(value)


def yuan(value: Decimal | None) -> str:
    """¥1,234.50."""
    return "" if value is None else "¥" + format_money(value)


def date_text(day: dt.date | None) -> str:
    """2026年11月22日 in Chinese, 2026-11-22 in English."""
    if day is None:
        return ""
    if i18n.current_language() == "zh_CN":
        return f"{day.year}年{day.month}月{day.day}日"
    return day.isoformat()


def datetime_text(at: dt.datetime | None) -> str:
    """Local date and time of a UTC instant."""
    if at is None:
        return ""
    local = at.astimezone() if at.tzinfo else at
    return f"{date_text(local.date())} {local:%H:%M}"


def time_text(at: dt.datetime | None) -> str:
    """Local HH:MM of an instant."""
    if at is None:
        return ""
    local = at.astimezone() if at.tzinfo else at
    return f"{local:%H:%M}"


def quantity(value: Decimal | None) -> str:
    """A quantity without trailing zeros."""
    if value is None:
        return ""
    text = f"{value.normalize():f}"
    return text


def percent(value: Decimal | None) -> str:
    """A rate 0.13 as 13%."""
    if value is None:
        return ""
    return f"{(value * 100).normalize():f}%"
