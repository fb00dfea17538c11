"""Quotes & orders: lists with status filters; new, open, submit, withdraw, cancel, convert."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import WaiqinError
from app.services import orders, quotes
from ui import format as fmt
from ui import i18n
from ui.context import AppContext
from ui.dialogs.document_editor import DocumentEditor
from ui.errors import error_text
from ui.models.table import Column
from ui.widgets.tables import RowTable

log = logging.getLogger(__name__)


class OrdersPage(QWidget):
    """Order drafts and quotes; rejected orders show the server's reason."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.editors: list[DocumentEditor] = []
        title = QLabel(self.tr("Quotes & orders"))
        title.setObjectName("pageTitle")
        self.filter = QLineEdit()
        self.filter.setObjectName("orderFilter")
        self.filter.setPlaceholderText(self.tr("Filter by number, customer or status"))
        self.orders = RowTable(
            [
                Column(self.tr("Number"), lambda r: r.server_number or r.local_number),
                Column(
                    self.tr("Date"),
                    lambda r: fmt.date_text(r.order_date),
                    sort=lambda r: r.order_date,
                ),
                Column(self.tr("Customer"), lambda r: r.customer_name),
                Column(
                    self.tr("Status"),
                    lambda r: i18n.label(r.status),
                    color=lambda r: "#b00020" if r.status == "rejected" else None,
                ),
                Column(
                    self.tr("Total"),
                    lambda r: fmt.money(r.grand_total),
                    sort=lambda r: r.grand_total,
                    right=True,
                ),
                Column(
                    self.tr("Warnings"),
                    lambda r: str(len(r.warnings)) if r.warnings else "",
                    sort=lambda r: len(r.warnings),
                ),
                Column(self.tr("Reason"), lambda r: r.reject_reason or ""),
            ],
            "orderTable",
            stretch=2,
        )
        self.quotes = RowTable(
            [
                Column(self.tr("Number"), lambda r: r.number),
                Column(
                    self.tr("Date"),
                    lambda r: fmt.date_text(r.quote_date),
                    sort=lambda r: r.quote_date,
                ),
                Column(self.tr("Customer"), lambda r: r.customer_name),
                Column(
                    self.tr("Valid until"),
                    lambda r: fmt.date_text(r.valid_until),
                    sort=lambda r: r.valid_until,
                ),
                Column(self.tr("Status"), lambda r: i18n.label(r.status)),
                Column(
                    self.tr("Total"),
                    lambda r: fmt.money(r.grand_total),
                    sort=lambda r: r.grand_total,
                    right=True,
                ),
            ],
            "quoteTable",
            stretch=2,
        )
        self.orders.doubleClicked.connect(lambda _i: self.open_selected())
        self.quotes.doubleClicked.connect(lambda _i: self.open_selected())
        self.filter.textChanged.connect(self.orders.set_filter)
        self.filter.textChanged.connect(self.quotes.set_filter)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("orderTabs")
        self.tabs.addTab(self.orders, self.tr("Orders"))
        self.tabs.addTab(self.quotes, self.tr("Quotes"))
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        for name, text, slot in (
            ("newQuote", self.tr("New quote"), lambda: self.start_new(kind="quote")),
            ("newOrder", self.tr("New order"), lambda: self.start_new(kind="order")),
            ("openDoc", self.tr("Open"), self.open_selected),
            ("submitDoc", self.tr("Submit"), lambda: self._order_action(orders.submit_order)),
            (
                "withdrawDoc",
                self.tr("Back to draft"),
                lambda: self._order_action(orders.withdraw_order),
            ),
            ("cancelDoc", self.tr("Cancel order"), lambda: self._order_action(orders.cancel_order)),
            ("toOrder", self.tr("Quote → order"), self.quote_to_order),
        ):
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(lambda _c=False, s=slot: s())
            self.buttons[name] = b
            row.addWidget(b)
        self.message = QLabel()
        self.message.setObjectName("ordersMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        ctx.data_changed.connect(
            lambda a: self.refresh() if a in ("orders", "sync", "*") and self.isVisible() else None
        )

    def refresh(self) -> None:
        """Reload both lists."""
        self.orders.set_rows(orders.list_orders(self.ctx.ws))
        self.quotes.set_rows(quotes.list_quotes(self.ctx.ws))

    def open_item(self, arg: object) -> None:
        """From a customer file: start a quote or order for that customer."""
        if isinstance(arg, dict) and arg.get("new"):
            self.start_new(kind=str(arg["new"]), customer_id=arg.get("customer_id"))

    def start_new(self, kind: str = "order", customer_id: Any = None) -> DocumentEditor:
        """Open the editor on a new quote or order (Ctrl+Shift+N: order)."""
        editor = DocumentEditor(self.ctx, kind, None, customer_id, self)
        return self._show(editor)

    def _show(self, editor: DocumentEditor) -> DocumentEditor:
        self.editors.append(editor)
        editor.saved.connect(lambda _r: self.refresh())
        editor.finished.connect(lambda _r, e=editor: self.editors.remove(e))
        editor.open()
        return editor

    def open_selected(self) -> DocumentEditor | None:
        """Open the selected quote or order draft."""
        if self.tabs.currentIndex() == 1:
            q = self.quotes.current_row()
            return self._show(DocumentEditor(self.ctx, "quote", q.id, parent=self)) if q else None
        o = self.orders.current_row()
        if o is None:
            return None
        if o.status != "draft":
            text = self.tr("Order {number}: {status}").format(
                number=o.server_number or o.local_number, status=i18n.label(o.status)
            )
            if o.reject_reason:
                text += "\n" + self.tr("Reason: {reason}").format(reason=o.reject_reason)
            self.message.setText(text)
            return None
        return self._show(DocumentEditor(self.ctx, "order", o.id, parent=self))

    def _order_action(self, fn: Any) -> None:
        o = self.orders.current_row()
        if o is None:
            return
        try:
            fn(self.ctx.ws, o.id)
        except WaiqinError as exc:
            self.message.setText(error_text(exc))
            return
        self.ctx.changed("orders")
        self.refresh()

    def quote_to_order(self) -> None:
        """Turn the selected quote into an order draft."""
        q = self.quotes.current_row()
        if q is None:
            return
        try:
            row = orders.quote_to_order(self.ctx.ws, q.id, self.ctx.today())
        except WaiqinError as exc:
            self.message.setText(error_text(exc))
            return
        self.message.setText(
            self.tr("Order draft {number} created.").format(number=row.local_number)
        )
        self.ctx.changed("orders")
        self.refresh()
        self.tabs.setCurrentIndex(0)
