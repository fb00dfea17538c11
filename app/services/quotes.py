"""Quotes (报价单): drafted from the catalog, numbered ``Q-<device>-0001``, sent, answered."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import transaction
from app.enums import QuoteStatus
from app.errors import StateError
from app.i18n import QT_TRANSLATE_NOOP, msg
from app.models import Contact, Customer, Quote, QuoteLine, utcnow
from app.rules.validation import validate_date, validate_lead_time
from app.services._common import Form, get_live, optional_text
from app.services.doc_lines import (
    LineDraft,
    LineRow,
    as_of,
    build_lines,
    document_query,
    line_row,
    next_number,
    totals_columns,
)
from app.workspace import Workspace, device_code

DEFAULT_VALIDITY_DAYS = 30
QUOTE_TRANSITIONS = {
    QuoteStatus.DRAFT: {QuoteStatus.SENT, QuoteStatus.DECLINED},
    QuoteStatus.SENT: {QuoteStatus.ACCEPTED, QuoteStatus.DECLINED, QuoteStatus.DRAFT},
    QuoteStatus.ACCEPTED: set(),
    QuoteStatus.DECLINED: {QuoteStatus.DRAFT},
}


@dataclass(frozen=True)
class QuoteInput:
    """A quote as entered. ``valid_until`` defaults to 30 days after ``quote_date``."""

    customer_id: str
    lines: tuple[LineDraft, ...]
    quote_date: dt.date | None = None
    valid_until: dt.date | None = None
    payment_terms: str | None = None
    delivery_terms: str | None = None
    lead_time_days: int | str | None = None
    contact_id: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class QuoteRow:
    """A quote with its lines and totals."""

    id: str
    number: str
    customer_id: str
    customer_name: str
    contact_id: str | None
    status: str
    quote_date: dt.date
    valid_until: dt.date
    prices_as_of: dt.date
    payment_terms: str | None
    delivery_terms: str | None
    lead_time_days: int | None
    subtotal: Decimal
    discount_total: Decimal
    tax_total: Decimal
    grand_total: Decimal
    notes: str | None
    lines: tuple[LineRow, ...]


def _row(s: Session, q: Quote) -> QuoteRow:
    lines = s.scalars(
        select(QuoteLine)
        .where(QuoteLine.quote_id == q.id, QuoteLine.deleted_at.is_(None))
        .order_by(QuoteLine.position)
    ).all()
    customer = s.get(Customer, q.customer_id)
    return QuoteRow(
        q.id,
        q.number,
        q.customer_id,
        customer.name if customer else "",
        q.contact_id,
        q.status,
        q.quote_date,
        q.valid_until,
        q.prices_as_of,
        q.payment_terms,
        q.delivery_terms,
        q.lead_time_days,
        q.subtotal,
        q.discount_total,
        q.tax_total,
        q.grand_total,
        q.notes,
        tuple(line_row(x) for x in lines),
    )


def _validate(s: Session, data: QuoteInput, form: Form) -> dict[str, object]:
    day = as_of(data.quote_date)
    valid_until = data.valid_until or day + dt.timedelta(days=DEFAULT_VALIDITY_DAYS)
    form.check(validate_date, valid_until, "valid_until", not_before=day)
    lead = (
        form.check(validate_lead_time, data.lead_time_days)
        if data.lead_time_days not in (None, "")
        else None
    )
    customer = get_live(s, Customer, data.customer_id)
    if data.contact_id:
        contact = s.get(Contact, data.contact_id)
        if contact is None or contact.customer_id != customer.id:
            form.add(
                "contact", QT_TRANSLATE_NOOP("services", "This contact is not at this customer.")
            )
    return {
        "customer_id": customer.id,
        "contact_id": data.contact_id or None,
        "quote_date": day,
        "valid_until": valid_until,
        "prices_as_of": day,
        "payment_terms": optional_text(data.payment_terms, 300),
        "delivery_terms": optional_text(data.delivery_terms, 300),
        "lead_time_days": lead,
        "notes": optional_text(data.notes),
    }


def create_quote(ws: Workspace, data: QuoteInput) -> QuoteRow:
    """A new draft quote; lines priced from the catalog, totals by app.rules.pricing."""
    prefix = f"Q-{device_code(ws)}-"
    with transaction(ws.sessions) as s:
        form = Form()
        values = _validate(s, data, form)
        built = build_lines(s, data.lines, form)
        form.raise_if_any()
        assert built is not None
        quote = Quote(
            number=next_number(s, Quote.number, prefix),
            status=QuoteStatus.DRAFT.value,
            **values,
            **totals_columns(built.totals),
        )
        s.add(quote)
        s.flush()
        s.add_all(QuoteLine(quote_id=quote.id, **v) for v in built.values)
        s.flush()
        return _row(s, quote)


def update_quote(ws: Workspace, quote_id: str, data: QuoteInput) -> QuoteRow:
    """Rewrite a draft quote (its lines are replaced); a sent quote is not edited."""
    with transaction(ws.sessions) as s:
        quote = get_live(s, Quote, quote_id)
        if quote.status != QuoteStatus.DRAFT:
            raise StateError(
                msg("quotes", QT_TRANSLATE_NOOP("quotes", "Only a draft quote can be edited."))
            )
        form = Form()
        values = _validate(s, data, form)
        built = build_lines(s, data.lines, form)
        form.raise_if_any()
        assert built is not None
        for key, value in {**values, **totals_columns(built.totals)}.items():
            setattr(quote, key, value)
        now = utcnow()
        for old in s.scalars(select(QuoteLine).where(QuoteLine.quote_id == quote.id)):
            if old.deleted_at is None:
                old.deleted_at = now
        s.add_all(QuoteLine(quote_id=quote.id, **v) for v in built.values)
        s.flush()
        return _row(s, quote)


def set_quote_status(ws: Workspace, quote_id: str, status: str) -> QuoteRow:
    """Move a quote along: draft → sent → accepted / declined."""
    with transaction(ws.sessions) as s:
        quote = get_live(s, Quote, quote_id)
        current = QuoteStatus(quote.status)
        try:
            target = QuoteStatus(status)
        except ValueError:
            target = None
        if target is None or target not in QUOTE_TRANSITIONS[current]:
            raise StateError(
                msg(
                    "quotes",
                    QT_TRANSLATE_NOOP("quotes", "A quote cannot go from {old} to {new}."),
                    old=current.value,
                    new=status,
                )
            )
        quote.status = target.value
        s.flush()
        return _row(s, quote)


def get_quote(ws: Workspace, quote_id: str) -> QuoteRow:
    """One quote with its lines."""
    with ws.sessions() as s:
        return _row(s, get_live(s, Quote, quote_id))


def list_quotes(
    ws: Workspace,
    *,
    customer_id: str | None = None,
    day: dt.date | None = None,
    status: str | None = None,
    limit: int = 500,
) -> list[QuoteRow]:
    """Quotes, newest first; of one customer, one date and/or one status."""
    stmt = document_query(
        Quote,
        Quote.quote_date,
        Quote.number,
        customer_id=customer_id,
        day=day,
        status=status,
        limit=limit,
    )
    with ws.sessions() as s:
        return [_row(s, q) for q in s.scalars(stmt)]
