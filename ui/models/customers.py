"""The customer list model: lazy and paged, so 100,000 customers scroll and search smoothly.

Rows arrive a page at a time from the customers service (``limit``/``offset``),
fetched on the worker pool; ``canFetchMore``/``fetchMore`` ask for the next page
as the view scrolls. A new search bumps a generation number so late pages of an
old search are dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal

from app.services import customers as customer_service
from app.services.customers import CustomerRow
from ui import format as fmt
from ui import i18n
from ui.models.table import ROW_ROLE, SORT_ROLE, Index, sort_key
from ui.tasks import TaskContext, TaskRunner

log = logging.getLogger(__name__)

PAGE_SIZE = 200

SearchFn = Callable[..., Sequence[CustomerRow]]


def customer_headers() -> list[str]:
    """Translated column titles."""
    return [
        QCoreApplication.translate("CustomerListModel", "Code"),
        QCoreApplication.translate("CustomerListModel", "Name"),
        QCoreApplication.translate("CustomerListModel", "Kind"),
        QCoreApplication.translate("CustomerListModel", "Grade"),
        QCoreApplication.translate("CustomerListModel", "Phone"),
        QCoreApplication.translate("CustomerListModel", "Territory"),
        QCoreApplication.translate("CustomerListModel", "Next follow-up"),
        QCoreApplication.translate("CustomerListModel", "Last contact"),
    ]


def _cell(row: CustomerRow, column: int) -> tuple[str, Any]:
    """(display text, sort value) of a cell. Phones are masked in lists."""
    if column == 0:
        return row.code, row.code
    if column == 1:
        return row.name, row.name
    if column == 2:
        return i18n.label(row.kind), row.kind
    if column == 3:
        return row.grade, row.grade
    if column == 4:
        return row.phone_masked, row.phone_masked
    if column == 5:
        return row.territory or "", row.territory
    if column == 6:
        return fmt.date_text(row.next_follow_up), row.next_follow_up
    return fmt.date_text(row.last_contact_on), row.last_contact_on


class CustomerListModel(QAbstractTableModel):
    """Customers matching the current search, loaded page by page in the background."""

    loading_changed = Signal(bool)
    count_changed = Signal(int)
    failed = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        ws: Any,
        search: SearchFn | None = None,
        count: Callable[..., int] | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__()
        self.runner = runner
        self.ws = ws
        self._search = search or customer_service.search_customers
        self._count = count or customer_service.count_customers
        self.page_size = page_size
        self.rows: list[CustomerRow] = []
        self.query = ""
        self.grade: str | None = None
        self.total: int | None = None
        self.exhausted = False
        self.loading = False
        self.generation = 0
        self.headers = customer_headers()

    # ----- search -----------------------------------------------------------------------
    def set_query(self, query: str, grade: str | None = None) -> None:
        """Start a new search: clear rows, load the first page, count matches."""
        self.generation += 1
        self.beginResetModel()
        self.rows = []
        self.query = query
        self.grade = grade
        self.total = None
        self.exhausted = False
        self.loading = False
        self.endResetModel()
        self._load_page()
        self._load_count()

    def refresh(self) -> None:
        """Search again with the same query (after an edit)."""
        self.set_query(self.query, self.grade)

    def _load_page(self) -> None:
        if self.loading or self.exhausted:
            return
        self.loading = True
        self.loading_changed.emit(True)
        gen = self.generation
        offset = len(self.rows)
        query, grade, size = self.query, self.grade, self.page_size

        def work(_t: TaskContext) -> Sequence[CustomerRow]:
            return self._search(self.ws, query, limit=size, offset=offset, grade=grade)

        self.runner.run(
            work,
            name="customer-search",
            on_done=lambda rows: self._page_arrived(gen, offset, rows),
            on_error=lambda exc: self._page_failed(gen, exc),
        )

    def _page_arrived(self, gen: int, offset: int, rows: Sequence[CustomerRow]) -> None:
        if gen != self.generation:
            return
        self.loading = False
        self.loading_changed.emit(False)
        if offset != len(self.rows):
            return
        if len(rows) < self.page_size:
            self.exhausted = True
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def _page_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self.generation:
            return
        self.loading = False
        self.exhausted = True
        self.loading_changed.emit(False)
        self.failed.emit(exc)

    def _load_count(self) -> None:
        gen = self.generation
        query, grade = self.query, self.grade

        def work(_t: TaskContext) -> int:
            return int(self._count(self.ws, query, grade=grade))

        def done(n: int) -> None:
            if gen == self.generation:
                self.total = n
                self.count_changed.emit(n)

        self.runner.run(work, name="customer-count", on_done=done, on_error=lambda _e: None)

    # ----- lazy loading -----------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        if parent.isValid():
            return False
        return not self.exhausted and not self.loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        self._load_page()

    # ----- model ------------------------------------------------------------------------
    def row_at(self, row: int) -> CustomerRow | None:
        """The customer at ``row``."""
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        if not (0 <= index.column() < len(self.headers)):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(row, index.column())[0]
        if role == SORT_ROLE:
            return sort_key(_cell(row, index.column())[1])
        if role == ROW_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return row.address or None
        return None

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
