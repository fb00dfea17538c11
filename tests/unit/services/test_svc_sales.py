"""Quotes and orders: catalog lines, totals, numbers, review warnings, status changes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.errors import StateError, ValidationError
from app.models import Receivable
from app.services import catalog, orders, quotes
from app.services.doc_lines import LineDraft
from app.services.orders import OrderInput
from app.services.quotes import QuoteInput
from app.workspace import device_code
from tests.unit.services.conftest import (
    TODAY,
    add_customer,
    add_product,
    add_reference,
    table_counts,
)

D = Decimal


def test_quote_uses_list_price_and_pricing_rule(workspace) -> None:
    cid = add_customer(workspace)
    p1 = add_product(workspace)
    p2 = add_product(workspace, "P00002", "示例大米", "59.90", None, "0.09")
    q = quotes.create_quote(
        workspace,
        QuoteInput(
            cid,
            (LineDraft(p1, 10), LineDraft(p2, "3", "55.5", "5")),
            quote_date=TODAY,
            lead_time_days=3,
            payment_terms="月结30天",
        ),
    )
    assert q.number == f"Q-{device_code(workspace)}-0001"
    assert q.valid_until == TODAY + dt.timedelta(days=30)
    assert [ln.unit_price for ln in q.lines] == [D("36.00"), D("55.5")]
    # 360.00 + 13% = 406.80; 166.50 - 5% (8.33) = 158.17 + 9% (14.24) = 172.41
    assert [ln.total_amount for ln in q.lines] == [D("406.80"), D("172.41")]
    assert (q.subtotal, q.discount_total, q.tax_total, q.grand_total) == (
        D("526.50"),
        D("8.33"),
        D("61.04"),
        D("579.21"),
    )
    second = quotes.create_quote(workspace, QuoteInput(cid, (LineDraft(p1, 1),)))
    assert second.number.endswith("-0002")


def test_bad_quote_changes_nothing(workspace) -> None:
    cid = add_customer(workspace)
    p1 = add_product(workspace)
    before = table_counts(workspace)
    for data, field in (
        (QuoteInput(cid, ()), "lines"),
        (QuoteInput(cid, (LineDraft(p1, 0),)), "quantity"),
        (QuoteInput(cid, (LineDraft(p1, 1, "-1"),)), "unit_price"),
        (QuoteInput(cid, (LineDraft("nope", 1),)), "product"),
        (QuoteInput(cid, (LineDraft(p1, 1),), lead_time_days=0), "lead_time_days"),
        (
            QuoteInput(
                cid, (LineDraft(p1, 1),), quote_date=TODAY, valid_until=TODAY - dt.timedelta(1)
            ),
            "valid_until",
        ),
    ):
        with pytest.raises(ValidationError) as exc:
            quotes.create_quote(workspace, data)
        assert exc.value.field == field
    assert table_counts(workspace) == before


def test_quote_edit_and_status(workspace) -> None:
    cid = add_customer(workspace)
    p1 = add_product(workspace)
    q = quotes.create_quote(workspace, QuoteInput(cid, (LineDraft(p1, 1),)))
    q = quotes.update_quote(workspace, q.id, QuoteInput(cid, (LineDraft(p1, 2), LineDraft(p1, 1))))
    assert len(q.lines) == 2 and q.lines[0].quantity == 2
    q = quotes.set_quote_status(workspace, q.id, "sent")
    with pytest.raises(StateError):
        quotes.update_quote(workspace, q.id, QuoteInput(cid, (LineDraft(p1, 1),)))
    with pytest.raises(StateError):
        quotes.set_quote_status(workspace, q.id, "nonsense")
    order = orders.quote_to_order(workspace, q.id, TODAY)
    assert order.quote_id == q.id and len(order.lines) == 2
    assert quotes.get_quote(workspace, q.id).status == "accepted"
    assert [x.id for x in quotes.list_quotes(workspace, customer_id=cid)] == [q.id]


def test_order_review_warnings_and_submit(workspace) -> None:
    cid = add_customer(workspace, credit_limit="1000")
    add_reference(
        workspace,
        Receivable,
        customer_id=cid,
        document_number="INV-1",
        issued_on=TODAY,
        due_on=TODAY,
        amount=D("900.00"),
        paid_amount=D("0.00"),
    )
    p1 = add_product(workspace, stock="5")
    o = orders.create_order(
        workspace,
        OrderInput(
            cid,
            (LineDraft(p1, 10, "25.00"),),
            order_date=TODAY,
            delivery_date=TODAY + dt.timedelta(2),
        ),
    )
    assert o.local_number == f"D-{device_code(workspace)}-0001"
    assert {w.kind for w in o.warnings} == {"below_band", "stock_short", "credit_limit"}
    assert "below the minimum" in next(
        w for w in o.warnings if w.kind == "below_band"
    ).message.text("en")
    assert o.status == "draft"
    o = orders.submit_order(workspace, o.id)
    assert o.status == "submitted" and o.submitted_at is not None
    with pytest.raises(StateError):
        orders.submit_order(workspace, o.id)
    with pytest.raises(StateError):
        orders.update_order(workspace, o.id, OrderInput(cid, (LineDraft(p1, 1),)))
    assert orders.withdraw_order(workspace, o.id).status == "draft"
    assert orders.cancel_order(workspace, o.id).status == "cancelled"


def test_order_without_problems_has_no_warnings(workspace) -> None:
    cid = add_customer(workspace)
    p1 = add_product(workspace)
    o = orders.create_order(workspace, OrderInput(cid, (LineDraft(p1, 2),)))
    assert o.warnings == () and o.grand_total == D("81.36")
    o = orders.update_order(workspace, o.id, OrderInput(cid, (LineDraft(p1, 3),)))
    assert len(o.lines) == 1 and o.grand_total == D("122.04")


def test_same_day_delivery_is_refused(workspace) -> None:
    cid = add_customer(workspace)
    p1 = add_product(workspace)
    before = table_counts(workspace)
    with pytest.raises(ValidationError) as exc:
        orders.create_order(
            workspace, OrderInput(cid, (LineDraft(p1, 1),), order_date=TODAY, delivery_date=TODAY)
        )
    assert exc.value.field == "delivery_date"
    assert table_counts(workspace) == before


def test_product_search(workspace) -> None:
    add_product(workspace, "P00001", "示例矿泉水")
    add_product(workspace, "P00002", "示例绿茶")
    assert [p.code for p in catalog.search_products(workspace, "绿茶")] == ["P00002"]
    assert [p.code for p in catalog.search_products(workspace, "p0000")] == ["P00001", "P00002"]
    assert catalog.count_products(workspace) == 2
    assert catalog.categories(workspace) == ["饮料"]
