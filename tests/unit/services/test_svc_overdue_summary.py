"""The Today page's overdue receivables: the same ones, count and sum as the full list.

``overdue_summary`` reads only ids and amounts for the count and the sum; it
must agree with ``overdue_receivables`` (which builds every row) on crowded
synthetic data: partly and fully paid, due today and later, deleted
receivables, and this laptop's receipts not yet acknowledged (one voided).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest
from sqlalchemy import update

from app.db import transaction
from app.models import Receivable
from app.services import receipts, receivables
from app.services.receipts import ReceiptInput
from tests.unit.services.conftest import TODAY, add_customer, add_reference

D = Decimal
NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


def _receivables(ws, n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    customers = [add_customer(ws, f"示例商行{i}") for i in range(4)]
    ids = []
    for _ in range(n):
        amount = D(rng.randint(100, 500_000)) / 100
        paid = rng.choice([D("0.00"), amount, amount / 2, amount - D("0.01")]).quantize(D("0.01"))
        ids.append(
            add_reference(
                ws,
                Receivable,
                customer_id=rng.choice(customers),
                document_number=f"INV-{rng.randint(0, 30):04d}",  # shared numbers: order ties
                issued_on=TODAY - dt.timedelta(days=90),
                due_on=TODAY + dt.timedelta(days=rng.randint(-60, 5)),
                amount=amount,
                paid_amount=paid,
            )
        )
    return ids


def _same(ws, cap: int) -> None:
    full = receivables.overdue_receivables(ws, TODAY)
    got = receivables.overdue_summary(ws, TODAY, cap)
    assert got.first == full[:cap]
    assert got.count == len(full)
    assert got.open_amount == sum((r.open_amount for r in full), D("0.00"))


@pytest.mark.parametrize("cap", [0, 1, 7, 100])
def test_the_summary_agrees_with_the_full_list(workspace, cap: int) -> None:
    _receivables(workspace, 80)
    _same(workspace, cap)


def test_local_receipts_and_deleted_receivables_count_as_in_the_full_list(rep) -> None:
    ids = _receivables(rep, 40, seed=5)
    before = receivables.overdue_summary(rep, TODAY, 100)
    assert before.count > 3
    paid_off, partly, voided = before.first[0], before.first[1], before.first[2]
    receipts.issue_receipt(
        rep,
        ReceiptInput(paid_off.customer_id, "示例付款人", paid_off.open_amount, "cash", paid_off.id),
    )
    receipts.issue_receipt(
        rep, ReceiptInput(partly.customer_id, "示例付款人", D("0.01"), "cash", partly.id)
    )
    gone = receipts.issue_receipt(
        rep, ReceiptInput(voided.customer_id, "示例付款人", voided.open_amount, "cash", voided.id)
    )
    receipts.void_receipt(rep, gone.id, "写错金额")
    with transaction(rep.sessions) as s:  # a receivable deleted on the server
        s.execute(update(Receivable).where(Receivable.id == ids[-1]).values(deleted_at=NOW))
    after = receivables.overdue_summary(rep, TODAY, 100)
    assert paid_off.id not in {r.id for r in after.first}
    assert after.open_amount < before.open_amount
    _same(rep, 100)
    _same(rep, 2)


def test_nothing_overdue(workspace) -> None:
    got = receivables.overdue_summary(workspace, TODAY, 100)
    assert (got.first, got.count, got.open_amount) == ([], 0, D("0.00"))
