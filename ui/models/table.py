"""A generic read-only table model over plain rows (the services' dataclasses).

Columns say how to show a row (display text, sort key, alignment). Lists sort and
filter through :func:`make_proxy` (a QSortFilterProxyModel on the sort role).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

R = TypeVar("R")

ROW_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex

_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        SORT_ROLE,
    }
)
"""The roles :meth:`RowTableModel.data` answers (any other: None, before touching the index)."""


def sort_key(value: Any) -> Any:
    """A QVariant-friendly sort key: money in integer cents, dates as ISO text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal):
        return int((value * 100).to_integral_value())
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, int | str):
        return value
    return str(value)


@dataclass
class Column(Generic[R]):
    """One column: header, display text, optional sort value, alignment, emphasis."""

    title: str
    text: Callable[[R], str]
    sort: Callable[[R], Any] | None = None
    right: bool = False
    color: Callable[[R], str | None] | None = None


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows of one kind, shown through :class:`Column` definitions."""

    def __init__(
        self, columns: Sequence[Column[R]], rows: Sequence[R] = (), parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[R] = list(rows)

    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace all rows."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> R | None:
        """The row object at ``row`` (None when out of range)."""
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES:  # a view asks each cell for a dozen roles; four are ours
            return None
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        if not (0 <= index.column() < len(self.columns)):
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == SORT_ROLE:
            return sort_key(col.sort(row)) if col.sort else col.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col.color is not None:
            color = col.color(row)
            return QBrush(QColor(color)) if color else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].title
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None


def make_proxy(model: QAbstractTableModel, parent: QObject | None = None) -> QSortFilterProxyModel:
    """A sorting, case-insensitive filtering proxy over every column of ``model``."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


def source_row(proxy: QSortFilterProxyModel, proxy_index: QModelIndex) -> int:
    """The source-model row behind a proxy index (-1 when invalid)."""
    if not proxy_index.isValid():
        return -1
    return proxy.mapToSource(proxy_index).row()
