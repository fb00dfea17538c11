"""The customer list scrolled to its end: every customer, once, sorted as the header asks.

And the main window builds a page the first time it is shown (start-up cost),
while ``window.pages[...]`` and ``navigate()`` work as before.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from app.services.customers import search_customers
from ui.models.table import ROW_ROLE, SORT_ROLE


def _scroll_to_end(page: Any, qtbot: Any) -> None:
    """Scroll the table down as a rep would until no more rows come."""
    table = page.table
    for _ in range(1000):
        table.scrollToBottom()
        qtbot.wait(1)
        if not page.model.canFetchMore(QModelIndex()):
            break
    table.scrollToBottom()
    assert page.model.exhausted


def _shown(page: Any, role: int, column: int) -> list[Any]:
    proxy = page.proxy
    return [proxy.index(r, column).data(role) for r in range(proxy.rowCount())]


def test_the_list_scrolled_to_the_end_shows_every_customer_once(window: Any, qtbot: Any) -> None:
    window.navigate("customers")
    page = window.pages["customers"]
    page.model.page_size = 40  # many pages from the 300 seeded customers
    page.run_search()
    _scroll_to_end(page, qtbot)
    expected = [r.id for r in search_customers(window.ws, "", limit=10_000)]
    assert len(expected) > 40 * 3
    assert _shown(page, ROW_ROLE, 0) == expected  # unsorted: the service's order, all of it
    assert page.model.total == len(expected)
    assert page.count.text() == f"{len(expected):,} customers"


def test_the_list_stays_sorted_while_it_loads_to_the_end(window: Any, qtbot: Any) -> None:
    window.navigate("customers")
    page = window.pages["customers"]
    page.model.page_size = 40
    page.run_search()
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # by name, before the rest loads
    _scroll_to_end(page, qtbot)
    names = _shown(page, SORT_ROLE, 1)
    expected = search_customers(window.ws, "", limit=10_000)
    assert sorted(names, reverse=True) == names
    assert sorted(_shown(page, ROW_ROLE, 1)) == sorted(r.id for r in expected)
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by code
    codes = _shown(page, SORT_ROLE, 0)
    assert codes == sorted(r.code for r in expected)


def test_a_grade_filter_lists_only_that_grade_to_the_end(window: Any, qtbot: Any) -> None:
    window.navigate("customers")
    page = window.pages["customers"]
    page.model.page_size = 10
    page.grade.setCurrentIndex(page.grade.findData("C"))
    _scroll_to_end(page, qtbot)
    expected = [r.id for r in search_customers(window.ws, "", limit=10_000, grade="C")]
    assert expected and _shown(page, ROW_ROLE, 0) == expected
    assert set(_shown(page, Qt.ItemDataRole.DisplayRole, 3)) == {"C"}


def test_only_the_page_shown_is_built_at_start(window: Any) -> None:
    assert list(window.pages.built()) == ["today"]
    assert list(window.pages) == [
        "today",
        "customers",
        "visits",
        "orders",
        "collections",
        "products",
        "reports",
        "sync",
        "settings",
    ]
    window.navigate("reports")
    assert window.current_key() == "reports"
    assert window.stack.currentWidget() is window.pages["reports"]
    assert window.pages["reports"].objectName() == "page_reports"
    assert set(window.pages.built()) == {"today", "reports"}


def test_a_page_asked_for_is_built_without_being_shown(window: Any) -> None:
    visits = window.pages["visits"]
    assert window.pages.is_built("visits") and window.current_key() == "today"
    assert window.stack.indexOf(visits) == 2  # in its place in the stack
    window.sidebar.setCurrentRow(2)
    assert window.stack.currentWidget() is visits
    assert window.pages["visits"] is visits  # built once


def test_an_unknown_page_is_not_there(window: Any) -> None:
    assert "nowhere" not in window.pages
    assert "settings" in window.pages and not window.pages.is_built("settings")
    window.navigate("nowhere")
    assert window.current_key() == "today"


def test_changing_language_rebuilds_only_the_page_shown(window: Any) -> None:
    window.navigate("customers")
    old = window.pages["customers"]
    window.retranslate("en")
    assert window.current_key() == "customers"
    assert window.pages["customers"] is not old
    assert list(window.pages.built()) == ["customers"]


def _row(**kw: Any) -> Any:
    import datetime as dt

    from app.services.customer_pages import ListRow

    base = dict(
        id="0b8f5a52-7d1e-4c3e-9f59-4d8e1b2a6c10",
        code="C-000123",
        name="示例商贸有限公司",
        kind="company",
        grade="B",
        phone_masked="139****0000",
        address="示例路1号",
        territory="城东片区",
        next_follow_up=dt.date(2026, 12, 1),
        last_contact_on=None,
    )
    base.update(kw)
    return ListRow(**base)


def test_a_packed_row_is_small_and_unpacks_to_the_same_row() -> None:
    from ui.models.customers import pack, unpack

    row = _row()
    packed = pack(row)
    assert isinstance(packed, bytes) and len(packed) < 150
    assert unpack(packed) == row


def test_empty_texts_unpack_as_nothing_shown() -> None:
    from ui.models.customers import pack, unpack

    row = _row(address=None, territory="", phone_masked="", next_follow_up=None)
    back = unpack(pack(row))
    assert back.address is None and back.territory is None and back.phone_masked == ""
    assert back.next_follow_up is None and back.last_contact_on is None


def test_a_row_holding_the_separator_is_kept_whole() -> None:
    from ui.models.customers import pack, unpack

    row = _row(name="odd\x1fname", address="a\x1fb")
    packed = pack(row)
    assert not isinstance(packed, bytes)
    assert unpack(packed) == row


def test_roles_the_list_does_not_provide_are_empty(qapp_lang: Any, seeded_ws: Any) -> None:
    from ui.models.customers import CustomerListModel
    from ui.tasks import TaskRunner

    model = CustomerListModel(TaskRunner(synchronous=True), seeded_ws)
    model.set_query("")
    index = model.index(0, 1)
    assert model.data(index) and model.data(index, ROW_ROLE)
    for role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole, 999):
        assert model.data(index, role) is None
