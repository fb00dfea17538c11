"""Receipts and receivables: gap-free numbers, amount in words, voids, statuses."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from app.db import transaction
from app.enums import ReceivableStatus
from app.errors import FormError, StateError, ValidationError
from app.models import AuditEvent, ReceiptBlock, Receivable
from app.outbox import REMOTE
from app.services import receipts, receivables
from app.services.receipts import ReceiptInput
from app.workspace import device_code
from tests.unit.services.conftest import TODAY, add_customer, add_reference, table_counts

D = Decimal


def _bill(ws, cid: str, amount: str = "1000.00", paid: str = "0.00", due: int = 10) -> str:
    return add_reference(
        ws,
        Receivable,
        customer_id=cid,
        document_number="INV-0001",
        issued_on=TODAY - dt.timedelta(days=20),
        due_on=TODAY - dt.timedelta(days=20) + dt.timedelta(days=due),
        amount=D(amount),
        paid_amount=D(paid),
    )


def test_receipt_numbers_are_gap_free_and_amount_in_words(rep) -> None:
    cid = add_customer(rep)
    code = device_code(rep)
    r1 = receipts.issue_receipt(rep, ReceiptInput(cid, "示例付款人", "1,234.56", "cash"))
    r2 = receipts.issue_receipt(rep, ReceiptInput(cid, "示例付款人", D("10"), "wechat"))
    assert (r1.number, r2.number) == (f"R-{code}-000001", f"R-{code}-000002")
    assert r1.amount == D("1234.56") and r1.amount_in_words == "壹仟贰佰叁拾肆元伍角陆分"
    assert r2.amount_in_words == "壹拾元整"
    assert r1.collector == "示例业务员"
    assert receipts.numbers_left(rep) == 998


def test_bad_receipt_changes_nothing_not_even_the_number(rep) -> None:
    cid = add_customer(rep)
    before = table_counts(rep)
    with pytest.raises(FormError) as exc:
        receipts.issue_receipt(rep, ReceiptInput(cid, "", "0", "barter"))
    assert {e.field for e in exc.value.errors} == {"payer", "amount", "method"}
    with pytest.raises(ValidationError) as one:
        receipts.issue_receipt(rep, ReceiptInput(cid, "付款人", "1.234", "cash"))
    assert one.value.field == "amount"
    assert table_counts(rep) == before
    assert receipts.issue_receipt(rep, ReceiptInput(cid, "付款人", "1", "cash")).seq_no == 1


def test_receipt_cannot_exceed_the_open_amount(rep) -> None:
    cid = add_customer(rep)
    bill = _bill(rep, cid, "1000.00", "300.00", due=30)
    receipts.issue_receipt(rep, ReceiptInput(cid, "付款人", "500", "cash", receivable_id=bill))
    with pytest.raises(ValidationError) as exc:
        receipts.issue_receipt(
            rep, ReceiptInput(cid, "付款人", "200.01", "cash", receivable_id=bill)
        )
    assert exc.value.field == "amount"
    other = add_customer(rep, "别家示例公司")
    with pytest.raises(ValidationError) as exc:
        receipts.issue_receipt(rep, ReceiptInput(other, "付款人", "1", "cash", receivable_id=bill))
    assert exc.value.field == "receivable"
    rows = receivables.list_receivables(rep, TODAY, customer_id=cid)
    assert (rows[0].paid, rows[0].open_amount, rows[0].status) == (
        D("800.00"),
        D("200.00"),
        ReceivableStatus.PARTLY_PAID,
    )


def test_void_needs_reason_keeps_number_and_is_audited(rep) -> None:
    cid = add_customer(rep)
    bill = _bill(rep, cid, "100.00")
    r = receipts.issue_receipt(rep, ReceiptInput(cid, "付款人", "100", "cash", receivable_id=bill))
    assert receivables.list_receivables(rep, TODAY)[0].status is ReceivableStatus.PAID
    with pytest.raises(ValidationError) as exc:
        receipts.void_receipt(rep, r.id, " ")
    assert exc.value.field == "reason"
    voided = receipts.void_receipt(rep, r.id, "金额写错")
    assert voided.voided and voided.void_reason == "金额写错"
    with pytest.raises(StateError):
        receipts.void_receipt(rep, r.id, "again")
    assert receivables.list_receivables(rep, TODAY)[0].status is ReceivableStatus.OVERDUE
    nxt = receipts.issue_receipt(rep, ReceiptInput(cid, "付款人", "100", "cash"))
    assert nxt.seq_no == 2  # the voided number stays used
    with rep.sessions() as s:
        assert s.scalar(select(AuditEvent.action).where(AuditEvent.entity_id == r.id)) == "void"
    assert [x.voided for x in receipts.list_receipts(rep)] == [False, True]
    assert receipts.list_receipts(rep, include_voided=False)[0].id == nxt.id
    assert receipts.log_print(rep, r.id) == 1 and receipts.log_print(rep, r.id) == 2


def test_exhausted_receipt_book_asks_to_sync(rep) -> None:
    cid = add_customer(rep)
    with transaction(rep.sessions) as s:
        s.info[REMOTE] = True
        s.execute(update(ReceiptBlock).values(next_no=1001))
    before = table_counts(rep)
    with pytest.raises(StateError) as exc:
        receipts.issue_receipt(rep, ReceiptInput(cid, "付款人", "1", "cash"))
    assert "Sync" in exc.value.text("en")
    assert table_counts(rep) == before


def test_receivable_statuses_and_totals(workspace) -> None:
    a = add_customer(workspace, "甲示例")
    b = add_customer(workspace, "乙示例")
    _bill(workspace, a, "100.00", "0.00", due=30)  # due in the future: unpaid
    _bill(workspace, a, "200.00", "50.00", due=5)  # past due: overdue
    _bill(workspace, b, "300.00", "300.00", due=5)  # paid
    statuses = sorted(r.status.value for r in receivables.list_receivables(workspace, TODAY))
    assert statuses == ["overdue", "paid", "unpaid"]
    overdue = receivables.overdue_receivables(workspace, TODAY)
    assert [(r.open_amount, r.days_overdue) for r in overdue] == [(D("150.00"), 15)]
    totals = receivables.totals_by_customer(workspace, TODAY)
    assert [(t.customer_id, t.open_amount, t.overdue_amount) for t in totals] == [
        (a, D("250.00"), D("150.00")),
        (b, D("0.00"), D("0.00")),
    ]
    assert receivables.receivable_status(D(1), D(0), TODAY, TODAY) is ReceivableStatus.UNPAID
