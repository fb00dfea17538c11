"""Validators for values users type: phones, ID numbers, credit codes, dates, names...

Each ``validate_*`` function returns the normalized value or raises
:class:`app.errors.ValidationError` with a translatable message (context
"validation"). Input is NFKC-normalized first, so full-width digits and letters
typed with a Chinese IME are accepted. Phone validators (``app.rules.phones``)
and the ``mask_*`` helpers (``app.rules.masking``) are re-exported here.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, msg
from app.rules.masking import mask_bank_account as mask_bank_account
from app.rules.masking import mask_id_number as mask_id_number
from app.rules.masking import mask_phone as mask_phone
from app.rules.phones import validate_landline as validate_landline
from app.rules.phones import validate_mobile as validate_mobile
from app.rules.phones import validate_phone as validate_phone

_CTX = "validation"

MAX_QUANTITY = Decimal("1000000")
QUANTITY_DECIMALS = 3
UNIT_PRICE_DECIMALS = 4
MAX_NAME_LENGTH = 100
MAX_LEAD_TIME_DAYS = 365

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def _error(field: str, source: str, **args: object) -> ValidationError:
    return ValidationError(field, msg(_CTX, source, **args))


def _clean(s: str) -> str:
    """NFKC (full-width -> half-width) and strip."""
    return unicodedata.normalize("NFKC", s).strip()


# --- identity numbers -----------------------------------------------------------------


def id_number_check_char(body: str) -> str:
    """The GB 11643 (ISO 7064 MOD 11-2) check character of a 17-digit ID body."""
    total = sum(int(c) * w for c, w in zip(body, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


def validate_id_number(s: str, field: str = "id_number", *, today: date | None = None) -> str:
    """A resident ID number (身份证号): 18 chars, valid birth date, GB 11643 check character.

    Returns it upper-case (a trailing x becomes X).
    """
    text = re.sub(r"\s+", "", _clean(s)).upper()
    if not text:
        raise _error(field, QT_TRANSLATE_NOOP("validation", "Enter an ID number."))
    if not re.fullmatch(r"[1-9]\d{16}[\dX]", text):
        raise _error(
            field,
            QT_TRANSLATE_NOOP("validation", "An ID number has 17 digits followed by a digit or X."),
        )
    try:
        birth = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        birth = None
    if birth is None or birth.year < 1900 or birth > (today or date.today()):
        raise _error(
            field, QT_TRANSLATE_NOOP("validation", "The birth date in the ID number is invalid.")
        )
    if id_number_check_char(text[:17]) != text[17]:
        raise _error(
            field,
            QT_TRANSLATE_NOOP(
                "validation", "The ID number is mistyped: its check character does not match."
            ),
        )
    return text


def credit_code_check_char(body: str) -> str:
    """The GB 32100-2015 check character of the first 17 chars of a credit code."""
    total = sum(
        CREDIT_CODE_ALPHABET.index(c) * w for c, w in zip(body, CREDIT_CODE_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def validate_credit_code(s: str, field: str = "credit_code") -> str:
    """A unified social credit code (统一社会信用代码, GB 32100-2015); returns it upper-case."""
    text = re.sub(r"[\s\-]+", "", _clean(s)).upper()
    if not text:
        raise _error(field, QT_TRANSLATE_NOOP("validation", "Enter a credit code."))
    if len(text) != 18 or any(c not in CREDIT_CODE_ALPHABET for c in text):
        raise _error(
            field,
            QT_TRANSLATE_NOOP(
                "validation",
                "A credit code has 18 characters: digits and capital letters except I, O, S, V, Z.",
            ),
        )
    if not text[2:8].isdigit():
        raise _error(
            field,
            QT_TRANSLATE_NOOP(
                "validation", "Characters 3 to 8 of a credit code are the region digits."
            ),
        )
    if credit_code_check_char(text[:17]) != text[17]:
        raise _error(
            field,
            QT_TRANSLATE_NOOP(
                "validation", "The credit code is mistyped: its check character does not match."
            ),
        )
    return text


_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)


def validate_email(s: str, field: str = "email") -> str:
    """An e-mail address (ASCII, domain with a dot); returns it with a lower-case domain."""
    text = _clean(s)
    if not text:
        raise _error(field, QT_TRANSLATE_NOOP("validation", "Enter an e-mail address."))
    local, _, domain = text.rpartition("@")
    if (
        len(text) > 254
        or not _EMAIL.match(text)
        or local.startswith(".")
        or local.endswith(".")
        or ".." in local
        or not domain.rsplit(".", 1)[-1].isalpha()
    ):
        raise _error(
            field,
            QT_TRANSLATE_NOOP("validation", "Enter an e-mail address like name@example.com."),
        )
    return f"{local}@{domain.lower()}"


# --- numbers --------------------------------------------------------------------------


def _to_decimal(value: str | Decimal | int, field: str) -> Decimal:
    if isinstance(value, bool | float):
        raise TypeError(f"{field} must be str, Decimal or int, not float/bool")
    if isinstance(value, str):
        text = _clean(value).replace(" ", "")
        if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d*)?", text):
            text = text.replace(",", "")
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
            raise _error(field, QT_TRANSLATE_NOOP("validation", "Enter a number."))
        try:
            return Decimal(text)
        except InvalidOperation:  # pragma: no cover - guarded by the regex
            raise _error(field, QT_TRANSLATE_NOOP("validation", "Enter a number.")) from None
    result = Decimal(value)
    if not result.is_finite():
        raise _error(field, QT_TRANSLATE_NOOP("validation", "Enter a number."))
    return result


def _decimals(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


def _plain(value: Decimal) -> Decimal:
    """Drop exponent notation (1E+3 -> 1000) but keep the typed decimals."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return value.quantize(Decimal(1)) if exponent > 0 else value


def validate_quantity(value: str | Decimal | int, field: str = "quantity") -> Decimal:
    """A quantity: more than 0, at most 1,000,000, at most 3 decimals."""
    qty = _to_decimal(value, field)
    if qty <= 0:
        raise _error(field, QT_TRANSLATE_NOOP("validation", "The quantity must be more than 0."))
    if qty > MAX_QUANTITY:
        raise _error(
            field, QT_TRANSLATE_NOOP("validation", "The quantity cannot exceed 1,000,000.")
        )
    if _decimals(qty) > QUANTITY_DECIMALS:
        raise _error(
            field, QT_TRANSLATE_NOOP("validation", "A quantity can have at most 3 decimals.")
        )
    return _plain(qty)


def validate_unit_price(value: str | Decimal | int, field: str = "unit_price") -> Decimal:
    """A unit price in yuan: at least 0, at most 4 decimals, below 10 billion."""
    text = value.replace("¥", "").replace("￥", "") if isinstance(value, str) else value
    price = _to_decimal(text, field)
    if price < 0:
        raise _error(field, QT_TRANSLATE_NOOP("validation", "The price cannot be negative."))
    if price >= Decimal("1E10"):
        raise _error(field, QT_TRANSLATE_NOOP("validation", "The price is too large."))
    if _decimals(price) > UNIT_PRICE_DECIMALS:
        raise _error(
            field, QT_TRANSLATE_NOOP("validation", "A unit price can have at most 4 decimals.")
        )
    return _plain(price)


def validate_discount_pct(value: str | Decimal | int, field: str = "discount") -> Decimal:
    """A discount percentage from 0 to 100 with at most 2 decimals ("5" means 5 %)."""
    text = value.strip().removesuffix("%") if isinstance(value, str) else value
    pct = _to_decimal(text, field)
    if not 0 <= pct <= 100 or _decimals(pct) > 2:
        raise _error(
            field,
            QT_TRANSLATE_NOOP("validation", "A discount is a percentage from 0 to 100."),
        )
    return _plain(pct)


def validate_lead_time(days: int | str, field: str = "lead_time_days") -> int:
    """A lead time in whole days, 1 to 365: "ship the day you order" (0) is not a lead time."""
    if isinstance(days, bool | float):
        raise TypeError(f"{field} must be int or str, not float/bool")
    text = _clean(days) if isinstance(days, str) else str(days)
    if not re.fullmatch(r"-?\d+", text):
        raise _error(field, QT_TRANSLATE_NOOP("validation", "Enter a whole number of days."))
    value = int(text)
    if value < 1:
        raise _error(
            field,
            QT_TRANSLATE_NOOP(
                "validation",
                "The lead time must be at least 1 day: same-day shipping is no lead time.",
            ),
        )
    if value > MAX_LEAD_TIME_DAYS:
        raise _error(
            field, QT_TRANSLATE_NOOP("validation", "The lead time cannot exceed 365 days.")
        )
    return value


def validate_potential(n: int | str, field: str = "potential") -> int:
    """A customer's potential score, a whole number from 1 to 5."""
    if isinstance(n, bool | float):
        raise TypeError(f"{field} must be int or str, not float/bool")
    text = _clean(n) if isinstance(n, str) else str(n)
    if not re.fullmatch(r"[1-5]", text):
        raise _error(
            field, QT_TRANSLATE_NOOP("validation", "The potential is a score from 1 to 5.")
        )
    return int(text)


# --- text and dates -------------------------------------------------------------------

_DATE_PATTERNS = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})[日号]"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)


def validate_date(
    value: str | date,
    field: str = "date",
    *,
    not_before: date | None = None,
    not_after: date | None = None,
) -> date:
    """A calendar date: a ``date`` or text like 2026-11-22, 2026/11/22, 2026年11月22日.

    ``not_before``/``not_after`` are inclusive bounds.
    """
    if isinstance(value, datetime):
        value = value.date()
    result = value if isinstance(value, date) else _parse_date(value, field)
    if not_before is not None and result < not_before:
        raise _error(
            field,
            QT_TRANSLATE_NOOP("validation", "The date cannot be before {date}."),
            date=not_before.isoformat(),
        )
    if not_after is not None and result > not_after:
        raise _error(
            field,
            QT_TRANSLATE_NOOP("validation", "The date cannot be after {date}."),
            date=not_after.isoformat(),
        )
    return result


def _parse_date(value: str, field: str) -> date:
    text = re.sub(r"\s+", "", _clean(value))
    if not text:
        raise _error(field, QT_TRANSLATE_NOOP("validation", "Enter a date."))
    for pattern in _DATE_PATTERNS:
        m = pattern.fullmatch(text)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                raise _error(
                    field, QT_TRANSLATE_NOOP("validation", "This day does not exist.")
                ) from None
    raise _error(
        field,
        QT_TRANSLATE_NOOP("validation", "Enter a date like 2026-11-22 or 2026年11月22日."),
    )


def validate_name(s: str, field: str = "name") -> str:
    """A name or short text: trimmed, not empty, at most 100 characters, no control characters.

    Runs of spaces inside are collapsed to one (full-width spaces included).
    """
    text = " ".join(_clean(s).split())
    if not text:
        raise _error(field, QT_TRANSLATE_NOOP("validation", "This field cannot be empty."))
    if len(text) > MAX_NAME_LENGTH:
        raise _error(
            field,
            QT_TRANSLATE_NOOP("validation", "At most {max} characters."),
            max=MAX_NAME_LENGTH,
        )
    if any(unicodedata.category(c) == "Cc" for c in text):
        raise _error(field, QT_TRANSLATE_NOOP("validation", "Remove the control characters."))
    return text
