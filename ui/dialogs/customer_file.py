"""The customer file (客户档案): profile, contacts, visits, quotes and orders, receivables,
complaints and change history, one tab each."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui import customer_tabs
from ui.context import AppContext
from ui.dialogs.customer_form import CustomerForm
from ui.widgets.tables import RowTable

log = logging.getLogger(__name__)


class CustomerFileDialog(QDialog):
    """Everything about one customer; the profile tab edits it (new customer: profile only)."""

    def __init__(self, ctx: AppContext, customer_id: str | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.setObjectName("customerFile")
        self.setWindowTitle(self.tr("Customer file") if customer_id else self.tr("New customer"))
        self.resize(900, 660)
        self.tabs = QTabWidget()
        self.form = CustomerForm(ctx, customer_id)
        self.form.saved.connect(self._saved)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.tabs.addTab(scroll, self.tr("Profile"))
        self.tables: dict[str, RowTable] = {}
        actions = QHBoxLayout()
        if customer_id:
            self._add_tabs(customer_id)
            for name, text, slot in (
                ("fileCheckIn", self.tr("Check in / record visit"), self._visit),
                ("fileNewQuote", self.tr("New quote"), lambda: self._document("quote")),
                ("fileNewOrder", self.tr("New order"), lambda: self._document("order")),
                ("fileCollect", self.tr("Collect money"), self._collect),
            ):
                button = QPushButton(text)
                button.setObjectName(name)
                button.clicked.connect(lambda _c=False, s=slot: s())
                actions.addWidget(button)
        actions.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        actions.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(actions)

    def _add_tabs(self, customer_id: str) -> None:
        specs: Sequence[tuple[str, str, Callable[[], Any]]] = customer_tabs.tab_specs()
        for key, title, columns_fn in specs:
            table = RowTable(columns_fn(), "tab_" + key)
            self.tables[key] = table
            self.tabs.addTab(table, title)
        self.reload()

    def reload(self) -> None:
        """Load every tab in the background."""
        if not self.customer_id:
            return
        cid, ws, today = self.customer_id, self.ctx.ws, self.ctx.today()

        def work(_t: Any) -> dict[str, list[Any]]:
            return customer_tabs.load_all(ws, cid, today)

        self.ctx.runner.run(work, name="customer-file", on_done=self._fill)

    def _fill(self, data: dict[str, list[Any]]) -> None:
        for key, rows in data.items():
            table = self.tables.get(key)
            if table is not None:
                table.set_rows(rows)

    def _saved(self, result: Any) -> None:
        if self.customer_id is None:
            self.customer_id = result.customer.id
            self.setWindowTitle(self.tr("Customer file"))

    def save_draft(self) -> None:
        """Autosave the profile form."""
        self.form.save_draft()

    def done(self, result: int) -> None:
        self.form.save_draft() if self.form.form.timer.isActive() else None
        super().done(result)

    def _visit(self) -> None:
        self.ctx.navigate.emit("visits", {"customer_id": self.customer_id, "start": True})
        self.accept()

    def _document(self, kind: str) -> None:
        self.ctx.navigate.emit("orders", {"customer_id": self.customer_id, "new": kind})
        self.accept()

    def _collect(self) -> None:
        self.ctx.navigate.emit("collections", {"customer_id": self.customer_id, "new": True})
        self.accept()
