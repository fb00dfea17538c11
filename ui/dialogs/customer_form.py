"""The customer profile form: validated as the rep types, duplicates flagged, draft autosaved."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.enums import CustomerKind, CustomerSource, Grade, Intention
from app.errors import WaiqinError
from app.services import customers as service
from app.services.customers import CustomerInput, SaveResult
from ui import i18n, prefs
from ui.context import AppContext
from ui.errors import error_text, field_errors
from ui.widgets.form import FieldForm, optional_date_edit


def combo(values: list[str], *, empty: bool = False) -> QComboBox:
    """A combo box of enum codes shown with their translated labels."""
    box = QComboBox()
    if empty:
        box.addItem("—", "")
    for v in values:
        box.addItem(i18n.label(v), v)
    return box


def to_input(values: dict[str, Any]) -> CustomerInput:
    """Form values (plain data) to the service's input."""
    known = {f.name for f in fields(CustomerInput)}
    data: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            continue
        if key in ("expected_close", "birthday"):
            value = dt.date.fromisoformat(value) if value else None
        elif key in ("potential", "payment_rating"):
            value = int(value) or None
        elif isinstance(value, str):
            value = value if value.strip() else None
            if key in ("name", "kind", "grade") and value is None:
                value = ""
        data[key] = value
    return CustomerInput(**data)


def from_input(data: CustomerInput) -> dict[str, Any]:
    """The service's input as form values."""
    out: dict[str, Any] = {}
    for f in fields(CustomerInput):
        value = getattr(data, f.name)
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif value is None:
            value = "" if f.name not in ("potential", "payment_rating") else 0
        out[f.name] = value if not hasattr(value, "as_tuple") else str(value)
    return out


class CustomerForm(QWidget):
    """Edit (or create) one customer's profile through the customers service."""

    saved = Signal(object)

    def __init__(self, ctx: AppContext, customer_id: str | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.customer_id = customer_id
        self.draft_name = "customer." + (customer_id or "new")
        self.form = FieldForm(self)
        f = self.form
        f.add("name", self.tr("Name"), QLineEdit())
        f.add("kind", self.tr("Kind"), combo(list(CustomerKind)))
        f.add("grade", self.tr("Grade"), combo(list(Grade)))
        f.add("expected_close", self.tr("Expected close"), optional_date_edit())
        f.add("intention", self.tr("Intention"), combo(list(Intention), empty=True))
        f.add("phone", self.tr("Phone"), QLineEdit())
        f.add("email", self.tr("Email"), QLineEdit())
        f.add("address", self.tr("Address"), QLineEdit())
        f.add("source", self.tr("Source"), combo(list(CustomerSource), empty=True))
        f.add("territory", self.tr("Territory"), QLineEdit())
        f.add("credit_code", self.tr("Credit code"), QLineEdit())
        f.add("legal_rep", self.tr("Legal representative"), QLineEdit())
        f.add("bank_name", self.tr("Bank"), QLineEdit())
        f.add("bank_account", self.tr("Bank account"), QLineEdit())
        f.add("tax_id", self.tr("Tax ID"), QLineEdit())
        f.add("id_number", self.tr("ID number"), QLineEdit())
        f.add("credit_limit", self.tr("Credit limit (yuan)"), QLineEdit())
        potential = QSpinBox()
        potential.setRange(0, 5)
        potential.setSpecialValueText("—")
        f.add("potential", self.tr("Potential (1-5)"), potential)
        notes = QPlainTextEdit()
        notes.setFixedHeight(60)
        f.add("notes", self.tr("Notes"), notes)
        self.message = QLabel()
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveCustomer")
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(f.layout)
        layout.addWidget(self.message)
        layout.addWidget(self.save_button)
        self._load()
        f.edited.connect(self.on_edited)

    def _load(self) -> None:
        draft = prefs.load_draft(self.ctx.ws, self.draft_name)
        if self.customer_id:
            self.form.set_values(
                from_input(service.customer_input_of(self.ctx.ws, self.customer_id))
            )
        else:
            self.form.set_values(from_input(CustomerInput(name="")))
        if draft:
            self.form.set_values(draft)
            self.message.setText(self.tr("Restored your unsaved changes."))

    def save_draft(self) -> None:
        """Autosave what was typed (the workspace keeps it, encrypted)."""
        prefs.save_draft(self.ctx.ws, self.draft_name, self.form.values())

    def on_edited(self) -> None:
        """Live check: the service's validation and duplicate search, in the background."""
        self.save_draft()
        try:
            data = to_input(self.form.values())
        except ValueError:
            return
        ws, cid = self.ctx.ws, self.customer_id
        today = self.ctx.today()
        self.ctx.runner.run(
            lambda _t: service.find_duplicates(ws, data, exclude_id=cid, today=today),
            name="customer-check",
            on_done=self._show_duplicates,
            on_error=self._show_error,
        )

    def _show_duplicates(self, hits: list[Any]) -> None:
        self.form.show_errors({})
        if hits:
            names = "; ".join(f"{h.code} {h.name}" for h in hits[:3])
            self.message.setText(self.tr("Possible duplicate of: {names}").format(names=names))
        else:
            self.message.setText("")

    def _show_error(self, exc: BaseException) -> None:
        errors = field_errors(exc)
        if not errors:
            self.message.setText(error_text(exc))
            return
        rest = self.form.show_errors(errors)
        self.message.setText("\n".join(rest))

    def save(self) -> SaveResult | None:
        """Save through the service; on refusal the errors show and nothing typed is lost."""
        self.save_draft()
        try:
            data = to_input(self.form.values())
            if self.customer_id:
                result = service.update_customer(
                    self.ctx.ws, self.customer_id, data, today=self.ctx.today()
                )
            else:
                result = service.create_customer(self.ctx.ws, data, today=self.ctx.today())
        except Exception as exc:
            if not isinstance(exc, WaiqinError):
                raise
            self._show_error(exc)
            return None
        prefs.clear_draft(self.ctx.ws, self.draft_name)
        self.customer_id = result.customer.id
        self.draft_name = "customer." + result.customer.id
        self.form.show_errors({})
        self._show_duplicates(list(result.duplicates))
        if not result.duplicates:
            self.message.setText(self.tr("Saved."))
        self.ctx.changed("customers")
        self.saved.emit(result)
        return result
