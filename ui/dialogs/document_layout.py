"""Widgets and layout of the quote / order editor (split from document_editor.py).

``build(editor)`` creates the editor's widgets as attributes of the editor, wires the
signals that only touch widgets, and lays them out. Strings keep the editor's
translation context ("DocumentEditor").
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from ui.models.lines import LinesModel

if TYPE_CHECKING:
    from ui.dialogs.document_editor import DocumentEditor


def build(ed: DocumentEditor) -> None:
    """Create the editor's widgets (customer, product search, lines, fields, totals, buttons)."""
    ed.customer_label = QLabel(QCoreApplication.translate("DocumentEditor", "No customer chosen"))
    ed.customer_label.setObjectName("docCustomer")
    choose = QPushButton(QCoreApplication.translate("DocumentEditor", "Choose customer…"))
    choose.setObjectName("docChooseCustomer")
    choose.clicked.connect(ed.choose_customer)

    ed.product_search = QLineEdit()
    ed.product_search.setObjectName("productSearch")
    ed.product_search.setPlaceholderText(
        QCoreApplication.translate(
            "DocumentEditor", "Product code, name or pinyin initials; Enter adds"
        )
    )
    ed.product_search.returnPressed.connect(ed.add_from_search)
    ed.product_hint = QLabel()
    ed.product_hint.setObjectName("productHint")
    ed.hint_timer = QTimer(ed)
    ed.hint_timer.setSingleShot(True)
    ed.hint_timer.setInterval(150)
    ed.hint_timer.timeout.connect(ed._hint)
    ed.product_search.textChanged.connect(lambda _t: ed.hint_timer.start())
    remove = QPushButton(QCoreApplication.translate("DocumentEditor", "Remove line"))
    remove.setObjectName("removeLine")
    remove.clicked.connect(ed.remove_line)

    ed.lines = LinesModel()
    ed.table = QTableView()
    ed.table.setObjectName("lineTable")
    ed.table.setModel(ed.lines)
    ed.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    ed.table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    ed.table.verticalHeader().setVisible(False)
    ed.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    ed.lines.lines_changed.connect(ed.schedule_preview)

    # document fields
    fields = QFormLayout()
    ed.date1 = QDateEdit(QDate(ed.ctx.today()))
    ed.date1.setObjectName("docDate")
    ed.date1.setCalendarPopup(True)
    ed.date1.setDisplayFormat("yyyy-MM-dd")
    ed.payment_terms = QLineEdit()
    ed.payment_terms.setObjectName("paymentTerms")
    ed.notes = QLineEdit()
    ed.notes.setObjectName("docNotes")
    if ed.kind == "quote":
        ed.date1.setDate(QDate(ed.ctx.today() + dt.timedelta(days=30)))
        fields.addRow(QCoreApplication.translate("DocumentEditor", "Valid until"), ed.date1)
        ed.delivery = QLineEdit()
        ed.delivery.setObjectName("deliveryTerms")
        fields.addRow(QCoreApplication.translate("DocumentEditor", "Delivery terms"), ed.delivery)
        ed.lead = QSpinBox()
        ed.lead.setObjectName("leadTime")
        ed.lead.setRange(0, 365)
        ed.lead.setSpecialValueText("—")
        fields.addRow(QCoreApplication.translate("DocumentEditor", "Lead time (days)"), ed.lead)
    else:
        ed.date1.setDate(QDate(ed.ctx.today() + dt.timedelta(days=2)))
        fields.addRow(QCoreApplication.translate("DocumentEditor", "Delivery date"), ed.date1)
        ed.delivery = QLineEdit()
        ed.delivery.setObjectName("deliveryAddress")
        fields.addRow(QCoreApplication.translate("DocumentEditor", "Delivery address"), ed.delivery)
    fields.addRow(QCoreApplication.translate("DocumentEditor", "Payment terms"), ed.payment_terms)
    fields.addRow(QCoreApplication.translate("DocumentEditor", "Notes"), ed.notes)

    # totals and warnings
    ed.totals: dict[str, QLabel] = {}
    grid = QGridLayout()
    for i, (key, text) in enumerate(
        (
            ("subtotal", QCoreApplication.translate("DocumentEditor", "Subtotal (ex tax)")),
            ("discount", QCoreApplication.translate("DocumentEditor", "Discount")),
            ("tax", QCoreApplication.translate("DocumentEditor", "Tax")),
            ("total", QCoreApplication.translate("DocumentEditor", "Total")),
        )
    ):
        label = QLabel("—")
        label.setObjectName("total_" + key)
        label.setStyleSheet("font-weight: bold; font-size: 15px;" if key == "total" else "")
        grid.addWidget(QLabel(text), i, 0)
        grid.addWidget(label, i, 1)
        ed.totals[key] = label
    ed.warnings = QLabel()
    ed.warnings.setObjectName("reviewWarnings")
    ed.warnings.setWordWrap(True)
    ed.warnings.setStyleSheet("color: #8a5a00;")
    ed.error = QLabel()
    ed.error.setObjectName("docError")
    ed.error.setWordWrap(True)
    ed.error.setStyleSheet("color: #b00020;")

    ed.save_button = QPushButton(QCoreApplication.translate("DocumentEditor", "Save draft"))
    ed.save_button.setObjectName("saveDocument")
    ed.save_button.clicked.connect(ed.save)
    ed.submit_button = QPushButton(QCoreApplication.translate("DocumentEditor", "Save and submit"))
    ed.submit_button.setObjectName("submitOrder")
    ed.submit_button.clicked.connect(ed.submit)
    ed.submit_button.setVisible(ed.kind == "order")
    close = QPushButton(QCoreApplication.translate("DocumentEditor", "Close"))
    close.clicked.connect(ed.reject)

    top = QHBoxLayout()
    top.addWidget(ed.customer_label, 1)
    top.addWidget(choose)
    add_row = QHBoxLayout()
    add_row.addWidget(ed.product_search, 2)
    add_row.addWidget(ed.product_hint, 3)
    add_row.addWidget(remove)
    bottom = QHBoxLayout()
    bottom.addLayout(fields, 3)
    right = QVBoxLayout()
    right.addLayout(grid)
    right.addWidget(ed.warnings)
    right.addWidget(ed.error)
    right.addStretch(1)
    bottom.addLayout(right, 2)
    buttons = QHBoxLayout()
    buttons.addStretch(1)
    for b in (ed.save_button, ed.submit_button, close):
        buttons.addWidget(b)
    layout = QVBoxLayout(ed)
    layout.addLayout(top)
    layout.addLayout(add_row)
    layout.addWidget(ed.table, 1)
    layout.addLayout(bottom)
    layout.addLayout(buttons)
