"""Contacts (通讯录) and complaints of a customer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app.db import transaction
from app.enums import ComplaintStatus, ContactRole
from app.i18n import QT_TRANSLATE_NOOP
from app.models import Complaint, Contact, Customer, Visit, utcnow
from app.rules.duplicates import phone_key_digits
from app.rules.validation import validate_date, validate_email, validate_name, validate_phone
from app.services._common import Form, get_live, invalid, optional_text
from app.workspace import Workspace


@dataclass(frozen=True)
class ContactInput:
    """A contact person as entered."""

    name: str
    title: str | None = None
    role: str = ContactRole.OTHER
    phone: str | None = None
    email: str | None = None
    birthday: dt.date | None = None
    notes: str | None = None


@dataclass(frozen=True)
class ContactRow:
    """A contact person of a customer."""

    id: str
    customer_id: str
    name: str
    title: str | None
    role: str
    phone: str | None
    email: str | None
    birthday: dt.date | None
    notes: str | None


@dataclass(frozen=True)
class ComplaintInput:
    """A complaint or feedback as entered."""

    description: str
    category: str | None = None
    reported_on: dt.date | None = None
    visit_id: str | None = None


@dataclass(frozen=True)
class ComplaintRow:
    """A complaint and how it was handled."""

    id: str
    customer_id: str
    visit_id: str | None
    reported_on: dt.date
    category: str | None
    description: str
    status: str
    resolution: str | None


def _contact_row(c: Contact) -> ContactRow:
    return ContactRow(
        c.id, c.customer_id, c.name, c.title, c.role, c.phone, c.email, c.birthday, c.notes
    )


def _complaint_row(c: Complaint) -> ComplaintRow:
    return ComplaintRow(
        c.id,
        c.customer_id,
        c.visit_id,
        c.reported_on,
        c.category,
        c.description,
        c.status,
        c.resolution,
    )


def _contact_values(data: ContactInput) -> dict[str, object]:
    form = Form()
    name = form.check(validate_name, data.name, "name")
    if data.role not in set(ContactRole):
        form.add("role", QT_TRANSLATE_NOOP("services", "Choose the contact's role."))
    phone = optional_text(data.phone)
    phone = form.check(validate_phone, phone, "phone") if phone else None
    email = optional_text(data.email)
    email = form.check(validate_email, email, "email") if email else None
    if data.birthday is not None:
        form.check(validate_date, data.birthday, "birthday", not_after=dt.date.today())
    form.raise_if_any()
    return {
        "name": name,
        "title": optional_text(data.title, 100),
        "role": data.role,
        "phone": phone,
        "phone_digits": phone_key_digits(phone) if phone else None,
        "email": email,
        "birthday": data.birthday,
        "notes": optional_text(data.notes),
    }


def add_contact(ws: Workspace, customer_id: str, data: ContactInput) -> ContactRow:
    """Add a contact person to a customer."""
    values = _contact_values(data)
    with transaction(ws.sessions) as s:
        customer = get_live(s, Customer, customer_id)
        contact = Contact(customer_id=customer.id, **values)
        s.add(contact)
        s.flush()
        return _contact_row(contact)


def update_contact(ws: Workspace, contact_id: str, data: ContactInput) -> ContactRow:
    """Save an edited contact."""
    values = _contact_values(data)
    with transaction(ws.sessions) as s:
        contact = get_live(s, Contact, contact_id)
        for key, value in values.items():
            setattr(contact, key, value)
        s.flush()
        return _contact_row(contact)


def delete_contact(ws: Workspace, contact_id: str) -> None:
    """Remove a contact (marked deleted until the server acknowledges it)."""
    with transaction(ws.sessions) as s:
        get_live(s, Contact, contact_id).deleted_at = utcnow()


def list_contacts(ws: Workspace, customer_id: str) -> list[ContactRow]:
    """A customer's contacts, decision makers first."""
    with ws.sessions() as s:
        rows = s.scalars(
            select(Contact)
            .where(Contact.customer_id == customer_id, Contact.deleted_at.is_(None))
            .order_by(Contact.role != ContactRole.DECISION_MAKER.value, Contact.name)
        )
        return [_contact_row(c) for c in rows]


def add_complaint(ws: Workspace, customer_id: str, data: ComplaintInput) -> ComplaintRow:
    """Record a complaint (open until resolved)."""
    form = Form()
    text = optional_text(data.description)
    if text is None:
        form.add("description", QT_TRANSLATE_NOOP("services", "Describe the complaint."))
    day = data.reported_on or dt.date.today()
    form.check(validate_date, day, "date", not_after=dt.date.today() + dt.timedelta(days=1))
    form.raise_if_any()
    with transaction(ws.sessions) as s:
        customer = get_live(s, Customer, customer_id)
        if data.visit_id:
            visit = s.get(Visit, data.visit_id)
            if visit is None or visit.customer_id != customer.id:
                raise invalid(
                    "visit",
                    QT_TRANSLATE_NOOP("services", "This visit is not one of this customer's."),
                )
        complaint = Complaint(
            customer_id=customer.id,
            visit_id=data.visit_id or None,
            reported_on=day,
            category=optional_text(data.category, 50),
            description=text,
            status=ComplaintStatus.OPEN.value,
        )
        s.add(complaint)
        s.flush()
        return _complaint_row(complaint)


def resolve_complaint(ws: Workspace, complaint_id: str, resolution: str) -> ComplaintRow:
    """Close a complaint with what was done."""
    text = optional_text(resolution)
    if text is None:
        raise invalid("resolution", QT_TRANSLATE_NOOP("services", "Say how it was resolved."))
    with transaction(ws.sessions) as s:
        complaint = get_live(s, Complaint, complaint_id)
        complaint.status = ComplaintStatus.RESOLVED.value
        complaint.resolution = text
        s.flush()
        return _complaint_row(complaint)


def list_complaints(
    ws: Workspace, customer_id: str | None = None, *, open_only: bool = False
) -> list[ComplaintRow]:
    """Complaints, newest first."""
    stmt = select(Complaint).where(Complaint.deleted_at.is_(None))
    if customer_id:
        stmt = stmt.where(Complaint.customer_id == customer_id)
    if open_only:
        stmt = stmt.where(Complaint.status == ComplaintStatus.OPEN.value)
    with ws.sessions() as s:
        return [_complaint_row(c) for c in s.scalars(stmt.order_by(Complaint.reported_on.desc()))]
