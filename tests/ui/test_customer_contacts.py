"""Customer file: add and edit contacts, record complaints; checked as typed, saved to the db."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt

from app.services import contacts, customers
from ui.dialogs.customer_file import CustomerFileDialog


@pytest.fixture
def file_dialog(ctx: Any, qtbot: Any) -> Any:
    """The file of a seeded customer, with its contacts removed (a clean slate)."""
    cid = customers.search_customers(ctx.ws, "", limit=1)[0].id
    for c in contacts.list_contacts(ctx.ws, cid):
        contacts.delete_contact(ctx.ws, c.id)
    dialog = CustomerFileDialog(ctx, cid, None)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_add_a_contact_checked_as_the_rep_types(file_dialog: Any, qtbot: Any) -> None:
    ws = file_dialog.ctx.ws
    cid = file_dialog.customer_id
    assert file_dialog.tables["contacts"].source.rowCount() == 0
    qtbot.mouseClick(file_dialog.tab_buttons["addContact"], Qt.MouseButton.LeftButton)
    dialog = file_dialog.child
    form = dialog.form
    form.widgets["name"].insert("测试联系人")
    form.widgets["title"].insert("采购经理")
    qtbot.keyClicks(form.widgets["phone"], "12345")
    qtbot.waitUntil(lambda: bool(form.error_of("phone")), timeout=3000)
    assert "11-digit mobile number" in form.error_of("phone")
    future = dt.date.today() + dt.timedelta(days=3)
    form.widgets["birthday"].setDate(QDate(future))
    qtbot.waitUntil(lambda: bool(form.error_of("birthday")), timeout=3000)
    # a refused save keeps everything typed and writes nothing
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and form.widgets["title"].text() == "采购经理"
    assert contacts.list_contacts(ws, cid) == []
    form.widgets["phone"].setText("13900001234")
    form.widgets["birthday"].setDate(QDate(1985, 6, 1))
    form.widgets["role"].setCurrentIndex(form.widgets["role"].findData("decision_maker"))
    qtbot.waitUntil(lambda: not form.error_of("phone") and not form.error_of("birthday"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    [saved] = contacts.list_contacts(ws, cid)
    assert (saved.name, saved.title, saved.role) == ("测试联系人", "采购经理", "decision_maker")
    assert saved.phone == "13900001234" and saved.birthday == dt.date(1985, 6, 1)
    table = file_dialog.tables["contacts"]
    assert table.source.rowCount() == 1
    assert table.source.index(0, 2).data() == "Decision maker"
    assert "****" in table.source.index(0, 3).data()  # masked in the list


def test_empty_name_is_refused_with_the_rule_message(file_dialog: Any, qtbot: Any) -> None:
    dialog = file_dialog.add_contact()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.form.error_of("name") == "This field cannot be empty."
    assert contacts.list_contacts(file_dialog.ctx.ws, file_dialog.customer_id) == []


def test_edit_the_selected_contact(file_dialog: Any, qtbot: Any) -> None:
    ws, cid = file_dialog.ctx.ws, file_dialog.customer_id
    first = contacts.add_contact(ws, cid, contacts.ContactInput("测试甲", role="influencer"))
    file_dialog.reload()
    assert file_dialog.edit_contact() is None  # nothing selected
    file_dialog.tables["contacts"].select_row(0)
    qtbot.mouseClick(file_dialog.tab_buttons["editContact"], Qt.MouseButton.LeftButton)
    dialog = file_dialog.child
    assert dialog.form.widgets["name"].text() == "测试甲"
    assert dialog.form.widgets["role"].currentData() == "influencer"
    dialog.form.widgets["title"].setText("店长")
    dialog.form.widgets["email"].setText("not-an-email")
    qtbot.waitUntil(lambda: bool(dialog.form.error_of("email")), timeout=3000)
    assert dialog.save() is None
    assert contacts.list_contacts(ws, cid)[0].title is None
    dialog.form.widgets["email"].setText("")
    row = dialog.save()
    assert row is not None and row.id == first.id
    [saved] = contacts.list_contacts(ws, cid)
    assert (saved.title, saved.role, saved.email) == ("店长", "influencer", None)
    assert file_dialog.tables["contacts"].source.row_at(0).cells[1] == "店长"


def test_record_a_complaint(file_dialog: Any, qtbot: Any) -> None:
    ws, cid = file_dialog.ctx.ws, file_dialog.customer_id
    before = len(contacts.list_complaints(ws, cid))
    qtbot.mouseClick(file_dialog.tab_buttons["addComplaint"], Qt.MouseButton.LeftButton)
    dialog = file_dialog.child
    form = dialog.form
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert form.error_of("description") == "Describe the complaint."
    assert len(contacts.list_complaints(ws, cid)) == before
    form.widgets["date"].setDate(QDate(dt.date.today() + dt.timedelta(days=5)))
    qtbot.waitUntil(lambda: bool(form.error_of("date")), timeout=3000)
    form.widgets["date"].setDate(QDate(dt.date.today()))
    form.widgets["category"].setCurrentText("Delivery")
    form.widgets["description"].setPlainText("送货晚了两天")
    qtbot.waitUntil(lambda: not form.error_of("date"), timeout=3000)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    complaints = contacts.list_complaints(ws, cid)
    assert len(complaints) == before + 1
    new = next(c for c in complaints if c.description == "送货晚了两天")
    assert (new.category, new.status, new.reported_on) == ("Delivery", "open", dt.date.today())
    descriptions = [r.cells[2] for r in file_dialog.tables["complaints"].source.rows]
    assert "送货晚了两天" in descriptions
