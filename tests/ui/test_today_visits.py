"""Today and Visits as a rep uses them: plan the day, reorder, check in, record, check out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.services import customers, plans, visits


def _customer_ids(ws: Any, n: int) -> list[str]:
    return [r.id for r in customers.search_customers(ws, "", limit=n)]


def test_today_shows_the_plan_follow_ups_and_overdue(window: Any) -> None:
    window.navigate("today")
    page = window.pages["today"]
    assert page.data is not None
    plan = plans.get_plan(window.ws, window.ctx.today())
    n = len(plan.stops) if plan else 0
    assert page.plan.source.rowCount() == n
    assert f"of {n} stops" in page.title.text()
    assert "Follow-ups due" in page.boxes["followUps"].title()
    assert page.overdue.source.rowCount() == len(page.data.overdue_receivables)
    assert "Unsynced changes" in page.sync_line.text()


def test_plan_a_day_add_and_reorder_stops(window: Any, qtbot: Any) -> None:
    ws = window.ws
    day = window.ctx.today()
    plans.plan_day(ws, day, [])
    window.navigate("today")
    page = window.pages["today"]
    assert page.plan.source.rowCount() == 0
    first, second = _customer_ids(ws, 2)
    page.purpose.setText("new product")
    page.add_stop(first)
    page.add_stop(second)
    assert [s.customer_id for s in plans.get_plan(ws, day).stops] == [first, second]
    assert page.plan.source.row_at(0).purpose == "new product"
    page.plan.select_row(1)
    qtbot.mouseClick(page.buttons["moveUp"], Qt.MouseButton.LeftButton)
    assert [s.customer_id for s in plans.get_plan(ws, day).stops] == [second, first]
    assert page.plan.source.row_at(0).customer_id == second


def test_plan_add_stop_through_the_customer_picker(window: Any) -> None:
    ws = window.ws
    day = window.ctx.today()
    plans.plan_day(ws, day, [])
    window.navigate("today")
    page = window.pages["today"]
    page.add_stop()
    target = customers.search_customers(ws, "", limit=3)[2]
    page.picker.choose(target.code)
    page.picker.accept()
    assert plans.get_plan(ws, day).stops[0].customer_id == target.id


def test_record_a_visit_from_a_plan_stop(window: Any, qtbot: Any) -> None:
    ws = window.ws
    day = window.ctx.today()
    cid = _customer_ids(ws, 1)[0]
    plans.plan_day(ws, day, [plans.StopInput(cid, purpose="restock")])
    open_before = visits.open_visit(ws)
    if open_before is not None:
        visits.check_out(ws, open_before.id)
    window.navigate("today")
    today = window.pages["today"]
    today.plan.select_row(0)
    qtbot.mouseClick(today.buttons["checkIn"], Qt.MouseButton.LeftButton)
    assert window.current_key() == "visits"
    page = window.pages["visits"]
    assert page.pending["plan_stop_id"]
    qtbot.mouseClick(page.checkin_button, Qt.MouseButton.LeftButton)
    assert page.open is not None and page.record_box.isEnabled()
    form = page.form.form
    form.set_values({"stage": "present", "facings": 4})
    form.widgets["situation"].setPlainText("Shelf half empty")
    form.widgets["problem"].setPlainText("Late delivery")
    form.widgets["solution"].setPlainText("Weekly restock")
    qtbot.keyClicks(form.widgets["competitor"], "Brand X=abc")
    qtbot.mouseClick(page.checkout_button, Qt.MouseButton.LeftButton)
    assert page.open is not None  # refused: bad competitor price, nothing lost
    assert form.widgets["situation"].toPlainText() == "Shelf half empty"
    assert page.message.text() or form.error_of("competitor_price")
    form.widgets["competitor"].setText("Brand X=12.50")
    qtbot.mouseClick(page.checkout_button, Qt.MouseButton.LeftButton)
    assert page.open is None
    done = visits.list_visits(ws, day=day, customer_id=cid)[0]
    assert done.status == "finished" and done.stage == "present"
    assert done.situation == "Shelf half empty" and done.plan_stop_id is not None
    assert done.store_check["facings"] == 4
    assert page.table.source.rowCount() >= 1


def test_visit_draft_survives_closing_the_window(window: Any, ctx: Any, qtbot: Any) -> None:
    ws = window.ws
    open_before = visits.open_visit(ws)
    if open_before is not None:
        visits.check_out(ws, open_before.id)
    visits.check_in(ws, _customer_ids(ws, 1)[0], "follow_up")
    window.navigate("visits")
    page = window.pages["visits"]
    page.form.form.widgets["situation"].setPlainText("typed before closing")
    page.save_draft()
    window.close()
    from ui.main_window import MainWindow

    again = MainWindow(ws, ctx.runner, ctx)
    qtbot.addWidget(again)
    again.navigate("visits")
    assert (
        again.pages["visits"].form.form.widgets["situation"].toPlainText() == "typed before closing"
    )
