"""The customer list page by page, by key (keyset paging), in compact rows.

The list with no search text shows every live customer in the order of the
search service's plain list (pinyin initials, then code). Paging it with
``OFFSET`` re-read every row before the page, so scrolling 100,000 customers
to the end read about 20 million index entries; here each page starts right
after the last row of the page before (``(pinyin_initials, code) > key``, an
index range on ``pinyin_initials``), so every page costs the same.

Rows are :class:`ListRow` named tuples (a plain tuple in memory, no per-row
dict), with the phone already masked (PIPL: lists show only what is needed).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from sqlalchemy import ColumnElement, and_, or_, select

from app.models import Customer
from app.rules.masking import mask_phone
from app.services._common import local_tz
from app.services.customer_search import SearchFilter, filter_conditions
from app.workspace import Workspace


class ListRow(NamedTuple):
    """A customer in the list: what the columns show, nothing more."""

    id: str
    code: str
    name: str
    kind: str
    grade: str
    phone_masked: str
    address: str | None
    territory: str | None
    next_follow_up: dt.date | None
    last_contact_on: dt.date | None


class ListKey(NamedTuple):
    """Where a page of the plain list ends: the last row's sort key."""

    pinyin_initials: str
    code: str


class ListPage(NamedTuple):
    """Up to ``limit`` rows, and the key to ask for the next page (None: this was the last)."""

    rows: list[ListRow]
    next_key: ListKey | None


_COLUMNS = (
    Customer.id,
    Customer.code,
    Customer.name,
    Customer.kind,
    Customer.grade,
    Customer.phone,
    Customer.address,
    Customer.territory,
    Customer.next_follow_up,
    Customer.last_contact_at,
    Customer.pinyin_initials,
)


def _after(key: ListKey) -> ColumnElement[bool]:
    """Rows after ``key`` in (pinyin_initials, code) order, as an index range on the first."""
    return and_(
        Customer.pinyin_initials >= key.pinyin_initials,
        or_(
            Customer.pinyin_initials > key.pinyin_initials,
            Customer.code > key.code,
        ),
    )


def list_page(
    ws: Workspace,
    *,
    after: ListKey | None = None,
    limit: int = 200,
    grade: str | None = None,
    include_archived: bool = False,
) -> ListPage:
    """One page of the plain customer list (no search text), starting after ``after``.

    Pages chained through ``next_key`` give every live customer exactly once, in
    (pinyin initials, code) order, whatever their number.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    conds = filter_conditions(SearchFilter(grade, include_archived))
    if after is not None:
        conds.append(_after(after))
    stmt = (
        select(*_COLUMNS)
        .where(*conds)
        .order_by(Customer.pinyin_initials, Customer.code)
        .limit(limit + 1)
    )
    with ws.sessions() as s:
        found = s.execute(stmt).all()
    tz = local_tz()
    rows = [
        ListRow(
            r.id,
            r.code,
            r.name,
            r.kind,
            r.grade,
            mask_phone(r.phone) if r.phone else "",
            r.address,
            r.territory,
            r.next_follow_up,
            r.last_contact_at.astimezone(tz).date() if r.last_contact_at else None,
        )
        for r in found[:limit]
    ]
    more = len(found) > limit
    last = found[limit - 1] if more else None
    return ListPage(rows, ListKey(last.pinyin_initials, last.code) if last is not None else None)
