"""Pages of a pull fetched ahead, in order, while the page before them is applied.

One thread asks the server for pages one after another, each with the cursor
of the page before it, and parses them; a second thread prepares each parsed
page (``sync.pull_raw.prepare``); the caller takes them in order and applies
them. So the server's work on the next pages, the parsing and the conversion
overlap SQLite's work on the current page (which runs without the GIL).
At most ``depth`` pages wait, fetched and not taken yet.

Nothing here writes: a page that is fetched and never taken (a cancel, an
error before it) is simply dropped, its cursor never stored.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, Protocol, TypeVar


class _Page(Protocol):
    @property
    def cursor(self) -> int: ...

    @property
    def more(self) -> bool: ...


P = TypeVar("P", bound=_Page)


class PagesAhead(Generic[P]):
    """``take()`` the pages after ``start`` in order; ``close()`` (or ``with``) stops fetching."""

    def __init__(
        self,
        fetch: Callable[[int], P],
        prepare: Callable[[P], P],
        start: int,
        *,
        depth: int = 2,
    ) -> None:
        self._fetch = fetch
        self._prepare = prepare
        self._slots = threading.Semaphore(depth)
        self._closed = threading.Event()
        self._ready: queue.SimpleQueue[Future[P]] = queue.SimpleQueue()
        self._fetcher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull")
        self._preparer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-prepare")
        self._fetcher.submit(self._next, start)

    def _next(self, cursor: int) -> None:
        """Fetch the page after ``cursor``, hand it to the preparer, go on with its cursor."""
        while not self._slots.acquire(timeout=0.1):
            if self._closed.is_set():
                return
        if self._closed.is_set():
            return
        try:
            page = self._fetch(cursor)
        except BaseException as exc:  # delivered in order: take() raises it
            failed: Future[P] = Future()
            failed.set_exception(exc)
            self._ready.put(failed)
            return
        try:
            self._ready.put(self._preparer.submit(self._prepare, page))
            if page.more and not self._closed.is_set():
                self._fetcher.submit(self._next, page.cursor)
        except RuntimeError:  # closed meanwhile: nobody takes pages any more
            return

    def take(self) -> P:
        """The next page, prepared; raises what fetching, parsing or preparing it raised."""
        page = self._ready.get().result()
        self._slots.release()
        return page

    def close(self) -> None:
        """Stop fetching; pages fetched and not taken are dropped (the request under way ends)."""
        self._closed.set()
        self._fetcher.shutdown(wait=True, cancel_futures=True)
        self._preparer.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> PagesAhead[P]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
