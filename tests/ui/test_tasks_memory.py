"""Long background tasks give the memory they freed back to the system; short ones do not."""

from __future__ import annotations

from typing import Any

import pytest

from app import memory
from ui import tasks
from ui.tasks import TaskRunner


def test_freed_memory_is_released_on_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory.sys, "platform", "linux")
    assert memory.release_freed_memory() is True


def test_elsewhere_nothing_is_done(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory.sys, "platform", "win32")
    assert memory.release_freed_memory() is False


def test_a_trim_already_running_is_not_doubled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory.sys, "platform", "linux")
    with memory._lock:
        assert memory.release_freed_memory() is False
    assert memory.release_freed_memory() is True


def test_connections_the_pool_closes_release_their_cache(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    released: list[int] = []
    monkeypatch.setattr(memory, "release_freed_memory", lambda: released.append(1) or True)
    with workspace.engine.connect() as conn:
        conn.exec_driver_sql("SELECT count(*) FROM customer").scalar()
    assert released == []  # the kept connection stays open, its cache warm
    workspace.engine.dispose()
    assert released == [1]


def test_other_raw_connections_just_close(workspace: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from app import db

    monkeypatch.setattr(memory, "release_freed_memory", lambda: pytest.fail("released"))
    conn = db.connect_raw(workspace.db_path, workspace.key)
    conn.close()


def _run(qtbot: Any, fn: Any) -> list[str]:
    runner = TaskRunner()
    seen: list[str] = []
    runner.run(
        fn, on_done=lambda r: seen.append(f"done {r}"), on_error=lambda e: seen.append(str(e))
    )
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    runner.wait()
    return seen


def test_a_long_task_releases_memory_when_it_ends(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    trims: list[int] = []
    monkeypatch.setattr(tasks, "TRIM_AFTER_S", 0.0)
    monkeypatch.setattr(tasks, "release_freed_memory", lambda: trims.append(1) or True)
    assert _run(qtbot, lambda _t: 7) == ["done 7"]
    assert trims == [1]


def test_a_failed_long_task_releases_memory_and_still_reports_its_error(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    trims: list[int] = []
    monkeypatch.setattr(tasks, "TRIM_AFTER_S", 0.0)
    monkeypatch.setattr(tasks, "release_freed_memory", lambda: trims.append(1) or True)

    def boom(_t: Any) -> None:
        raise ValueError("boom")

    assert _run(qtbot, boom) == ["boom"]
    assert trims == [1]


def test_a_short_task_does_not_trim(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tasks, "TRIM_AFTER_S", 60.0)
    monkeypatch.setattr(tasks, "release_freed_memory", lambda: pytest.fail("trimmed"))
    assert _run(qtbot, lambda _t: 1) == ["done 1"]


def test_a_trim_that_fails_never_fails_the_task(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> bool:
        raise OSError("no libc")

    monkeypatch.setattr(tasks, "TRIM_AFTER_S", 0.0)
    monkeypatch.setattr(tasks, "release_freed_memory", broken)
    assert _run(qtbot, lambda _t: 2) == ["done 2"]
