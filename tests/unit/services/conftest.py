"""Helpers for service tests: synthetic catalog rows and a snapshot of table counts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, insert, select

from app.db import transaction
from app.models import Base, Customer, Product, RepProfile, new_id
from app.outbox import REMOTE
from app.services.customers import CustomerInput, create_customer

TODAY = dt.date(2026, 11, 23)  # a Monday


def table_counts(ws: Any) -> dict[str, int]:
    """Row count of every table (the outbox included): equal snapshots mean nothing changed."""
    with ws.sessions() as s:
        return {
            t.name: int(s.scalar(select(func.count()).select_from(t)) or 0)
            for t in Base.metadata.sorted_tables
        }


def add_reference(ws: Any, model: type[Any], **values: Any) -> str:
    """Insert a reference row as if pulled from the server (no outbox row); returns its id."""
    values.setdefault("id", new_id())
    with transaction(ws.sessions) as s:
        s.info[REMOTE] = True
        s.execute(insert(model), [values])
    return str(values["id"])


def add_product(
    ws: Any,
    code: str = "P00001",
    name: str = "示例矿泉水",
    price: str = "36.00",
    min_price: str | None = "30.00",
    tax: str = "0.13",
    stock: str | None = "100",
) -> str:
    """A catalog product (reference data)."""
    return add_reference(
        ws,
        Product,
        code=code,
        name=name,
        spec="550ml×24瓶",
        unit="箱",
        category="饮料",
        list_price=Decimal(price),
        min_price=Decimal(min_price) if min_price else None,
        tax_rate=Decimal(tax),
        stock_qty=Decimal(stock) if stock is not None else None,
        active=True,
        pinyin_initials="",
        pinyin_full="",
    )


def add_customer(
    ws: Any, name: str = "星河示例商贸有限公司", today: dt.date = TODAY, **kw: Any
) -> str:
    """A customer created through the service (grades checked against ``today``)."""
    return create_customer(ws, CustomerInput(name=name, **kw), today=today).customer.id


@pytest.fixture
def rep(workspace: Any) -> Any:
    """The workspace with a rep profile (as after the first sync)."""
    add_reference(
        workspace, RepProfile, username="rep01", display_name="示例业务员", territory="城东片区"
    )
    return workspace


def customer_count(ws: Any) -> int:
    """How many customers exist."""
    with ws.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(Customer)) or 0)
