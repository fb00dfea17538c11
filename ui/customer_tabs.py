"""Tabs of the customer file: their columns and loaders (services first, plain reads else).

Loaders run on the worker pool and return plain rows; nothing here decides
business rules, it only lists what the services (or the tables) hold.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.rules.masking import mask_phone
from app.services import customer_detail
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
                    QCoreApplication.translate("CustomerFile", "Change"),
                    QCoreApplication.translate("CustomerFile", "Fields"),
                    QCoreApplication.translate("CustomerFile", "Synced"),
                ],
                "tttt",
            ),
        ),
    ]


def load_all(ws: Workspace, customer_id: str, today: dt.date) -> dict[str, list[SimpleRow]]:
    """Rows of every tab of one customer, from the customer detail service."""
    d = customer_detail.get_customer(ws, customer_id, today)
    quote_t = QCoreApplication.translate("CustomerFile", "Quote")
    order_t = QCoreApplication.translate("CustomerFile", "Order")
    docs = [
        SimpleRow((q.number, quote_t, q.quote_date, q.status, q.grand_total), q.id)
        for q in d.quotes
    ]
    docs += [
        SimpleRow(
            (o.server_number or o.local_number, order_t, o.order_date, o.status, o.grand_total),
            o.id,
        )
        for o in d.orders
    ]
    return {
        "contacts": [
            SimpleRow((c.name, c.title, c.role, mask_phone(c.phone) if c.phone else ""), c.id)
            for c in d.contacts
        ],
        "visits": [
            SimpleRow(
                (v.check_in_at, v.kind, v.stage, (v.situation or "")[:60], v.next_follow_up), v.id
            )
            for v in d.visits
        ],
        "documents": sorted(docs, key=lambda r: r.cells[2], reverse=True),
        "receivables": [
            SimpleRow((r.document_number, r.due_on, r.amount, r.open_amount, r.status.value), r.id)
            for r in d.receivables
        ],
        "receipts": [
            SimpleRow((r.number, r.issued_at, r.amount, r.method, r.voided), r.id)
            for r in d.receipts
        ],
        "complaints": [
            SimpleRow((c.reported_on, c.category, c.description[:80], c.status), c.id)
            for c in d.complaints
        ],
        "history": [SimpleRow((h.at, h.action, ", ".join(h.changed), h.synced)) for h in d.history],
    }
