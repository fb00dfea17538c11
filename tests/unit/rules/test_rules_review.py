"""Spec of app.rules.review: price band, credit and stock warnings before submitting."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.rules.review import (
    ReviewLine,
    ReviewWarning,
    check_credit,
    check_price_band,
    check_stock,
    review_order,
)

D = Decimal


@pytest.mark.parametrize(
    ("price", "low", "high", "needs_approval"),
    [
        (D("10"), D("8"), D("12"), False),
        (D("8"), D("8"), D("12"), False),  # bounds are allowed
        (D("12"), D("8"), D("12"), False),
        (D("7.99"), D("8"), D("12"), True),
        (D("12.01"), D("8"), D("12"), True),
        (D("7.9999"), D("8"), None, True),
        (D("1000"), D("8"), None, False),  # no maximum
        (D("0"), None, None, False),  # no band at all
        (D("20"), None, D("15"), True),
    ],
)
def test_check_price_band(
    price: Decimal, low: Decimal | None, high: Decimal | None, needs_approval: bool
) -> None:
    assert check_price_band(price, low, high) is needs_approval


@pytest.mark.parametrize(
    ("limit", "outstanding", "total", "exceeded"),
    [
        (None, D("1000000"), D("1000000"), False),  # no limit
        (D("10000"), D("0"), D("10000"), False),  # exactly the limit is fine
        (D("10000"), D("0"), D("10000.01"), True),
        (D("10000"), D("6000"), D("4000"), False),
        (D("10000"), D("6000"), D("4000.01"), True),
        (D("0"), D("0"), D("0.01"), True),  # cash only: any credit order exceeds
        (D("0"), D("0"), D("0"), False),
        (D("5000"), D("6000"), D("0"), False),  # a free order adds no credit
        (D("5000"), D("6000"), D("1"), True),  # already over the limit
    ],
)
def test_check_credit(
    limit: Decimal | None, outstanding: Decimal, total: Decimal, exceeded: bool
) -> None:
    assert check_credit(limit, outstanding, total) is exceeded


@pytest.mark.parametrize(
    ("quantity", "stock", "short"),
    [
        (D("5"), D("10"), False),
        (D("10"), D("10"), False),
        (D("10.001"), D("10"), True),
        (D("1"), D("0"), True),
        (D("1"), D("-2"), True),  # oversold at the last sync
        (D("1000"), None, False),  # stock unknown: not reported
    ],
)
def test_check_stock(quantity: Decimal, stock: Decimal | None, short: bool) -> None:
    assert check_stock(quantity, stock) is short


def _line(
    name: str = "示例矿泉水 550ml",
    qty: str = "10",
    price: str = "2.00",
    low: str | None = "1.80",
    high: str | None = None,
    stock: str | None = "100",
) -> ReviewLine:
    return ReviewLine(
        product_name=name,
        quantity=D(qty),
        unit_price=D(price),
        min_price=None if low is None else D(low),
        max_price=None if high is None else D(high),
        stock=None if stock is None else D(stock),
        line_total=D(qty) * D(price),
    )


def test_clean_order_has_no_warnings() -> None:
    assert review_order([_line(), _line(stock=None)], D("10000"), D("0")) == []


def test_review_order_collects_every_warning_in_order() -> None:
    lines = [
        _line(name="A", price="1.50"),  # below band
        _line(name="B", qty="200"),  # stock short
        _line(name="C", price="3.00", high="2.50", qty="120", stock="100"),  # above band + stock
    ]
    warnings = review_order(lines, D("500"), D("300"))
    assert [(w.kind, w.line_index) for w in warnings] == [
        ("below_band", 0),
        ("stock_short", 1),
        ("below_band", 2),
        ("stock_short", 2),
        ("credit_limit", None),
    ]
    assert all(isinstance(w, ReviewWarning) for w in warnings)


def test_warning_messages_read_clearly() -> None:
    lines = [
        _line(name="A", price="1.5", qty="2.5", stock="1"),
        _line(name="B", price="3.1234", high="3"),
    ]
    texts = [w.msg.text("en") for w in review_order(lines, D("0"), D("1234.5"))]
    assert texts == [
        "A: price 1.50 is below the minimum 1.80; needs approval.",
        "A: ordered 2.5, only 1 in stock.",
        "B: price 3.1234 is above the maximum 3.00; needs approval.",
        "Credit limit 0.00: owed 1,234.50 + order 34.98; needs approval.",
    ]
    assert all(w.msg.context == "review" for w in review_order(lines, D("0"), D("0")))


def test_no_credit_warning_without_limit() -> None:
    assert review_order([_line(qty="50")], None, D("99999")) == []


def test_empty_order() -> None:
    assert review_order([], D("0"), D("0")) == []
