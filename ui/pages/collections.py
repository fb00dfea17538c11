"""Collections: open receivables, today's receipts; collect money, void, print receipts."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import WaiqinError
from app.services import receipts, receivables
from ui import format as fmt
from ui import i18n
from ui.context import AppContext
from ui.dialogs.receipt import ReceiptDialog
from ui.errors import error_text
from ui.models.table import Column
from ui.widgets.tables import RowTable

log = logging.getLogger(__name__)


class CollectionsPage(QWidget):
    """Receivables still open (overdue first in red) and the receipts of a day."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.dialogs: list[ReceiptDialog] = []
        title = QLabel(self.tr("Collections"))
        title.setObjectName("pageTitle")
        self.receivables = RowTable(
            [
                Column(self.tr("Customer"), lambda r: r.customer_name),
                Column(self.tr("Document"), lambda r: r.document_number),
                Column(self.tr("Due"), lambda r: fmt.date_text(r.due_on), sort=lambda r: r.due_on),
                Column(
                    self.tr("Amount"),
                    lambda r: fmt.money(r.amount),
                    sort=lambda r: r.amount,
                    right=True,
                ),
                Column(
                    self.tr("Open"),
                    lambda r: fmt.money(r.open_amount),
                    sort=lambda r: r.open_amount,
                    right=True,
                ),
                Column(
                    self.tr("Status"),
                    lambda r: i18n.label(r.status.value),
                    color=lambda r: "#b00020" if r.status.value == "overdue" else None,
                ),
            ],
            "receivableTable",
            stretch=0,
        )
        self.filter = QLineEdit()
        self.filter.setObjectName("receivableFilter")
        self.filter.setPlaceholderText(self.tr("Filter receivables"))
        self.filter.textChanged.connect(self.receivables.set_filter)
        self.day = QDateEdit(QDate(ctx.today()))
        self.day.setObjectName("receiptDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.receipts = RowTable(
            [
                Column(self.tr("Number"), lambda r: r.number),
                Column(
                    self.tr("Time"),
                    lambda r: fmt.time_text(r.issued_at),
                    sort=lambda r: r.issued_at,
                ),
                Column(self.tr("Customer"), lambda r: r.customer_name),
                Column(
                    self.tr("Amount"),
                    lambda r: fmt.money(r.amount),
                    sort=lambda r: r.amount,
                    right=True,
                ),
                Column(self.tr("Method"), lambda r: i18n.label(r.method)),
                Column(
                    self.tr("Status"),
                    lambda r: self.tr("Voided") if r.voided else self.tr("Valid"),
                    color=lambda r: "#888" if r.voided else None,
                ),
                Column(self.tr("Void reason"), lambda r: r.void_reason or ""),
            ],
            "receiptTable",
            stretch=2,
        )
        self.total = QLabel()
        self.total.setObjectName("receiptTotal")
        self.reason = QLineEdit()
        self.reason.setObjectName("voidReason")
        self.reason.setPlaceholderText(self.tr("Reason for voiding the selected receipt"))
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (
            ("collect", self.tr("Collect money…"), lambda: self.collect()),
            ("collectBill", self.tr("Collect this bill…"), self.collect_bill),
            ("voidReceipt", self.tr("Void"), self.void_selected),
            ("printReceipt", self.tr("Print receipt"), self.print_selected),
        ):
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(lambda _c=False, s=slot: s())
            self.buttons[name] = b
        self.message = QLabel()
        self.message.setObjectName("collectionsMessage")
        self.message.setWordWrap(True)

        top = QWidget()
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        r1 = QHBoxLayout()
        r1.addWidget(QLabel(self.tr("Open receivables")))
        r1.addWidget(self.filter, 1)
        r1.addWidget(self.buttons["collectBill"])
        tv.addLayout(r1)
        tv.addWidget(self.receivables, 1)
        bottom = QWidget()
        bv = QVBoxLayout(bottom)
        bv.setContentsMargins(0, 0, 0, 0)
        r2 = QHBoxLayout()
        r2.addWidget(QLabel(self.tr("Receipts of")))
        r2.addWidget(self.day)
        r2.addWidget(self.total, 1)
        r2.addWidget(self.buttons["collect"])
        r2.addWidget(self.buttons["printReceipt"])
        bv.addLayout(r2)
        bv.addWidget(self.receipts, 1)
        r3 = QHBoxLayout()
        r3.addWidget(self.reason, 1)
        r3.addWidget(self.buttons["voidReceipt"])
        bv.addLayout(r3)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        ctx.data_changed.connect(
            lambda a: (
                self.refresh() if a in ("receipts", "sync", "*") and self.isVisible() else None
            )
        )

    def refresh(self) -> None:
        """Reload receivables and the day's receipts."""
        ws, today = self.ctx.ws, self.ctx.today()
        self.receivables.set_rows(receivables.list_receivables(ws, today, include_paid=False))
        day = self.day.date().toPython()
        rows = receipts.list_receipts(ws, day=day)
        self.receipts.set_rows(rows)
        total = sum((r.amount for r in rows if not r.voided), start=0)
        self.total.setText(
            self.tr("{n} receipts, collected ¥{total}").format(
                n=sum(1 for r in rows if not r.voided), total=fmt.money(total)
            )
        )

    def open_item(self, arg: object) -> None:
        """From a customer file: collect money from that customer."""
        if isinstance(arg, dict) and arg.get("new"):
            self.collect(arg.get("customer_id"))

    def collect(self, customer_id: Any = None) -> ReceiptDialog:
        """Open the receipt dialog."""
        dialog = ReceiptDialog(self.ctx, customer_id, self)
        self.dialogs.append(dialog)
        dialog.issued.connect(self._issued)
        dialog.finished.connect(lambda _r, d=dialog: self.dialogs.remove(d))
        dialog.open()
        return dialog

    def collect_bill(self) -> ReceiptDialog | None:
        """Collect the selected receivable (bill preselected)."""
        row = self.receivables.current_row()
        if row is None:
            return None
        dialog = self.collect(row.customer_id)
        dialog.bill.setCurrentIndex(max(dialog.bill.findData(row.id), 0))
        dialog.form.widgets["amount"].setText(f"{row.open_amount}")  # type: ignore[attr-defined]
        return dialog

    def _issued(self, row: Any) -> None:
        self.message.setText(
            self.tr("Receipt {number} issued: ¥{amount} ({words}).").format(
                number=row.number, amount=fmt.money(row.amount), words=row.amount_in_words
            )
        )
        self.refresh()

    def void_selected(self) -> None:
        """Void the selected receipt with the reason typed (its number stays used)."""
        row = self.receipts.current_row()
        if row is None:
            self.message.setText(self.tr("Select a receipt first."))
            return
        try:
            receipts.void_receipt(self.ctx.ws, row.id, self.reason.text())
        except WaiqinError as exc:
            self.message.setText(error_text(exc))
            return
        self.reason.clear()
        self.message.setText(self.tr("Receipt {number} voided.").format(number=row.number))
        self.ctx.changed("receipts")
        self.refresh()

    def print_selected(self) -> None:
        """Render the selected receipt's PDF in the background and open it."""
        row = self.receipts.current_row()
        if row is None:
            self.message.setText(self.tr("Select a receipt first."))
            return
        from app.services import printing

        out = Path(self.ctx.ws.subdir("documents")) / f"{row.number}.pdf"
        ws = self.ctx.ws
        lang = i18n.current_language()
        self.message.setText(self.tr("Printing {number}…").format(number=row.number))
        self.ctx.runner.run(
            lambda _t: printing.print_receipt(ws, row.id, out, language=lang),
            name="pdf",
            on_done=self._printed,
            on_error=lambda exc: self.message.setText(error_text(exc)),
        )

    def _printed(self, path: Any) -> None:
        from ui.widgets.open_file import open_file

        self.message.setText(self.tr("Saved {path}").format(path=str(path)))
        open_file(Path(path))
