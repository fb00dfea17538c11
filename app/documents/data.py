"""View models of the printed documents: plain frozen dataclasses, no database.

The service layer fills these from records; amounts are ``Decimal`` values already
computed and rounded by :mod:`app.rules`. The documents only format and print them
(the daily report also sums already-rounded figures). Sensitive numbers are passed
in full; each document masks what it must not print in full.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path


@dataclass(frozen=True)
class Company:
    """The letterhead: our own company. Its bank account is printed in full."""

    name: str
    address: str = ""
    phone: str = ""
    tax_id: str = ""
    bank_name: str = ""
    bank_account: str = ""
    logo_path: Path | None = None


@dataclass(frozen=True)
class Party:
    """A customer as printed on a quote, order or receipt."""

    name: str
    address: str = ""
    contact: str = ""
    phone: str = ""
    tax_id: str = ""


@dataclass(frozen=True)
class Rep:
    """The sales rep (业务员) who issues the document."""

    name: str
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class LineItem:
    """One product line of a quote or order; ``amount`` is computed by app.rules.

    ``discount_pct`` is a percentage as in app.rules.validation (5 = 5 % off, 0 = none);
    ``tax_rate`` a fraction as in app.rules.tax (0.13 = 13 % VAT).
    """

    code: str
    name: str
    spec: str
    unit: str
    quantity: Decimal
    unit_price: Decimal
    discount_pct: Decimal
    tax_rate: Decimal
    amount: Decimal


@dataclass(frozen=True)
class QuoteDoc:
    """报价单: a priced offer to a customer, valid until a date."""

    company: Company
    number: str
    quote_date: date
    customer: Party
    lines: tuple[LineItem, ...]
    subtotal: Decimal
    tax: Decimal
    total: Decimal
    payment_terms: str
    delivery_terms: str
    lead_time_days: int
    valid_until: date
    prices_as_of: date
    rep: Rep
    notes: str = ""


@dataclass(frozen=True)
class ReceiptDoc:
    """收款收据: one collection; printed as three copies (存根联, 客户联, 财务联).

    ``print_count`` is 1 for the first print; a higher count marks a reprint (补打).
    """

    company: Company
    number: str
    receipt_date: date
    payer: str
    amount: Decimal
    method: str
    settles: str
    collector: str
    print_count: int = 1
    voided: bool = False
    void_reason: str = ""
    notes: str = ""


@dataclass(frozen=True)
class GradeVisits:
    """Visits planned vs done for one customer grade (A-E) on the report day."""

    grade: str
    planned: int
    done: int


@dataclass(frozen=True)
class NewCustomer:
    """A customer recorded on the report day."""

    name: str
    grade: str
    source: str = ""


@dataclass(frozen=True)
class ReceiptSummary:
    """A receipt issued on the report day; voided ones are listed, not summed."""

    number: str
    payer: str
    method: str
    amount: Decimal
    voided: bool = False


@dataclass(frozen=True)
class ProblemNote:
    """A problem met on the day (遇到问题) and its solution (解决方案)."""

    customer: str
    problem: str
    solution: str


@dataclass(frozen=True)
class PlanItem:
    """One visit planned for tomorrow."""

    customer: str
    purpose: str
    planned_time: time | None = None


@dataclass(frozen=True)
class DailyReportDoc:
    """销售日报: the rep's end-of-day report.

    ``conversion_rate`` (成交率) is a fraction (0.25 = 25 %), None when undefined.
    """

    company: Company
    report_date: date
    rep: Rep
    territory: str
    visits: tuple[GradeVisits, ...]
    new_customers: tuple[NewCustomer, ...]
    follow_ups_due: int
    follow_ups_done: int
    quotes_count: int
    quotes_amount: Decimal
    orders_count: int
    orders_amount: Decimal
    receipts: tuple[ReceiptSummary, ...]
    conversion_rate: Decimal | None
    problems: tuple[ProblemNote, ...]
    tomorrow: tuple[PlanItem, ...]
    remarks: str = ""


@dataclass(frozen=True)
class RouteStop:
    """One stop of a day's visit plan, in visiting order."""

    seq: int
    customer: str
    grade: str
    address: str
    contact: str
    phone: str
    purpose: str
    planned_time: time | None = None
    appointment_confirmed: bool = False
    last_visit: date | None = None
    open_issues: str = ""


@dataclass(frozen=True)
class RouteSheetDoc:
    """拜访计划: the route sheet a rep carries for one day."""

    company: Company
    visit_date: date
    rep: Rep
    stops: tuple[RouteStop, ...]
    materials: tuple[str, ...] = ()
    approved_by: str = ""


@dataclass(frozen=True)
class OrderDoc:
    """订单确认: an order for the customer to confirm and sign.

    ``number`` is the server's official number, None until the server accepted it;
    ``draft_number`` is the local reference that always exists.
    """

    company: Company
    number: str | None
    draft_number: str
    order_date: date
    status: str
    customer: Party
    lines: tuple[LineItem, ...]
    subtotal: Decimal
    tax: Decimal
    total: Decimal
    payment_terms: str
    delivery_terms: str
    delivery_date: date | None
    delivery_address: str
    rep: Rep
    notes: str = ""


@dataclass(frozen=True)
class FollowUp:
    """One row of the tracking table: what happened, the problem, the solution."""

    when: datetime
    situation: str
    problem: str
    solution: str


@dataclass(frozen=True)
class TrackingCustomer:
    """The basic-information block of the tracking table.

    ``id_number`` (person) and ``bank_account`` are given in full and printed masked.
    """

    name: str
    kind: str
    grade: str
    address: str = ""
    phone: str = ""
    contact: str = ""
    contact_title: str = ""
    id_number: str = ""
    credit_code: str = ""
    bank_name: str = ""
    bank_account: str = ""
    source: str = ""
    intention: str = ""
    owner: str = ""
    first_contact: date | None = None
    needs: str = ""


@dataclass(frozen=True)
class TrackingDoc:
    """客户基本信息及业务跟踪情况表: a customer's file and follow-up history."""

    company: Company
    customer: TrackingCustomer
    follow_ups: tuple[FollowUp, ...]
    printed_on: date
    rep: Rep
