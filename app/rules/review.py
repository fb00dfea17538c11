"""Offline order review: the warnings a rep sees before submitting an order.

The server re-checks everything (price audit, credit check); these local checks
only tell the rep early that the order will need approval. A warning never
blocks saving a draft.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from app.i18n import QT_TRANSLATE_NOOP, Msg, msg
from app.rules.money import format_money

_CTX = "review"

WarningKind = Literal["below_band", "credit_limit", "stock_short"]


@dataclass(frozen=True)
class ReviewWarning:
    """One review finding; ``line_index`` is the 0-based order line, None for the whole order."""

    kind: WarningKind
    msg: Msg
    line_index: int | None


@dataclass(frozen=True)
class ReviewLine:
    """What the review needs to know about one order line (band and stock from the last sync)."""

    product_name: str
    quantity: Decimal
    unit_price: Decimal
    min_price: Decimal | None
    max_price: Decimal | None
    stock: Decimal | None
    line_total: Decimal


def check_price_band(
    unit_price: Decimal, min_price: Decimal | None, max_price: Decimal | None
) -> bool:
    """True when the price is outside [min_price, max_price] and so needs approval.

    A missing bound (None) is not checked; the bounds themselves are allowed.
    """
    if min_price is not None and unit_price < min_price:
        return True
    return max_price is not None and unit_price > max_price


def check_credit(credit_limit: Decimal | None, outstanding: Decimal, order_total: Decimal) -> bool:
    """True when outstanding receivables plus this order exceed the credit limit.

    ``None`` means no limit. ``0`` means cash only: any order on credit
    (total > 0) exceeds it. An order worth nothing (e.g. free samples) never
    exceeds, even when the customer is already over the limit.
    """
    if credit_limit is None or order_total <= 0:
        return False
    return outstanding + order_total > credit_limit


def check_stock(quantity: Decimal, stock: Decimal | None) -> bool:
    """True when the quantity ordered is more than the stock known at the last sync.

    Unknown stock (None) is not reported as short.
    """
    return stock is not None and quantity > stock


def review_order(
    lines: Sequence[ReviewLine], credit_limit: Decimal | None, outstanding: Decimal
) -> list[ReviewWarning]:
    """All review warnings of an order: per line price band then stock, then credit."""
    warnings: list[ReviewWarning] = []
    for index, line in enumerate(lines):
        if check_price_band(line.unit_price, line.min_price, line.max_price):
            warnings.append(ReviewWarning("below_band", _band_message(line), index))
        if check_stock(line.quantity, line.stock):
            assert line.stock is not None
            warnings.append(
                ReviewWarning(
                    "stock_short",
                    msg(
                        _CTX,
                        QT_TRANSLATE_NOOP(
                            "review", "{product}: ordered {quantity}, only {stock} in stock."
                        ),
                        product=line.product_name,
                        quantity=_format_quantity(line.quantity),
                        stock=_format_quantity(line.stock),
                    ),
                    index,
                )
            )
    total = sum((line.line_total for line in lines), Decimal(0))
    if check_credit(credit_limit, outstanding, total):
        assert credit_limit is not None
        warnings.append(
            ReviewWarning(
                "credit_limit",
                msg(
                    _CTX,
                    QT_TRANSLATE_NOOP(
                        "review",
                        "Credit limit {limit}: owed {outstanding} + order {total}; needs approval.",
                    ),
                    limit=format_money(credit_limit),
                    outstanding=format_money(outstanding),
                    total=format_money(total),
                ),
                None,
            )
        )
    return warnings


def _band_message(line: ReviewLine) -> Msg:
    if line.min_price is not None and line.unit_price < line.min_price:
        return msg(
            _CTX,
            QT_TRANSLATE_NOOP(
                "review", "{product}: price {price} is below the minimum {min}; needs approval."
            ),
            product=line.product_name,
            price=_format_price(line.unit_price),
            min=_format_price(line.min_price),
        )
    assert line.max_price is not None
    return msg(
        _CTX,
        QT_TRANSLATE_NOOP(
            "review", "{product}: price {price} is above the maximum {max}; needs approval."
        ),
        product=line.product_name,
        price=_format_price(line.unit_price),
        max=_format_price(line.max_price),
    )


def _format_price(price: Decimal) -> str:
    """Unit prices may carry up to 4 decimals: show at least 2, never lose any."""
    if price == price.quantize(Decimal("0.01")):
        return format_money(price)
    return f"{price.normalize():,f}"


def _format_quantity(quantity: Decimal) -> str:
    return f"{quantity.normalize():f}"
