"""Quotes (报价单) and order drafts (订单草稿) with their lines."""

import datetime as dt
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced, SyncKind


class DocumentLineMixin:
    """Columns shared by quote and order lines: a snapshot of the product plus figures."""

    position: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[str | None] = mapped_column(ForeignKey("product.id"))
    product_code: Mapped[str] = mapped_column(String(40))
    product_name: Mapped[str] = mapped_column(String(200))
    spec: Mapped[str | None] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(16))
    quantity: Mapped[Decimal]
    unit_price: Mapped[Decimal]
    discount_pct: Mapped[Decimal]
    tax_rate: Mapped[Decimal]
    net_amount: Mapped[Decimal]
    tax_amount: Mapped[Decimal]
    total_amount: Mapped[Decimal]
    is_gift: Mapped[bool] = mapped_column(default=False)


class DocumentTotalsMixin:
    """Totals as computed by app.rules.pricing, stored so lists need no recompute."""

    subtotal: Mapped[Decimal]
    discount_total: Mapped[Decimal]
    tax_total: Mapped[Decimal]
    grand_total: Mapped[Decimal]


class Quote(DocumentTotalsMixin, Synced, Base):
    """A quote given to a customer."""

    __tablename__ = "quote"
    __sync_kind__: ClassVar[SyncKind] = "draft"

    number: Mapped[str] = mapped_column(String(40), unique=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customer.id"), index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"))
    status: Mapped[str] = mapped_column(String(16), default="draft")
    quote_date: Mapped[dt.date] = mapped_column(index=True)
    valid_until: Mapped[dt.date]
    prices_as_of: Mapped[dt.date]
    payment_terms: Mapped[str | None] = mapped_column(String(300))
    delivery_terms: Mapped[str | None] = mapped_column(String(300))
    lead_time_days: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)


class QuoteLine(DocumentLineMixin, Synced, Base):
    """A line of a quote."""

    __tablename__ = "quote_line"
    __sync_kind__: ClassVar[SyncKind] = "draft"

    quote_id: Mapped[str] = mapped_column(ForeignKey("quote.id"), index=True)


class OrderDraft(DocumentTotalsMixin, Synced, Base):
    """An order: drafted here, numbered and reviewed by the server."""

    __tablename__ = "order_draft"
    __sync_kind__: ClassVar[SyncKind] = "draft"

    local_number: Mapped[str] = mapped_column(String(40), unique=True)
    server_number: Mapped[str | None] = mapped_column(String(40), index=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customer.id"), index=True)
    quote_id: Mapped[str | None] = mapped_column(ForeignKey("quote.id"))
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    order_date: Mapped[dt.date] = mapped_column(index=True)
    delivery_date: Mapped[dt.date | None]
    delivery_address: Mapped[str | None] = mapped_column(String(300))
    payment_terms: Mapped[str | None] = mapped_column(String(300))
    reject_reason: Mapped[str | None] = mapped_column(Text)
    warnings: Mapped[list[Any] | None]
    submitted_at: Mapped[dt.datetime | None]
    notes: Mapped[str | None] = mapped_column(Text)


class OrderLine(DocumentLineMixin, Synced, Base):
    """A line of an order draft."""

    __tablename__ = "order_line"
    __sync_kind__: ClassVar[SyncKind] = "draft"

    order_id: Mapped[str] = mapped_column(ForeignKey("order_draft.id"), index=True)
