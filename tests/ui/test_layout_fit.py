"""Fitting 1366×768 laptops: the main window maximizes on small screens; the open visit's
record gets the check-in panel's room."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.services import customers, visits
from ui.app import show_fitted


def test_window_is_maximized_on_a_small_screen(qtbot: Any, qapp_lang: Any) -> None:
    w = QWidget()
    qtbot.addWidget(w)
    show_fitted(w)
    avail = w.screen().availableGeometry()
    small = avail.width() <= 1400 or avail.height() <= 800
    assert w.isVisible()
    assert w.isMaximized() == small


def test_check_in_panel_hides_while_a_visit_is_open(window: Any) -> None:
    ws = window.ws
    open_before = visits.open_visit(ws)
    if open_before is not None:
        visits.check_out(ws, open_before.id)
    window.navigate("visits")
    page = window.pages["visits"]
    page.refresh()
    assert page.checkin_box.isVisible() and not page.record_box.isEnabled()
    visits.check_in(ws, customers.search_customers(ws, "", limit=1)[0].id, "first")
    page.refresh()
    assert not page.checkin_box.isVisible() and page.record_box.isEnabled()
    assert page.photos.add_button.isEnabled()
