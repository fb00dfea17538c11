"""Spec of app.rules.validation: every validator with good and bad input.

Test data is synthetic: never real people or companies. Check characters are
computed here from the standards' definitions (ISO 7064 MOD 11-2 for ID numbers,
GB 32100 weights 3**i mod 31 for credit codes), not with the tables in the code
under test, so the tests check those tables too.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from app.errors import ValidationError
from app.rules import validation as v

D = Decimal
RNG = random.Random(20261122)
TODAY = date(2026, 11, 22)

# --- synthetic data generators ---------------------------------------------------------

CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def id_check_char(body17: str) -> str:
    """ISO 7064 MOD 11-2: weights 2**(17-i) mod 11; value 10 is written X."""
    total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(body17))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


def make_id_number(rng: random.Random, birth: date | None = None) -> str:
    """A synthetic, checksum-valid 18-char ID number (region 9xxxxx-like codes avoided)."""
    birth = birth or date(1950, 1, 1) + timedelta(days=rng.randrange(0, 365 * 50))
    region = f"{rng.randint(1, 6)}{rng.randrange(0, 100000):05d}"
    body = f"{region}{birth:%Y%m%d}{rng.randrange(0, 1000):03d}"
    return body + id_check_char(body)


def credit_check_char(body17: str) -> str:
    """GB 32100-2015: weights 3**i mod 31, check = 31 - sum mod 31 (31 -> 0)."""
    total = sum(CREDIT_ALPHABET.index(c) * pow(3, i, 31) for i, c in enumerate(body17))
    return CREDIT_ALPHABET[(31 - total % 31) % 31]


def make_credit_code(rng: random.Random) -> str:
    """A synthetic, checksum-valid unified social credit code."""
    head = rng.choice("159Y") + rng.choice("123")
    region = f"{rng.randrange(110000, 660000):06d}"
    org = "".join(rng.choice(CREDIT_ALPHABET) for _ in range(9))
    body = head + region + org
    return body + credit_check_char(body)


def make_mobile(rng: random.Random) -> str:
    """A synthetic 11-digit mainland mobile number."""
    return f"1{rng.randint(3, 9)}{rng.randrange(0, 10**9):09d}"


def _fails(expected_field: str, func: object, *args: object, **kwargs: object) -> ValidationError:
    assert callable(func)
    with pytest.raises(ValidationError) as err:
        func(*args, **kwargs)
    assert err.value.field == expected_field
    assert err.value.text("en")  # renders without missing format args
    return err.value


# --- phones -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13800000000", "13800000000"),
        ("138 0000 0000", "13800000000"),
        ("138-0000-0000", "13800000000"),
        ("+86 138 0000 0000", "13800000000"),
        ("+8613912345678", "13912345678"),
        ("0086 15012345678", "15012345678"),
        ("8619912345678", "19912345678"),
        ("１３８００００００００", "13800000000"),  # full-width
        (" 17012345678 ", "17012345678"),
    ],
)
def test_mobile_valid(text: str, expected: str) -> None:
    assert v.validate_mobile(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "1380000000",
        "138000000000",
        "12800000000",
        "10800000000",
        "23800000000",
        "1380000000a",
        "+1 138 0000 0000",
        "021-12345678",
    ],
)
def test_mobile_invalid(text: str) -> None:
    _fails("mobile", v.validate_mobile, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("021-12345678", "021-12345678"),
        ("02112345678", "021-12345678"),
        ("010 8765 4321", "010-87654321"),
        ("0755 1234 5678", "0755-12345678"),
        ("0755-1234567", "0755-1234567"),  # 7-digit local number
        ("(0571)87654321", "0571-87654321"),
        ("（0571）87654321", "0571-87654321"),  # full-width parentheses
        ("021-12345678-123", "021-12345678-123"),
        ("021-12345678转8001", "021-12345678-8001"),
        ("0755 1234 5678 ext. 12", "0755-12345678-12"),
        ("+86 21 12345678", "021-12345678"),
        ("+86 755 1234 5678", "0755-12345678"),
        ("0086-10-87654321", "010-87654321"),
    ],
)
def test_landline_valid(text: str, expected: str) -> None:
    assert v.validate_landline(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "12345678",  # no area code
        "021-0123456",  # local number cannot start with 0
        "021-123456",  # too short
        "021-123456789",  # too long
        "0255-12345678-1234567",  # extension too long
        "13800000000",  # a mobile is not a landline
        "021-1234567a",
        "001-12345678",
    ],
)
def test_landline_invalid(text: str) -> None:
    _fails("phone", v.validate_landline, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("138 0000 0000", "13800000000"),
        ("021-12345678", "021-12345678"),
        ("400-123-4567", "400-123-4567"),
        ("4001234567", "400-123-4567"),
        ("800 123 4567", "800-123-4567"),
    ],
)
def test_phone_valid(text: str, expected: str) -> None:
    assert v.validate_phone(text) == expected


@pytest.mark.parametrize("text", ["", "12345", "400-123-456", "555-1234", "hello"])
def test_phone_invalid(text: str) -> None:
    _fails("phone", v.validate_phone, text)


def test_phone_field_name_is_passed_through() -> None:
    _fails("contact_phone", v.validate_phone, "123", field="contact_phone")


# --- ID numbers -------------------------------------------------------------------------


def test_check_char_tables_match_the_standard_definitions() -> None:
    for _ in range(300):
        body = f"{RNG.randrange(10**16, 10**17)}"
        assert v.id_number_check_char(body) == id_check_char(body)
        code = make_credit_code(RNG)
        assert v.credit_code_check_char(code[:17]) == credit_check_char(code[:17])


def test_id_numbers_valid() -> None:
    seen_x = False
    for _ in range(300):
        number = make_id_number(RNG)
        assert v.validate_id_number(number, today=TODAY) == number
        if number.endswith("X"):
            seen_x = True
            assert v.validate_id_number(number.lower(), today=TODAY) == number  # x -> X
    assert seen_x


def test_id_number_with_spaces_and_full_width() -> None:
    number = make_id_number(RNG)
    spaced = f" {number[:6]} {number[6:14]} {number[14:]} "
    assert v.validate_id_number(spaced, today=TODAY) == number
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in number)
    assert v.validate_id_number(full_width, today=TODAY) == number


def _with_check(body: str) -> str:
    return body + id_check_char(body)


@pytest.mark.parametrize(
    "number",
    [
        "",
        "12345",
        _with_check("1101011990010112")[:-1],  # 17 chars
        _with_check("11010119900101123") + "1",  # 19 chars
        _with_check("01010119900101123"),  # region cannot start with 0
        _with_check("11010119900230123"),  # 30 February
        _with_check("11010119901301123"),  # month 13
        _with_check("11010118991231123"),  # before 1900
        _with_check("11010120261123123"),  # born tomorrow
        "11010119900101123Y",
        "1101011990010112XX",
    ],
)
def test_id_numbers_invalid(number: str) -> None:
    _fails("id_number", v.validate_id_number, number, today=TODAY)


def test_id_number_wrong_check_char_says_mistyped() -> None:
    number = make_id_number(RNG)
    wrong = "0" if number[-1] != "0" else "1"
    err = _fails("id_number", v.validate_id_number, number[:-1] + wrong, today=TODAY)
    assert "check character" in err.text("en")


def test_id_number_swapped_digits_detected() -> None:
    for _ in range(100):
        number = make_id_number(RNG, birth=date(1985, 6, 15))
        swapped = number[:14] + number[15] + number[14] + number[16:]
        if swapped != number:
            _fails("id_number", v.validate_id_number, swapped, today=TODAY)


def test_id_number_born_today_is_fine() -> None:
    number = make_id_number(RNG, birth=TODAY)
    assert v.validate_id_number(number, today=TODAY) == number


# --- credit codes -----------------------------------------------------------------------


def test_credit_codes_valid() -> None:
    for _ in range(300):
        code = make_credit_code(RNG)
        assert v.validate_credit_code(code) == code
        assert v.validate_credit_code(f" {code.lower()} ") == code


@pytest.mark.parametrize(
    "code",
    [
        "",
        "91350100",  # too short
        "9135010012345678901",  # too long
        "91AB0100" + "M000100Y" + "4",  # region part has letters
    ],
)
def test_credit_codes_invalid_shape(code: str) -> None:
    _fails("credit_code", v.validate_credit_code, code)


@pytest.mark.parametrize("letter", ["I", "O", "S", "V", "Z"])
def test_credit_code_forbidden_letters(letter: str) -> None:
    body = "91110000" + "MA000000" + letter
    _fails("credit_code", v.validate_credit_code, body + credit_check_char(body[:-1] + "0"))


def test_credit_code_wrong_check_char() -> None:
    for _ in range(50):
        code = make_credit_code(RNG)
        wrong = next(c for c in "0123456789" if c != code[-1])
        err = _fails("credit_code", v.validate_credit_code, code[:-1] + wrong)
        assert "check character" in err.text("en")


# --- e-mail -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rep@example.com", "rep@example.com"),
        ("Rep.One+tag@Example.COM", "Rep.One+tag@example.com"),
        (" sales@sub.example.cn ", "sales@sub.example.cn"),
        ("ｒｅｐ＠ｅｘａｍｐｌｅ．ｃｏｍ", "rep@example.com"),  # typed with a full-width IME
    ],
)
def test_email_valid(text: str, expected: str) -> None:
    assert v.validate_email(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "rep",
        "rep@",
        "@example.com",
        "rep@example",
        "rep@@example.com",
        "rep @example.com",
        "rep..one@example.com",
        ".rep@example.com",
        "rep@-example.com",
        "rep@example.c0m",
        "a" * 250 + "@example.com",
        "销售@example.com",
    ],
)
def test_email_invalid(text: str) -> None:
    _fails("email", v.validate_email, text)


# --- quantities, prices, discounts ------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", D("1")),
        ("0.001", D("0.001")),
        ("2.500", D("2.500")),
        ("1,000", D("1000")),
        ("１２", D("12")),
        (D("1E+3"), D("1000")),
        (5, D("5")),
        ("1000000", D("1000000")),
        (D("1.2300"), D("1.2300")),
    ],
)
def test_quantity_valid(value: str | Decimal | int, expected: Decimal) -> None:
    result = v.validate_quantity(value)
    assert result == expected
    assert "E" not in str(result)


@pytest.mark.parametrize(
    "value",
    ["", "0", "-1", "0.0001", "1000000.001", "abc", "1e3", D("NaN"), D("-0.5"), 0, "1,00"],
)
def test_quantity_invalid(value: str | Decimal | int) -> None:
    _fails("quantity", v.validate_quantity, value)


def test_quantity_rejects_float() -> None:
    with pytest.raises(TypeError):
        v.validate_quantity(1.5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("0", D("0")), ("12.3456", D("12.3456")), ("¥8.50", D("8.50")), (D("99"), D("99"))],
)
def test_unit_price_valid(value: str | Decimal | int, expected: Decimal) -> None:
    assert v.validate_unit_price(value) == expected


@pytest.mark.parametrize("value", ["-0.01", "1.23456", "x", "10000000000", D("Infinity")])
def test_unit_price_invalid(value: str | Decimal) -> None:
    _fails("unit_price", v.validate_unit_price, value)


@pytest.mark.parametrize(
    ("value", "expected"), [("0", D("0")), ("5", D("5")), ("12.5%", D("12.5")), (100, D("100"))]
)
def test_discount_valid(value: str | int, expected: Decimal) -> None:
    assert v.validate_discount_pct(value) == expected


@pytest.mark.parametrize("value", ["-1", "100.01", "5.555", "ten", D("101")])
def test_discount_invalid(value: str | Decimal) -> None:
    _fails("discount", v.validate_discount_pct, value)


# --- lead time and potential ------------------------------------------------------------


@pytest.mark.parametrize(("days", "expected"), [(1, 1), (7, 7), ("30", 30), (365, 365)])
def test_lead_time_valid(days: int | str, expected: int) -> None:
    assert v.validate_lead_time(days) == expected


@pytest.mark.parametrize("days", [0, "0", -3, 366, "1.5", "", "soon"])
def test_lead_time_invalid(days: int | str) -> None:
    _fails("lead_time_days", v.validate_lead_time, days)


def test_same_day_shipping_is_not_a_lead_time() -> None:
    err = _fails("lead_time_days", v.validate_lead_time, 0)
    assert "at least 1 day" in err.text("en")


@pytest.mark.parametrize(("n", "expected"), [(1, 1), (3, 3), (5, 5), ("4", 4), ("５", 5)])
def test_potential_valid(n: int | str, expected: int) -> None:
    assert v.validate_potential(n) == expected


@pytest.mark.parametrize("n", [0, 6, -1, "", "3.5", "high"])
def test_potential_invalid(n: int | str) -> None:
    _fails("potential", v.validate_potential, n)


@pytest.mark.parametrize("func", [v.validate_lead_time, v.validate_potential])
def test_whole_number_validators_reject_bool_and_float(func: object) -> None:
    assert callable(func)
    for bad in (True, 2.0):
        with pytest.raises(TypeError):
            func(bad)


# --- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-22",
        "2026/11/22",
        "2026年11月22日",
        "2026年11月22号",
        "2026.11.22",
        "20261122",
        " 2026 年 11 月 22 日 ",
        "２０２６－１１－２２",
    ],
)
def test_date_formats(text: str) -> None:
    assert v.validate_date(text) == TODAY


def test_date_single_digit_month_day() -> None:
    assert v.validate_date("2026-1-5") == date(2026, 1, 5)
    assert v.validate_date("2026年1月5日") == date(2026, 1, 5)


def test_date_objects_pass_through() -> None:
    assert v.validate_date(TODAY) == TODAY
    assert v.validate_date(datetime(2026, 11, 22, 15, 30)) == TODAY


@pytest.mark.parametrize(
    "text", ["", "tomorrow", "2026-02-30", "2026-13-01", "22/11/2026", "2026-11", "26-11-22"]
)
def test_date_invalid(text: str) -> None:
    _fails("date", v.validate_date, text)


def test_date_bounds_are_inclusive() -> None:
    assert v.validate_date(TODAY, not_before=TODAY, not_after=TODAY) == TODAY
    err = _fails("valid_until", v.validate_date, "2026-11-21", "valid_until", not_before=TODAY)
    assert "2026-11-22" in err.text("en")
    _fails("date", v.validate_date, "2026-11-23", not_after=TODAY)


# --- names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  示例商贸  ", "示例商贸"),
        ("Acme   Trading", "Acme Trading"),
        ("甲\u3000乙", "甲 乙"),
        ("名" * 100, "名" * 100),
    ],
)
def test_name_valid(text: str, expected: str) -> None:
    assert v.validate_name(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "\u3000", "名" * 101, "bad\x00name"])
def test_name_invalid(text: str) -> None:
    _fails("name", v.validate_name, text)


def test_name_custom_field() -> None:
    _fails("payer", v.validate_name, "", field="payer")


# --- masks ------------------------------------------------------------------------------


def test_mask_id_number() -> None:
    number = make_id_number(RNG)
    masked = v.mask_id_number(number)
    assert masked == number[:6] + "********" + number[-4:]
    assert len(masked) == 18
    assert v.mask_id_number("1234") == "****"
    assert v.mask_id_number("") == ""


@pytest.mark.parametrize(
    ("account", "masked"),
    [
        ("6200 0000 0000 0001 234", "6200***********1234"),
        ("6200000000000001", "6200********0001"),
        ("12345678", "****5678"),
        ("123", "***"),
    ],
)
def test_mask_bank_account(account: str, masked: str) -> None:
    assert v.mask_bank_account(account) == masked


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13812345678", "138****5678"),
        ("021-12345678", "021-****5678"),
        ("0755-12345678-123", "0755-****5678"),
        ("400-123-4567", "400-***-4567"),
        ("12", "**"),
    ],
)
def test_mask_phone(phone: str, masked: str) -> None:
    assert v.mask_phone(phone) == masked
