"""The customer list model: lazy and paged, so 100,000 customers scroll and search smoothly.

Rows arrive a page at a time on the worker pool; ``canFetchMore``/``fetchMore``
ask for the next page as the view scrolls. The plain list (no search text) is
paged by key (app.services.customer_pages: each page starts after the last row
of the one before, so the 450th page costs what the first did); a search pages
through the search service's best-first results. A new search bumps a
generation number so late pages of an old search are dropped.

Rows are kept as compact named tuples (:class:`ListRow`), and the values many
rows share (kind, grade, territory, dates) are stored once, so the whole list of
100,000 customers stays small in memory. The match count runs after the first
page arrived: what the rep looks at comes first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal

from app.services import customer_pages
from app.services.customer_pages import ListKey, ListPage, ListRow
from ui import format as fmt
from ui import i18n
from ui.models.table import ROW_ROLE, SORT_ROLE, Index, sort_key
from ui.tasks import TaskContext, TaskRunner

log = logging.getLogger(__name__)

PAGE_SIZE = 200

SearchFn = Callable[..., Sequence[Any]]
"""``search(ws, query, *, limit, offset, grade)``: rows with ListRow's attributes."""
PageFn = Callable[..., ListPage]
"""``pages(ws, *, after, limit, grade)``: one page of the plain list (customer_pages)."""


def _default_search(ws: Any, query: str, **kw: Any) -> Sequence[Any]:
    """The search service, imported on first use (off the start-up path)."""
    from app.services.customers import search_customers

    return search_customers(ws, query, **kw)


def _default_count(ws: Any, query: str, **kw: Any) -> int:
    """The search service's match count, imported on first use."""
    from app.services.customers import count_customers

    return count_customers(ws, query, **kw)


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


def _cell(row: ListRow, column: int) -> tuple[str, Any]:
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


class _Shared:
    """One copy of each repeated value (kind, grade, territory, date) across all rows."""

    def __init__(self) -> None:
        self.values: dict[object, Any] = {}

    def row(self, r: Any) -> ListRow:
        """A compact row from any row with ListRow's attributes (ListRow, CustomerRow)."""
        one = self.values.setdefault
        return ListRow(
            r.id,
            r.code,
            r.name,
            one(r.kind, r.kind),
            one(r.grade, r.grade),
            r.phone_masked,
            r.address,
            one(r.territory, r.territory),
            one(r.next_follow_up, r.next_follow_up),
            one(r.last_contact_on, r.last_contact_on),
        )


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
        pages: PageFn | None = None,
    ) -> None:
        super().__init__()
        self.runner = runner
        self.ws = ws
        self._search = search or _default_search
        self._count = count or _default_count
        self._pages = pages or customer_pages.list_page
        self.page_size = page_size
        self.rows: list[ListRow] = []
        self._shared = _Shared()
        self._next_key: ListKey | None = None
        self._count_started = False
        self.query = ""
        self.grade: str | None = None
        self.total: int | None = None
        self.exhausted = False
        self.loading = False
        self.generation = 0
        self.headers = customer_headers()

    # ----- search -----------------------------------------------------------------------
    def set_query(self, query: str, grade: str | None = None) -> None:
        """Start a new search: clear rows, load the first page, then count matches."""
        self.generation += 1
        self.beginResetModel()
        self.rows = []
        self._shared = _Shared()
        self._next_key = None
        self._count_started = False
        self.query = query
        self.grade = grade
        self.total = None
        self.exhausted = False
        self.loading = False
        self.endResetModel()
        self._load_page()

    def refresh(self) -> None:
        """Search again with the same query (after an edit)."""
        self.set_query(self.query, self.grade)

    @property
    def keyed(self) -> bool:
        """True when the list is the plain one (no search text), paged by key."""
        return not self.query.strip()

    def _load_page(self) -> None:
        if self.loading or self.exhausted:
            return
        self.loading = True
        self.loading_changed.emit(True)
        gen = self.generation
        offset = len(self.rows)
        query, grade, size, after = self.query, self.grade, self.page_size, self._next_key
        keyed = self.keyed
        shared = self._shared

        def work(_t: TaskContext) -> tuple[list[ListRow], ListKey | None, bool]:
            if keyed:
                page = self._pages(self.ws, after=after, limit=size, grade=grade)
                rows = [shared.row(r) for r in page.rows]
                return rows, page.next_key, page.next_key is None
            found = self._search(self.ws, query, limit=size, offset=offset, grade=grade)
            return [shared.row(r) for r in found], None, len(found) < size

        self.runner.run(
            work,
            name="customer-search",
            on_done=lambda got: self._page_arrived(gen, offset, *got),
            on_error=lambda exc: self._page_failed(gen, exc),
        )

    def _page_arrived(
        self, gen: int, offset: int, rows: list[ListRow], next_key: ListKey | None, last: bool
    ) -> None:
        if gen != self.generation:
            return
        self.loading = False
        self.loading_changed.emit(False)
        if offset != len(self.rows):
            return
        self._next_key = next_key
        if last:
            self.exhausted = True
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        if not self._count_started:
            self._count_started = True
            self._load_count()

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
        if self.exhausted:  # every match is in the list already: no need to ask
            self.total = len(self.rows)
            self.count_changed.emit(self.total)
            return

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
    def row_at(self, row: int) -> ListRow | None:
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
