"""Collections, Sync and Settings as a rep uses them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.db import transaction
from app.models import Conflict, Customer
from app.services import customers, receipts


def test_issue_and_void_a_receipt(window: Any, qtbot: Any) -> None:
    ws = window.ws
    window.navigate("collections")
    page = window.pages["collections"]
    customer = customers.search_customers(ws, "", limit=1)[0]
    dialog = page.collect(customer.id)
    assert dialog.form.widgets["payer"].text() == customer.name
    amount = dialog.form.widgets["amount"]
    qtbot.keyClicks(amount, "12.3.4")
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    assert dialog.result_row is None and dialog.isVisible()
    assert dialog.form.error_of("amount")
    amount.setText("1234.56")
    assert dialog.words.text() == "壹仟贰佰叁拾肆元伍角陆分"
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    row = dialog.result_row
    assert row is not None and row.amount_in_words == "壹仟贰佰叁拾肆元伍角陆分"
    assert row.number in page.message.text()
    shown = [page.receipts.source.row_at(i).number for i in range(page.receipts.source.rowCount())]
    assert row.number in shown
    # void: a reason is required; the number stays used
    page.receipts.select_row(shown.index(row.number))
    qtbot.mouseClick(page.buttons["voidReceipt"], Qt.MouseButton.LeftButton)
    assert not receipts.get_receipt(ws, row.id).voided
    assert "reason" in page.message.text().lower()
    page.receipts.select_row(shown.index(row.number))
    qtbot.keyClicks(page.reason, "wrong amount")
    qtbot.mouseClick(page.buttons["voidReceipt"], Qt.MouseButton.LeftButton)
    stored = receipts.get_receipt(ws, row.id)
    assert stored.voided and stored.void_reason == "wrong amount"
    assert receipts.list_receipts(ws, customer_id=customer.id)[0].number == row.number


def test_resolve_a_conflict_by_choosing_the_server_value(window: Any, qtbot: Any) -> None:
    ws = window.ws
    customer = customers.search_customers(ws, "", limit=1)[0]
    with transaction(ws.sessions) as s:
        s.add(
            Conflict(
                entity="customer",
                entity_id=customer.id,
                field="address",
                base_value="Old Road 1",
                local_value="Laptop Road 2",
                remote_value="Server Road 3",
            )
        )
    window.navigate("sync")
    page = window.pages["sync"]
    assert page.conflicts.source.rowCount() == 1
    assert "(1)" in page.conflict_box.title()
    page.conflicts.select_row(0)
    dialog = page.open_conflict()
    assert dialog.findChild(type(page.result), "localValue").text() == "Laptop Road 2"
    assert dialog.findChild(type(page.result), "remoteValue").text() == "Server Road 3"
    qtbot.mouseClick(dialog.take_remote, Qt.MouseButton.LeftButton)
    assert page.conflicts.source.rowCount() == 0
    with ws.sessions() as s:
        assert s.get(Customer, customer.id).address == "Server Road 3"


def test_sync_without_login_asks_to_log_in(window: Any) -> None:
    window.navigate("sync")
    page = window.pages["sync"]
    assert "Not signed in" in page.account.text()
    page.start_sync()
    assert page.dialogs and page.dialogs[-1].objectName() == "loginDialog"
    page.dialogs[-1].reject()


def test_switch_language_to_chinese_and_back(window: Any, qtbot: Any) -> None:
    from app.services.settings import get_settings

    window.navigate("settings")
    page = window.pages["settings"]
    page.language.setCurrentIndex(page.language.findData("zh_CN"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert get_settings(window.ws).language == "zh_CN"
    assert window.sidebar.item(0).text() == "今日"
    assert window.sidebar.item(1).text() == "客户"
    assert window.current_key() == "settings"
    page = window.pages["settings"]
    page.language.setCurrentIndex(page.language.findData("en"))
    page.save()
    assert window.sidebar.item(0).text() == "Today"


def test_idle_minutes_setting_reaches_the_lock(window: Any) -> None:
    window.navigate("settings")
    page = window.pages["settings"]
    page.idle.setValue(3)
    assert page.save()
    assert window.idle.minutes == 3
