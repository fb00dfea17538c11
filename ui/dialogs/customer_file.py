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

from app.services import contacts
from ui import customer_tabs
from ui.context import AppContext
from ui.dialogs.contact_dialogs import ComplaintDialog, ContactDialog
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
        self.tab_buttons: dict[str, QPushButton] = {}
        for key, title, columns_fn in specs:
            table = RowTable(columns_fn(), "tab_" + key)
            self.tables[key] = table
            self.tabs.addTab(self._with_buttons(key, table), title)
        self.tables["contacts"].doubleClicked.connect(lambda _i: self.edit_contact())
        self.reload()

    def _with_buttons(self, key: str, table: RowTable) -> QWidget:
        """The contacts and complaints tabs get their action buttons under the table."""
        actions: list[tuple[str, str, Callable[[], Any]]] = []
        if key == "contacts":
            actions = [
                ("addContact", self.tr("Add contact…"), self.add_contact),
                ("editContact", self.tr("Edit contact…"), self.edit_contact),
            ]
        elif key == "complaints":
            actions = [("addComplaint", self.tr("Record complaint…"), self.add_complaint)]
        if not actions:
            return table
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(table, 1)
        row = QHBoxLayout()
        for name, text, slot in actions:
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _c=False, s=slot: s())
            row.addWidget(button)
            self.tab_buttons[name] = button
        row.addStretch(1)
        col.addLayout(row)
        return box

    # ----- contacts and complaints ------------------------------------------------------
    def _open_child(self, dialog: QDialog) -> QDialog:
        dialog.saved.connect(lambda _r: self.reload())  # type: ignore[attr-defined]
        self.child = dialog
        dialog.open()
        return dialog

    def add_contact(self) -> QDialog | None:
        """Add a contact person (decision maker, influencer...)."""
        if not self.customer_id:
            return None
        return self._open_child(ContactDialog(self.ctx, self.customer_id, None, self))

    def edit_contact(self) -> QDialog | None:
        """Edit the selected contact."""
        row = self.tables["contacts"].current_row()
        if row is None or not self.customer_id:
            return None
        current = {c.id: c for c in contacts.list_contacts(self.ctx.ws, self.customer_id)}
        if row.id not in current:
            return None
        return self._open_child(ContactDialog(self.ctx, self.customer_id, current[row.id], self))

    def add_complaint(self) -> QDialog | None:
        """Record a complaint of this customer."""
        if not self.customer_id:
            return None
        return self._open_child(ComplaintDialog(self.ctx, self.customer_id, self))

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
