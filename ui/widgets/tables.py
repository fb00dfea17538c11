"""Table view helpers: a read-only, sortable, filterable view over a RowTableModel."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.models.table import Column, RowTableModel, make_proxy


class RowTable(QTableView):
    """A QTableView + proxy + RowTableModel in one, for plain row lists."""

    def __init__(
        self,
        columns: Sequence[Column[Any]],
        name: str,
        parent: QWidget | None = None,
        stretch: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.source = RowTableModel(columns, parent=self)
        self.proxy = make_proxy(self.source, self)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # source order
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(26)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        if stretch is not None:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        else:
            header.setStretchLastSection(True)

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace the rows and size the columns to their content."""
        self.source.set_rows(rows)
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        for col in range(self.source.columnCount()):
            if header.sectionResizeMode(col) != QHeaderView.ResizeMode.Stretch:
                self.setColumnWidth(col, min(max(self.columnWidth(col), 60), 320))

    def current_row(self) -> Any | None:
        """The row object selected (None when nothing is selected)."""
        sel = self.selectionModel().selectedRows()
        if not sel:
            return None
        return self.source.row_at(self.proxy.mapToSource(sel[0]).row())

    def select_row(self, row: int) -> None:
        """Select the source row ``row``."""
        index = self.proxy.mapFromSource(self.source.index(row, 0))
        self.selectRow(index.row())

    def set_filter(self, text: str) -> None:
        """Show only rows with ``text`` in any column."""
        self.proxy.setFilterFixedString(text)
