"""What the Today page shows, gathered off the GUI thread from the services.

Uses ``app.services.today`` when this build has it; otherwise it lists the same
things from the plans and receivables services and the grade rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from app.models import Customer
from app.rules import grades
from app.services import plans, receivables
from app.services._common import local_date
from app.workspace import Workspace
from ui import sync_bridge


@dataclass(frozen=True)
class FollowUpRow:
    """A customer whose follow-up is due (or overdue) by its grade's cadence."""

    customer_id: str
    code: str
    name: str
    grade: str
    due_on: dt.date
    days_late: int


@dataclass(frozen=True)
class NewCustomerRow:
    """A new customer not yet contacted, near (or past) the 7-day first-contact limit."""

    customer_id: str
    code: str
    name: str
    deadline: dt.date
    days_left: int


@dataclass
class TodayData:
    """Everything on the Today page."""

    day: dt.date
    plan: Any | None
    follow_ups: list[FollowUpRow] = field(default_factory=list)
    new_customers: list[NewCustomerRow] = field(default_factory=list)
    overdue: list[Any] = field(default_factory=list)
    unsynced: int = 0
    last_sync: dt.datetime | None = None


def _follow_ups(ws: Workspace, today: dt.date, limit: int) -> list[FollowUpRow]:
    with ws.sessions() as s:
        rows = s.execute(
            select(
                Customer.id, Customer.code, Customer.name, Customer.grade, Customer.next_follow_up
            )
            .where(
                Customer.deleted_at.is_(None),
                Customer.archived.is_(False),
                Customer.next_follow_up.is_not(None),
                Customer.next_follow_up <= today,
            )
            .order_by(Customer.grade, Customer.next_follow_up)
            .limit(limit)
        ).all()
    return [FollowUpRow(i, c, n, g, d, (today - d).days) for i, c, n, g, d in rows]


def _new_customers(ws: Workspace, today: dt.date, limit: int) -> list[NewCustomerRow]:
    since = dt.datetime.combine(
        today - dt.timedelta(days=grades.FIRST_CONTACT_DAYS + 30), dt.time(), tzinfo=dt.UTC
    )
    out: list[NewCustomerRow] = []
    with ws.sessions() as s:
        rows = s.execute(
            select(Customer.id, Customer.code, Customer.name, Customer.created_at)
            .where(
                Customer.deleted_at.is_(None),
                Customer.archived.is_(False),
                Customer.first_contact_at.is_(None),
                Customer.last_contact_at.is_(None),
                Customer.created_at >= since,
            )
            .order_by(Customer.created_at)
        ).all()
    for cid, code, name, created in rows:
        created_day = local_date(created)
        if grades.is_near_first_contact_limit(created_day, today, contacted=False):
            deadline = grades.first_contact_deadline(created_day)
            out.append(NewCustomerRow(cid, code, name, deadline, (deadline - today).days))
    return out[:limit]


def load_today(ws: Workspace, today: dt.date, limit: int = 200) -> TodayData:
    """Gather the Today page's data (worker thread)."""
    return TodayData(
        day=today,
        plan=plans.get_plan(ws, today),
        follow_ups=_follow_ups(ws, today, limit),
        new_customers=_new_customers(ws, today, limit),
        overdue=receivables.overdue_receivables(ws, today, limit=limit),
        unsynced=sync_bridge.unsynced_count(ws),
        last_sync=sync_bridge.last_sync(ws),
    )
