"""Customers page: search as you type over 100,000 customers; open a customer's file."""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.enums import Grade
from ui.context import AppContext
from ui.errors import error_text
from ui.models.customers import CustomerListModel
from ui.models.table import ROW_ROLE, make_proxy
from ui.widgets.privacy import PrivacyCurtain

log = logging.getLogger(__name__)

DEBOUNCE_MS = 150


class CustomersPage(QWidget):
    """Search box (name, phone, code, pinyin initials), grade filter, lazy customer table."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.search = QLineEdit()
        self.search.setObjectName("customerSearch")
        self.search.setPlaceholderText(
            self.tr("Search by name, phone, code or pinyin initials (e.g. zs)")
        )
        self.search.setClearButtonEnabled(True)
        self.grade = QComboBox()
        self.grade.setObjectName("gradeFilter")
        self.grade.addItem(self.tr("All grades"), None)
        for g in Grade:
            self.grade.addItem(self.tr("Grade {grade}").format(grade=g.value), g.value)
        self.count = QLabel()
        self.count.setObjectName("customerCount")
        self.new_button = QPushButton(self.tr("New customer"))
        self.new_button.setObjectName("newCustomer")
        self.new_button.clicked.connect(lambda: self.open_item(None))

        self.model = CustomerListModel(ctx.runner, ctx.ws)
        self.model.count_changed.connect(self._show_count)
        self.model.failed.connect(lambda exc: self.count.setText(error_text(exc)))
        self.proxy = make_proxy(self.model, self)
        self.table = QTableView()
        self.table.setObjectName("customerTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        self.table.doubleClicked.connect(self._open_index)
        for col, width in ((0, 130), (2, 90), (3, 50), (4, 120), (5, 110), (6, 130), (7, 130)):
            self.table.setColumnWidth(col, width)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.grade.currentIndexChanged.connect(lambda _i: self.run_search())
        self.search.returnPressed.connect(self._open_first)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.grade)
        top.addWidget(self.new_button)
        self.curtain = PrivacyCurtain()
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.curtain)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Customers"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.count)
        layout.addWidget(self.body, 1)
        ctx.privacy_changed.connect(self._privacy)
        ctx.data_changed.connect(self._data_changed)
        self._privacy(ctx.privacy)
        self.dialogs: list[QWidget] = []
        self._started = False

    def refresh(self) -> None:
        """First show: load the first page."""
        if not self._started:
            self._started = True
            self.run_search()

    def _data_changed(self, area: str) -> None:
        if area in ("customers", "sync", "*") and self._started:
            self.model.refresh()

    def run_search(self) -> None:
        """Search now with the box's text and the grade filter."""
        self._started = True
        self.timer.stop()
        self.model.set_query(self.search.text(), self.grade.currentData())

    def focus_search(self) -> None:
        """Put the cursor in the search box (Ctrl+F)."""
        self.search.setFocus()
        self.search.selectAll()

    def _show_count(self, n: int) -> None:
        self.count.setText(self.tr("{n} customers").format(n=f"{n:,}"))

    def _privacy(self, on: bool) -> None:
        self.body.setCurrentIndex(1 if on else 0)

    def _open_index(self, index: QModelIndex) -> None:
        cid = index.data(ROW_ROLE)
        if cid:
            self.open_item(str(cid))

    def _open_first(self) -> None:
        index = self.proxy.index(0, 0)
        if index.isValid():
            self._open_index(index)

    def selected_id(self) -> str | None:
        """Id of the selected customer."""
        rows = self.table.selectionModel().selectedRows()
        return str(rows[0].data(ROW_ROLE)) if rows else None

    def open_item(self, customer_id: object) -> None:
        """Open a customer's file (None: a new customer)."""
        from ui.dialogs.customer_file import CustomerFileDialog

        dialog = CustomerFileDialog(self.ctx, str(customer_id) if customer_id else None, self)
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self.dialogs.remove(d))
        dialog.open()
