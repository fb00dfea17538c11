"""Endpoints for managers, reviewers and finance: review, reassign, blocks, activity."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy import select

from sync.protocol import (
    API_PREFIX,
    AllotRequest,
    BlockInfo,
    ReassignRequest,
    ReviewRequest,
    SyncActivity,
)
from sync.server import admin, orders, receipts
from sync.server.app import Caller, get_db, require_role
from sync.server.db import Database
from sync.server.models import Record

router = APIRouter(prefix=f"{API_PREFIX}/admin")
REVIEWERS = require_role("manager", "reviewer")
MANAGERS = require_role("manager")
MONEY = require_role("manager", "finance")


@router.get("/orders")
def list_orders(
    status: str = Query(default="pending_review", max_length=20),
    who: Caller = Depends(REVIEWERS),
    db: Database = Depends(get_db),
) -> list[dict[str, Any]]:
    """Orders in a status (default: waiting for review), newest first."""
    with db.read() as session:
        rows = session.scalars(select(Record).where(Record.entity == "order_draft")).all()
        found = [r.data | {"rep": r.owner} for r in rows if r.data.get("status") == status]
    return sorted(found, key=lambda d: str(d.get("updated_at")), reverse=True)


@router.post("/orders/{order_id}/review")
def review_order(
    order_id: str,
    req: ReviewRequest,
    who: Caller = Depends(REVIEWERS),
    db: Database = Depends(get_db),
) -> dict[str, Any]:
    """Approve (official number, receivable) or reject (reason back to the rep)."""
    with db.write() as session:
        record = orders.review(session, order_id, req.decision == "approve", req.reason)
        return dict(record.data)


@router.post("/customers/{customer_id}/reassign")
def reassign(
    customer_id: str,
    req: ReassignRequest,
    who: Caller = Depends(MANAGERS),
    db: Database = Depends(get_db),
) -> dict[str, Any]:
    """Give a customer to another rep; the old rep's laptops purge it."""
    with db.write() as session:
        moved = admin.reassign(session, customer_id, req.to_username)
    return {"moved": moved}


@router.post("/receipt-blocks", response_model=BlockInfo)
def allot(
    req: AllotRequest, who: Caller = Depends(MONEY), db: Database = Depends(get_db)
) -> BlockInfo:
    """Allot the next block of receipt numbers to a device."""
    with db.write() as session:
        record = receipts.allot(session, req.device_code, req.size)
        return BlockInfo(
            id=record.id,
            device_code=req.device_code,
            first_no=int(record.data["first_no"]),
            last_no=int(record.data["last_no"]),
        )


@router.get("/activity", response_model=list[SyncActivity])
def activity(
    day: dt.date | None = None, who: Caller = Depends(MANAGERS), db: Database = Depends(get_db)
) -> list[SyncActivity]:
    """What each rep synced on a day (default today, UTC)."""
    with db.read() as session:
        return admin.activity(session, day or dt.datetime.now(dt.UTC).date())
