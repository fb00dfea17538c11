"""Synthetic demo data: deterministic, valid by the rules, not in the outbox."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import StateError
from app.models import Customer, OutboxEntry, Product, Receipt, ReceiptBlock
from app.rules.capital import amount_in_words
from app.rules.grades import check_grade_close
from app.rules.pinyin import pinyin_keys
from app.rules.validation import validate_credit_code, validate_mobile
from app.seed import seed
from app.services import receipts, today
from app.workspace import create_workspace
from tests.conftest import TEST_PASSPHRASE

DAY = dt.date(2026, 11, 23)


def _snapshot(ws) -> list[tuple]:
    with ws.sessions() as s:
        customers = s.execute(
            select(Customer.code, Customer.name, Customer.phone, Customer.credit_code).order_by(
                Customer.code
            )
        ).all()
        products = s.execute(select(Product.code, Product.name, Product.list_price)).all()
        money = s.execute(select(Receipt.seq_no, Receipt.amount).order_by(Receipt.seq_no)).all()
    return [tuple(r) for r in customers + products + money]


def test_same_seed_same_data_and_different_seed_differs(workspace, tmp_path: Path) -> None:
    result = seed(workspace, customers=300, products=40, seed=7, today=DAY)
    assert result.counts["customer"] == 300 and result.counts["product"] == 40
    other = create_workspace(tmp_path / "other", TEST_PASSPHRASE)
    third = create_workspace(tmp_path / "third", TEST_PASSPHRASE)
    try:
        seed(other, customers=300, products=40, seed=7, today=DAY)
        seed(third, customers=300, products=40, seed=8, today=DAY)
        first = _snapshot(workspace)
        assert first == _snapshot(other)
        assert first != _snapshot(third)
    finally:
        other.close()
        third.close()


def test_seeded_data_obeys_the_rules_and_fills_no_outbox(workspace) -> None:
    seed(workspace, customers=1500, products=30, seed=1, today=DAY)
    with workspace.sessions() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0
        for c in s.scalars(select(Customer)):
            validate_mobile(c.phone)
            assert c.phone[3:7] == "0000"  # synthetic-looking range
            if c.credit_code:
                validate_credit_code(c.credit_code)
            check_grade_close(c.grade, DAY, c.expected_close)
            assert c.archived == (c.grade == "E")
            assert (c.pinyin_initials, c.pinyin_full) == pinyin_keys(c.name)
        for r in s.scalars(select(Receipt)):
            assert r.amount_in_words == amount_in_words(r.amount)
        block = s.scalar(select(ReceiptBlock))
        used = s.scalar(select(func.max(Receipt.seq_no)))
    assert block.next_no == used + 1
    summary = today.today_summary(workspace, DAY)
    assert len(summary.stops) == 8 and summary.last_sync_at is not None
    nxt = receipts.numbers_left(workspace)
    assert nxt == 1000 - used


def test_seed_refuses_a_workspace_with_customers(workspace) -> None:
    seed(workspace, customers=5, products=5, seed=1, today=DAY)
    with pytest.raises(StateError):
        seed(workspace, customers=5, products=5, seed=1, today=DAY)


def test_empty_seed(workspace) -> None:
    result = seed(workspace, customers=0, products=0, seed=1, today=DAY)
    assert result.counts["customer"] == 0
