"""Rows survive the trip to JSON and back exactly (money, instants, dates)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.models import Customer, Receipt
from app.serialize import dict_to_columns, row_to_dict


def test_money_and_instants_round_trip_exactly() -> None:
    issued = dt.datetime(2026, 11, 22, 8, 30, tzinfo=dt.UTC)
    receipt = Receipt(
        id="r1",
        number="R-ABC123-000001",
        seq_no=1,
        customer_id="c1",
        payer="测试商贸",
        amount=Decimal("1234.56"),
        amount_in_words="壹仟贰佰叁拾肆元伍角陆分",
        method="cash",
        issued_at=issued,
        collector="rep01",
    )
    data = row_to_dict(receipt)
    assert data["amount"] == "1234.56"
    back = dict_to_columns(Receipt, data)
    assert back["amount"] == Decimal("1234.56")
    assert isinstance(back["amount"], Decimal)
    assert back["issued_at"] == issued


def test_dates_and_unknown_keys() -> None:
    data = {"birthday": "1990-03-07", "credit_limit": "5000.00", "not_a_column": 1}
    back = dict_to_columns(Customer, data)
    assert back == {"birthday": dt.date(1990, 3, 7), "credit_limit": Decimal("5000.00")}
