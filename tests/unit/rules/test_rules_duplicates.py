"""Spec of app.rules.duplicates: normalized names and the keys used to flag duplicates."""

from __future__ import annotations

import random

import pytest

from app.rules.duplicates import (
    DuplicateKey,
    duplicate_key_objects,
    duplicate_keys,
    normalize_company_name,
    phone_key_digits,
)
from app.rules.validation import CREDIT_CODE_ALPHABET, credit_code_check_char

RNG = random.Random(7)


def _credit_code() -> str:
    body = (
        "91"
        + f"{RNG.randrange(110000, 660000)}"
        + "".join(RNG.choice(CREDIT_CODE_ALPHABET) for _ in range(9))
    )
    return body + credit_code_check_char(body)


@pytest.mark.parametrize(
    ("name", "normalized"),
    [
        ("示例商贸有限公司", "示例商贸"),
        ("示例商贸 有限公司", "示例商贸"),
        ("示例商贸（有限公司）", "示例商贸"),
        ("示例商贸有限责任公司", "示例商贸"),
        ("示例科技股份有限公司", "示例科技"),
        ("示例商贸公司", "示例商贸"),
        ("示例商贸", "示例商贸"),
        (" 示 例 商 贸 ", "示例商贸"),
        ("示例商贸（北京）有限公司", "示例商贸北京"),
        ("ＡＣＭＥ Co., Ltd.", "acme"),
        ("Acme Trading Co.,Ltd", "acmetrading"),
        ("ACME LIMITED", "acme"),
        ("Acme Inc.", "acme"),
        ("St. John Corp", "stjohn"),
        ("示例集团有限公司", "示例集团"),  # a group is another legal entity
        ("示例商贸北京分公司", "示例商贸北京分公司"),  # so is a branch
        ("有限公司", "有限公司"),  # nothing but a legal form: kept
        ("", ""),
    ],
)
def test_normalize_company_name(name: str, normalized: str) -> None:
    assert normalize_company_name(name) == normalized


def test_equivalent_spellings_compare_equal() -> None:
    spellings = [
        "示例商贸有限公司",
        "示例商贸 有限公司",
        "示例商贸(有限公司)",
        "示例商贸股份有限公司",
    ]
    assert len({normalize_company_name(s) for s in spellings}) == 1


@pytest.mark.parametrize(
    ("phone", "digits"),
    [
        ("138 0000 0001", "13800000001"),
        ("+86 138-0000-0001", "13800000001"),
        ("021-62345678", "02162345678"),
        ("021-62345678-123", "02162345678"),  # extension dropped: same switchboard
        ("(021)62345678转8", "02162345678"),
        ("400-123-4567", "4001234567"),
        ("6234567", "6234567"),  # not valid, but enough digits to compare
        ("123", None),
        ("", None),
    ],
)
def test_phone_key_digits(phone: str, digits: str | None) -> None:
    assert phone_key_digits(phone) == digits


def test_duplicate_keys() -> None:
    code = _credit_code()
    keys = duplicate_keys("示例商贸有限公司", ["138 0000 0001", "021-62345678"], code.lower())
    assert keys == {
        "name:示例商贸",
        "phone:13800000001",
        "phone:02162345678",
        f"code:{code}",
    }


def test_same_customer_typed_differently_shares_keys() -> None:
    code = _credit_code()
    first = duplicate_keys("示例商贸有限公司", ["13800000001"], code)
    second = duplicate_keys("示例商贸 公司", ["+86 138 0000 0001"], f" {code} ")
    assert first == second


def test_different_customers_share_no_keys() -> None:
    first = duplicate_keys("示例商贸有限公司", ["13800000001"], _credit_code())
    second = duplicate_keys("样本食品有限公司", ["13900000002"], _credit_code())
    assert not first & second


def test_empty_values_give_no_keys() -> None:
    assert duplicate_keys("", [], None) == set()
    assert duplicate_keys(None, ["", "12"], "  ") == set()


def test_duplicate_key_objects_and_round_trip() -> None:
    keys = duplicate_key_objects("示例商贸", ["13800000001"], None)
    assert keys == {DuplicateKey("name", "示例商贸"), DuplicateKey("phone", "13800000001")}
    for key in keys:
        assert DuplicateKey.parse(str(key)) == key


@pytest.mark.parametrize("text", ["", "name", "name:", "mail:x@example.com", ":x"])
def test_duplicate_key_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        DuplicateKey.parse(text)
