"""View models of the printed documents, built from the services' rows.

Each ``*_view`` function finds its record by id or by number and fills the frozen
dataclasses of :mod:`app.documents.data`; it returns the record's id with the
document. Amounts are the stored figures computed by app.rules (so PDF, screen and
server agree to the cent); enum values print as translated labels; sensitive
numbers are passed in full and masked by the documents that must not show them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute

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
from app.errors import NotFoundError, StateError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP, msg, normalize_language
from app.models import (
    AuditEvent,
    Customer,
    FollowUpTask,
    OrderDraft,
    Quote,
    Receipt,
    Receivable,
    RepProfile,
    Visit,
)
from app.rules.capital import amount_in_words
from app.services._common import day_bounds, local_date, local_tz, rep_identity
from app.services.contacts import ContactRow, list_complaints, list_contacts
from app.services.customer_detail import get_customer
from app.services.doc_lines import LineRow
from app.services.orders import get_order
from app.services.plans import get_plan
from app.services.quotes import get_quote
from app.services.receipts import ReceiptRow, get_receipt
from app.services.settings import effective_letterhead, get_settings
from app.services.visits import list_visits
from app.workspace import Workspace

M = TypeVar("M")

_NOT_FOUND = {
    "quote": QT_TRANSLATE_NOOP("printing", "No quote has the id or number {ref}."),
    "receipt": QT_TRANSLATE_NOOP("printing", "No receipt has the id or number {ref}."),
    "order": QT_TRANSLATE_NOOP("printing", "No order has the id or number {ref}."),
    "customer": QT_TRANSLATE_NOOP("printing", "No customer has the id or code {ref}."),
}
_MAX_FOLLOW_UPS = 100_000
_OPEN_ISSUES = 3


# --- shared -------------------------------------------------------------------------


def find_id(
    ws: Workspace, model: type[Any], kind: str, ref: str, *numbers: InstrumentedAttribute[Any]
) -> str:
    """The id of the live record whose id, or one of whose ``numbers``, is ``ref``.

    NotFoundError (naming ``ref``) when there is none.
    """
    key = (ref or "").strip()
    with ws.sessions() as s:
        obj = s.get(model, key) if key else None
        for column in numbers:
            if obj is not None or not key:
                break
            obj = s.scalar(select(model).where(column == key).limit(1))
        if obj is None or getattr(obj, "deleted_at", None) is not None:
            raise NotFoundError(msg("printing", _NOT_FOUND[kind], ref=key))
        return str(obj.id)


def document_language(ws: Workspace, language: str | None = None) -> str:
    """The language to print in: the one asked for, else the workspace setting."""
    return normalize_language(language or get_settings(ws).language)


def company(ws: Workspace) -> Company:
    """The letterhead: the company profile from the server with the Settings overrides.

    A relative logo path is taken inside the workspace folder.
    """
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


def rep(ws: Workspace) -> Rep:
    """The rep on this laptop (as the server knows them), for the documents they sign."""
    with ws.sessions() as s:
        profile = s.scalar(select(RepProfile).where(RepProfile.deleted_at.is_(None)).limit(1))
        if profile is None:
            return Rep(name=rep_identity(s)[0])
        return Rep(name=profile.display_name or profile.username, phone=profile.phone or "")


def _customer(ws: Workspace, customer_id: str) -> Customer:
    with ws.sessions() as s:
        c = s.get(Customer, customer_id)
        if c is None or c.deleted_at is not None:
            raise NotFoundError(msg("printing", _NOT_FOUND["customer"], ref=customer_id))
        return c


def _contact(contacts: Sequence[ContactRow], contact_id: str | None = None) -> ContactRow | None:
    """The document's own contact, else the first (decision makers come first)."""
    for c in contacts:
        if contact_id and c.id == contact_id:
            return c
    return contacts[0] if contacts else None


def _party(ws: Workspace, customer_id: str, contact_id: str | None = None) -> Party:
    c = _customer(ws, customer_id)
    contact = _contact(list_contacts(ws, customer_id), contact_id)
    return Party(
        name=c.name,
        address=c.address or "",
        contact=contact.name if contact is not None else "",
        phone=((contact.phone if contact is not None else None) or c.phone) or "",
        tax_id=c.tax_id or c.credit_code or "",
    )


def _lines(rows: Sequence[LineRow], lang: str) -> tuple[LineItem, ...]:
    """Printed lines: the product snapshot and the rules-computed net amount of each."""
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
            amount=ln.net_amount,  # ex-tax after discounts: the lines add up to the subtotal
        )
        for ln in rows
    )


# --- quote and order ----------------------------------------------------------------


def quote_view(ws: Workspace, ref: str, lang: str) -> tuple[str, QuoteDoc]:
    """(quote id, printed quote) of the quote with id or number ``ref``.

    ValidationError when the quote has no lead time yet.
    """
    q = get_quote(ws, find_id(ws, Quote, "quote", ref, Quote.number))
    if not q.lead_time_days:
        # The printed quote promises a lead time; "ship the day you order" is not one.
        raise ValidationError(
            "lead_time_days",
            msg(
                "printing",
                QT_TRANSLATE_NOOP("printing", "Set the lead time before printing the quote."),
            ),
        )
    return q.id, QuoteDoc(
        company=company(ws),
        number=q.number,
        quote_date=q.quote_date,
        customer=_party(ws, q.customer_id, q.contact_id),
        lines=_lines(q.lines, lang),
        subtotal=q.subtotal - q.discount_total,
        tax=q.tax_total,
        total=q.grand_total,
        payment_terms=q.payment_terms or "",
        delivery_terms=q.delivery_terms or "",
        lead_time_days=q.lead_time_days,
        valid_until=q.valid_until,
        prices_as_of=q.prices_as_of,
        rep=rep(ws),
        notes=q.notes or "",
    )


def order_view(ws: Workspace, ref: str, lang: str) -> tuple[str, OrderDoc]:
    """(order id, order confirmation) of the order with id, draft or server number ``ref``."""
    oid = find_id(ws, OrderDraft, "order", ref, OrderDraft.local_number, OrderDraft.server_number)
    o = get_order(ws, oid)
    quote = get_quote(ws, o.quote_id) if o.quote_id else None
    return o.id, OrderDoc(
        company=company(ws),
        number=o.server_number,
        draft_number=o.local_number,
        order_date=o.order_date,
        status=label(o.status, lang),
        customer=_party(ws, o.customer_id, quote.contact_id if quote else None),
        lines=_lines(o.lines, lang),
        subtotal=o.subtotal - o.discount_total,
        tax=o.tax_total,
        total=o.grand_total,
        payment_terms=o.payment_terms or "",
        delivery_terms=(quote.delivery_terms or "") if quote else "",
        delivery_date=o.delivery_date,
        delivery_address=o.delivery_address or "",
        rep=rep(ws),
        notes=o.notes or "",
    )


# --- receipt ------------------------------------------------------------------------


def _settles(ws: Workspace, r: ReceiptRow) -> str:
    """What the receipt settles: as written, else the order's or the bill's number."""
    if r.settles:
        return r.settles
    with ws.sessions() as s:
        order = s.get(OrderDraft, r.order_id) if r.order_id else None
        if order is not None:
            return order.server_number or order.local_number
        bill = s.get(Receivable, r.receivable_id) if r.receivable_id else None
        return bill.document_number if bill is not None else ""


def print_count(ws: Workspace, receipt_id: str) -> int:
    """How many times a receipt was printed so far (its print and reprint audit events)."""
    with ws.sessions() as s:
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


def receipt_view(ws: Workspace, ref: str, lang: str) -> tuple[str, ReceiptDoc]:
    """(receipt id, receipt as its next print) of the receipt with id or number ``ref``.

    StateError when the stored amount in words disagrees with the figures.
    """
    r = get_receipt(ws, find_id(ws, Receipt, "receipt", ref, Receipt.number))
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
    return r.id, ReceiptDoc(
        company=company(ws),
        number=r.number,
        receipt_date=local_date(r.issued_at),
        payer=r.payer,
        amount=r.amount,
        method=label(r.method, lang),
        settles=_settles(ws, r),
        collector=r.collector,
        print_count=print_count(ws, r.id) + 1,
        voided=r.voided,
        void_reason=r.void_reason or "",
        notes=r.note or "",
    )


# --- route sheet --------------------------------------------------------------------


def _last_visit(ws: Workspace, customer_id: str, before: dt.date) -> Visit | None:
    start, _ = day_bounds(before)
    with ws.sessions() as s:
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


def _open_issues(
    ws: Workspace, customer_id: str, last: Visit | None, day: dt.date, lang: str
) -> str:
    """The last visit's problem, open complaints and open follow-ups due by ``day``."""
    parts: list[str] = [last.problem] if last is not None and last.problem else []
    complaints = list_complaints(ws, customer_id, open_only=True)
    parts += [c.description for c in complaints[:_OPEN_ISSUES]]
    with ws.sessions() as s:
        tasks = s.execute(
            select(FollowUpTask.reason, FollowUpTask.due_on)
            .where(
                FollowUpTask.customer_id == customer_id,
                FollowUpTask.done_at.is_(None),
                FollowUpTask.deleted_at.is_(None),
                FollowUpTask.due_on <= day,
            )
            .order_by(FollowUpTask.due_on)
            .limit(_OPEN_ISSUES)
        ).all()
    open_paren, close_paren = ("（", "）") if lang != "en" else (" (", ")")
    parts += [f"{reason}{open_paren}{fmt_date(due, lang)}{close_paren}" for reason, due in tasks]
    unique = list(dict.fromkeys(p for p in parts if p))
    return ("；" if lang != "en" else "; ").join(unique)


def route_view(ws: Workspace, day: dt.date, lang: str) -> tuple[str, RouteSheetDoc]:
    """(plan id, route sheet) of the visit plan of ``day``; NotFoundError when none."""
    plan = get_plan(ws, day)
    if plan is None:
        raise NotFoundError(
            msg(
                "printing",
                QT_TRANSLATE_NOOP("printing", "There is no visit plan for {day}."),
                day=day.isoformat(),
            )
        )
    stops = []
    for seq, stop in enumerate(plan.stops, start=1):
        c = _customer(ws, stop.customer_id)
        contact = _contact(list_contacts(ws, c.id))
        last = _last_visit(ws, c.id, day)
        stops.append(
            RouteStop(
                seq=seq,
                customer=stop.customer_name,
                grade=stop.customer_grade,
                address=stop.address or "",
                contact=contact.name if contact is not None else "",
                phone=((contact.phone if contact is not None else None) or c.phone) or "",
                purpose=stop.purpose or "",
                planned_time=stop.planned_time,
                appointment_confirmed=stop.appointment_confirmed,
                last_visit=local_date(last.check_in_at) if last is not None else None,
                open_issues=_open_issues(ws, c.id, last, day, lang),
            )
        )
    doc = RouteSheetDoc(company=company(ws), visit_date=day, rep=rep(ws), stops=tuple(stops))
    return plan.id, doc


# --- customer tracking table --------------------------------------------------------


def _owner_name(ws: Workspace, owner: str) -> str:
    with ws.sessions() as s:
        name = s.scalar(select(RepProfile.display_name).where(RepProfile.username == owner))
    return name or owner


def tracking_view(ws: Workspace, ref: str, lang: str) -> tuple[str, TrackingDoc]:
    """(customer id, tracking table) of the customer with id or code ``ref``.

    One follow-up row per visit, oldest first; correcting notes follow the situation.
    """
    detail = get_customer(ws, find_id(ws, Customer, "customer", ref, Customer.code))
    c = detail.profile
    contact = _contact(detail.contacts)
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
        owner=_owner_name(ws, c.owner),
        first_contact=local_date(c.first_contact_at) if c.first_contact_at else None,
        needs=c.notes or "",
    )
    tz = local_tz()
    visits = list_visits(ws, customer_id=c.id, limit=_MAX_FOLLOW_UPS)
    rows = tuple(
        FollowUp(
            when=v.check_in_at.astimezone(tz),
            situation="\n".join([v.situation or label(v.kind, lang), *(n.text for n in v.notes)]),
            problem=v.problem or "",
            solution=v.solution or "",
        )
        for v in reversed(visits)
    )
    today = dt.datetime.now(tz).date()
    doc = TrackingDoc(
        company=company(ws), customer=basic, follow_ups=rows, printed_on=today, rep=rep(ws)
    )
    return c.id, doc
