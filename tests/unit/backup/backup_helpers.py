"""Shared helpers for the backup tests: synthetic customers written the rep's way."""

from __future__ import annotations

import random
from typing import Any

from sqlalchemy import func, select

from app.db import transaction
from app.models import Customer, OutboxEntry


def add_customers(ws: Any, n: int, start: int = 0) -> None:
    """Insert ``n`` synthetic customers as local edits (each writes an outbox row)."""
    rng = random.Random(start)
    with transaction(ws.sessions) as s:
        for i in range(start, start + n):
            name = f"测试客户{i:06d}-{rng.randrange(10**6):06d}"
            s.add(
                Customer(
                    code=f"T-{i:07d}", name=name, name_key=name, kind="company", owner="rep_test"
                )
            )


def customer_count(ws: Any) -> int:
    """Customers in the workspace."""
    with ws.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(Customer)) or 0)


def pending_ids(ws: Any) -> list[int]:
    """Outbox ids not yet acknowledged by the server."""
    with ws.sessions() as s:
        return list(
            s.scalars(select(OutboxEntry.id).where(OutboxEntry.acked_at.is_(None)).order_by("id"))
        )
