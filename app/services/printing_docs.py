"""View models of the printed documents, read from the workspace (by id or number).

Each ``*_view`` function fills the frozen dataclasses of :mod:`app.documents.data`
inside the caller's session and returns the record's id with the document. Amounts
are the stored figures computed by app.rules (so PDF, screen and server agree to
the cent); enum values are printed as translated labels; sensitive numbers are
passed in full and masked by the documents that must not print them in full.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.documents.data import (
    Company,
    FollowUp,
    LineItem,
    OrderDoc,
    Party,
    QuoteDoc,
    ReceiptDoc,
    Rep,
    RouteSheetDoc,
    RouteStop,
    TrackingCustomer,
    TrackingDoc,
)
from app.documents.formatting import fmt_date
from app.enums import label
from app.errors import NotFoundError, StateError
from app.i18n import QT_TRANSLATE_NOOP, msg, normalize_language
from app.models import (
    AuditEvent,
    Complaint,
    Contact,
    Customer,
    FollowUpTask,
    OrderDraft,
    OrderLine,
    Quote,
    QuoteLine,
    Receipt,
    ReceiptVoid,
    Receivable,
    RepProfile,
    Visit,
    VisitPlan,
    VisitPlanStop,
)
from app.models.sales import DocumentLineMixin
from app.rules.capital import amount_in_words
from app.services._common import day_bounds, local_date, local_tz, rep_identity
from app.services.settings import effective_letterhead, get_settings
from app.workspace import Workspace

M = TypeVar("M")

_NOT_FOUND = {
    "quote": QT_TRANSLATE_NOOP("printing", "No quote has the id or number {ref}."),
    "receipt": QT_TRANSLATE_NOOP("printing", "No receipt has the id or number {ref}."),
    "order": QT_TRANSLATE_NOOP("printing", "No order has the id or number {ref}."),
    "customer": QT_TRANSLATE_NOOP("printing", "No customer has the id or code {ref}."),
}


def _find(
    s: Session, model: type[M], kind: str, ref: str, *numbers: InstrumentedAttribute[Any]
) -> M:
    """The live record whose id, or one of whose ``numbers``, is ``ref``; else NotFoundError."""
    key = (ref or "").strip()
    obj = s.get(model, key) if key else None
    for column in numbers:
        if obj is not None or not key:
            break
        obj = s.scalar(select(model).where(column == key).limit(1))
    if obj is None or getattr(obj, "deleted_at", None) is not None:
        raise NotFoundError(msg("printing", _NOT_FOUND[kind], ref=key))
    return obj


def document_language(ws: Workspace, language: str | None = None) -> str:
    """The language to print in: the one asked for, else the workspace setting."""
    return normalize_language(language or get_settings(ws).language)


def company(ws: Workspace) -> Company:
    """The letterhead: the company profile from the server with the Settings overrides."""
    lh = effective_letterhead(ws)
    logo: Path | None = None
    if lh.logo_path:
        logo = Path(lh.logo_path).expanduser()
        if not logo.is_absolute():
            logo = ws.path / logo
    return Company(
        name=lh.name,
        address=lh.address,
        phone=lh.phone,
        tax_id=lh.tax_id,
        bank_name=lh.bank_name,
        bank_account=lh.bank_account,
        logo_path=logo,
    )


def _rep(s: Session) -> Rep:
    profile = s.scalar(select(RepProfile).where(RepProfile.deleted_at.is_(None)).limit(1))
    if profile is None:
        return Rep(name=rep_identity(s)[0])
    return Rep(name=profile.display_name or profile.username, phone=profile.phone or "")


def _contact(s: Session, customer_id: str, contact_id: str | None = None) -> Contact | None:
    """The quote's own contact, else the customer's decision maker, else the first contact."""
    if contact_id:
        chosen = s.get(Contact, contact_id)
        if chosen is not None and chosen.deleted_at is None:
            return chosen
    return s.scalar(
        select(Contact)
        .where(Contact.customer_id == customer_id, Contact.deleted_at.is_(None))
        .order_by((Contact.role != "decision_maker"), Contact.created_at, Contact.id)
        .limit(1)
    )


def _party(s: Session, customer: Customer, contact_id: str | None = None) -> Party:
    contact = _contact(s, customer.id, contact_id)
    phone = (contact.phone if contact is not None else None) or customer.phone
    return Party(
        name=customer.name,
        address=customer.address or "",
        contact=contact.name if contact is not None else "",
        phone=phone or "",
        tax_id=customer.tax_id or customer.credit_code or "",
    )


def _quote_lines(s: Session, quote_id: str) -> Sequence[DocumentLineMixin]:
    return s.scalars(
        select(QuoteLine)
        .where(QuoteLine.quote_id == quote_id, QuoteLine.deleted_at.is_(None))
        .order_by(QuoteLine.position)
    ).all()


def _order_lines(s: Session, order_id: str) -> Sequence[DocumentLineMixin]:
    return s.scalars(
        select(OrderLine)
        .where(OrderLine.order_id == order_id, OrderLine.deleted_at.is_(None))
        .order_by(OrderLine.position)
    ).all()


def _lines(rows: Sequence[DocumentLineMixin], lang: str) -> tuple[LineItem, ...]:
    """Printed lines: the stored product snapshot and rules-computed figures."""
    gift = msg("printing", QT_TRANSLATE_NOOP("printing", "(free gift)")).text(lang)
    return tuple(
        LineItem(
            code=ln.product_code,
            name=f"{ln.product_name} {gift}" if ln.is_gift else ln.product_name,
            spec=ln.spec or "",
            unit=ln.unit,
            quantity=ln.quantity,
            unit_price=ln.unit_price,
            discount_pct=ln.discount_pct,
            tax_rate=ln.tax_rate,
            amount=ln.net_amount,  # ex-tax, after discounts: the lines add up to the subtotal
        )
        for ln in rows
    )


def quote_view(ws: Workspace, s: Session, ref: str, lang: str) -> tuple[str, QuoteDoc]:
    """(quote id, printed quote) of the quote with id or number ``ref``."""
    q = _find(s, Quote, "quote", ref, Quote.number)
    customer = _find(s, Customer, "customer", q.customer_id)
    return q.id, QuoteDoc(
        company=company(ws),
        number=q.number,
        quote_date=q.quote_date,
        customer=_party(s, customer, q.contact_id),
        lines=_lines(_quote_lines(s, q.id), lang),
        subtotal=q.subtotal - q.discount_total,
        tax=q.tax_total,
        total=q.grand_total,
        payment_terms=q.payment_terms or "",
        delivery_terms=q.delivery_terms or "",
        lead_time_days=q.lead_time_days or 0,
        valid_until=q.valid_until,
        prices_as_of=q.prices_as_of,
        rep=_rep(s),
        notes=q.notes or "",
    )


def quote_doc(ws: Workspace, quote_ref: str, language: str | None = None) -> QuoteDoc:
    """The quote's view model (by id or quote number), as printed."""
    with ws.sessions() as s:
        return quote_view(ws, s, quote_ref, document_language(ws, language))[1]


def order_view(ws: Workspace, s: Session, ref: str, lang: str) -> tuple[str, OrderDoc]:
    """(order id, order confirmation) of the order with id, draft or server number ``ref``."""
    o = _find(s, OrderDraft, "order", ref, OrderDraft.local_number, OrderDraft.server_number)
    customer = _find(s, Customer, "customer", o.customer_id)
    quote = s.get(Quote, o.quote_id) if o.quote_id else None
    return o.id, OrderDoc(
        company=company(ws),
        number=o.server_number,
        draft_number=o.local_number,
        order_date=o.order_date,
        status=label(o.status, lang),
        customer=_party(s, customer, quote.contact_id if quote else None),
        lines=_lines(_order_lines(s, o.id), lang),
        subtotal=o.subtotal - o.discount_total,
        tax=o.tax_total,
        total=o.grand_total,
        payment_terms=o.payment_terms or "",
        delivery_terms=(quote.delivery_terms or "") if quote else "",
        delivery_date=o.delivery_date,
        delivery_address=o.delivery_address or "",
        rep=_rep(s),
        notes=o.notes or "",
    )


def order_doc(ws: Workspace, order_ref: str, language: str | None = None) -> OrderDoc:
    """The order confirmation's view model (by id, draft number D-... or server number)."""
    with ws.sessions() as s:
        return order_view(ws, s, order_ref, document_language(ws, language))[1]


def _settles(s: Session, r: Receipt) -> str:
    """What the receipt settles: as written, else the order's or the bill's number."""
    if r.settles:
        return r.settles
    if r.order_id:
        order = s.get(OrderDraft, r.order_id)
        if order is not None:
            return order.server_number or order.local_number
    if r.receivable_id:
        bill = s.get(Receivable, r.receivable_id)
        if bill is not None:
            return bill.document_number
    return ""


def _print_count(s: Session, receipt_id: str) -> int:
    """How many times the receipt was printed so far (print and reprint audit events)."""
    return int(
        s.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(
                AuditEvent.entity == "receipt",
                AuditEvent.entity_id == receipt_id,
                AuditEvent.action.in_(("print", "reprint")),
            )
        )
        or 0
    )


def receipt_view(ws: Workspace, s: Session, ref: str, lang: str) -> tuple[str, ReceiptDoc]:
    """(receipt id, receipt for its next print) of the receipt with id or number ``ref``."""
    r = _find(s, Receipt, "receipt", ref, Receipt.number)
    if amount_in_words(r.amount) != r.amount_in_words:
        raise StateError(
            msg(
                "printing",
                QT_TRANSLATE_NOOP(
                    "printing",
                    "Receipt {number}: the amount in figures and in words disagree; "
                    "it cannot be printed.",
                ),
                number=r.number,
            )
        )
    void = s.scalar(select(ReceiptVoid).where(ReceiptVoid.receipt_id == r.id))
    return r.id, ReceiptDoc(
        company=company(ws),
        number=r.number,
        receipt_date=local_date(r.issued_at),
        payer=r.payer,
        amount=r.amount,
        method=label(r.method, lang),
        settles=_settles(s, r),
        collector=r.collector,
        print_count=_print_count(s, r.id) + 1,
        voided=void is not None,
        void_reason=void.reason if void is not None else "",
        notes=r.note or "",
    )


def receipt_doc(ws: Workspace, receipt_ref: str, language: str | None = None) -> ReceiptDoc:
    """The receipt's view model for its next print (by id or receipt number R-...)."""
    with ws.sessions() as s:
        return receipt_view(ws, s, receipt_ref, document_language(ws, language))[1]


def _open_issues(s: Session, customer_id: str, last: Visit | None, day: dt.date, lang: str) -> str:
    """The last visit's problem, open complaints and open follow-ups due by ``day``."""
    parts: list[str] = []
    if last is not None and last.problem:
        parts.append(last.problem)
    complaints = s.scalars(
        select(Complaint.description)
        .where(
            Complaint.customer_id == customer_id,
            Complaint.status == "open",
            Complaint.deleted_at.is_(None),
        )
        .order_by(Complaint.reported_on)
        .limit(3)
    ).all()
    parts.extend(complaints)
    tasks = s.execute(
        select(FollowUpTask.reason, FollowUpTask.due_on)
        .where(
            FollowUpTask.customer_id == customer_id,
            FollowUpTask.done_at.is_(None),
            FollowUpTask.deleted_at.is_(None),
            FollowUpTask.due_on <= day,
        )
        .order_by(FollowUpTask.due_on)
        .limit(3)
    ).all()
    parts.extend(f"{reason}（{fmt_date(due, lang)}）" for reason, due in tasks)
    seen: list[str] = []
    for part in parts:
        if part and part not in seen:
            seen.append(part)
    return ("；" if lang != "en" else "; ").join(seen)


def _last_visit(s: Session, customer_id: str, before: dt.date) -> Visit | None:
    start, _ = day_bounds(before)
    return s.scalar(
        select(Visit)
        .where(
            Visit.customer_id == customer_id,
            Visit.deleted_at.is_(None),
            Visit.check_in_at < start,
        )
        .order_by(Visit.check_in_at.desc())
        .limit(1)
    )


def route_view(ws: Workspace, s: Session, day: dt.date, lang: str) -> tuple[str, RouteSheetDoc]:
    """(plan id, route sheet) of the visit plan of ``day``; NotFoundError when none."""
    plan = s.scalar(
        select(VisitPlan).where(VisitPlan.plan_date == day, VisitPlan.deleted_at.is_(None))
    )
    if plan is None:
        raise NotFoundError(
            msg(
                "printing",
                QT_TRANSLATE_NOOP("printing", "There is no visit plan for {day}."),
                day=day.isoformat(),
            )
        )
    pairs = s.execute(
        select(VisitPlanStop, Customer)
        .join(Customer, Customer.id == VisitPlanStop.customer_id)
        .where(VisitPlanStop.plan_id == plan.id, VisitPlanStop.deleted_at.is_(None))
        .order_by(VisitPlanStop.position)
    ).all()
    stops = []
    for seq, (stop, customer) in enumerate(pairs, start=1):
        contact = _contact(s, customer.id)
        last = _last_visit(s, customer.id, day)
        stops.append(
            RouteStop(
                seq=seq,
                customer=customer.name,
                grade=customer.grade,
                address=customer.address or "",
                contact=contact.name if contact is not None else "",
                phone=((contact.phone if contact is not None else None) or customer.phone) or "",
                purpose=stop.purpose or "",
                planned_time=stop.planned_time,
                appointment_confirmed=stop.appointment_confirmed,
                last_visit=local_date(last.check_in_at) if last is not None else None,
                open_issues=_open_issues(s, customer.id, last, day, lang),
            )
        )
    return plan.id, RouteSheetDoc(
        company=company(ws), visit_date=day, rep=_rep(s), stops=tuple(stops)
    )


def route_sheet_doc(ws: Workspace, day: dt.date, language: str | None = None) -> RouteSheetDoc:
    """The route sheet's view model: the day's plan, stops in visiting order."""
    with ws.sessions() as s:
        return route_view(ws, s, day, document_language(ws, language))[1]


def _owner_name(s: Session, owner: str) -> str:
    profile = s.scalar(select(RepProfile).where(RepProfile.username == owner).limit(1))
    return profile.display_name if profile is not None and profile.display_name else owner


def tracking_view(ws: Workspace, s: Session, ref: str, lang: str) -> tuple[str, TrackingDoc]:
    """(customer id, tracking table) of the customer with id or code ``ref``."""
    c = _find(s, Customer, "customer", ref, Customer.code)
    contact = _contact(s, c.id)
    visits = s.scalars(
        select(Visit)
        .where(Visit.customer_id == c.id, Visit.deleted_at.is_(None))
        .order_by(Visit.check_in_at)
    ).all()
    tz = local_tz()
    basic = TrackingCustomer(
        name=c.name,
        kind=label(c.kind, lang),
        grade=c.grade,
        address=c.address or "",
        phone=c.phone or "",
        contact=contact.name if contact is not None else "",
        contact_title=(contact.title or "") if contact is not None else "",
        id_number=c.id_number or "",
        credit_code=c.credit_code or "",
        bank_name=c.bank_name or "",
        bank_account=c.bank_account or "",
        source=label(c.source, lang) if c.source else "",
        intention=label(c.intention, lang) if c.intention else "",
        owner=_owner_name(s, c.owner),
        first_contact=local_date(c.first_contact_at) if c.first_contact_at else None,
        needs=c.notes or "",
    )
    rows = tuple(
        FollowUp(
            when=v.check_in_at.astimezone(tz),
            situation=v.situation or label(v.kind, lang),
            problem=v.problem or "",
            solution=v.solution or "",
        )
        for v in visits
    )
    today = dt.datetime.now(tz).date()
    doc = TrackingDoc(
        company=company(ws), customer=basic, follow_ups=rows, printed_on=today, rep=_rep(s)
    )
    return c.id, doc


def tracking_doc(ws: Workspace, customer_ref: str, language: str | None = None) -> TrackingDoc:
    """The tracking table's view model (customer by id or code)."""
    with ws.sessions() as s:
        return tracking_view(ws, s, customer_ref, document_language(ws, language))[1]
