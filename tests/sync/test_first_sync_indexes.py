"""A first sync loads with its secondary indexes dropped and leaves the migrated schema behind.

Whatever ends the first sync (its end, a cancel, a network failure, the app
being killed), the laptop's schema afterwards is the schema a new workspace
has, the customer search finds every pulled customer, and the next sync pulls
what is missing, once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from app import bulk_load
from app.models import Customer, Product, SyncState
from app.services.customer_search import SEARCH_TABLE
from app.workspace import Workspace, open_workspace
from sync import client as sync_client
from sync import local
from sync.protocol import Change
from sync.pull_raw import RawPage
from sync.transport import ServerUnreachable
from tests.sync.harness import (
    PASSPHRASE,
    ServerHarness,
    add_customer,
    login_rep,
    make_workspace,
    sync,
)

CUSTOMERS = 12
PRODUCTS = 9


def _schema(ws: Workspace) -> list[tuple[Any, ...]]:
    with ws.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).all()
    return [tuple(r) for r in rows]


def _company(server: ServerHarness, tmp_path: Path) -> None:
    """Customers (from another laptop of alice) and products on the server."""
    from tests.sync.test_pull_fast import _catalog

    _catalog(server, PRODUCTS)
    other = make_workspace(tmp_path / "other")
    login_rep(other, server, "alice")
    for i in range(CUSTOMERS):
        add_customer(other, "alice", f"Teashop {i:02d}", phone_digits=f"1380000{i:04d}")
    sync(other)
    other.close()


def _searchable(ws: Workspace) -> int:
    with ws.engine.connect() as conn:
        sql = f"SELECT count(*) FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH '\"Teashop\"'"
        return int(conn.exec_driver_sql(sql).scalar_one())


def _counts(ws: Workspace) -> tuple[int, int]:
    with ws.sessions() as s:
        customers = s.scalar(select(func.count()).select_from(Customer))
        products = s.scalar(select(func.count()).select_from(Product))
    return int(customers or 0), int(products or 0)


def _whole(ws: Workspace, expected: list[tuple[Any, ...]]) -> None:
    assert _schema(ws) == expected
    with ws.sessions() as s:
        assert s.get(SyncState, bulk_load.MARKER) is None


def test_a_first_sync_leaves_the_migrated_schema_and_a_full_search_index(
    server: ServerHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _company(server, tmp_path)
    ws = make_workspace(tmp_path / "new")
    fresh = _schema(ws)
    login_rep(ws, server, "alice")
    deferred: list[bool] = []
    real = local.defer_indexes
    monkeypatch.setattr(local, "defer_indexes", lambda w: deferred.append(real(w)) or True)
    report = sync(ws, page_size=5)
    assert not report.cancelled and deferred == [True]
    _whole(ws, fresh)
    assert _counts(ws) == (CUSTOMERS, PRODUCTS)
    assert _searchable(ws) == CUSTOMERS
    # later syncs are normal pulls: nothing is dropped again
    assert not sync(ws).cancelled
    assert deferred == [True]
    ws.close()


def test_a_cancelled_first_sync_builds_the_indexes_and_the_next_one_finishes(
    server: ServerHarness, tmp_path: Path
) -> None:
    _company(server, tmp_path)
    ws = make_workspace(tmp_path / "new")
    fresh = _schema(ws)
    login_rep(ws, server, "alice")
    pages = {"n": 0}

    def cancel() -> bool:
        pages["n"] += 1
        return pages["n"] > 3

    assert sync_client.SyncEngine(ws, page_size=2, backoff=0.01).run(cancel=cancel).cancelled
    _whole(ws, fresh)
    assert _counts(ws) != (CUSTOMERS, PRODUCTS)
    assert not sync(ws, page_size=2).cancelled
    _whole(ws, fresh)
    assert _counts(ws) == (CUSTOMERS, PRODUCTS)
    assert _searchable(ws) == CUSTOMERS
    ws.close()


def test_a_failed_first_sync_builds_the_indexes_too(server: ServerHarness, tmp_path: Path) -> None:
    _company(server, tmp_path)
    ws = make_workspace(tmp_path / "new")
    fresh = _schema(ws)
    login_rep(ws, server, "alice")
    pulls = {"n": 0}

    def hook(request: requests.PreparedRequest, send: Any) -> requests.Response:
        if (request.url or "").endswith("/pull"):
            pulls["n"] += 1
            if pulls["n"] > 4:
                raise requests.ConnectionError("fault: server gone")
        return send(request)

    with pytest.raises(ServerUnreachable):
        sync(ws, page_size=2, hook=hook, retries=1, backoff=0.001)
    _whole(ws, fresh)
    assert not sync(ws, page_size=2).cancelled
    assert _counts(ws) == (CUSTOMERS, PRODUCTS)
    assert _searchable(ws) == CUSTOMERS
    ws.close()


def test_an_app_killed_during_the_first_sync_is_repaired_at_the_next_open(
    server: ServerHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _company(server, tmp_path)
    ws = make_workspace(tmp_path / "new")
    fresh = _schema(ws)
    path = ws.path
    login_rep(ws, server, "alice")
    real_apply, real_raw = sync_client.apply_page, sync_client.apply_raw_page
    applied = {"n": 0}

    class Killed(BaseException):
        """The process dies: no ``finally`` of the app's own runs to its end."""

    def dying(session: Any, changes: list[Change]) -> tuple[int, int]:
        applied["n"] += 1
        if applied["n"] == 5:
            raise Killed
        return real_apply(session, changes)

    def dying_raw(session: Any, page: RawPage) -> tuple[int, int]:
        applied["n"] += 1
        if applied["n"] == 5:
            raise Killed
        return real_raw(session, page)

    monkeypatch.setattr(sync_client, "apply_page", dying)
    monkeypatch.setattr(sync_client, "apply_raw_page", dying_raw)
    monkeypatch.setattr(local, "build_indexes", lambda w: False)  # dead before the build
    with pytest.raises(Killed):
        sync(ws, page_size=2)
    assert _schema(ws) != fresh  # the indexes are really missing now
    ws.engine.dispose()  # no close (no checkpoint): the process is gone
    monkeypatch.undo()

    reopened = open_workspace(path, PASSPHRASE)
    try:
        _whole(reopened, fresh)  # repaired before anything used it
        assert not sync(reopened, page_size=2).cancelled
        _whole(reopened, fresh)
        assert _counts(reopened) == (CUSTOMERS, PRODUCTS)
        assert _searchable(reopened) == CUSTOMERS
    finally:
        reopened.close()
