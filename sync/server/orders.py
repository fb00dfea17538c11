"""Orders on the server: what a rep may change, the shared-rules check on submission,
and review (approve with an official number and a receivable, or reject with a reason).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import WaiqinError
from app.models import new_id
from app.rules.pricing import LineInput, document_totals, line_totals
from sync.protocol import REJ_INVALID, REJ_STATE, PushResult
from sync.server.db import lock_admin, lock_users, next_counter
from sync.server.entities import new_row
from sync.server.errors import ApiError, Rejected
from sync.server.models import Record
from sync.server.records import put, utcnow

if TYPE_CHECKING:
    from sync.server.push import Batch

REP_STATUSES = frozenset({"draft", "submitted", "cancelled"})
EDITABLE = frozenset({"draft", "submitted", "rejected"})
PAYMENT_DAYS = 30


def check_insert(batch: Batch, entity: str, data: dict[str, Any], no: int) -> None:
    """A new order comes as draft or submitted; a new line needs an editable order."""
    if entity == "order_draft":
        if data.get("status") not in REP_STATUSES:
            raise Rejected(REJ_STATE, "a new order can only be a draft or submitted")
        data["server_number"] = None
        data["reject_reason"] = None
        if data["status"] == "submitted":
            batch.submitted[data["id"]] = no
    else:
        order, _ = batch.lookup("order_draft", data.get("order_id"))
        _check_editable(order)


def check_update(
    batch: Batch, entity: str, record: Record, payload: dict[str, Any], changed: list[str], no: int
) -> None:
    """Refuse changes to an order the server has taken over (under review or later)."""
    if entity == "order_line":
        order, _ = batch.lookup("order_draft", record.data.get("order_id"))
        _check_editable(order)
        return
    _check_editable(record.data)
    if "status" in changed and payload.get("status") != record.data.get("status"):
        if payload.get("status") not in REP_STATUSES:
            raise Rejected(REJ_STATE, "only the server approves or rejects orders")
        if payload["status"] == "submitted":
            batch.submitted[record.id] = no


def _check_editable(order: dict[str, Any]) -> None:
    if order.get("status") not in EDITABLE:
        raise Rejected(
            REJ_STATE,
            f"order {order.get('local_number')} is already {order.get('status')} on the server "
            "and can no longer be changed",
        )


def after_batch(batch: Batch) -> None:
    """Check every order submitted in this batch with the shared pricing rules.

    A valid order moves to pending_review; an invalid one is rejected with the
    reason (its record says so too, so the laptop shows it like a review).
    """
    for order_id, no in batch.submitted.items():
        record = batch.session.get(Record, ("order_draft", order_id))
        result = batch.results.get(no)
        if record is None or result is None or result.outcome == "rejected":
            continue
        if record.data.get("status") != "submitted":
            continue
        problem = validate_order(batch.session, record)
        data = dict(record.data)
        if problem is None:
            data.update(status="pending_review", reject_reason=None)
            put(batch.session, "order_draft", order_id, data)
            continue
        data.update(status="rejected", reject_reason=problem)
        put(batch.session, "order_draft", order_id, data)
        batch.results[no] = PushResult(no=no, outcome="rejected", code=REJ_INVALID, reason=problem)


def order_lines(session: Session, order: Record) -> list[dict[str, Any]]:
    """The live lines of an order, by position."""
    rows = session.scalars(
        select(Record).where(Record.entity == "order_line", Record.customer_id == order.customer_id)
    ).all()
    order_id = order.id
    lines = [
        r.data
        for r in rows
        if r.data.get("order_id") == order_id and r.data.get("deleted_at") is None
    ]
    return sorted(lines, key=lambda d: int(d.get("position") or 0))


def validate_order(session: Session, record: Record) -> str | None:
    """None when lines and totals agree with app.rules.pricing; else the reason."""
    lines = order_lines(session, record)
    if not lines:
        return "the order has no lines"
    try:
        inputs = [
            LineInput(
                Decimal(line["quantity"]),
                Decimal(line["unit_price"]),
                discount_pct=Decimal(line["discount_pct"]),
                tax_rate=Decimal(line["tax_rate"]),
            )
            for line in lines
        ]
        plain_net = sum((line_totals(i).net for i in inputs), Decimal(0))
        stored_net = sum((Decimal(line["net_amount"]) for line in lines), Decimal(0))
        totals = document_totals(inputs, plain_net - stored_net)
    except WaiqinError as exc:
        return exc.text("en")
    except (ArithmeticError, KeyError, TypeError, ValueError):
        return "the order's figures are not valid numbers"
    for line, got in zip(lines, totals.lines, strict=True):
        stored = (line["net_amount"], line["tax_amount"], line["total_amount"])
        if tuple(Decimal(x) for x in stored) != (got.net, got.tax, got.total):
            return f"line {line.get('position')}: amounts do not match the price rules"
    data = record.data
    expected = (totals.subtotal, totals.discount, totals.tax, totals.total)
    fields = ("subtotal", "discount_total", "tax_total", "grand_total")
    if tuple(Decimal(str(data.get(f))) for f in fields) != expected:
        return "the order totals do not match its lines"
    return None


def review(session: Session, order_id: str, approve: bool, reason: str | None) -> Record:
    """Approve (official number + receivable) or reject (with reason) an order under review.

    Locks the rep (no push of theirs changes the order meanwhile), then reads it afresh.
    """
    lock_admin(session)
    record = session.get(Record, ("order_draft", order_id))
    if record is None:
        raise ApiError(404, "not_found", "no such order")
    lock_users(session, [record.owner or ""])
    session.refresh(record)
    if record.data.get("status") != "pending_review":
        raise ApiError(
            409, "conflict", f"the order is {record.data.get('status')}, not under review"
        )
    data = dict(record.data)
    now = utcnow()
    data["updated_at"] = now.isoformat()
    if not approve:
        if not reason or not reason.strip():
            raise ApiError(422, "bad_request", "a rejection needs a reason")
        data.update(status="rejected", reject_reason=reason.strip())
        return put(session, "order_draft", order_id, data)
    year = now.year
    number = f"SO{year}-{next_counter(session, f'order:{year}'):06d}"
    data.update(status="approved", server_number=number, reject_reason=None)
    put(session, "order_draft", order_id, data)
    today = now.date()
    receivable = new_row(
        "receivable",
        new_id(),
        now,
        customer_id=data["customer_id"],
        order_id=order_id,
        document_number=number,
        issued_on=today.isoformat(),
        due_on=(today + dt.timedelta(days=PAYMENT_DAYS)).isoformat(),
        amount=str(data["grand_total"]),
        paid_amount="0.00",
    )
    put(
        session,
        "receivable",
        receivable["id"],
        receivable,
        owner=record.owner,
        author=None,
        customer_id=record.customer_id,
    )
    return record
