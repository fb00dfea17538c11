"""Receivables, receipts (收款收据), voids and the receipt-number blocks."""

import datetime as dt
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced, SyncKind


class Receivable(Synced, Base):
    """Money a customer owes (from the server's invoices/approved orders)."""

    __tablename__ = "receivable"
    __sync_kind__: ClassVar[SyncKind] = "reference"

    customer_id: Mapped[str] = mapped_column(ForeignKey("customer.id"), index=True)
    order_id: Mapped[str | None] = mapped_column(ForeignKey("order_draft.id"))
    document_number: Mapped[str] = mapped_column(String(40))
    issued_on: Mapped[dt.date]
    due_on: Mapped[dt.date] = mapped_column(index=True)
    amount: Mapped[Decimal]
    paid_amount: Mapped[Decimal]


class ReceiptBlock(Synced, Base):
    """A range of receipt numbers the server allotted to this device (a receipt book)."""

    __tablename__ = "receipt_block"
    __sync_kind__: ClassVar[SyncKind] = "reference"
    __table_args__ = (UniqueConstraint("device_code", "first_no"),)

    device_code: Mapped[str] = mapped_column(String(16))
    first_no: Mapped[int] = mapped_column(Integer)
    last_no: Mapped[int] = mapped_column(Integer)
    next_no: Mapped[int] = mapped_column(Integer)
    provisional: Mapped[bool] = mapped_column(default=False)


class Receipt(Synced, Base):
    """An issued receipt: a fact. Never deleted nor rewritten; voided by a ReceiptVoid."""

    __tablename__ = "receipt"
    __sync_kind__: ClassVar[SyncKind] = "fact"

    number: Mapped[str] = mapped_column(String(40), unique=True)
    seq_no: Mapped[int] = mapped_column(Integer)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customer.id"), index=True)
    payer: Mapped[str] = mapped_column(String(200))
    amount: Mapped[Decimal]
    amount_in_words: Mapped[str] = mapped_column(String(100))
    method: Mapped[str] = mapped_column(String(16))
    receivable_id: Mapped[str | None] = mapped_column(ForeignKey("receivable.id"))
    order_id: Mapped[str | None] = mapped_column(ForeignKey("order_draft.id"))
    settles: Mapped[str | None] = mapped_column(String(300))
    issued_at: Mapped[dt.datetime] = mapped_column(index=True)
    collector: Mapped[str] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)


class ReceiptVoid(Synced, Base):
    """The fact that a receipt was voided, with the reason. Its number stays used."""

    __tablename__ = "receipt_void"
    __sync_kind__: ClassVar[SyncKind] = "fact"

    receipt_id: Mapped[str] = mapped_column(ForeignKey("receipt.id"), unique=True)
    reason: Mapped[str] = mapped_column(Text)
    voided_at: Mapped[dt.datetime]
    voided_by: Mapped[str] = mapped_column(String(100))
