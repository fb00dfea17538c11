"""Choose a customer: search as you type over the lazy customer list."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.models.customers import CustomerListModel
from ui.models.table import ROW_ROLE


class CustomerPicker(QDialog):
    """Search box + customer table; emits ``picked(customer_id)`` on accept."""

    picked = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerPicker")
        self.setWindowTitle(self.tr("Choose a customer"))
        self.resize(760, 520)
        self.search = QLineEdit()
        self.search.setObjectName("pickerSearch")
        self.search.setPlaceholderText(self.tr("Name, phone, code or pinyin initials"))
        self.model = CustomerListModel(ctx.runner, ctx.ws)
        self.table = QTableView()
        self.table.setObjectName("pickerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(lambda: self.model.set_query(self.search.text()))
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.search.returnPressed.connect(self._first)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.model.set_query("")

    def _first(self) -> None:
        self.timer.stop()
        self.model.set_query(self.search.text())
        if self.model.rowCount():
            self.table.selectRow(0)
            self.accept()

    def choose(self, query: str) -> None:
        """Search ``query`` now and select the first match (keyboard flow, tests)."""
        self.search.setText(query)
        self.timer.stop()
        self.model.set_query(query)
        if self.model.rowCount():
            self.table.selectRow(0)

    def selected_id(self) -> str | None:
        """The chosen customer's id."""
        rows = self.table.selectionModel().selectedRows()
        index: QModelIndex = rows[0] if rows else self.model.index(-1, 0)
        value = index.data(ROW_ROLE) if index.isValid() else None
        return str(value) if value else None

    def accept(self) -> None:
        cid = self.selected_id()
        if cid is None:
            return
        super().accept()
        self.picked.emit(cid)
