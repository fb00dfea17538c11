"""Order drafts (订单草稿): numbered ``D-<device>-0001``, reviewed offline, submitted.

Review warnings (price below band, credit limit incl. outstanding receivables,
stock short; app.rules.review) are stored on the order as message sources and
arguments so they can be shown in any language. A warning never blocks saving
or submitting: the server reviews. Status changes follow
``app.enums.ORDER_TRANSITIONS``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.db import transaction
from app.enums import ORDER_TRANSITIONS, OrderStatus, QuoteStatus
from app.errors import StateError
from app.i18n import QT_TRANSLATE_NOOP, Msg, msg
from app.models import Customer, OrderDraft, OrderLine, PriceBand, Product, Quote, QuoteLine, utcnow
from app.rules.review import ReviewLine, review_order
from app.rules.validation import validate_date
from app.services._common import Form, get_live, optional_text
from app.services.doc_lines import (
    BuiltLines,
    LineDraft,
    LineRow,
    as_of,
    build_lines,
    document_query,
    line_row,
    next_number,
    totals_columns,
)
from app.services.receivables import outstanding_for_customer
from app.workspace import Workspace, device_code


@dataclass(frozen=True)
class OrderInput:
    """An order as entered. The delivery date must be after the order date."""

    customer_id: str
    lines: tuple[LineDraft, ...]
    order_date: dt.date | None = None
    delivery_date: dt.date | None = None
    delivery_address: str | None = None
    payment_terms: str | None = None
    notes: str | None = None
    quote_id: str | None = None


@dataclass(frozen=True)
class OrderWarning:
    """A review warning: kind (below_band, credit_limit, stock_short), message, line (0-based)."""

    kind: str
    message: Msg
    line_index: int | None


@dataclass(frozen=True)
class OrderRow:
    """An order with lines, totals and review warnings."""

    id: str
    local_number: str
    server_number: str | None
    customer_id: str
    customer_name: str
    quote_id: str | None
    status: str
    order_date: dt.date
    delivery_date: dt.date | None
    delivery_address: str | None
    payment_terms: str | None
    subtotal: Decimal
    discount_total: Decimal
    tax_total: Decimal
    grand_total: Decimal
    warnings: tuple[OrderWarning, ...]
    submitted_at: dt.datetime | None
    reject_reason: str | None
    notes: str | None
    lines: tuple[LineRow, ...]


def _warnings(stored: list[Any] | None) -> tuple[OrderWarning, ...]:
    out = []
    for w in stored or []:
        message = msg(w.get("context", "review"), w["source"], **(w.get("args") or {}))
        out.append(OrderWarning(w["kind"], message, w.get("line")))
    return tuple(out)


def _row(s: Session, o: OrderDraft) -> OrderRow:
    lines = s.scalars(
        select(OrderLine)
        .where(OrderLine.order_id == o.id, OrderLine.deleted_at.is_(None))
        .order_by(OrderLine.position)
    ).all()
    customer = s.get(Customer, o.customer_id)
    return OrderRow(
        o.id,
        o.local_number,
        o.server_number,
        o.customer_id,
        customer.name if customer else "",
        o.quote_id,
        o.status,
        o.order_date,
        o.delivery_date,
        o.delivery_address,
        o.payment_terms,
        o.subtotal,
        o.discount_total,
        o.tax_total,
        o.grand_total,
        _warnings(o.warnings),
        o.submitted_at,
        o.reject_reason,
        o.notes,
        tuple(line_row(x) for x in lines),
    )


def _band(
    s: Session, product: Product, kind: str, day: dt.date
) -> tuple[Decimal | None, Decimal | None]:
    """(min, max) price for this customer kind on ``day``: a price band, else the product's min."""
    band = s.scalar(
        select(PriceBand)
        .where(
            PriceBand.product_id == product.id,
            PriceBand.deleted_at.is_(None),
            or_(PriceBand.customer_kind.is_(None), PriceBand.customer_kind == kind),
            or_(PriceBand.valid_from.is_(None), PriceBand.valid_from <= day),
            or_(PriceBand.valid_to.is_(None), PriceBand.valid_to >= day),
        )
        .order_by(PriceBand.customer_kind.is_(None))
        .limit(1)
    )
    if band is None:
        return product.min_price, None
    return band.min_price, band.max_price


def review(s: Session, customer: Customer, built: BuiltLines, day: dt.date) -> list[dict[str, Any]]:
    """The offline review of an order, as storable dicts."""
    lines = []
    for value, product in zip(built.values, built.products, strict=True):
        low, high = _band(s, product, customer.kind, day)
        if value["is_gift"]:
            low = high = None
        lines.append(
            ReviewLine(
                product.name,
                value["quantity"],
                value["unit_price"],
                low,
                high,
                product.stock_qty,
                value["total_amount"],
            )
        )
    outstanding = outstanding_for_customer(s, customer.id)
    found = review_order(lines, customer.credit_limit, outstanding)
    return [
        {
            "kind": w.kind,
            "context": w.msg.context,
            "source": w.msg.source,
            "args": {k: str(v) for k, v in w.msg.args.items()},
            "line": w.line_index,
        }
        for w in found
    ]


def _validate(s: Session, data: OrderInput, form: Form) -> tuple[Customer, dict[str, Any]]:
    day = as_of(data.order_date)
    if data.delivery_date is not None:
        form.check(
            validate_date,
            data.delivery_date,
            "delivery_date",
            not_before=day + dt.timedelta(days=1),
        )
    customer = get_live(s, Customer, data.customer_id)
    if data.quote_id:
        quote = s.get(Quote, data.quote_id)
        if quote is None or quote.customer_id != customer.id:
            form.add(
                "quote", QT_TRANSLATE_NOOP("services", "This quote is not one of this customer's.")
            )
    return customer, {
        "customer_id": customer.id,
        "quote_id": data.quote_id or None,
        "order_date": day,
        "delivery_date": data.delivery_date,
        "delivery_address": optional_text(data.delivery_address, 300) or customer.address,
        "payment_terms": optional_text(data.payment_terms, 300),
        "notes": optional_text(data.notes),
    }


def _create(s: Session, prefix: str, data: OrderInput) -> OrderDraft:
    form = Form()
    customer, values = _validate(s, data, form)
    built = build_lines(s, data.lines, form)
    form.raise_if_any()
    assert built is not None
    order = OrderDraft(
        local_number=next_number(s, OrderDraft.local_number, prefix),
        status=OrderStatus.DRAFT.value,
        warnings=review(s, customer, built, values["order_date"]),
        **values,
        **totals_columns(built.totals),
    )
    s.add(order)
    s.flush()
    s.add_all(OrderLine(order_id=order.id, **v) for v in built.values)
    s.flush()
    return order


def create_order(ws: Workspace, data: OrderInput) -> OrderRow:
    """A new order draft with its review warnings."""
    prefix = f"D-{device_code(ws)}-"
    with transaction(ws.sessions) as s:
        return _row(s, _create(s, prefix, data))


def _require_status(order: OrderDraft, *allowed: OrderStatus) -> None:
    if order.status not in {a.value for a in allowed}:
        raise StateError(
            msg("orders", QT_TRANSLATE_NOOP("orders", "Only a draft order can be changed."))
        )


def update_order(ws: Workspace, order_id: str, data: OrderInput) -> OrderRow:
    """Rewrite a draft order (lines replaced, review run again)."""
    with transaction(ws.sessions) as s:
        order = get_live(s, OrderDraft, order_id)
        _require_status(order, OrderStatus.DRAFT)
        form = Form()
        customer, values = _validate(s, data, form)
        built = build_lines(s, data.lines, form)
        form.raise_if_any()
        assert built is not None
        values["warnings"] = review(s, customer, built, values["order_date"])
        for key, value in {**values, **totals_columns(built.totals)}.items():
            setattr(order, key, value)
        now = utcnow()
        for old in s.scalars(select(OrderLine).where(OrderLine.order_id == order.id)):
            if old.deleted_at is None:
                old.deleted_at = now
        s.add_all(OrderLine(order_id=order.id, **v) for v in built.values)
        s.flush()
        return _row(s, order)


def _transition(ws: Workspace, order_id: str, target: OrderStatus) -> OrderRow:
    with transaction(ws.sessions) as s:
        order = get_live(s, OrderDraft, order_id)
        current = OrderStatus(order.status)
        if target not in ORDER_TRANSITIONS[current]:
            raise StateError(
                msg(
                    "orders",
                    QT_TRANSLATE_NOOP("orders", "An order cannot go from {old} to {new}."),
                    old=current.value,
                    new=target.value,
                )
            )
        order.status = target.value
        if target is OrderStatus.SUBMITTED:
            order.submitted_at = utcnow()
        s.flush()
        return _row(s, order)


def submit_order(ws: Workspace, order_id: str) -> OrderRow:
    """Draft → submitted (待同步): the next sync sends it for the server's review."""
    return _transition(ws, order_id, OrderStatus.SUBMITTED)


def withdraw_order(ws: Workspace, order_id: str) -> OrderRow:
    """Submitted → draft again, before the server took it."""
    return _transition(ws, order_id, OrderStatus.DRAFT)


def cancel_order(ws: Workspace, order_id: str) -> OrderRow:
    """Cancel a draft (or a rejected order)."""
    return _transition(ws, order_id, OrderStatus.CANCELLED)


def quote_to_order(ws: Workspace, quote_id: str, order_date: dt.date | None = None) -> OrderRow:
    """An order draft with the quote's lines at the quoted prices; the quote becomes accepted."""
    prefix = f"D-{device_code(ws)}-"
    with transaction(ws.sessions) as s:
        quote = get_live(s, Quote, quote_id)
        if quote.status == QuoteStatus.DECLINED.value:
            raise StateError(
                msg(
                    "quotes",
                    QT_TRANSLATE_NOOP("quotes", "A declined quote cannot become an order."),
                )
            )
        lines = s.scalars(
            select(QuoteLine)
            .where(QuoteLine.quote_id == quote.id, QuoteLine.deleted_at.is_(None))
            .order_by(QuoteLine.position)
        ).all()
        data = OrderInput(
            customer_id=quote.customer_id,
            lines=tuple(
                LineDraft(x.product_id or "", x.quantity, x.unit_price, x.discount_pct, x.is_gift)
                for x in lines
            ),
            order_date=order_date,
            payment_terms=quote.payment_terms,
            quote_id=quote.id,
        )
        order = _create(s, prefix, data)
        if quote.status != QuoteStatus.ACCEPTED.value:
            quote.status = QuoteStatus.ACCEPTED.value
        s.flush()
        return _row(s, order)


def get_order(ws: Workspace, order_id: str) -> OrderRow:
    """One order with lines and warnings."""
    with ws.sessions() as s:
        return _row(s, get_live(s, OrderDraft, order_id))


def list_orders(
    ws: Workspace,
    *,
    customer_id: str | None = None,
    day: dt.date | None = None,
    status: str | None = None,
    limit: int = 500,
) -> list[OrderRow]:
    """Orders, newest first; of one customer, one date and/or one status."""
    stmt = document_query(
        OrderDraft,
        OrderDraft.order_date,
        OrderDraft.local_number,
        customer_id=customer_id,
        day=day,
        status=status,
        limit=limit,
    )
    with ws.sessions() as s:
        return [_row(s, o) for o in s.scalars(stmt)]
