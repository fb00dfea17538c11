"""The editable line table of the quote/order editor (quantity, price, discount, gift)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal

from app.rules.pricing import LineTotals
from app.services.doc_lines import LineDraft
from ui import format as fmt
from ui.models.table import SORT_ROLE, Index, sort_key


@dataclass(frozen=True)
class EditLine:
    """A line as typed: the product snapshot plus the rep's text for the numbers."""

    product_id: str
    code: str
    name: str
    unit: str
    tax_rate: Decimal
    quantity: str = "1"
    unit_price: str = ""
    discount_pct: str = "0"
    is_gift: bool = False

    def draft(self) -> LineDraft:
        """The service's line input."""
        return LineDraft(
            self.product_id,
            self.quantity.strip() or "0",
            self.unit_price.strip() or None,
            self.discount_pct.strip() or "0",
            self.is_gift,
        )


QTY, PRICE, DISCOUNT, GIFT = 3, 4, 5, 6
EDITABLE = {QTY: "quantity", PRICE: "unit_price", DISCOUNT: "discount_pct"}


class LinesModel(QAbstractTableModel):
    """Lines being edited; totals per line come from the live preview."""

    lines_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[EditLine] = []
        self.totals: list[LineTotals | None] = []
        self.flags_by_line: dict[int, str] = {}
        self.headers = [
            QCoreApplication.translate("LinesModel", "Code"),
            QCoreApplication.translate("LinesModel", "Product"),
            QCoreApplication.translate("LinesModel", "Unit"),
            QCoreApplication.translate("LinesModel", "Quantity"),
            QCoreApplication.translate("LinesModel", "Unit price"),
            QCoreApplication.translate("LinesModel", "Discount %"),
            QCoreApplication.translate("LinesModel", "Gift"),
            QCoreApplication.translate("LinesModel", "Tax rate"),
            QCoreApplication.translate("LinesModel", "Net"),
            QCoreApplication.translate("LinesModel", "Tax"),
            QCoreApplication.translate("LinesModel", "Total"),
        ]

    def set_lines(self, lines: list[EditLine]) -> None:
        """Replace all lines."""
        self.beginResetModel()
        self.lines = list(lines)
        self.totals = [None] * len(lines)
        self.endResetModel()
        self.lines_changed.emit()

    def add(self, line: EditLine) -> None:
        """Append a line."""
        n = len(self.lines)
        self.beginInsertRows(QModelIndex(), n, n)
        self.lines.append(line)
        self.totals.append(None)
        self.endInsertRows()
        self.lines_changed.emit()

    def remove(self, row: int) -> None:
        """Delete a line."""
        if 0 <= row < len(self.lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.lines[row]
            del self.totals[row]
            self.endRemoveRows()
            self.lines_changed.emit()

    def set_totals(self, totals: list[LineTotals] | None, flags: dict[int, str]) -> None:
        """Show the preview's per-line totals and warning marks."""
        self.totals = list(totals) if totals is not None else [None] * len(self.lines)
        self.flags_by_line = flags
        if self.lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines) - 1, 10))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def _value(self, row: int, col: int) -> Any:
        line = self.lines[row]
        tot = self.totals[row] if row < len(self.totals) else None
        values: list[Any] = [
            line.code,
            line.name,
            line.unit,
            line.quantity,
            line.unit_price,
            line.discount_pct,
            line.is_gift,
            fmt.percent(line.tax_rate),
            tot.net if tot else None,
            tot.tax if tot else None,
            tot.total if tot else None,
        ]
        return values[col]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        col = index.column()
        if not 0 <= col < len(self.headers):
            return None
        value = self._value(index.row(), col)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == GIFT:
                return None
            if isinstance(value, Decimal):
                return fmt.money(value)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.CheckStateRole and col == GIFT:
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == SORT_ROLE:
            return sort_key(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= QTY and col != GIFT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.flags_by_line.get(index.row())
        if role == Qt.ItemDataRole.BackgroundRole and index.row() in self.flags_by_line:
            from PySide6.QtGui import QBrush, QColor

            return QBrush(QColor("#fff4d6"))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        if index.column() in EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() == GIFT:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return False
        row, col = index.row(), index.column()
        line = self.lines[row]
        if col in EDITABLE and role == Qt.ItemDataRole.EditRole:
            self.lines[row] = replace(line, **{EDITABLE[col]: str(value)})
        elif col == GIFT and role == Qt.ItemDataRole.CheckStateRole:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            self.lines[row] = replace(line, is_gift=checked)
        else:
            return False
        self.dataChanged.emit(index, index)
        self.lines_changed.emit()
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None
