"""What the Today page shows: the plan, follow-ups due, new customers, money, sync state.

Follow-ups come from two places: the customer's ``next_follow_up`` (kept at the
grade's cadence by the customer and visit services, app.rules.grades) and open
FollowUpTasks (a date the rep promised at a visit). Lists are capped; the
counts are complete.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import case, func, select

from app.models import Customer, FollowUpTask, OutboxEntry
from app.rules.grades import first_contact_deadline, is_near_first_contact_limit
from app.services._common import local_tz
from app.services.plans import StopRow, get_plan
from app.services.receivables import ReceivableRow, overdue_summary
from app.workspace import Workspace

LIST_CAP = 100
FIRST_CONTACT_WARN_DAYS = 2


@dataclass(frozen=True)
class FollowUpRow:
    """A customer to follow up: when it was due, why, how many days overdue."""

    customer_id: str
    customer_name: str
    grade: str
    due_on: dt.date
    reason: str | None
    task_id: str | None
    days_overdue: int


@dataclass(frozen=True)
class NewCustomerRow:
    """A new customer not yet contacted, near (or past) the 7-day first-contact limit."""

    customer_id: str
    customer_name: str
    created_on: dt.date
    deadline: dt.date
    days_left: int


@dataclass(frozen=True)
class TodaySummary:
    """Everything on the Today page."""

    day: dt.date
    stops: tuple[StopRow, ...]
    follow_ups: tuple[FollowUpRow, ...]
    follow_ups_due_count: int
    follow_ups_overdue_count: int
    new_customers: tuple[NewCustomerRow, ...]
    overdue_receivables: tuple[ReceivableRow, ...]
    overdue_count: int
    overdue_amount: Decimal
    unsynced_count: int
    last_sync_at: dt.datetime | None


def _follow_ups(ws: Workspace, today: dt.date) -> tuple[list[FollowUpRow], int, int]:
    rows: dict[str, FollowUpRow] = {}
    with ws.sessions() as s:
        tasks = s.execute(
            select(FollowUpTask, Customer.name, Customer.grade)
            .join(Customer, Customer.id == FollowUpTask.customer_id)
            .where(
                FollowUpTask.due_on <= today,
                FollowUpTask.done_at.is_(None),
                FollowUpTask.deleted_at.is_(None),
                Customer.archived.is_(False),
                Customer.deleted_at.is_(None),
            )
            .order_by(FollowUpTask.due_on)
        ).all()
        for task, name, grade in tasks:
            if task.customer_id not in rows:
                rows[task.customer_id] = FollowUpRow(
                    task.customer_id,
                    name,
                    grade,
                    task.due_on,
                    task.reason,
                    task.id,
                    (today - task.due_on).days,
                )
        cadence = (
            select(Customer.id, Customer.name, Customer.grade, Customer.next_follow_up)
            .where(
                Customer.next_follow_up <= today,
                Customer.archived.is_(False),
                Customer.deleted_at.is_(None),
            )
            .order_by(Customer.next_follow_up)
        )
        # One pass over the table for both counts: through the next_follow_up index,
        # each of tens of thousands of due customers would cost a row lookup.
        unindexed = func.coalesce(Customer.next_follow_up, Customer.next_follow_up)
        counts = s.execute(
            select(
                func.count(),
                func.sum(case((Customer.next_follow_up < today, 1), else_=0)),
            ).where(
                unindexed <= today,
                Customer.archived.is_(False),
                Customer.deleted_at.is_(None),
            )
        ).one()
        due_count, overdue_count = int(counts[0] or 0), int(counts[1] or 0)
        grade_rank = {"A": 0, "B": 1, "C": 2, "D": 3}
        for r in s.execute(cadence.limit(LIST_CAP * 5)):
            if r.id not in rows:
                rows[r.id] = FollowUpRow(
                    r.id,
                    r.name,
                    r.grade,
                    r.next_follow_up,
                    None,
                    None,
                    (today - r.next_follow_up).days,
                )
    ordered = sorted(
        rows.values(),
        key=lambda f: (f.task_id is None, grade_rank.get(f.grade, 9), f.due_on, f.customer_name),
    )
    extra = sum(1 for f in rows.values() if f.task_id is not None)
    return ordered[:LIST_CAP], due_count + extra, overdue_count


def _new_customers(ws: Workspace, today: dt.date) -> list[NewCustomerRow]:
    since = dt.datetime.combine(
        today - dt.timedelta(days=30), dt.time(), tzinfo=local_tz()
    ).astimezone(dt.UTC)
    tz = local_tz()
    out: list[NewCustomerRow] = []
    with ws.sessions() as s:
        rows = s.execute(
            select(Customer.id, Customer.name, Customer.created_at)
            .where(
                Customer.first_contact_at.is_(None),
                Customer.created_at >= since,
                Customer.archived.is_(False),
                Customer.deleted_at.is_(None),
            )
            .order_by(Customer.created_at)
        ).all()
    for r in rows:
        created = r.created_at.astimezone(tz).date()
        if is_near_first_contact_limit(created, today, False, FIRST_CONTACT_WARN_DAYS):
            deadline = first_contact_deadline(created)
            out.append(NewCustomerRow(r.id, r.name, created, deadline, (deadline - today).days))
    return out[:LIST_CAP]


def unsynced_count(ws: Workspace) -> int:
    """Local changes not yet acknowledged by the server."""
    with ws.sessions() as s:
        return int(
            s.scalar(
                select(func.count()).select_from(OutboxEntry).where(OutboxEntry.acked_at.is_(None))
            )
            or 0
        )


def last_sync_at(ws: Workspace) -> dt.datetime | None:
    """When the last sync finished (sync_state "last_sync_at"), None before the first."""
    value = ws.state("last_sync_at")
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def today_summary(ws: Workspace, today: dt.date | None = None) -> TodaySummary:
    """The Today page for ``today`` (default: the local date)."""
    day = today or dt.date.today()
    plan = get_plan(ws, day)
    follow_ups, due_count, overdue_follow = _follow_ups(ws, day)
    overdue = overdue_summary(ws, day, LIST_CAP)
    return TodaySummary(
        day=day,
        stops=plan.stops if plan else (),
        follow_ups=tuple(follow_ups),
        follow_ups_due_count=due_count,
        follow_ups_overdue_count=overdue_follow,
        new_customers=tuple(_new_customers(ws, day)),
        overdue_receivables=tuple(overdue.first),
        overdue_count=overdue.count,
        overdue_amount=overdue.open_amount,
        unsynced_count=unsynced_count(ws),
        last_sync_at=last_sync_at(ws),
    )
