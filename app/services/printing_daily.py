"""The daily sales report (销售日报) as printed: the figures of app.services.reports mapped
onto the document's view model, so the screen and the printout share one computation."""

from __future__ import annotations

import datetime as dt

from app.documents.data import (
    DailyReportDoc,
    GradeVisits,
    NewCustomer,
    PlanItem,
    ProblemNote,
    ReceiptSummary,
    Rep,
)
from app.enums import label
from app.services import reports
from app.services.printing_docs import company, rep
from app.workspace import Workspace


def daily_report_doc(ws: Workspace, day: dt.date, lang: str) -> DailyReportDoc:
    """The view model of ``day``'s report; receipts listed by number."""
    r = reports.daily_report(ws, day)
    me = rep(ws)
    return DailyReportDoc(
        company=company(ws),
        report_date=r.day,
        rep=Rep(r.rep_name or me.name, me.phone),
        territory=r.territory,
        visits=tuple(GradeVisits(g.grade, g.planned, g.done) for g in r.visits_by_grade),
        new_customers=tuple(
            NewCustomer(c.name, c.grade, label(c.source, lang) if c.source else "")
            for c in r.new_customers
        ),
        follow_ups_due=r.follow_ups_due,
        follow_ups_done=r.follow_ups_done,
        quotes_count=r.quotes_count,
        quotes_amount=r.quotes_amount,
        orders_count=r.orders_count,
        orders_amount=r.orders_amount,
        receipts=tuple(
            ReceiptSummary(x.number, x.payer, label(x.method, lang), x.amount, voided=x.voided)
            for x in sorted(r.receipts, key=lambda x: x.number)
        ),
        conversion_rate=r.conversion_rate,
        problems=tuple(ProblemNote(p.customer_name, p.problem, p.solution) for p in r.problems),
        tomorrow=tuple(
            PlanItem(s.customer_name, s.purpose or "", s.planned_time) for s in r.tomorrow
        ),
    )
