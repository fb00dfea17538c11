"""Customer files (客户档案): create, edit, archive, search, duplicates.

A customer's grade must agree with its expected close date (app.rules.grades);
grade E archives the customer, who is never hard-deleted. Duplicates (same
normalized name, phone or credit code, app.rules.duplicates) come back as
warnings the UI shows; the same credit code twice is refused outright.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.db import transaction
from app.enums import CustomerKind, CustomerSource, Intention
from app.i18n import QT_TRANSLATE_NOOP
from app.models import Contact, Customer
from app.rules import grades
from app.rules.duplicates import normalize_company_name, phone_key_digits
from app.rules.masking import mask_phone
from app.rules.money import parse_money
from app.rules.pinyin import pinyin_keys
from app.rules.validation import (
    validate_credit_code,
    validate_date,
    validate_email,
    validate_id_number,
    validate_name,
    validate_phone,
    validate_potential,
)
from app.services import customer_detail
from app.services._common import (
    Form,
    get_live,
    invalid,
    local_date,
    local_tz,
    next_local_number,
    optional_text,
    rep_identity,
)
from app.services.customer_detail import CustomerDetail
from app.services.customer_search import SearchFilter, search_ids
from app.services.customer_search import count_customers as count_customers  # its home
from app.workspace import Workspace, device_code


@dataclass(frozen=True)
class CustomerInput:
    """What the customer form holds; text fields as typed, validated by the service."""

    name: str
    kind: str = CustomerKind.COMPANY
    grade: str = "D"
    expected_close: dt.date | None = None
    intention: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    source: str | None = None
    territory: str | None = None
    team: str | None = None
    credit_code: str | None = None
    legal_rep: str | None = None
    bank_name: str | None = None
    bank_account: str | None = None
    tax_id: str | None = None
    id_number: str | None = None
    birthday: dt.date | None = None
    family_note: str | None = None
    credit_limit: Decimal | str | None = None
    payment_rating: int | None = None
    potential: int | None = None
    notes: str | None = None


@dataclass(frozen=True)
class CustomerRow:
    """A customer in lists: the phone is masked (PIPL: show only what is needed)."""

    id: str
    code: str
    name: str
    kind: str
    grade: str
    phone_masked: str
    address: str | None
    territory: str | None
    next_follow_up: dt.date | None
    last_contact_on: dt.date | None
    archived: bool


@dataclass(frozen=True)
class DuplicateHit:
    """An existing customer sharing a key with the one being saved."""

    customer_id: str
    code: str
    name: str
    matched: tuple[str, ...]  # "name", "phone", "code"


@dataclass(frozen=True)
class SaveResult:
    """The saved customer and the possible duplicates to show as warnings."""

    customer: CustomerRow
    duplicates: tuple[DuplicateHit, ...]


def to_row(c: Customer) -> CustomerRow:
    """The list row of a customer."""
    return _row_of(c, local_tz())


def _choice(form: Form, field: str, value: str | None, allowed: set[str]) -> str | None:
    if value in (None, ""):
        return None
    if value not in allowed:
        form.add(field, QT_TRANSLATE_NOOP("services", "Choose one of the listed values."))
        return None
    return value


def _validate(data: CustomerInput, today: dt.date) -> dict[str, Any]:
    """Check the whole form; returns the column values or raises every field error at once."""
    form = Form()
    out: dict[str, Any] = {"name": form.check(validate_name, data.name, "name")}
    if data.kind not in set(CustomerKind):
        form.add("kind", QT_TRANSLATE_NOOP("services", "Choose the kind of customer."))
    out["kind"] = data.kind
    grade = form.check(grades.check_grade_close, data.grade, today, data.expected_close)
    out["grade"] = grade.value if grade is not None else data.grade
    out["expected_close"] = data.expected_close
    out["intention"] = _choice(form, "intention", data.intention, set(Intention))
    out["source"] = _choice(form, "source", data.source, set(CustomerSource))
    phone = optional_text(data.phone)
    out["phone"] = form.check(validate_phone, phone, "phone") if phone else None
    email = optional_text(data.email)
    out["email"] = form.check(validate_email, email, "email") if email else None
    code = optional_text(data.credit_code)
    out["credit_code"] = form.check(validate_credit_code, code, "credit_code") if code else None
    idn = optional_text(data.id_number)
    out["id_number"] = (
        form.check(validate_id_number, idn, "id_number", today=today) if idn else None
    )
    out["birthday"] = (
        form.check(validate_date, data.birthday, "birthday", not_after=today)
        if data.birthday
        else None
    )
    limit = data.credit_limit
    out["credit_limit"] = (
        form.check(parse_money, limit, "credit_limit") if limit not in (None, "") else None
    )
    out["potential"] = (
        form.check(validate_potential, data.potential, "potential")
        if data.potential is not None
        else None
    )
    if data.payment_rating is not None and not 1 <= data.payment_rating <= 5:
        form.add("payment_rating", QT_TRANSLATE_NOOP("services", "A rating from 1 to 5."))
    out["payment_rating"] = data.payment_rating
    account = optional_text(data.bank_account)
    if account is not None:
        account = "".join(account.split())
        if not account.isdigit() or not 8 <= len(account) <= 30:
            form.add(
                "bank_account",
                QT_TRANSLATE_NOOP("services", "A bank account has 8 to 30 digits."),
            )
    out["bank_account"] = account
    for key, size in (
        ("address", 300),
        ("territory", 100),
        ("team", 100),
        ("legal_rep", 100),
        ("bank_name", 200),
        ("tax_id", 32),
        ("family_note", None),
        ("notes", None),
    ):
        out[key] = optional_text(getattr(data, key), size)
    form.raise_if_any()
    name = out["name"]
    out["name_key"] = normalize_company_name(name)
    out["pinyin_initials"], out["pinyin_full"] = pinyin_keys(name)
    out["phone_digits"] = phone_key_digits(out["phone"]) if out["phone"] else None
    out["archived"] = out["grade"] == "E"
    return out


def _duplicates(
    s: Session, values: dict[str, Any], exclude_id: str | None
) -> tuple[DuplicateHit, ...]:
    conds = [Customer.name_key == values["name_key"]]
    if values.get("phone_digits"):
        conds.append(Customer.phone_digits == values["phone_digits"])
        contact_owner = select(Contact.customer_id).where(
            Contact.phone_digits == values["phone_digits"], Contact.deleted_at.is_(None)
        )
        conds.append(Customer.id.in_(contact_owner))
    if values.get("credit_code"):
        conds.append(Customer.credit_code == values["credit_code"])
    q = select(Customer).where(or_(*conds), Customer.deleted_at.is_(None)).limit(50)
    hits: list[DuplicateHit] = []
    for c in s.scalars(q):
        if c.id == exclude_id:
            continue
        matched = []
        if c.name_key == values["name_key"]:
            matched.append("name")
        if values.get("phone_digits") and (
            c.phone_digits == values["phone_digits"]
            or s.scalar(
                select(Contact.id).where(
                    Contact.customer_id == c.id, Contact.phone_digits == values["phone_digits"]
                )
            )
        ):
            matched.append("phone")
        if values.get("credit_code") and c.credit_code == values["credit_code"]:
            matched.append("code")
        hits.append(DuplicateHit(c.id, c.code, c.name, tuple(matched)))
    return tuple(hits)


def _refuse_same_credit_code(hits: tuple[DuplicateHit, ...]) -> None:
    for hit in hits:
        if "code" in hit.matched:
            raise invalid(
                "credit_code",
                QT_TRANSLATE_NOOP(
                    "services", "Customer {code} {name} already has this credit code."
                ),
                code=hit.code,
                name=hit.name,
            )


def find_duplicates(
    ws: Workspace,
    data: CustomerInput,
    *,
    exclude_id: str | None = None,
    today: dt.date | None = None,
) -> list[DuplicateHit]:
    """Existing customers sharing the name, phone or credit code of ``data`` (form check first)."""
    values = _validate(data, today or dt.date.today())
    with ws.sessions() as s:
        return list(_duplicates(s, values, exclude_id))


def _next_code(s: Session, device: str) -> str:
    return next_local_number(s, Customer.code, f"C-{device}-")


def create_customer(
    ws: Workspace, data: CustomerInput, *, today: dt.date | None = None
) -> SaveResult:
    """Record a new customer owned by this rep; duplicates come back as warnings."""
    values = _validate(data, today or dt.date.today())
    device = device_code(ws)
    with transaction(ws.sessions) as s:
        hits = _duplicates(s, values, None)
        _refuse_same_credit_code(hits)
        owner, _ = rep_identity(s)
        customer = Customer(code=_next_code(s, device), owner=owner, **values)
        if customer.grade != "E":
            customer.next_follow_up = grades.next_follow_up_due(
                customer.grade, None, today or dt.date.today()
            )
        s.add(customer)
        s.flush()
        return SaveResult(to_row(customer), hits)


def update_customer(
    ws: Workspace, customer_id: str, data: CustomerInput, *, today: dt.date | None = None
) -> SaveResult:
    """Save an edited customer file; only changed fields reach the outbox."""
    day = today or dt.date.today()
    values = _validate(data, day)
    with transaction(ws.sessions) as s:
        customer = get_live(s, Customer, customer_id)
        hits = _duplicates(s, values, customer.id)
        _refuse_same_credit_code(hits)
        for key, value in values.items():
            setattr(customer, key, value)
        last = local_date(customer.last_contact_at) if customer.last_contact_at else None
        created = local_date(customer.created_at)
        customer.next_follow_up = grades.next_follow_up_due(customer.grade, last, created)
        s.flush()
        return SaveResult(to_row(customer), hits)


def archive_customer(ws: Workspace, customer_id: str) -> CustomerRow:
    """Grade E (no chance, 死亡客户): archived and out of follow-ups, never deleted."""
    with transaction(ws.sessions) as s:
        customer = get_live(s, Customer, customer_id)
        customer.grade = "E"
        customer.archived = True
        customer.next_follow_up = None
        s.flush()
        return to_row(customer)


def customer_input_of(ws: Workspace, customer_id: str) -> CustomerInput:
    """The stored values of a customer as a form input (to prefill the edit form)."""
    with ws.sessions() as s:
        c = get_live(s, Customer, customer_id)
        return CustomerInput(**{f.name: getattr(c, f.name) for f in fields(CustomerInput)})


def search_customers(
    ws: Workspace,
    query: str,
    *,
    limit: int = 200,
    offset: int = 0,
    grade: str | None = None,
    include_archived: bool = False,
) -> list[CustomerRow]:
    """Customers matching name, phone digits, code or pinyin ("zs" finds 张三), best first."""
    flt = SearchFilter(grade, include_archived)
    with ws.sessions() as s:
        ids = search_ids(s, query, flt, limit, offset)
        if not ids:
            return []
        cols = select(*_ROW_COLUMNS).where(Customer.id.in_(ids))
        by_id = {r.id: r for r in s.execute(cols)}
        tz = local_tz()
        return [_row_of(by_id[i], tz) for i in ids if i in by_id]


_ROW_COLUMNS = (
    Customer.id,
    Customer.code,
    Customer.name,
    Customer.kind,
    Customer.grade,
    Customer.phone,
    Customer.address,
    Customer.territory,
    Customer.next_follow_up,
    Customer.last_contact_at,
    Customer.archived,
)


def _row_of(r: Any, tz: dt.tzinfo) -> CustomerRow:
    return CustomerRow(
        r.id,
        r.code,
        r.name,
        r.kind,
        r.grade,
        mask_phone(r.phone) if r.phone else "",
        r.address,
        r.territory,
        r.next_follow_up,
        r.last_contact_at.astimezone(tz).date() if r.last_contact_at else None,
        r.archived,
    )


def get_row(ws: Workspace, customer_id: str) -> CustomerRow:
    """One customer's list row."""
    with ws.sessions() as s:
        return to_row(get_live(s, Customer, customer_id))


def get_customer(ws: Workspace, customer_id: str, today: dt.date | None = None) -> CustomerDetail:
    """The customer's page: profile, contacts, visits, quotes, orders, money, history."""
    return customer_detail.get_customer(ws, customer_id, today)
