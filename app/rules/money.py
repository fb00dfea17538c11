"""Money: parsing, the one rounding place, and display formatting.

Money is always :class:`decimal.Decimal` in yuan with two decimals (fen). Every
rounding in the code base goes through :func:`round_money` (ROUND_HALF_UP to
0.01, the commercial rule used on Chinese invoices), so the screen, the PDF and
the server always agree to the cent.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, msg

CENT = Decimal("0.01")
MAX_MONEY = Decimal("9999999999999.99")
"""Largest amount the app handles (also the limit of the capital-numeral writer)."""

_CTX = "validation"
_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d*)?$")
_PLAIN = re.compile(r"^(\d+(\.\d*)?|\.\d+)$")


def round_money(x: Decimal) -> Decimal:
    """Round ``x`` half-up to the cent. The ONE place where money is rounded."""
    if isinstance(x, float):
        raise TypeError("money must be Decimal, not float")
    return Decimal(x).quantize(CENT, rounding=ROUND_HALF_UP)


def _reject(field: str, source: str, **args: object) -> ValidationError:
    return ValidationError(field, msg(_CTX, source, **args))


def parse_money(
    text: str | Decimal | int, field: str = "amount", *, allow_negative: bool = False
) -> Decimal:
    """Parse an amount typed by a user (or given as Decimal/int) into a 2-decimal Decimal.

    Accepts thousands separators ("1,234.5"), full-width digits ("１２３"), a
    leading "¥"/"￥" and a trailing "元". Rejects floats (TypeError), NaN,
    infinity, more than two decimals, amounts above :data:`MAX_MONEY`, and
    negatives unless ``allow_negative``.
    """
    if isinstance(text, bool | float):
        raise TypeError("money must be str, Decimal or int, not float/bool")
    if isinstance(text, str):
        value = _parse_money_text(text, field)
    elif isinstance(text, Decimal | int):
        value = Decimal(text)
    else:
        raise TypeError(f"cannot parse money from {type(text).__name__}")
    if not value.is_finite():
        raise _reject(field, QT_TRANSLATE_NOOP("validation", "Enter a valid amount."))
    if value != value.quantize(CENT, rounding=ROUND_HALF_UP):
        raise _reject(
            field,
            QT_TRANSLATE_NOOP("validation", "An amount can have at most 2 decimals (fen)."),
        )
    if value < 0 and not allow_negative:
        raise _reject(field, QT_TRANSLATE_NOOP("validation", "The amount cannot be negative."))
    if abs(value) > MAX_MONEY:
        raise _reject(
            field,
            QT_TRANSLATE_NOOP("validation", "The amount cannot exceed {max}."),
            max=format_money(MAX_MONEY),
        )
    return round_money(value) + Decimal("0.00")  # normalizes -0.00 to 0.00


def _parse_money_text(text: str, field: str) -> Decimal:
    s = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    s = s.replace("\u2212", "-")  # unicode minus sign
    if not s:
        raise _reject(field, QT_TRANSLATE_NOOP("validation", "Enter an amount."))
    negative = False
    if s.startswith("-"):
        negative, s = True, s[1:]
    if s.startswith("¥"):
        s = s[1:]
    if not negative and s.startswith("-"):
        negative, s = True, s[1:]
    if s.endswith("元"):
        s = s[:-1]
    if _GROUPED.match(s):
        s = s.replace(",", "")
    if not _PLAIN.match(s):
        raise _reject(field, QT_TRANSLATE_NOOP("validation", "Enter a valid amount."))
    try:
        value = Decimal(s)
    except InvalidOperation:  # pragma: no cover - the regex already guards this
        raise _reject(field, QT_TRANSLATE_NOOP("validation", "Enter a valid amount.")) from None
    return -value if negative else value


def format_money(x: Decimal | int) -> str:
    """Format money with thousands separators and 2 decimals: ``1234.5`` -> ``"1,234.50"``."""
    value = round_money(Decimal(x))
    if value == 0:
        value = abs(value)
    return f"{value:,.2f}"


def format_yuan(x: Decimal | int) -> str:
    """Format money with the yuan sign: ``1234.56`` -> ``"¥1,234.56"``, ``-5`` -> ``"-¥5.00"``."""
    text = format_money(x)
    if text.startswith("-"):
        return "-¥" + text[1:]
    return "¥" + text
