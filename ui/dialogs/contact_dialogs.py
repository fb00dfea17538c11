"""Dialogs of the customer file's people and feedback: a contact (通讯录) and a complaint.

Both check each field with the core's rules while the rep types (the same validators
the contacts service runs, so the messages are the rules' own) and save through
:mod:`app.services.contacts`; a refusal shows under the fields and keeps what was typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.enums import ContactRole
from app.errors import ValidationError, WaiqinError
from app.rules.validation import validate_date, validate_email, validate_name, validate_phone
from app.services import contacts
from app.services.contacts import ComplaintInput, ComplaintRow, ContactInput, ContactRow
from ui import i18n
from ui.context import AppContext
from ui.errors import error_text, field_errors
from ui.i18n import render
from ui.widgets.form import FieldForm, optional_date_edit

Check = Callable[[Any], object]


def _problems(checks: dict[str, Check], values: dict[str, Any]) -> dict[str, str]:
    """Run each field's rule on its value; the rule's message per refused field."""
    out: dict[str, str] = {}
    for name, check in checks.items():
        try:
            check(values.get(name))
        except ValidationError as exc:
            out[name] = render(exc.message)
    return out


def _optional(rule: Callable[[str], object]) -> Check:
    return lambda v: rule(v) if v and str(v).strip() else None


def complaint_categories() -> list[str]:
    """Suggested complaint categories (the rep may type another)."""
    return [
        QCoreApplication.translate("ComplaintDialog", "Product quality"),
        QCoreApplication.translate("ComplaintDialog", "Delivery"),
        QCoreApplication.translate("ComplaintDialog", "Price"),
        QCoreApplication.translate("ComplaintDialog", "Service"),
        QCoreApplication.translate("ComplaintDialog", "Invoice / payment"),
    ]


class _CheckedDialog(QDialog):
    """A form dialog with live rule checks and a Save button that calls ``save()``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = FieldForm(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def _finish_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self.form.layout)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.form.edited.connect(self.check)

    def checks(self) -> dict[str, Check]:
        """Field name → rule (overridden)."""
        return {}

    def check(self) -> dict[str, str]:
        """Show every field's problem under it, as the rep types; returns them."""
        problems = _problems(self.checks(), self.form.values())
        self.form.show_errors(problems)
        return problems

    def save(self) -> Any | None:
        """Save through the service (overridden)."""
        return None

    def refused(self, exc: WaiqinError) -> None:
        """Show a service refusal under the fields (or below them)."""
        rest = self.form.show_errors(field_errors(exc))
        self.message.setText(
            "\n".join(rest) if rest else ("" if field_errors(exc) else error_text(exc))
        )


class ContactDialog(_CheckedDialog):
    """Add or edit one contact person: name, title, role, phone, email, birthday, notes."""

    saved = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        customer_id: str,
        contact: ContactRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.customer_id = customer_id
        self.contact_id = contact.id if contact else None
        self.setObjectName("contactDialog")
        self.setWindowTitle(self.tr("Edit contact") if contact else self.tr("New contact"))
        f = self.form
        f.add("name", self.tr("Name"), QLineEdit())
        f.add("title", self.tr("Title"), QLineEdit())
        role = QComboBox()
        for r in ContactRole:
            role.addItem(i18n.label(r), r.value)
        f.add("role", self.tr("Role"), role)
        f.add("phone", self.tr("Phone"), QLineEdit())
        f.add("email", self.tr("Email"), QLineEdit())
        birthday = optional_date_edit()
        birthday.setMinimumDate(QDate(1900, 1, 1))
        birthday.setDate(birthday.minimumDate())
        f.add("birthday", self.tr("Birthday"), birthday)
        notes = QPlainTextEdit()
        notes.setFixedHeight(54)
        notes.setTabChangesFocus(True)
        f.add("notes", self.tr("Notes"), notes)
        if contact is not None:
            f.set_values(
                {
                    "name": contact.name,
                    "title": contact.title,
                    "role": contact.role,
                    "phone": contact.phone,
                    "email": contact.email,
                    "birthday": contact.birthday.isoformat() if contact.birthday else None,
                    "notes": contact.notes,
                }
            )
        else:
            f.set_values({"role": ContactRole.OTHER.value})
        self._finish_layout()
        self.resize(440, 420)

    def checks(self) -> dict[str, Check]:
        today = self.ctx.today()
        return {
            "name": lambda v: validate_name(v or "", "name"),
            "phone": _optional(validate_phone),
            "email": _optional(validate_email),
            "birthday": lambda v: validate_date(v, "birthday", not_after=today) if v else None,
        }

    def to_input(self) -> ContactInput:
        """The form as the service's input."""
        v = self.form.values()
        return ContactInput(
            name=v["name"],
            title=v["title"] or None,
            role=v["role"],
            phone=v["phone"] or None,
            email=v["email"] or None,
            birthday=dt.date.fromisoformat(v["birthday"]) if v["birthday"] else None,
            notes=v["notes"] or None,
        )

    def save(self) -> ContactRow | None:
        """Save through the contacts service; close on success."""
        try:
            data = self.to_input()
            row = (
                contacts.update_contact(self.ctx.ws, self.contact_id, data)
                if self.contact_id
                else contacts.add_contact(self.ctx.ws, self.customer_id, data)
            )
        except WaiqinError as exc:
            self.refused(exc)
            return None
        self.ctx.changed("customers")
        self.saved.emit(row)
        self.accept()
        return row


class ComplaintDialog(_CheckedDialog):
    """Record a complaint or feedback of a customer (open until resolved)."""

    saved = Signal(object)

    def __init__(self, ctx: AppContext, customer_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.customer_id = customer_id
        self.setObjectName("complaintDialog")
        self.setWindowTitle(self.tr("Record complaint"))
        f = self.form
        day = QDateEdit(QDate(ctx.today()))
        day.setCalendarPopup(True)
        day.setDisplayFormat("yyyy-MM-dd")
        f.add("date", self.tr("Reported on"), day)
        category = QComboBox()
        category.setEditable(True)
        category.addItem("")
        category.addItems(complaint_categories())
        f.add("category", self.tr("Category"), category)
        description = QPlainTextEdit()
        description.setFixedHeight(110)
        description.setTabChangesFocus(True)
        description.setPlaceholderText(self.tr("What the customer complained about"))
        f.add("description", self.tr("Description"), description)
        self._finish_layout()
        self.resize(480, 320)

    def checks(self) -> dict[str, Check]:
        latest = self.ctx.today() + dt.timedelta(days=1)
        return {"date": lambda v: validate_date(v, "date", not_after=latest)}

    def to_input(self) -> ComplaintInput:
        """The form as the service's input."""
        v = self.form.values()
        return ComplaintInput(
            description=v["description"],
            category=v["category"] or None,
            reported_on=dt.date.fromisoformat(v["date"]),
        )

    def save(self) -> ComplaintRow | None:
        """Record it through the contacts service; close on success."""
        try:
            row = contacts.add_complaint(self.ctx.ws, self.customer_id, self.to_input())
        except WaiqinError as exc:
            self.refused(exc)
            return None
        self.ctx.changed("customers")
        self.saved.emit(row)
        self.accept()
        return row
