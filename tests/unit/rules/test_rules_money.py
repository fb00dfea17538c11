"""Spec of app.rules.money: parsing typed amounts, the one rounding rule, formatting."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.errors import ValidationError
from app.rules.money import CENT, MAX_MONEY, format_money, format_yuan, parse_money, round_money

D = Decimal


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("0.005"), D("0.01")),
        (D("0.004"), D("0.00")),
        (D("1.235"), D("1.24")),
        (D("1.245"), D("1.25")),  # half-up, not banker's rounding
        (D("2.675"), D("2.68")),
        (D("-0.005"), D("-0.01")),  # half away from zero
        (D("10"), D("10.00")),
        (D("123456789.999"), D("123456790.00")),
    ],
)
def test_round_money_is_half_up_to_the_cent(value: Decimal, expected: Decimal) -> None:
    result = round_money(value)
    assert result == expected
    assert result.as_tuple().exponent == -2


def test_round_money_refuses_floats() -> None:
    with pytest.raises(TypeError):
        round_money(1.005)  # type: ignore[arg-type]


def test_cent_constant() -> None:
    assert D("0.01") == CENT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", D("12.00")),
        ("12.3", D("12.30")),
        ("12.30", D("12.30")),
        (".5", D("0.50")),
        ("1,234.5", D("1234.50")),
        ("1,234,567.89", D("1234567.89")),
        ("１２３", D("123.00")),  # full-width digits
        ("１，２３４．５６", D("1234.56")),  # full-width comma and point
        ("¥12.30", D("12.30")),
        ("￥12.30", D("12.30")),  # full-width yuan sign
        ("12元", D("12.00")),
        ("  8.8  ", D("8.80")),
        ("0", D("0.00")),
        ("1.230", D("1.23")),  # trailing zero is not a third decimal
        (D("3.1"), D("3.10")),
        (7, D("7.00")),
        ("9999999999999.99", MAX_MONEY),
    ],
)
def test_parse_money_accepts(text: str | Decimal | int, expected: Decimal) -> None:
    result = parse_money(text)
    assert result == expected
    assert result.as_tuple().exponent == -2


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "12.345",  # three decimals: refused, not silently rounded
        "1.2.3",
        "12,34",  # bad grouping (a European decimal comma?)
        "1,2345",
        "NaN",
        "inf",
        "Infinity",
        "1e3",
        "-5",
        "¥-5",
        "--5",
        "10000000000000",  # above MAX_MONEY
        D("NaN"),
        D("Infinity"),
        D("0.001"),
        -1,
    ],
)
def test_parse_money_rejects(text: str | Decimal | int) -> None:
    with pytest.raises(ValidationError) as err:
        parse_money(text)
    assert err.value.field == "amount"


def test_parse_money_error_names_the_field_and_reads_clearly() -> None:
    with pytest.raises(ValidationError) as err:
        parse_money("1.234", field="unit_price")
    assert err.value.field == "unit_price"
    assert "2 decimals" in err.value.text("en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("-5", D("-5.00")), ("-¥5.5", D("-5.50")), ("¥-5.5", D("-5.50")), ("\u22121", D("-1.00"))],
)
def test_parse_money_negative_only_when_allowed(text: str, expected: Decimal) -> None:
    assert parse_money(text, allow_negative=True) == expected


def test_parse_money_negative_zero_is_zero() -> None:
    assert str(parse_money("-0", allow_negative=True)) == "0.00"


@pytest.mark.parametrize("bad", [1.5, True, None, [1]])
def test_parse_money_rejects_non_money_types(bad: object) -> None:
    with pytest.raises(TypeError):
        parse_money(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "money", "yuan"),
    [
        (D("1234.56"), "1,234.56", "¥1,234.56"),
        (D("0"), "0.00", "¥0.00"),
        (D("1234567.8"), "1,234,567.80", "¥1,234,567.80"),
        (D("0.005"), "0.01", "¥0.01"),
        (D("-1234.5"), "-1,234.50", "-¥1,234.50"),
        (D("-0.001"), "0.00", "¥0.00"),  # no "-0.00"
        (12, "12.00", "¥12.00"),
    ],
)
def test_format(value: Decimal, money: str, yuan: str) -> None:
    assert format_money(value) == money
    assert format_yuan(value) == yuan
