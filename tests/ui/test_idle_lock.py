"""The idle lock's input watch: real input to any window restarts it, nothing else does."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLineEdit, QTableWidget, QVBoxLayout, QWidget

from ui.lock import IdleWatcher


class CountingWatcher(IdleWatcher):
    """An IdleWatcher that counts the events it is shown."""

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        self.seen = 0
        super().__init__(minutes, parent)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.seen += 1
        return super().eventFilter(watched, event)


@pytest.fixture
def shown(qtbot: Any) -> Iterator[QWidget]:
    """A shown top-level window with a text box and a table."""
    w = QWidget()
    layout = QVBoxLayout(w)
    w.edit = QLineEdit()  # type: ignore[attr-defined]
    w.table = QTableWidget(50, 4)  # type: ignore[attr-defined]
    layout.addWidget(w.edit)  # type: ignore[attr-defined]
    layout.addWidget(w.table)  # type: ignore[attr-defined]
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w


def _restarted_by(watcher: IdleWatcher, send: Any) -> bool:
    """True when ``send()`` restarted the idle timer (stopped first, so any restart shows)."""
    watcher.timer.stop()
    send()
    return watcher.timer.isActive()


def test_a_key_typed_or_a_click_in_a_window_restarts_the_idle_time(
    qtbot: Any, shown: QWidget
) -> None:
    watcher = IdleWatcher(1)
    window = shown.windowHandle()
    assert window is not None
    assert _restarted_by(watcher, lambda: QTest.keyClick(window, Qt.Key.Key_A))
    assert _restarted_by(watcher, lambda: QTest.mouseClick(window, Qt.MouseButton.LeftButton))
    watcher.stop()


def test_input_in_a_dialog_opened_later_restarts_the_idle_time(qtbot: Any, shown: QWidget) -> None:
    watcher = IdleWatcher(1)
    dialog = QDialog(shown)
    dialog.setLayout(QVBoxLayout())
    dialog.layout().addWidget(QLineEdit())
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    handle = dialog.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is handle)
    assert _restarted_by(watcher, lambda: QTest.keyClick(handle, Qt.Key.Key_B))
    watcher.stop()


def test_events_that_are_not_input_leave_the_idle_time_alone(qtbot: Any, shown: QWidget) -> None:
    watcher = IdleWatcher(1)
    window = shown.windowHandle()
    assert window is not None

    def not_input() -> None:
        QCoreApplication.sendEvent(window, QEvent(QEvent.Type.User))
        shown.table.viewport().repaint()  # type: ignore[attr-defined]

    assert not _restarted_by(watcher, not_input)
    watcher.stop()


def test_no_idle_lock_when_minutes_is_zero(qtbot: Any, shown: QWidget) -> None:
    watcher = IdleWatcher(0)
    window = shown.windowHandle()
    assert window is not None
    assert not _restarted_by(watcher, lambda: QTest.keyClick(window, Qt.Key.Key_A))
    watcher.stop()


def test_widget_events_do_not_go_through_the_watcher(qtbot: Any, shown: QWidget) -> None:
    """The watch costs nothing per widget event (an application-wide filter saw them all)."""
    watcher = CountingWatcher(1)
    before = watcher.seen
    release = QKeyEvent(QEvent.Type.KeyRelease, 0, Qt.KeyboardModifier.NoModifier)
    for _ in range(50):
        shown.table.viewport().repaint()  # type: ignore[attr-defined]
        QCoreApplication.sendEvent(shown.edit, release)  # type: ignore[attr-defined]
    assert watcher.seen - before < 10
    watcher.stop()


def test_stop_twice_is_harmless_and_stops_the_timer(qtbot: Any, shown: QWidget) -> None:
    watcher = IdleWatcher(1)
    watcher.stop()
    watcher.stop()
    assert not watcher.timer.isActive()


def test_the_main_window_watches_its_own_input(window: Any, qtbot: Any) -> None:
    qtbot.waitExposed(window)
    handle = window.windowHandle()
    assert handle is not None
    assert _restarted_by(window.idle, lambda: QTest.keyClick(handle, Qt.Key.Key_Shift))
