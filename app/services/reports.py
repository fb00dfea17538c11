"""The daily sales report (销售日报) figures of one day, as a plain dataclass.

The documents layer renders it (PDF / xlsx); amounts stay Decimal as stored.
Conversion rate (成交率) = orders taken / visits done, a fraction, None when no
visit was done.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from app.enums import OrderStatus, VisitStatus
from app.models import (
    Customer,
    FollowUpTask,
    OrderDraft,
    Quote,
    RepProfile,
    Visit,
    VisitPlan,
    VisitPlanStop,
)
from app.services._common import within_day
from app.services.plans import StopRow, get_plan
from app.services.receipts import ReceiptRow, list_receipts
from app.workspace import Workspace

ZERO = Decimal("0.00")
GRADES = ("A", "B", "C", "D", "E")


@dataclass(frozen=True)
class GradeFigures:
    """Visits planned and done for customers of one grade."""

    grade: str
    planned: int
    done: int


@dataclass(frozen=True)
class NewCustomerFigure:
    """A customer recorded on the day."""

    customer_id: str
    name: str
    grade: str
    source: str | None


@dataclass(frozen=True)
class ProblemRow:
    """A problem met at a visit (遇到问题) and its solution (解决方案)."""

    customer_name: str
    problem: str
    solution: str


@dataclass(frozen=True)
class DailyReport:
    """All the figures of one day's sales report."""

    day: dt.date
    rep_name: str
    territory: str
    visits_by_grade: tuple[GradeFigures, ...]
    visits_planned: int
    visits_done: int
    new_customers: tuple[NewCustomerFigure, ...]
    follow_ups_due: int
    follow_ups_done: int
    quotes_count: int
    quotes_amount: Decimal
    orders_count: int
    orders_amount: Decimal
    receipts: tuple[ReceiptRow, ...]
    collections_amount: Decimal
    conversion_rate: Decimal | None
    problems: tuple[ProblemRow, ...]
    tomorrow: tuple[StopRow, ...]


def daily_report(ws: Workspace, day: dt.date) -> DailyReport:
    """The figures of ``day`` (a local date)."""
    with ws.sessions() as s:
        rep = s.scalar(select(RepProfile).limit(1))
        planned = dict(
            s.execute(
                select(Customer.grade, func.count())
                .select_from(VisitPlanStop)
                .join(VisitPlan, VisitPlan.id == VisitPlanStop.plan_id)
                .join(Customer, Customer.id == VisitPlanStop.customer_id)
                .where(VisitPlan.plan_date == day, VisitPlanStop.deleted_at.is_(None))
                .group_by(Customer.grade)
            ).all()
        )
        visits = s.execute(
            select(Visit, Customer.name, Customer.grade)
            .join(Customer, Customer.id == Visit.customer_id)
            .where(
                within_day(Visit.check_in_at, day),
                Visit.status == VisitStatus.FINISHED.value,
                Visit.deleted_at.is_(None),
            )
            .order_by(Visit.check_in_at)
        ).all()
        done: dict[str, int] = {}
        problems = []
        for visit, name, grade in visits:
            done[grade] = done.get(grade, 0) + 1
            if visit.problem or visit.solution:
                problems.append(ProblemRow(name, visit.problem or "", visit.solution or ""))
        new = s.execute(
            select(Customer.id, Customer.name, Customer.grade, Customer.source)
            .where(within_day(Customer.created_at, day), Customer.deleted_at.is_(None))
            .order_by(Customer.created_at)
        ).all()
        due = s.scalar(
            select(func.count())
            .select_from(FollowUpTask)
            .where(FollowUpTask.due_on == day, FollowUpTask.deleted_at.is_(None))
        )
        done_tasks = s.scalar(
            select(func.count())
            .select_from(FollowUpTask)
            .where(within_day(FollowUpTask.done_at, day), FollowUpTask.deleted_at.is_(None))
        )
        quotes = s.execute(
            select(func.count(), Quote.grand_total)
            .where(Quote.quote_date == day, Quote.deleted_at.is_(None))
            .group_by(Quote.id)
        ).all()
        orders = s.execute(
            select(OrderDraft.grand_total).where(
                OrderDraft.order_date == day,
                OrderDraft.deleted_at.is_(None),
                OrderDraft.status != OrderStatus.CANCELLED.value,
            )
        ).all()
    receipts = list_receipts(ws, day=day)
    tomorrow = get_plan(ws, day + dt.timedelta(days=1))
    visits_done = len(visits)
    orders_count = len(orders)
    rate = (
        (Decimal(orders_count) / Decimal(visits_done)).quantize(Decimal("0.0001"))
        if visits_done
        else None
    )
    return DailyReport(
        day=day,
        rep_name=rep.display_name if rep else "",
        territory=(rep.territory or "") if rep else "",
        visits_by_grade=tuple(
            GradeFigures(g, int(planned.get(g, 0)), done.get(g, 0))
            for g in GRADES
            if planned.get(g) or done.get(g)
        ),
        visits_planned=int(sum(planned.values())),
        visits_done=visits_done,
        new_customers=tuple(NewCustomerFigure(r.id, r.name, r.grade, r.source) for r in new),
        follow_ups_due=int(due or 0),
        follow_ups_done=int(done_tasks or 0),
        quotes_count=len(quotes),
        quotes_amount=sum((q[1] for q in quotes), ZERO),
        orders_count=orders_count,
        orders_amount=sum((o[0] for o in orders), ZERO),
        receipts=tuple(receipts),
        collections_amount=sum((r.amount for r in receipts if not r.voided), ZERO),
        conversion_rate=rate,
        problems=tuple(problems),
        tomorrow=tomorrow.stops if tomorrow else (),
    )
