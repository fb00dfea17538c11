"""Receipts (收款收据): issue with a gap-free number, void with a reason, list.

Numbers come from the receipt book (ReceiptBlock) the server allotted to this
laptop: ``R-<device_code>-000123``. The next number is taken and the book
advanced in the same transaction as the receipt, so a number is never skipped
nor used twice. A receipt is a fact: never deleted, only voided (its number
stays used).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.db import transaction
from app.enums import PaymentMethod
from app.errors import StateError
from app.i18n import QT_TRANSLATE_NOOP, msg
from app.models import (
    AuditEvent,
    Customer,
    OrderDraft,
    Receipt,
    ReceiptBlock,
    ReceiptVoid,
    Receivable,
    utcnow,
)
from app.rules.capital import amount_in_words
from app.rules.money import format_money, parse_money
from app.rules.validation import validate_name
from app.services import audit
from app.services._common import Form, get_live, invalid, optional_text, rep_identity, within_day
from app.services.receivables import open_amount
from app.workspace import Workspace, device_code

NUMBER_DIGITS = 6


@dataclass(frozen=True)
class ReceiptInput:
    """A collection to write a receipt for. ``amount`` as typed ("1,234.50") or a Decimal."""

    customer_id: str
    payer: str
    amount: Decimal | str
    method: str
    receivable_id: str | None = None
    order_id: str | None = None
    settles: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class ReceiptRow:
    """An issued receipt as lists and the printed receipt need it."""

    id: str
    number: str
    seq_no: int
    customer_id: str
    customer_name: str
    payer: str
    amount: Decimal
    amount_in_words: str
    method: str
    receivable_id: str | None
    order_id: str | None
    settles: str | None
    issued_at: dt.datetime
    collector: str
    note: str | None
    voided: bool
    void_reason: str | None
    voided_at: dt.datetime | None


def format_receipt_number(code: str, seq_no: int) -> str:
    """``R-<device_code>-000123``."""
    return f"R-{code}-{seq_no:0{NUMBER_DIGITS}d}"


def _row(r: Receipt, customer_name: str, void: ReceiptVoid | None) -> ReceiptRow:
    return ReceiptRow(
        r.id,
        r.number,
        r.seq_no,
        r.customer_id,
        customer_name,
        r.payer,
        r.amount,
        r.amount_in_words,
        r.method,
        r.receivable_id,
        r.order_id,
        r.settles,
        r.issued_at,
        r.collector,
        r.note,
        void is not None,
        void.reason if void else None,
        void.voided_at if void else None,
    )


def _take_number(s: Session, code: str) -> int:
    """Take the next number of this device's receipt book and advance it (same transaction)."""
    while True:
        block = s.scalar(
            select(ReceiptBlock)
            .where(
                ReceiptBlock.device_code == code,
                ReceiptBlock.deleted_at.is_(None),
                ReceiptBlock.next_no <= ReceiptBlock.last_no,
            )
            .order_by(ReceiptBlock.first_no)
            .limit(1)
        )
        if block is None:
            raise StateError(
                msg(
                    "receipts",
                    QT_TRANSLATE_NOOP(
                        "receipts",
                        "No receipt numbers are left on this laptop. Sync with the server "
                        "to receive a new receipt book.",
                    ),
                )
            )
        number = block.next_no
        done = s.execute(
            update(ReceiptBlock)
            .where(ReceiptBlock.id == block.id, ReceiptBlock.next_no == number)
            .values(next_no=number + 1)
            .execution_options(synchronize_session=False)
        )
        s.expire(block)
        if done.rowcount == 1:  # type: ignore[attr-defined]
            return number


def issue_receipt(ws: Workspace, data: ReceiptInput) -> ReceiptRow:
    """Write a receipt: validates, takes the next number, stores the amount in capitals."""
    form = Form()
    payer = form.check(validate_name, data.payer, "payer")
    amount = form.check(parse_money, data.amount, "amount")
    if amount is not None and amount <= 0:
        form.add("amount", QT_TRANSLATE_NOOP("services", "The amount must be more than 0."))
        amount = None
    if data.method not in set(PaymentMethod):
        form.add("method", QT_TRANSLATE_NOOP("services", "Choose how the money was paid."))
    code = device_code(ws)
    with transaction(ws.sessions) as s:
        customer = get_live(s, Customer, data.customer_id)
        if data.receivable_id:
            receivable = s.get(Receivable, data.receivable_id)
            if receivable is None or receivable.customer_id != customer.id:
                form.add(
                    "receivable",
                    QT_TRANSLATE_NOOP("services", "This bill is not one of this customer's."),
                )
            elif amount is not None:
                left = open_amount(s, receivable)
                if amount > left:
                    form.add(
                        "amount",
                        QT_TRANSLATE_NOOP(
                            "services", "The amount is more than the {open} still open on the bill."
                        ),
                        open=format_money(left),
                    )
        if data.order_id:
            order = s.get(OrderDraft, data.order_id)
            if order is None or order.customer_id != customer.id:
                form.add(
                    "order",
                    QT_TRANSLATE_NOOP("services", "This order is not one of this customer's."),
                )
        form.raise_if_any()
        assert payer is not None and amount is not None
        words = amount_in_words(amount)
        seq = _take_number(s, code)
        _, collector = rep_identity(s)
        receipt = Receipt(
            number=format_receipt_number(code, seq),
            seq_no=seq,
            customer_id=customer.id,
            payer=payer,
            amount=amount,
            amount_in_words=words,
            method=data.method,
            receivable_id=data.receivable_id or None,
            order_id=data.order_id or None,
            settles=optional_text(data.settles, 300),
            issued_at=utcnow(),
            collector=collector or rep_identity(s)[0],
            note=optional_text(data.note),
        )
        if amount_in_words(receipt.amount) != receipt.amount_in_words:  # pragma: no cover
            raise AssertionError("amount and amount in words disagree")
        s.add(receipt)
        s.flush()
        return _row(receipt, customer.name, None)


def void_receipt(ws: Workspace, receipt_id: str, reason: str) -> ReceiptRow:
    """Void a receipt with a reason (a ReceiptVoid fact); its number stays used."""
    text = optional_text(reason)
    if text is None:
        raise invalid(
            "reason", QT_TRANSLATE_NOOP("services", "Give the reason for voiding the receipt.")
        )
    with transaction(ws.sessions) as s:
        receipt = get_live(s, Receipt, receipt_id)
        if s.scalar(select(ReceiptVoid).where(ReceiptVoid.receipt_id == receipt.id)):
            raise StateError(
                msg("receipts", QT_TRANSLATE_NOOP("receipts", "This receipt is already voided."))
            )
        username, display = rep_identity(s)
        void = ReceiptVoid(
            receipt_id=receipt.id, reason=text, voided_at=utcnow(), voided_by=display or username
        )
        s.add(void)
        audit.record(s, "void", "receipt", receipt.id)
        s.flush()
        name = s.get(Customer, receipt.customer_id)
        return _row(receipt, name.name if name else "", void)


def get_receipt(ws: Workspace, receipt_id: str) -> ReceiptRow:
    """One receipt with its void state."""
    with ws.sessions() as s:
        receipt = get_live(s, Receipt, receipt_id)
        void = s.scalar(select(ReceiptVoid).where(ReceiptVoid.receipt_id == receipt.id))
        customer = s.get(Customer, receipt.customer_id)
        return _row(receipt, customer.name if customer else "", void)


def list_receipts(
    ws: Workspace,
    *,
    day: dt.date | None = None,
    customer_id: str | None = None,
    include_voided: bool = True,
    limit: int = 500,
    offset: int = 0,
) -> list[ReceiptRow]:
    """Receipts, newest number first; of one local day and/or one customer."""
    q = (
        select(Receipt, Customer.name, ReceiptVoid)
        .join(Customer, Customer.id == Receipt.customer_id)
        .outerjoin(ReceiptVoid, ReceiptVoid.receipt_id == Receipt.id)
        .where(Receipt.deleted_at.is_(None))
        .order_by(Receipt.issued_at.desc(), Receipt.number.desc())
    )
    if day is not None:
        q = q.where(within_day(Receipt.issued_at, day))
    if customer_id:
        q = q.where(Receipt.customer_id == customer_id)
    if not include_voided:
        q = q.where(ReceiptVoid.id.is_(None))
    with ws.sessions() as s:
        return [_row(r, n, v) for r, n, v in s.execute(q.limit(limit).offset(offset))]


def numbers_left(ws: Workspace) -> int:
    """How many receipt numbers remain in this laptop's receipt books."""
    code = device_code(ws)
    with ws.sessions() as s:
        left = s.scalar(
            select(func.sum(ReceiptBlock.last_no - ReceiptBlock.next_no + 1)).where(
                ReceiptBlock.device_code == code,
                ReceiptBlock.deleted_at.is_(None),
                ReceiptBlock.next_no <= ReceiptBlock.last_no,
            )
        )
    return int(left or 0)


def log_print(ws: Workspace, receipt_id: str, copies: int = 3) -> int:
    """Log a print of a receipt (a reprint after the first); returns the print count."""
    with transaction(ws.sessions) as s:
        receipt = get_live(s, Receipt, receipt_id)
        before = s.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(
                AuditEvent.entity == "receipt",
                AuditEvent.entity_id == receipt.id,
                AuditEvent.action.in_(("print", "reprint")),
            )
        )
        count = int(before or 0) + 1
        audit.record(
            s, "print" if count == 1 else "reprint", "receipt", receipt.id, {"copies": copies}
        )
        return count
