"""Collect money and issue a receipt: the amount in capital numerals shows as the rep types."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.enums import PaymentMethod
from app.errors import WaiqinError
from app.rules.capital import amount_in_words
from app.rules.money import parse_money
from app.services import customers, receipts, receivables
from app.services.receipts import ReceiptInput, ReceiptRow
from ui import format as fmt
from ui import i18n, prefs
from ui.context import AppContext
from ui.errors import error_text, field_errors
from ui.widgets.form import FieldForm


class ReceiptDialog(QDialog):
    """Customer, bill settled, payer, amount (figures + capitals), method; issues the receipt."""

    issued = Signal(object)

    def __init__(self, ctx: AppContext, customer_id: str | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.result_row: ReceiptRow | None = None
        self.setObjectName("receiptDialog")
        self.setWindowTitle(self.tr("Collect money"))
        self.resize(560, 420)
        self.customer_label = QLabel(self.tr("No customer chosen"))
        self.customer_label.setObjectName("receiptCustomer")
        choose = QPushButton(self.tr("Choose customer…"))
        choose.setObjectName("receiptChooseCustomer")
        choose.clicked.connect(self.choose_customer)
        f = self.form = FieldForm(self, debounce_ms=100)
        self.bill = QComboBox()
        f.add("receivable", self.tr("Bill settled"), self.bill)
        f.add("payer", self.tr("Payer"), QLineEdit())
        f.add("amount", self.tr("Amount (yuan)"), QLineEdit())
        self.words = QLabel()
        self.words.setObjectName("amountInWords")
        f.layout.addRow(self.tr("In capitals"), self.words)
        method = QComboBox()
        for m in PaymentMethod:
            method.addItem(i18n.label(m), m.value)
        f.add("method", self.tr("Payment method"), method)
        f.add("settles", self.tr("For"), QLineEdit())
        f.add("note", self.tr("Note"), QLineEdit())
        self.message = QLabel()
        self.message.setObjectName("receiptMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.issue_button = buttons.addButton(
            self.tr("Issue receipt"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.issue_button.setObjectName("issueReceipt")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.issue)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.customer_label)
        layout.addWidget(choose)
        layout.addLayout(f.layout)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        f.widgets["amount"].textChanged.connect(self.update_words)
        f.edited.connect(lambda: prefs.save_draft(ctx.ws, "receipt.new", self._draft()))
        draft = prefs.load_draft(ctx.ws, "receipt.new")
        if draft and (customer_id is None or draft.get("customer_id") == customer_id):
            self.customer_id = draft.get("customer_id")
        if self.customer_id:
            self.set_customer(self.customer_id)
        if draft and draft.get("customer_id") == self.customer_id:
            f.set_values(draft.get("values", {}))
            self.update_words()

    def _draft(self) -> dict[str, Any]:
        return {"customer_id": self.customer_id, "values": self.form.values()}

    def choose_customer(self) -> None:
        """Pick the paying customer."""
        from ui.dialogs.pick_customer import CustomerPicker

        self.picker = CustomerPicker(self.ctx, self)
        self.picker.picked.connect(self.set_customer)
        self.picker.open()

    def set_customer(self, customer_id: str) -> None:
        """Set the customer; list their open bills; payer defaults to the customer."""
        self.customer_id = customer_id
        row = customers.get_row(self.ctx.ws, customer_id)
        self.customer_label.setText(f"{row.code}  {row.name}")
        self.bill.clear()
        self.bill.addItem(self.tr("— none —"), "")
        for r in receivables.list_receivables(
            self.ctx.ws, self.ctx.today(), customer_id=customer_id, include_paid=False
        ):
            self.bill.addItem(
                f"{r.document_number}  {self.tr('open')} ¥{fmt.money(r.open_amount)}", r.id
            )
        payer = self.form.widgets["payer"]
        if isinstance(payer, QLineEdit) and not payer.text():
            payer.setText(row.name)

    def update_words(self) -> None:
        """Show the amount in capital Chinese numerals (人民币大写) as typed."""
        text = self.form.values()["amount"]
        try:
            amount = parse_money(text, "amount")
        except WaiqinError as exc:
            self.words.setText("")
            if text.strip():
                self.form.show_errors(field_errors(exc))
            return
        self.form.show_errors({})
        self.words.setText(amount_in_words(amount) if amount > 0 else "")

    def issue(self) -> ReceiptRow | None:
        """Issue the receipt through the service (number taken from the receipt book)."""
        if not self.customer_id:
            self.message.setText(self.tr("Choose the customer first."))
            return None
        v = self.form.values()
        data = ReceiptInput(
            customer_id=self.customer_id,
            payer=v["payer"],
            amount=v["amount"],
            method=v["method"],
            receivable_id=v["receivable"] or None,
            settles=v["settles"] or None,
            note=v["note"] or None,
        )
        try:
            row = receipts.issue_receipt(self.ctx.ws, data)
        except WaiqinError as exc:
            rest = self.form.show_errors(field_errors(exc))
            self.message.setText("\n".join(rest) if rest else error_text(exc))
            return None
        prefs.clear_draft(self.ctx.ws, "receipt.new")
        self.result_row = row
        self.ctx.changed("receipts")
        self.issued.emit(row)
        self.accept()
        return row
