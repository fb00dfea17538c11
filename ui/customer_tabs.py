"""Tabs of the customer file: their columns and loaders (services first, plain reads else).

Loaders run on the worker pool and return plain rows; nothing here decides
business rules, it only lists what the services (or the tables) hold.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select

from app.models import Complaint, Contact, OrderDraft, OutboxEntry, Quote, Visit
from app.rules.masking import mask_phone
from app.services import receipts, receivables
from app.workspace import Workspace
from ui import format as fmt
from ui import i18n
from ui.models.table import Column

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SimpleRow:
    """A generic row of a customer-file tab."""

    cells: tuple[Any, ...]
    id: str = ""


def _service(module: str, name: str) -> Callable[..., Any] | None:
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return None
    fn = getattr(mod, name, None)
    return fn if callable(fn) else None


def _cols(titles: list[str], kinds: str = "") -> list[Column[SimpleRow]]:
    out: list[Column[SimpleRow]] = []
    for i, title in enumerate(titles):
        kind = kinds[i] if i < len(kinds) else "t"
        out.append(
            Column(
                title,
                (lambda r, i=i, k=kind: _display(r.cells[i], k)),
                sort=(lambda r, i=i: r.cells[i]),
                right=(kind == "m"),
            )
        )
    return out


def _display(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "m":
        return fmt.money(value)
    if kind == "e":
        return i18n.label(str(value))
    if isinstance(value, dt.datetime):
        return fmt.datetime_text(value)
    if isinstance(value, dt.date):
        return fmt.date_text(value)
    if isinstance(value, bool):
        return "✓" if value else ""
    return str(value)


def tab_specs() -> list[tuple[str, str, Callable[[], list[Column[SimpleRow]]]]]:
    """(key, translated title, columns factory) of each tab after Profile."""
    return [
        (
            "contacts",
            QCoreApplication.translate("CustomerFile", "Contacts"),
            lambda: _cols(
                [
                    QCoreApplication.translate("CustomerFile", "Name"),
                    QCoreApplication.translate("CustomerFile", "Title"),
                    QCoreApplication.translate("CustomerFile", "Role"),
                    QCoreApplication.translate("CustomerFile", "Phone"),
                ],
                "tte",
            ),
        ),
        (
            "visits",
            QCoreApplication.translate("CustomerFile", "Visit history"),
            lambda: _cols(
                [
                    QCoreApplication.translate("CustomerFile", "Check-in"),
                    QCoreApplication.translate("CustomerFile", "Kind"),
                    QCoreApplication.translate("CustomerFile", "Stage"),
                    QCoreApplication.translate("CustomerFile", "Situation"),
                    QCoreApplication.translate("CustomerFile", "Next follow-up"),
                ],
                "teet",
            ),
        ),
        (
            "documents",
            QCoreApplication.translate("CustomerFile", "Quotes and orders"),
            lambda: _cols(
                [
                    QCoreApplication.translate("CustomerFile", "Number"),
                    QCoreApplication.translate("CustomerFile", "Type"),
                    QCoreApplication.translate("CustomerFile", "Date"),
                    QCoreApplication.translate("CustomerFile", "Status"),
                    QCoreApplication.translate("CustomerFile", "Total"),
                ],
                "tttem",
            ),
        ),
        (
            "receivables",
            QCoreApplication.translate("CustomerFile", "Receivables"),
            lambda: _cols(
                [
                    QCoreApplication.translate("CustomerFile", "Document"),
                    QCoreApplication.translate("CustomerFile", "Due"),
                    QCoreApplication.translate("CustomerFile", "Amount"),
                    QCoreApplication.translate("CustomerFile", "Open"),
                    QCoreApplication.translate("CustomerFile", "Status"),
                ],
                "ttmme",
            ),
        ),
        (
            "receipts",
            QCoreApplication.translate("CustomerFile", "Receipts"),
            lambda: _cols(
                [
                    QCoreApplication.translate("CustomerFile", "Number"),
                    QCoreApplication.translate("CustomerFile", "Issued"),
                    QCoreApplication.translate("CustomerFile", "Amount"),
                    QCoreApplication.translate("CustomerFile", "Method"),
                    QCoreApplication.translate("CustomerFile", "Voided"),
                ],
                "ttmet",
            ),
        ),
        (
            "complaints",
            QCoreApplication.translate("CustomerFile", "Complaints"),
            lambda: _cols(
                [
                    QCoreApplication.translate("CustomerFile", "Date"),
                    QCoreApplication.translate("CustomerFile", "Category"),
                    QCoreApplication.translate("CustomerFile", "Description"),
                    QCoreApplication.translate("CustomerFile", "Status"),
                ],
                "ttte",
            ),
        ),
        (
            "history",
            QCoreApplication.translate("CustomerFile", "Change history"),
            lambda: _cols(
                [
                    QCoreApplication.translate("CustomerFile", "When"),
                    QCoreApplication.translate("CustomerFile", "Record"),
                    QCoreApplication.translate("CustomerFile", "Change"),
                    QCoreApplication.translate("CustomerFile", "Fields"),
                ],
                "tttt",
            ),
        ),
    ]


def load_all(ws: Workspace, customer_id: str, today: dt.date) -> dict[str, list[SimpleRow]]:
    """Rows of every tab of one customer."""
    out: dict[str, list[SimpleRow]] = {}
    with ws.sessions() as s:
        out["contacts"] = [
            SimpleRow((c.name, c.title, c.role, mask_phone(c.phone) if c.phone else ""), c.id)
            for c in s.scalars(
                select(Contact)
                .where(Contact.customer_id == customer_id, Contact.deleted_at.is_(None))
                .order_by(Contact.name)
            )
        ]
        out["visits"] = [
            SimpleRow(
                (v.check_in_at, v.kind, v.stage, (v.situation or "")[:60], v.next_follow_up), v.id
            )
            for v in s.scalars(
                select(Visit)
                .where(Visit.customer_id == customer_id, Visit.deleted_at.is_(None))
                .order_by(Visit.check_in_at.desc())
                .limit(500)
            )
        ]
        docs = [
            SimpleRow(
                (
                    q.number,
                    QCoreApplication.translate("CustomerFile", "Quote"),
                    q.quote_date,
                    q.status,
                    q.grand_total,
                ),
                q.id,
            )
            for q in s.scalars(
                select(Quote).where(Quote.customer_id == customer_id, Quote.deleted_at.is_(None))
            )
        ]
        docs += [
            SimpleRow(
                (
                    o.server_number or o.local_number,
                    QCoreApplication.translate("CustomerFile", "Order"),
                    o.order_date,
                    o.status,
                    o.grand_total,
                ),
                o.id,
            )
            for o in s.scalars(
                select(OrderDraft).where(
                    OrderDraft.customer_id == customer_id, OrderDraft.deleted_at.is_(None)
                )
            )
        ]
        out["documents"] = sorted(docs, key=lambda r: r.cells[2], reverse=True)
        out["complaints"] = [
            SimpleRow((c.reported_on, c.category, c.description[:80], c.status), c.id)
            for c in s.scalars(
                select(Complaint)
                .where(Complaint.customer_id == customer_id, Complaint.deleted_at.is_(None))
                .order_by(Complaint.reported_on.desc())
            )
        ]
        out["history"] = [
            SimpleRow((e.created_at, e.entity, e.op, ", ".join(e.changed or [])), str(e.id))
            for e in s.scalars(
                select(OutboxEntry)
                .where(OutboxEntry.entity_id == customer_id)
                .order_by(OutboxEntry.id.desc())
                .limit(200)
            )
        ]
    out["receivables"] = [
        SimpleRow((r.document_number, r.due_on, r.amount, r.open_amount, r.status.value), r.id)
        for r in receivables.list_receivables(ws, today, customer_id=customer_id)
    ]
    out["receipts"] = [
        SimpleRow((r.number, r.issued_at, r.amount, r.method, r.voided), r.id)
        for r in receipts.list_receipts(ws, customer_id=customer_id)
    ]
    return out
