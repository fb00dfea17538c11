"""Phone numbers: mainland mobiles, landlines with area code, 400/800 service lines.

Validators return a normalized form and raise ValidationError with a translatable
message; they are re-exported by :mod:`app.rules.validation`.
"""

from __future__ import annotations

import re
import unicodedata

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, msg


def _error(field: str, source: str, **args: object) -> ValidationError:
    return ValidationError(field, msg("validation", source, **args))


def _clean(s: str) -> str:
    """NFKC (full-width -> half-width) and strip."""
    return unicodedata.normalize("NFKC", s).strip()


_SEPARATORS = re.compile(r"[\s\-()]+")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_EXTENSION = re.compile(r"^(?P<main>.*?)(?:(?:转|ext\.?|x|#|分机)\s*(?P<ext>\d{1,6}))$", re.I)
_LANDLINE_3 = re.compile(r"^(?P<area>010|02\d)(?P<local>[1-9]\d{6,7})$")
_LANDLINE_4 = re.compile(r"^(?P<area>0[3-9]\d{2})(?P<local>[1-9]\d{6,7})$")
_SERVICE = re.compile(r"^(?P<prefix>400|800)(?P<rest>\d{7})$")


def _strip_country_code(digits: str) -> str:
    for prefix in ("+86", "0086"):
        if digits.startswith(prefix):
            return digits[len(prefix) :]
    if len(digits) == 13 and digits.startswith("86"):
        return digits[2:]
    return digits


def validate_mobile(s: str, field: str = "mobile") -> str:
    """A mainland mobile number: 11 digits starting 13-19; spaces, dashes, +86 allowed.

    Returns the 11 digits, e.g. "+86 138-0000-0000" -> "13800000000".
    """
    text = _SEPARATORS.sub("", _clean(s))
    if not text:
        raise _error(field, QT_TRANSLATE_NOOP("validation", "Enter a mobile number."))
    text = _strip_country_code(text)
    if not _MOBILE.match(text):
        raise _error(
            field,
            QT_TRANSLATE_NOOP(
                "validation", "A mobile number has 11 digits and starts with 13 to 19."
            ),
        )
    return text


def validate_landline(s: str, field: str = "phone") -> str:
    """A fixed-line number with area code, e.g. "0755 1234 5678" -> "0755-12345678".

    Area codes are 010/02x (3 digits) or 0xxx (4 digits); the local number has 7-8
    digits and does not start with 0. An extension ("-123", "转123",
    "ext 123") is kept as "-123".
    """
    text = _clean(s)
    if not text:
        raise _error(field, QT_TRANSLATE_NOOP("validation", "Enter a phone number."))
    extension = ""
    match = _EXTENSION.match(text)
    if match:
        text, extension = match["main"], match["ext"]
    text = text.replace("(", " ").replace(")", " ").strip()
    country = re.match(r"(\+|00)86", text)
    if country:
        text = text[country.end() :]
    parts = [p for p in re.split(r"[\s\-]+", text) if p]
    m = _match_landline(parts, international=bool(country))
    if m is None and not extension and len(parts) >= 3 and len(parts[-1]) <= 6:
        m = _match_landline(parts[:-1], international=bool(country))
        extension = parts[-1] if m else ""  # "021-12345678-123"
    if m is None:
        raise _error(
            field,
            QT_TRANSLATE_NOOP(
                "validation",
                "Enter a landline with its area code, e.g. 021-12345678.",
            ),
        )
    result = f"{m['area']}-{m['local']}"
    return f"{result}-{extension}" if extension else result


def _match_landline(parts: list[str], *, international: bool) -> re.Match[str] | None:
    digits = "".join(parts)
    if not digits.isdigit():
        return None
    if international and not digits.startswith("0"):
        digits = "0" + digits  # +86 21 12345678: the trunk 0 is dropped abroad
    return _LANDLINE_3.match(digits) or _LANDLINE_4.match(digits)


def validate_phone(s: str, field: str = "phone") -> str:
    """A mobile (returns 11 digits), a landline (returns "0xx-xxxxxxxx") or a 400/800 line."""
    text = _clean(s)
    if not text:
        raise _error(field, QT_TRANSLATE_NOOP("validation", "Enter a phone number."))
    for check in (validate_mobile, validate_landline):
        try:
            return check(text, field)
        except ValidationError:
            pass
    service = _SERVICE.match(_SEPARATORS.sub("", text))
    if service:
        rest = service["rest"]
        return f"{service['prefix']}-{rest[:3]}-{rest[3:]}"
    raise _error(
        field,
        QT_TRANSLATE_NOOP(
            "validation",
            "Enter an 11-digit mobile number or a landline with its area code.",
        ),
    )
