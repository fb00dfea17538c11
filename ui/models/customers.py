"""The customer list model: lazy and paged, so 100,000 customers scroll and search smoothly.

Rows arrive a page at a time on the worker pool; ``canFetchMore``/``fetchMore``
ask for the next page as the view scrolls. The plain list (no search text) is
paged by key (app.services.customer_pages: each page starts after the last row
of the one before, so the 450th page costs what the first did); a search pages
through the search service's best-first results. A new search bumps a
generation number so late pages of an old search are dropped.

Each row is kept packed in one bytes object (:func:`pack`) and unpacked for the
few rows on screen, so the whole list of 100,000 customers stays small in memory;
a sorted column's keys are kept while the proxy sorts by it. The match count
runs after the first page arrived: what the rep looks at comes first.
"""

from __future__ import annotations

import datetime as dt
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
    """The search service's match count, imported on first use (from the search module:
    app.services.customers would also load the customer file, orders and documents)."""
    from app.services.customer_search import count_customers

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


_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ROW_ROLE, SORT_ROLE})
"""The roles :meth:`CustomerListModel.data` answers (any other: None, before touching the index)."""

_SEP = "\x1f"  # unit separator: never typed in a customer's data (checked when packing)
_CACHED_ROWS = 512  # rows kept unpacked for painting (a screen shows about thirty)

Packed = bytes | ListRow
"""A row as the model keeps it: UTF-8 fields joined by _SEP, or the ListRow itself when
one of its texts holds _SEP (never in practice, but then nothing is lost)."""


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else ""


def _day(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def pack(r: Any) -> Packed:
    """One compact object for a row (any object with ListRow's attributes).

    A bytes object of about 200 bytes instead of a tuple of ten objects (about
    520 bytes): the 90,000-row list keeps about 20 MB instead of 48 MB.
    """
    texts = (r.id, r.code, r.name, r.kind, r.grade, r.phone_masked)
    optional = (r.address or "", r.territory or "")
    if any(_SEP in t for t in (*texts, *optional)):
        return ListRow(*(getattr(r, f) for f in ListRow._fields))
    fields = (*texts, *optional, _iso(r.next_follow_up), _iso(r.last_contact_on))
    return _SEP.join(fields).encode()


def unpack(p: Packed) -> ListRow:
    """The row back from :func:`pack` (empty address or territory read as None)."""
    if isinstance(p, ListRow):
        return p
    f = p.decode().split(_SEP)
    return ListRow(
        f[0], f[1], f[2], f[3], f[4], f[5], f[6] or None, f[7] or None, _day(f[8]), _day(f[9])
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
        self.rows: list[Packed] = []
        self._unpacked: dict[int, ListRow] = {}
        self._sort_keys: dict[int, list[Any]] = {}
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
        self._unpacked = {}
        self._sort_keys = {}
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

        def work(_t: TaskContext) -> tuple[list[Packed], ListKey | None, bool]:
            if keyed:
                page = self._pages(self.ws, after=after, limit=size, grade=grade)
                return [pack(r) for r in page.rows], page.next_key, page.next_key is None
            found = self._search(self.ws, query, limit=size, offset=offset, grade=grade)
            return [pack(r) for r in found], None, len(found) < size

        self.runner.run(
            work,
            name="customer-search",
            on_done=lambda got: self._page_arrived(gen, offset, *got),
            on_error=lambda exc: self._page_failed(gen, exc),
        )

    def _page_arrived(
        self, gen: int, offset: int, rows: list[Packed], next_key: ListKey | None, last: bool
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
        if not 0 <= row < len(self.rows):
            return None
        found = self._unpacked.get(row)
        if found is None:
            if len(self._unpacked) >= _CACHED_ROWS:
                self._unpacked.clear()
            found = self._unpacked[row] = unpack(self.rows[row])
        return found

    def _sort_key(self, row: int, column: int) -> Any:
        """The sort value of a cell; a sorted column's keys are kept for the whole list
        (the proxy compares each row many times while sorting)."""
        keys = self._sort_keys.setdefault(column, [])
        if len(keys) < len(self.rows):
            keys.extend(sort_key(_cell(unpack(p), column)[1]) for p in self.rows[len(keys) :])
        return keys[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES:  # a view asks each cell for a dozen roles; four are ours
            return None
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        if not (0 <= index.column() < len(self.headers)):
            return None
        if role == SORT_ROLE:
            return self._sort_key(index.row(), index.column())
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(row, index.column())[0]
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
