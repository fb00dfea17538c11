"""Customers: the lazy model over the search service, search as you type, the customer file."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ui.models.customers import CustomerListModel
from ui.tasks import TaskRunner


def test_customer_model_passes_the_model_tester(qtmodeltester: Any, seeded_ws: Any) -> None:
    model = CustomerListModel(TaskRunner(synchronous=True), seeded_ws, page_size=50)
    model.set_query("")
    assert model.rowCount() == 50
    qtmodeltester.check(model, force_py=True)


def test_customer_model_loads_pages_as_the_view_scrolls(seeded_ws: Any) -> None:
    calls: list[Any] = []
    from app.services.customer_pages import list_page

    def pages(ws: Any, *, after: Any, limit: int, grade: Any) -> Any:
        calls.append((limit, after))
        return list_page(ws, after=after, limit=limit, grade=grade)

    model = CustomerListModel(TaskRunner(synchronous=True), seeded_ws, pages=pages, page_size=40)
    model.set_query("")
    assert model.rowCount() == 40 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 80
    # the plain list is paged by key: the second page starts after the first page's last row
    assert [c[0] for c in calls] == [40, 40] and calls[0][1] is None
    assert calls[1][1] is not None and calls[1][1].code == model.row_at(39).code
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total


def test_a_search_pages_through_the_search_service_by_offset(seeded_ws: Any) -> None:
    calls: list[tuple[int, int]] = []
    from app.services.customers import search_customers

    def search(ws: Any, q: str, *, limit: int, offset: int, grade: Any) -> Any:
        calls.append((limit, offset))
        return search_customers(ws, q, limit=limit, offset=offset, grade=grade)

    model = CustomerListModel(TaskRunner(synchronous=True), seeded_ws, search=search, page_size=5)
    model.set_query("c")  # every code starts with C
    assert model.rowCount() == 5 and model.canFetchMore()
    model.fetchMore()
    assert calls == [(5, 0), (5, 5)]
    assert model.row_at(0) is not None and model.row_at(5) is not None


def test_phones_are_masked_in_the_list(seeded_ws: Any) -> None:
    model = CustomerListModel(TaskRunner(synchronous=True), seeded_ws)
    model.set_query("")
    phones = [model.index(r, 4).data() for r in range(model.rowCount())]
    assert any(phones) and all("****" in p for p in phones if p)


def test_typing_searches_after_a_short_pause(window: Any, qtbot: Any) -> None:
    window.navigate("customers")
    page = window.pages["customers"]
    first = page.model.row_at(0)
    assert first is not None
    qtbot.keyClicks(page.search, first.code)
    assert page.timer.isActive()  # debounced, not yet searched
    qtbot.waitUntil(lambda: page.model.query == first.code, timeout=2000)
    assert page.model.row_at(0).id == first.id
    assert "customers" in page.count.text()


def test_new_customer_form_validates_as_the_rep_types_and_keeps_the_draft(
    window: Any, qtbot: Any
) -> None:
    window.navigate("customers")
    page = window.pages["customers"]
    page.open_item(None)
    dialog = page.dialogs[-1]
    form = dialog.form
    form.form.widgets["name"].insert("测试贸易有限公司")  # QTest types ASCII only
    qtbot.keyClicks(form.form.widgets["phone"], "12345")
    qtbot.waitUntil(lambda: bool(form.form.error_of("phone")), timeout=3000)
    # refused save keeps everything typed
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.form.widgets["name"].text() == "测试贸易有限公司"
    dialog.reject()
    page.open_item(None)
    again = page.dialogs[-1].form
    assert again.form.widgets["name"].text() == "测试贸易有限公司"
    assert "unsaved" in again.message.text()
    again.form.widgets["phone"].setText("13900001111")
    result = again.save()
    assert result is not None, again.message.text() + str(again.form.values())
    from app.services.customers import get_row

    assert get_row(window.ws, result.customer.id).name == "测试贸易有限公司"
