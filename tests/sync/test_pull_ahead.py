"""Pages fetched ahead (``sync.pull_ahead``): in order, each once, bounded, errors in order."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from sync.pull_ahead import PagesAhead


@dataclass
class Page:
    """A page as the feed returns it: its cursor and whether more follow."""

    cursor: int
    more: bool
    prepared: bool = False


class Feed:
    """Pages 1..last; records every cursor asked for (from the fetching thread)."""

    def __init__(self, last: int, fail_at: int | None = None) -> None:
        self.last = last
        self.fail_at = fail_at
        self.asked: list[int] = []
        self.lock = threading.Lock()

    def fetch(self, cursor: int) -> Page:
        with self.lock:
            self.asked.append(cursor)
        if cursor + 1 == self.fail_at:
            raise ConnectionError(f"page {cursor + 1} lost")
        return Page(cursor + 1, cursor + 1 < self.last)


def prepare(page: Page) -> Page:
    page.prepared = True
    return page


def _wait_for(check: Callable[[], bool], seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not check() and time.monotonic() < deadline:
        time.sleep(0.005)


def test_pages_come_in_order_each_once_and_prepared() -> None:
    feed = Feed(last=9)
    with PagesAhead(feed.fetch, prepare, 0) as ahead:
        pages = [ahead.take() for _ in range(9)]
    assert [p.cursor for p in pages] == list(range(1, 10))
    assert all(p.prepared for p in pages)
    assert pages[-1].more is False
    assert feed.asked == list(range(9))  # each asked with the cursor of the page before


def test_no_more_than_depth_pages_wait_untaken() -> None:
    feed = Feed(last=50)
    with PagesAhead(feed.fetch, prepare, 0, depth=2) as ahead:
        _wait_for(lambda: len(feed.asked) >= 2)
        time.sleep(0.2)
        assert len(feed.asked) == 2
        ahead.take()
        _wait_for(lambda: len(feed.asked) >= 3)
        time.sleep(0.2)
        assert len(feed.asked) == 3


def test_a_failed_fetch_is_raised_in_its_turn_after_the_pages_before_it() -> None:
    feed = Feed(last=9, fail_at=3)
    with PagesAhead(feed.fetch, prepare, 0) as ahead:
        assert [ahead.take().cursor for _ in range(2)] == [1, 2]
        with pytest.raises(ConnectionError, match="page 3 lost"):
            ahead.take()
    assert feed.asked == [0, 1, 2]  # nothing asked after the failure


def test_a_failed_preparation_is_raised_in_its_turn() -> None:
    def picky(page: Page) -> Page:
        if page.cursor == 2:
            raise ValueError("money must be finite")
        return prepare(page)

    feed = Feed(last=9)
    with PagesAhead(feed.fetch, picky, 0) as ahead:
        assert ahead.take().cursor == 1
        with pytest.raises(ValueError, match="finite"):
            ahead.take()


def test_closing_stops_fetching_and_drops_what_was_not_taken() -> None:
    feed = Feed(last=1000)
    ahead = PagesAhead(feed.fetch, prepare, 0, depth=3)
    assert ahead.take().cursor == 1
    _wait_for(lambda: len(feed.asked) >= 4)
    ahead.close()
    asked = len(feed.asked)
    time.sleep(0.3)
    assert len(feed.asked) == asked <= 4
