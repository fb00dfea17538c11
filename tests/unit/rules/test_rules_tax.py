"""Spec of app.rules.tax: only the Chinese VAT rates 13%, 9%, 6% and 0 are valid."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.errors import ValidationError
from app.rules.tax import ALLOWED_VAT_RATES, format_tax_rate, validate_tax_rate

D = Decimal


def test_allowed_rates() -> None:
    assert (D("0.13"), D("0.09"), D("0.06"), D("0")) == ALLOWED_VAT_RATES


@pytest.mark.parametrize(
    ("rate", "expected"),
    [
        (D("0.13"), D("0.13")),
        (D("0.130"), D("0.13")),
        (D("0.09"), D("0.09")),
        (D("0.06"), D("0.06")),
        (D("0"), D("0")),
        (D("0.00"), D("0")),
        (0, D("0")),
        ("0.13", D("0.13")),
        ("13%", D("0.13")),
        ("9%", D("0.09")),
        (" 6 % ", D("0.06")),
        ("０％", D("0")),  # full-width
    ],
)
def test_valid_rates(rate: Decimal | str | int, expected: Decimal) -> None:
    result = validate_tax_rate(rate)
    assert result == expected
    assert result in ALLOWED_VAT_RATES


@pytest.mark.parametrize(
    "rate",
    [
        D("0.17"),
        D("0.16"),
        D("0.10"),
        D("0.03"),
        D("13"),
        13,
        1,
        D("-0.13"),
        "abc",
        "",
        "13",
        D("NaN"),
        "0.13%",
    ],
)
def test_invalid_rates(rate: Decimal | str | int) -> None:
    with pytest.raises(ValidationError) as err:
        validate_tax_rate(rate)
    assert err.value.field == "tax_rate"
    assert "13%, 9%, 6%, 0%" in err.value.text("en")


def test_float_rate_is_a_programming_error() -> None:
    with pytest.raises(TypeError):
        validate_tax_rate(0.13)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("rate", "text"), [(D("0.13"), "13%"), (D("0.09"), "9%"), (D("0"), "0%"), (D("0.015"), "1.5%")]
)
def test_format_tax_rate(rate: Decimal, text: str) -> None:
    assert format_tax_rate(rate) == text
