"""The one helper for background work: a thread pool whose results come back as signals.

Everything slow (sync, search over large data, PDF generation, backups) runs
through :class:`TaskRunner`. The work function runs on a pool thread and gets a
:class:`TaskContext` to report progress and check for cancellation; callbacks run
on the GUI thread. ``synchronous=True`` runs the work inline, for tests.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.memory import release_freed_memory

log = logging.getLogger(__name__)


TRIM_AFTER_S = 0.5
"""A task that ran this long (a day's summary, a sync, a backup) gives back what it freed."""


class Cancelled(Exception):  # noqa: N818 - reads better at call sites
    """Raised inside a task when the user cancelled it."""


class TaskContext:
    """Handed to the work function: progress reporting and the cancel flag."""

    def __init__(self, signals: TaskSignals | None = None) -> None:
        self._signals = signals
        self._cancel = threading.Event()
        self.on_progress: Callable[[int, int, str], None] | None = None

    def progress(self, done: int, total: int, text: str = "") -> None:
        """Report progress (done of total); safe from any thread."""
        if self._signals is not None:
            self._signals.progress.emit(done, total, text)
        elif self.on_progress is not None:
            self.on_progress(done, total, text)

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """True once cancel() was called."""
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` when cancel() was called."""
        if self._cancel.is_set():
            raise Cancelled()


class TaskSignals(QObject):
    """Signals of one task; lives on the GUI thread so slots run there."""

    started = Signal()
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class Task(QObject):
    """A handle on a running task: cancel it or follow it through signals."""

    def __init__(self, runner: TaskRunner, name: str) -> None:
        super().__init__(runner)
        self.name = name
        self.signals = TaskSignals(self)
        self.context = TaskContext(self.signals if not runner.synchronous else None)
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        """Ask the task to stop (the work function decides when)."""
        self.context.cancel()


class _Runnable(QRunnable):
    def __init__(self, task: Task, fn: Callable[[TaskContext], Any]) -> None:
        super().__init__()
        self.task = task
        self.fn = fn
        self.setAutoDelete(True)

    def run(self) -> None:
        signals = self.task.signals
        started = time.monotonic()
        try:
            signals.started.emit()
            result = self.fn(self.task.context)
        except BaseException as exc:
            _trim_after(started)
            signals.failed.emit(exc)
        else:
            _trim_after(started)
            signals.finished.emit(result)


def _trim_after(started: float) -> None:
    """After a long task, on its own worker thread: release what it freed."""
    if time.monotonic() - started >= TRIM_AFTER_S:
        try:
            release_freed_memory()
        except Exception:  # never let housekeeping fail a task
            log.debug("malloc_trim failed", exc_info=True)


class TaskRunner(QObject):
    """Runs work functions on a thread pool (or inline) and calls back on the GUI thread."""

    task_started = Signal(str)
    task_ended = Signal(str)

    def __init__(
        self, parent: QObject | None = None, *, synchronous: bool = False, max_threads: int = 4
    ) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._active: set[Task] = set()
        self.on_unhandled: Callable[[BaseException], None] | None = None

    @property
    def active(self) -> int:
        """How many tasks are running."""
        return len(self._active)

    def run(
        self,
        fn: Callable[[TaskContext], Any],
        *,
        name: str = "task",
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> Task:
        """Run ``fn(context)`` in the background; ``on_done(result)`` or ``on_error(exc)``."""
        task = Task(self, name)
        self._active.add(task)
        self.task_started.emit(name)

        def finished(result: Any) -> None:
            task.result = result
            self._end(task)
            if on_done is not None and not task.context.cancelled:
                on_done(result)

        def failed(exc: BaseException) -> None:
            task.error = exc
            self._end(task)
            if isinstance(exc, Cancelled):
                return
            if on_error is not None:
                on_error(exc)
            elif self.on_unhandled is not None:
                self.on_unhandled(exc)
            else:
                log.error("background task %s failed", name, exc_info=exc)

        if self.synchronous:
            task.context.on_progress = on_progress
            try:
                result = fn(task.context)
            except BaseException as exc:
                failed(exc)
            else:
                finished(result)
            return task
        relay = _Relay(task, finished, failed, on_progress)
        task.signals.finished.connect(relay.finished)
        task.signals.failed.connect(relay.failed)
        task.signals.progress.connect(relay.progress)
        task.relay = relay  # type: ignore[attr-defined]
        self.pool.start(_Runnable(task, fn))
        return task

    def _end(self, task: Task) -> None:
        task.done = True
        self._active.discard(task)
        self.task_ended.emit(task.name)
        if not self.synchronous:
            task.deleteLater()

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for all pool work to end (used when the window closes)."""
        return bool(self.pool.waitForDone(msecs))


class _Relay(QObject):
    """Receives a task's signals on the GUI thread and calls the plain callbacks."""

    def __init__(
        self,
        task: Task,
        finished: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        progress: Callable[[int, int, str], None] | None,
    ) -> None:
        super().__init__(task)
        self._finished = finished
        self._failed = failed
        self._progress = progress

    @Slot(object)
    def finished(self, result: Any) -> None:
        self._finished(result)

    @Slot(object)
    def failed(self, exc: BaseException) -> None:
        self._failed(exc)

    @Slot(int, int, str)
    def progress(self, done: int, total: int, text: str) -> None:
        if self._progress is not None:
            self._progress(done, total, text)
