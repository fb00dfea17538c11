"""Lines of quotes and orders: drafts from the catalog, totals by app.rules.pricing.

A line keeps a snapshot of the product (code, name, spec, unit, VAT rate) so a
later catalog change never rewrites a document already given to a customer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models import Product
from app.rules.pricing import DocumentTotals, LineInput, document_totals, line_totals
from app.rules.validation import validate_discount_pct, validate_quantity, validate_unit_price
from app.services._common import Form, next_local_number


@dataclass(frozen=True)
class LineDraft:
    """A line as entered: product, quantity, price (None: the list price), discount %."""

    product_id: str
    quantity: Decimal | str | int
    unit_price: Decimal | str | None = None
    discount_pct: Decimal | str | int = 0
    is_gift: bool = False


@dataclass(frozen=True)
class LineRow:
    """A stored line with its product snapshot and rounded figures."""

    position: int
    product_id: str | None
    product_code: str
    product_name: str
    spec: str | None
    unit: str
    quantity: Decimal
    unit_price: Decimal
    discount_pct: Decimal
    tax_rate: Decimal
    net_amount: Decimal
    tax_amount: Decimal
    total_amount: Decimal
    is_gift: bool


@dataclass(frozen=True)
class BuiltLines:
    """Validated lines ready to store, their products and the document totals."""

    values: list[dict[str, Any]]
    products: list[Product]
    totals: DocumentTotals


def build_lines(
    s: Session, drafts: tuple[LineDraft, ...] | list[LineDraft], form: Form
) -> BuiltLines | None:
    """Check every line (errors go to ``form``); None when any line is refused."""
    if not drafts:
        form.add("lines", QT_TRANSLATE_NOOP("services", "Add at least one product line."))
        return None
    ids = {d.product_id for d in drafts}
    products = {
        p.id: p
        for p in s.scalars(select(Product).where(Product.id.in_(ids), Product.deleted_at.is_(None)))
    }
    inputs: list[LineInput] = []
    chosen: list[Product] = []
    ok = True
    for draft in drafts:
        product = products.get(draft.product_id)
        if product is None:
            form.add(
                "product", QT_TRANSLATE_NOOP("services", "This product is not in the catalog.")
            )
            ok = False
            continue
        qty = form.check(validate_quantity, draft.quantity)
        price_in = Decimal(0) if draft.is_gift else draft.unit_price
        price = (
            product.list_price if price_in is None else form.check(validate_unit_price, price_in)
        )
        pct = form.check(validate_discount_pct, draft.discount_pct)
        if qty is None or price is None or pct is None:
            ok = False
            continue
        line = LineInput(qty, price, discount_pct=pct, tax_rate=product.tax_rate)
        if form.check(line_totals, line) is None:
            ok = False
            continue
        inputs.append(line)
        chosen.append(product)
    if not ok:
        return None
    totals = document_totals(inputs)
    values = []
    for pos, (draft, line, product, lt) in enumerate(
        zip(drafts, inputs, chosen, totals.lines, strict=True), start=1
    ):
        values.append(
            {
                "position": pos,
                "product_id": product.id,
                "product_code": product.code,
                "product_name": product.name,
                "spec": product.spec,
                "unit": product.unit,
                "quantity": line.quantity,
                "unit_price": line.unit_price,
                "discount_pct": line.discount_pct,
                "tax_rate": product.tax_rate,
                "net_amount": lt.net,
                "tax_amount": lt.tax,
                "total_amount": lt.total,
                "is_gift": draft.is_gift,
            }
        )
    return BuiltLines(values, chosen, totals)


def totals_columns(totals: DocumentTotals) -> dict[str, Decimal]:
    """The stored totals of a document."""
    return {
        "subtotal": totals.subtotal,
        "discount_total": totals.discount,
        "tax_total": totals.tax,
        "grand_total": totals.total,
    }


def line_row(line: Any) -> LineRow:
    """The row of a stored quote or order line."""
    return LineRow(
        line.position,
        line.product_id,
        line.product_code,
        line.product_name,
        line.spec,
        line.unit,
        line.quantity,
        line.unit_price,
        line.discount_pct,
        line.tax_rate,
        line.net_amount,
        line.tax_amount,
        line.total_amount,
        line.is_gift,
    )


def next_number(s: Session, column: Any, prefix: str) -> str:
    """The next local document number ``<prefix>0001`` (never reused, even after a purge)."""
    return next_local_number(s, column, prefix)


def as_of(day: dt.date | None) -> dt.date:
    """The document date (today when not given)."""
    return day or dt.date.today()


def document_query(
    model: Any,
    date_column: Any,
    number_column: Any,
    *,
    customer_id: str | None,
    day: dt.date | None,
    status: str | None,
    limit: int,
) -> Any:
    """Live quotes or orders, newest first, of one customer, date and/or status."""
    stmt = select(model).where(model.deleted_at.is_(None))
    if customer_id:
        stmt = stmt.where(model.customer_id == customer_id)
    if day:
        stmt = stmt.where(date_column == day)
    if status:
        stmt = stmt.where(model.status == status)
    return stmt.order_by(date_column.desc(), number_column.desc()).limit(limit)
