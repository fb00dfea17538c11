"""Line and document totals for quotes and orders: one rule, so screen, PDF and server agree.

Rule (every step rounded half-up to the cent by ``round_money``):

Per line, prices exclusive of tax (the default)::

    gross    = round(quantity * unit_price)
    discount = round(gross * discount_pct / 100)
    net      = gross - discount
    tax      = round(net * tax_rate)
    total    = net + tax

Per line, prices inclusive of tax (``prices_include_tax=True``), the printed
tax-inclusive amount is kept exactly and split into net and tax::

    amount   = round(quantity * unit_price) - round(round(quantity * unit_price) * pct / 100)
    net      = round(amount / (1 + tax_rate))
    tax      = amount - net
    total    = amount
    gross    = round(round(quantity * unit_price) / (1 + tax_rate)), discount = gross - net

so ``gross``/``discount``/``net`` are always ex-tax figures and, for every line,
``net == gross - discount`` and ``total == net + tax``.

Document totals are sums of the rounded lines (never recomputed from unrounded
values): ``subtotal = Σ gross``, ``discount = Σ discount``, ``tax = Σ tax``,
``total = Σ total = subtotal - discount + tax``. An optional ``document_discount``
(ex-tax yuan, e.g. 抹零 or a negotiated reduction) is first spread over the lines
in proportion to their net (largest remainder, to the cent); each line's net
shrinks by its share and its tax is recomputed as ``round(net * tax_rate)``, so
the VAT base stays correct and the totals remain sums of the lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import KW_ONLY, dataclass, replace
from decimal import Decimal

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, msg
from app.rules.money import CENT, parse_money, round_money
from app.rules.tax import validate_tax_rate
from app.rules.validation import validate_discount_pct, validate_quantity, validate_unit_price

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class LineInput:
    """One quote/order line as entered: quantity, unit price, discount %, VAT rate."""

    quantity: Decimal
    unit_price: Decimal
    _: KW_ONLY
    discount_pct: Decimal = Decimal(0)
    tax_rate: Decimal
    prices_include_tax: bool = False


@dataclass(frozen=True)
class LineTotals:
    """Rounded money of one line: ex-tax gross, discount and net; tax; total incl. tax."""

    gross: Decimal
    discount: Decimal
    net: Decimal
    tax: Decimal
    total: Decimal


@dataclass(frozen=True)
class DocumentTotals:
    """Totals of a quote/order: sums of its rounded lines, plus the tax per VAT rate."""

    subtotal: Decimal
    discount: Decimal
    tax: Decimal
    total: Decimal
    lines: tuple[LineTotals, ...]
    tax_by_rate: dict[Decimal, Decimal]


def line_totals(line: LineInput) -> LineTotals:
    """Totals of one line (see the module docstring); raises ValidationError on bad input."""
    quantity = validate_quantity(line.quantity)
    price = validate_unit_price(line.unit_price)
    pct = validate_discount_pct(line.discount_pct)
    rate = validate_tax_rate(line.tax_rate)
    gross = round_money(quantity * price)
    discount = round_money(gross * pct / 100)
    if not line.prices_include_tax:
        net = gross - discount
        tax = round_money(net * rate)
        return LineTotals(gross, discount, net, tax, net + tax)
    amount = gross - discount
    net = round_money(amount / (1 + rate))
    gross_ex = round_money(gross / (1 + rate))
    return LineTotals(gross_ex, gross_ex - net, net, amount - net, amount)


def document_totals(
    lines: Sequence[LineInput], document_discount: Decimal | int = 0
) -> DocumentTotals:
    """Totals of a document: sums of its rounded lines after spreading ``document_discount``.

    ``document_discount`` is ex-tax yuan with at most 2 decimals, at most the sum of
    the lines' net amounts; ValidationError("discount") otherwise.
    """
    totals = [line_totals(line) for line in lines]
    rates = [validate_tax_rate(line.tax_rate) for line in lines]
    extra = parse_money(document_discount, "discount")
    if extra:
        available = sum((t.net for t in totals), ZERO)
        if extra > available:
            raise ValidationError(
                "discount",
                msg(
                    "validation",
                    QT_TRANSLATE_NOOP(
                        "validation", "The discount cannot exceed the amount before tax."
                    ),
                ),
            )
        shares = allocate(extra, [t.net for t in totals])
        totals = [
            _apply_share(t, share, rate)
            for t, share, rate in zip(totals, shares, rates, strict=True)
        ]
    tax_by_rate: dict[Decimal, Decimal] = {}
    for t, rate in zip(totals, rates, strict=True):
        tax_by_rate[rate] = tax_by_rate.get(rate, ZERO) + t.tax
    return DocumentTotals(
        subtotal=sum((t.gross for t in totals), ZERO),
        discount=sum((t.discount for t in totals), ZERO),
        tax=sum((t.tax for t in totals), ZERO),
        total=sum((t.total for t in totals), ZERO),
        lines=tuple(totals),
        tax_by_rate=tax_by_rate,
    )


def _apply_share(line: LineTotals, share: Decimal, rate: Decimal) -> LineTotals:
    if not share:
        return line
    net = line.net - share
    tax = round_money(net * rate)
    return replace(line, discount=line.discount + share, net=net, tax=tax, total=net + tax)


def allocate(amount: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """Split ``amount`` (2 decimals) over ``weights`` pro rata, to the cent, summing exactly.

    Largest-remainder method; ties go to the earlier weight. All-zero weights get
    nothing unless ``amount`` is zero.
    """
    total_weight = sum(weights, Decimal(0))
    if not weights or total_weight <= 0:
        if amount:
            raise ValueError("cannot allocate a non-zero amount over zero weights")
        return [ZERO for _ in weights]
    cents = int(amount / CENT)
    exact = [Decimal(cents) * w / total_weight for w in weights]
    floors = [int(e) for e in exact]  # weights are >= 0, so int() is floor
    left = cents - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return [Decimal(c) * CENT for c in floors]
