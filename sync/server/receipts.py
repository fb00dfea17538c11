"""Receipt-number blocks (receipt books) and the server's check of pushed receipts.

Numbers are per device code: a device's blocks never overlap because each is
cut from the device's ``next_receipt_no`` while its rep's lock is held. The block
a new workspace makes for itself (1..1000, provisional) is confirmed when the
device first logs in: the code is new, so that range is free by construction.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import WaiqinError
from app.models import new_id
from app.rules.capital import amount_in_words
from sync.protocol import REJ_FACT, REJ_INVALID, REJ_NUMBER, BlockInfo
from sync.server.db import lock_admin, lock_users
from sync.server.entities import new_row
from sync.server.errors import ApiError, Rejected
from sync.server.models import Device, ReceiptNumber, Record, User
from sync.server.records import put, utcnow

MAX_PROVISIONAL = 100_000


def blocks_of(session: Session, device_code: str) -> list[Record]:
    """Every block allotted to a device code."""
    rows = session.scalars(select(Record).where(Record.entity == "receipt_block")).all()
    return [r for r in rows if r.data.get("device_code") == device_code]


def _block(session: Session, owner: str, block_id: str, code: str, first: int, last: int) -> Record:
    now = utcnow()
    data = new_row(
        "receipt_block",
        block_id,
        now,
        device_code=code,
        first_no=first,
        last_no=last,
        next_no=first,
        provisional=False,
    )
    return put(session, "receipt_block", block_id, data, owner=owner, author=None)


def confirm_provisional(session: Session, user: User, device: Device, block: BlockInfo) -> None:
    """Accept the block a new workspace made for itself, if the device has none yet."""
    if block.device_code != device.code or block.first_no != 1:
        raise ApiError(400, "bad_request", "the provisional receipt block is not valid")
    if block.last_no > MAX_PROVISIONAL or block.last_no < block.first_no:
        raise ApiError(400, "bad_request", "the provisional receipt block is too large")
    if device.next_receipt_no != 1 or session.get(Record, ("receipt_block", block.id)) is not None:
        return
    _block(session, user.username, block.id, device.code, 1, block.last_no)
    device.next_receipt_no = block.last_no + 1


def allot(session: Session, device_code: str, size: int) -> Record:
    """Allot the next ``size`` numbers to a device (a new receipt book)."""
    lock_admin(session)
    device = session.scalar(select(Device).where(Device.code == device_code))
    if device is None:
        raise ApiError(404, "not_found", f"no device with code {device_code}")
    user = session.get(User, device.user_id)
    assert user is not None
    lock_users(session, [user.username])
    session.refresh(device, with_for_update=True)
    first = device.next_receipt_no
    record = _block(session, user.username, new_id(), device.code, first, first + size - 1)
    device.next_receipt_no = first + size
    return record


def check_receipt(session: Session, device: Device, data: dict[str, Any]) -> None:
    """A pushed receipt: number from this device's blocks, unused, amount words agree."""
    seq = data.get("seq_no")
    number = str(data.get("number"))
    if not isinstance(seq, int) or device.code not in number:
        raise Rejected(REJ_NUMBER, f"receipt number {number} is not one of this laptop's")
    if not any(
        int(b.data["first_no"]) <= seq <= int(b.data["last_no"])
        for b in blocks_of(session, device.code)
    ):
        raise Rejected(REJ_NUMBER, f"receipt number {number} is outside the allotted blocks")
    if session.get(ReceiptNumber, number) or session.scalar(
        select(ReceiptNumber).where(
            ReceiptNumber.device_code == device.code, ReceiptNumber.seq_no == seq
        )
    ):
        raise Rejected(REJ_NUMBER, f"receipt number {number} is already used")
    try:
        amount = Decimal(str(data.get("amount")))
        words = amount_in_words(amount)
    except (InvalidOperation, ValueError, ArithmeticError, WaiqinError) as exc:
        raise Rejected(REJ_INVALID, "the receipt amount is not valid") from exc
    if amount <= 0:
        raise Rejected(REJ_INVALID, "the receipt amount must be positive")
    if words != data.get("amount_in_words"):
        raise Rejected(REJ_INVALID, "the amount in words does not match the amount")
    session.add(
        ReceiptNumber(number=number, device_code=device.code, seq_no=seq, receipt_id=data["id"])
    )
    session.flush()


def check_void(session: Session, data: dict[str, Any], customer_id: str | None) -> None:
    """A receipt is voided once: a second void (made offline on another laptop) is refused."""
    rows = session.scalars(
        select(Record).where(Record.entity == "receipt_void", Record.customer_id == customer_id)
    ).all()
    if any(r.data.get("receipt_id") == data.get("receipt_id") for r in rows):
        raise Rejected(REJ_FACT, "this receipt was already voided on another device")
