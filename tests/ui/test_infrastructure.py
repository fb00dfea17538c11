"""The window's infrastructure: background tasks, crash hook, lock, privacy, status bar."""

from __future__ import annotations

import logging
import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import UI_PASSPHRASE
from ui.tasks import Cancelled, TaskContext, TaskRunner


def test_background_task_reports_progress_and_result_on_the_gui_thread(qtbot: Any) -> None:
    runner = TaskRunner()
    seen: list[tuple[int, int, str]] = []
    results: list[Any] = []
    threads: list[bool] = []

    def work(t: TaskContext) -> str:
        for i in range(3):
            t.progress(i + 1, 3, "step")
        return "done:" + str(threading.current_thread() is threading.main_thread())

    def done(result: Any) -> None:
        threads.append(threading.current_thread() is threading.main_thread())
        results.append(result)

    runner.run(work, on_done=done, on_progress=lambda d, n, s: seen.append((d, n, s)))
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == ["done:False"]  # worked off the GUI thread
    assert threads == [True]  # called back on the GUI thread
    assert seen[-1] == (3, 3, "step")
    assert runner.active == 0
    runner.wait()


def test_a_failing_task_calls_on_error_and_a_cancelled_one_calls_nothing(qtbot: Any) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []
    runner.run(lambda t: 1 / 0, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError)

    calls: list[Any] = []
    started = threading.Event()

    def slow(t: TaskContext) -> None:
        started.set()
        while True:
            t.check()

    task = runner.run(slow, on_done=calls.append, on_error=calls.append)
    assert started.wait(5)
    task.cancel()
    qtbot.waitUntil(lambda: runner.active == 0, timeout=5000)
    assert calls == []
    assert isinstance(task.error, Cancelled)
    runner.wait()


def test_synchronous_runner_runs_inline_for_tests() -> None:
    runner = TaskRunner(synchronous=True)
    out: list[int] = []
    progress: list[int] = []

    def work(t: TaskContext) -> int:
        t.progress(1, 1)
        return 42

    runner.run(work, on_done=out.append, on_progress=lambda d, n, s: progress.append(d))
    assert out == [42] and progress == [1]


def test_crash_hook_logs_the_error_and_shows_a_dialog(
    qapp_lang: Any, caplog: pytest.LogCaptureFixture, qtbot: Any
) -> None:
    from ui.crash import CrashHandler

    handler = CrashHandler()
    texts: list[str] = []
    handler.crashed.connect(texts.append)
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        with caplog.at_level(logging.ERROR, logger="waiqin.crash"):
            handler.handle(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: bool(handler.dialogs), timeout=2000)
    assert "RuntimeError" in caplog.text and "boom in a slot" in caplog.text
    assert "RuntimeError" in texts[0] and "data is safe" in texts[0]
    dialog = handler.dialogs[0]
    assert dialog.isVisible()
    dialog.accept()


def test_sidebar_lists_every_page_and_navigates(window: Any) -> None:
    items = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert items == [
        "Today",
        "Customers",
        "Visits",
        "Quotes & orders",
        "Collections",
        "Products",
        "Reports",
        "Sync",
        "Settings",
    ]
    window.sidebar.setCurrentRow(1)
    assert window.current_key() == "customers"


def test_status_bar_shows_offline_unsynced_and_last_sync(window: Any) -> None:
    window.status.refresh()
    assert "Offline" in window.status.online.text()
    assert window.status.unsynced.text().startswith("Unsynced changes:")
    assert window.status.last_sync.text()


def test_lock_hides_everything_until_the_passphrase_is_typed(window: Any, qtbot: Any) -> None:
    window.lock()
    assert window.locked and not window.sidebar.isEnabled()
    screen = window.lock_screen
    qtbot.keyClicks(screen.secret, "wrong passphrase")
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    assert window.locked
    assert "Wrong" in screen.error.text()
    screen.secret.clear()
    qtbot.keyClicks(screen.secret, UI_PASSPHRASE)
    qtbot.keyClick(screen.secret, Qt.Key.Key_Return)
    assert not window.locked and window.sidebar.isEnabled()


def test_idle_time_locks_the_window(window: Any, qtbot: Any) -> None:
    window.idle.timer.setInterval(50)
    window.idle.minutes = 1
    window.idle.timer.start(50)
    qtbot.waitUntil(lambda: window.locked, timeout=3000)


def test_privacy_switch_hides_the_customer_list(window: Any) -> None:
    window.navigate("customers")
    page = window.pages["customers"]
    assert page.body.currentWidget() is page.table
    window.actions_by_name["privacy"].trigger()
    assert window.ctx.privacy
    assert page.body.currentWidget() is page.curtain
    window.actions_by_name["privacy"].trigger()
    assert page.body.currentWidget() is page.table


def test_shortcuts_exist_for_new_visit_new_order_search_and_sync(window: Any) -> None:
    keys = {n: a.shortcut().toString() for n, a in window.actions_by_name.items()}
    assert keys["new_visit"] == "Ctrl+N"
    assert keys["new_order"] == "Ctrl+Shift+N"
    assert keys["search"] == "Ctrl+F"
    assert keys["sync"] == "Ctrl+Shift+S"
    window.actions_by_name["search"].trigger()
    assert window.current_key() == "customers"
