"""The plain customer list paged by key: every live customer once, in the search service's order.

The oracle is the search service's own plain list (``search_customers(ws, "")``,
pinyin initials then code). Synthetic customers share pinyin initials in long
runs (so pages end in the middle of a run), some are archived, deleted or of
another grade.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import insert

from app.db import transaction
from app.models import Customer, new_id
from app.outbox import REMOTE
from app.services.customer_pages import ListKey, list_page
from app.services.customers import search_customers
from tests.conftest import TEST_PASSPHRASE

NOW = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)
TOTAL = 700


def _add(ws: Any, n: int, seed: int = 3) -> None:
    """``n`` customers as a sync pull inserts them (no outbox); few distinct initials."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        phone = f"139{rng.randint(0, 99999999):08d}" if rng.random() < 0.8 else None
        rows.append(
            {
                "id": new_id(),
                "code": f"C{rng.randint(0, 99999):05d}-{i}",
                "name": f"示例客户{i}",
                "name_key": f"示例客户{i}",
                "kind": rng.choice(["company", "person"]),
                "grade": rng.choice("ABCD"),
                "owner": "rep",
                "phone": phone,
                "phone_digits": phone,
                "territory": rng.choice(["城东片区", "城西片区", None]),
                "next_follow_up": dt.date(2026, 12, rng.randint(1, 28)),
                "last_contact_at": NOW if rng.random() < 0.5 else None,
                "archived": rng.random() < 0.1,
                "deleted_at": NOW if rng.random() < 0.05 else None,
                "pinyin_initials": rng.choice(["slkh", "sl", "zs", "zsmy", ""]),
                "pinyin_full": "",
                "created_at": NOW,
                "updated_at": NOW,
            }
        )
    with transaction(ws.sessions) as s:
        s.info[REMOTE] = True
        s.execute(insert(Customer), rows)


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A workspace with synthetic customers (shared: the tests only read it)."""
    from app.workspace import create_workspace

    ws = create_workspace(tmp_path_factory.mktemp("pages") / "ws", TEST_PASSPHRASE)
    _add(ws, TOTAL)
    yield ws
    ws.close()


def _all_pages(ws: Any, size: int, **kw: Any) -> list[Any]:
    rows: list[Any] = []
    key: ListKey | None = None
    for _ in range(TOTAL + 2):
        page = list_page(ws, after=key, limit=size, **kw)
        assert len(page.rows) <= size
        rows.extend(page.rows)
        if page.next_key is None:
            return rows
        assert len(page.rows) == size  # only the last page may be short
        key = page.next_key
    raise AssertionError("the pages never ended")


@pytest.mark.parametrize("size", [1, 7, 50, 200, TOTAL * 2])
def test_pages_chained_by_key_give_the_plain_list_exactly(listed: Any, size: int) -> None:
    expected = search_customers(listed, "", limit=TOTAL * 2)
    got = _all_pages(listed, size)
    assert [r.id for r in got] == [r.id for r in expected]
    assert len({r.id for r in got}) == len(got)  # nobody twice


@pytest.mark.parametrize("grade", ["A", "D"])
def test_grade_filter_pages_like_the_search_service(listed: Any, grade: str) -> None:
    expected = search_customers(listed, "", limit=TOTAL * 2, grade=grade)
    got = _all_pages(listed, 13, grade=grade)
    assert [r.id for r in got] == [r.id for r in expected]
    assert {r.grade for r in got} == {grade}


def test_archived_customers_only_when_asked(listed: Any) -> None:
    live = _all_pages(listed, 100)
    with_archived = _all_pages(listed, 100, include_archived=True)
    expected = search_customers(listed, "", limit=TOTAL * 2, include_archived=True)
    assert [r.id for r in with_archived] == [r.id for r in expected]
    assert len(with_archived) > len(live)


def test_rows_show_what_the_list_shows(listed: Any) -> None:
    expected = {r.id: r for r in search_customers(listed, "", limit=TOTAL * 2)}
    for row in _all_pages(listed, 200):
        old = expected[row.id]
        assert (
            row.code,
            row.name,
            row.kind,
            row.grade,
            row.phone_masked,
            row.address,
            row.territory,
            row.next_follow_up,
            row.last_contact_on,
        ) == (
            old.code,
            old.name,
            old.kind,
            old.grade,
            old.phone_masked,
            old.address,
            old.territory,
            old.next_follow_up,
            old.last_contact_on,
        )
        assert not row.phone_masked or "****" in row.phone_masked


def test_a_key_past_the_end_gives_an_empty_last_page(listed: Any) -> None:
    page = list_page(listed, after=ListKey("zzzzzzzz", "ZZZ"), limit=10)
    assert page.rows == [] and page.next_key is None


def test_an_empty_workspace_has_one_empty_page(workspace: Any) -> None:
    page = list_page(workspace, limit=10)
    assert page.rows == [] and page.next_key is None


def test_a_page_must_hold_at_least_one_row(listed: Any) -> None:
    with pytest.raises(ValueError):
        list_page(listed, limit=0)
