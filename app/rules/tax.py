"""VAT rates a product or an order line may carry (增值税税率 13% / 9% / 6% / 0)."""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, msg

ALLOWED_VAT_RATES: tuple[Decimal, ...] = (
    Decimal("0.13"),
    Decimal("0.09"),
    Decimal("0.06"),
    Decimal("0"),
)


def validate_tax_rate(rate: Decimal | str | int) -> Decimal:
    """Return ``rate`` as one of :data:`ALLOWED_VAT_RATES` or raise ValidationError("tax_rate").

    Takes a fraction (``Decimal("0.13")``, ``"0.13"``) or a percent string
    (``"13%"``). A bare number above 1 is refused rather than guessed at.
    """
    if isinstance(rate, bool | float):
        raise TypeError("tax rate must be Decimal, str or int, not float/bool")
    value: Decimal | None
    value = _parse_rate_text(rate) if isinstance(rate, str) else Decimal(rate)
    if value is not None and value.is_finite():
        for allowed in ALLOWED_VAT_RATES:
            if value == allowed:
                return allowed
    raise ValidationError(
        "tax_rate",
        msg(
            "validation",
            QT_TRANSLATE_NOOP("validation", "The tax rate must be one of {rates}."),
            rates=", ".join(format_tax_rate(r) for r in ALLOWED_VAT_RATES),
        ),
    )


def _parse_rate_text(text: str) -> Decimal | None:
    s = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    percent = s.endswith("%")
    try:
        value = Decimal(s.removesuffix("%"))
    except InvalidOperation:
        return None
    return value / 100 if percent else value


def format_tax_rate(rate: Decimal) -> str:
    """Display a rate as a percent: ``Decimal("0.13")`` -> ``"13%"``, ``0`` -> ``"0%"``."""
    percent = (rate * 100).normalize()
    return f"{percent:f}%"
