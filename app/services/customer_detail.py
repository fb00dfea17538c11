"""Everything about one customer on one page: profile, contacts, visits, money, history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from decimal import Decimal

from sqlalchemy import select

from app.models import AuditEvent, Customer, FollowUpTask, OutboxEntry
from app.services._common import get_live
from app.services.contacts import ComplaintRow, ContactRow, list_complaints, list_contacts
from app.services.orders import OrderRow, list_orders
from app.services.quotes import QuoteRow, list_quotes
from app.services.receipts import ReceiptRow, list_receipts
from app.services.receivables import ReceivableRow, list_receivables
from app.services.visits import VisitRow, list_visits
from app.workspace import Workspace

HISTORY_CAP = 200


@dataclass(frozen=True)
class CustomerProfile:
    """The full customer file (sensitive numbers unmasked: mask them where shown in lists)."""

    id: str
    code: str
    name: str
    kind: str
    grade: str
    intention: str | None
    expected_close: dt.date | None
    address: str | None
    phone: str | None
    email: str | None
    source: str | None
    owner: str
    territory: str | None
    team: str | None
    credit_code: str | None
    legal_rep: str | None
    bank_name: str | None
    bank_account: str | None
    tax_id: str | None
    id_number: str | None
    birthday: dt.date | None
    family_note: str | None
    credit_limit: Decimal | None
    payment_rating: int | None
    potential: int | None
    notes: str | None
    first_contact_at: dt.datetime | None
    last_contact_at: dt.datetime | None
    next_follow_up: dt.date | None
    archived: bool
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class FollowUpTaskRow:
    """An open follow-up task of the customer."""

    id: str
    due_on: dt.date
    reason: str
    source_visit_id: str | None


@dataclass(frozen=True)
class ChangeRow:
    """One line of the change history: a local change (outbox) or an audited action."""

    at: dt.datetime
    action: str
    changed: tuple[str, ...]
    synced: bool


@dataclass(frozen=True)
class CustomerDetail:
    """A customer with everything related, newest first in each list."""

    profile: CustomerProfile
    contacts: tuple[ContactRow, ...]
    visits: tuple[VisitRow, ...]
    quotes: tuple[QuoteRow, ...]
    orders: tuple[OrderRow, ...]
    receivables: tuple[ReceivableRow, ...]
    receipts: tuple[ReceiptRow, ...]
    complaints: tuple[ComplaintRow, ...]
    follow_ups: tuple[FollowUpTaskRow, ...]
    history: tuple[ChangeRow, ...]


def get_customer(ws: Workspace, customer_id: str, today: dt.date | None = None) -> CustomerDetail:
    """The customer's page; NotFoundError for an unknown or deleted customer."""
    with ws.sessions() as s:
        c = get_live(s, Customer, customer_id)
        profile = CustomerProfile(**{f.name: getattr(c, f.name) for f in fields(CustomerProfile)})
        tasks = s.scalars(
            select(FollowUpTask)
            .where(
                FollowUpTask.customer_id == c.id,
                FollowUpTask.done_at.is_(None),
                FollowUpTask.deleted_at.is_(None),
            )
            .order_by(FollowUpTask.due_on)
        )
        follow_ups = tuple(
            FollowUpTaskRow(t.id, t.due_on, t.reason, t.source_visit_id) for t in tasks
        )
        changes = [
            ChangeRow(o.created_at, o.op, tuple(o.changed or ()), o.acked_at is not None)
            for o in s.scalars(
                select(OutboxEntry)
                .where(OutboxEntry.entity == "customer", OutboxEntry.entity_id == c.id)
                .order_by(OutboxEntry.id.desc())
                .limit(HISTORY_CAP)
            )
        ]
        changes += [
            ChangeRow(a.at, a.action, (), a.server_rev is not None)
            for a in s.scalars(
                select(AuditEvent)
                .where(AuditEvent.entity == "customer", AuditEvent.entity_id == c.id)
                .limit(HISTORY_CAP)
            )
        ]
    changes.sort(key=lambda ch: ch.at, reverse=True)
    return CustomerDetail(
        profile=profile,
        contacts=tuple(list_contacts(ws, customer_id)),
        visits=tuple(list_visits(ws, customer_id=customer_id, limit=200)),
        quotes=tuple(list_quotes(ws, customer_id=customer_id, limit=100)),
        orders=tuple(list_orders(ws, customer_id=customer_id, limit=100)),
        receivables=tuple(list_receivables(ws, today or dt.date.today(), customer_id=customer_id)),
        receipts=tuple(list_receipts(ws, customer_id=customer_id, limit=100)),
        complaints=tuple(list_complaints(ws, customer_id)),
        follow_ups=follow_ups,
        history=tuple(changes[:HISTORY_CAP]),
    )
