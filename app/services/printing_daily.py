"""The daily sales report's figures (销售日报), read from the workspace for printing.

Interim: app/services/reports.py (daily figures) is being written by the services
engineer; once it lands, :func:`daily_report_doc` should map its figures instead of
querying here, so the screen and the printout share one computation.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.documents.data import (
    Company,
    DailyReportDoc,
    GradeVisits,
    NewCustomer,
    PlanItem,
    ProblemNote,
    ReceiptSummary,
    Rep,
)
from app.documents.formatting import ratio
from app.enums import Grade, label
from app.models import (
    Customer,
    FollowUpTask,
    OrderDraft,
    Quote,
    Receipt,
    ReceiptVoid,
    RepProfile,
    Visit,
    VisitPlan,
    VisitPlanStop,
)
from app.services._common import rep_identity, within_day
from app.workspace import Workspace

ZERO = Decimal("0.00")
# Orders that count as taken on the day: everything but an unsent draft or a cancellation.
_NOT_ORDERS = ("draft", "cancelled")


def _plan_stops(s: Session, day: dt.date) -> list[tuple[VisitPlanStop, Customer]]:
    rows = s.execute(
        select(VisitPlanStop, Customer)
        .join(VisitPlan, VisitPlan.id == VisitPlanStop.plan_id)
        .join(Customer, Customer.id == VisitPlanStop.customer_id)
        .where(
            VisitPlan.plan_date == day,
            VisitPlan.deleted_at.is_(None),
            VisitPlanStop.deleted_at.is_(None),
        )
        .order_by(VisitPlanStop.position)
    ).all()
    return [(stop, customer) for stop, customer in rows]


def _visits(s: Session, day: dt.date) -> list[tuple[Visit, Customer]]:
    rows = s.execute(
        select(Visit, Customer)
        .join(Customer, Customer.id == Visit.customer_id)
        .where(within_day(Visit.check_in_at, day), Visit.deleted_at.is_(None))
        .order_by(Visit.check_in_at)
    ).all()
    return [(visit, customer) for visit, customer in rows]


def _grade_rows(
    planned: list[tuple[VisitPlanStop, Customer]], done: list[tuple[Visit, Customer]]
) -> tuple[GradeVisits, ...]:
    """Planned and done visits per grade: A-D always, E only when it has any."""
    out = []
    for grade in Grade:
        p = sum(1 for _, c in planned if c.grade == grade)
        d = sum(1 for v, c in done if c.grade == grade and v.status == "finished")
        if grade != Grade.E or p or d:
            out.append(GradeVisits(grade.value, p, d))
    return tuple(out)


def daily_report_doc(ws: Workspace, day: dt.date, company: Company, lang: str) -> DailyReportDoc:
    """All figures of the day's report for the rep on this laptop."""
    with ws.sessions() as s:
        profile = s.scalar(select(RepProfile).where(RepProfile.deleted_at.is_(None)).limit(1))
        rep = (
            Rep(profile.display_name or profile.username, profile.phone or "")
            if profile is not None
            else Rep(rep_identity(s)[0])
        )
        planned = _plan_stops(s, day)
        visits = _visits(s, day)
        finished = [(v, c) for v, c in visits if v.status == "finished"]
        new_customers = s.scalars(
            select(Customer)
            .where(within_day(Customer.created_at, day), Customer.deleted_at.is_(None))
            .order_by(Customer.created_at)
        ).all()
        due = s.scalars(
            select(FollowUpTask).where(
                FollowUpTask.due_on == day, FollowUpTask.deleted_at.is_(None)
            )
        ).all()
        quotes = s.scalars(
            select(Quote.grand_total).where(Quote.quote_date == day, Quote.deleted_at.is_(None))
        ).all()
        orders = s.execute(
            select(OrderDraft.customer_id, OrderDraft.grand_total).where(
                OrderDraft.order_date == day,
                OrderDraft.deleted_at.is_(None),
                OrderDraft.status.not_in(_NOT_ORDERS),
            )
        ).all()
        receipts = s.execute(
            select(Receipt, ReceiptVoid.id)
            .outerjoin(ReceiptVoid, ReceiptVoid.receipt_id == Receipt.id)
            .where(within_day(Receipt.issued_at, day), Receipt.deleted_at.is_(None))
            .order_by(Receipt.number)
        ).all()
        tomorrow = _plan_stops(s, day + dt.timedelta(days=1))
        plan_note = s.scalar(
            select(VisitPlan.note).where(VisitPlan.plan_date == day, VisitPlan.deleted_at.is_(None))
        )
        visited = {c.id for _, c in finished}
        ordered = {customer_id for customer_id, _ in orders}
        return DailyReportDoc(
            company=company,
            report_date=day,
            rep=rep,
            territory=(profile.territory or "") if profile is not None else "",
            visits=_grade_rows(planned, visits),
            new_customers=tuple(
                NewCustomer(c.name, c.grade, label(c.source, lang) if c.source else "")
                for c in new_customers
            ),
            follow_ups_due=len(due),
            follow_ups_done=sum(1 for t in due if t.done_at is not None),
            quotes_count=len(quotes),
            quotes_amount=sum(quotes, ZERO),
            orders_count=len(orders),
            orders_amount=sum((total for _, total in orders), ZERO),
            receipts=tuple(
                ReceiptSummary(
                    r.number, r.payer, label(r.method, lang), r.amount, voided=void is not None
                )
                for r, void in receipts
            ),
            conversion_rate=ratio(len(visited & ordered), len(visited)),
            problems=tuple(
                ProblemNote(c.name, v.problem or "", v.solution or "")
                for v, c in finished
                if v.problem
            ),
            tomorrow=tuple(
                PlanItem(c.name, stop.purpose or "", stop.planned_time) for stop, c in tomorrow
            ),
            remarks=plan_note or "",
        )
