"""Write transactions wait for another writer instead of failing ("database is locked").

A sync page, a backup's snapshot or another window's save may hold SQLite's
write lock for a moment. A deferred transaction that has already read cannot
wait for it (SQLite returns SQLITE_BUSY at once to avoid a deadlock), so
``db.transaction`` begins ``IMMEDIATE``: it waits up to the busy timeout.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
import sqlcipher3
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from app import db
from app.models import Customer, new_id
from app.workspace import Workspace

HOLD = 0.6


def _customer(code: str) -> Customer:
    return Customer(
        id=new_id(), code=code, name=f"示例{code}", name_key=code, kind="retail", owner="rep_a"
    )


def _hold_write_lock(ws: Workspace, taken: threading.Event) -> threading.Thread:
    """Another connection takes the write lock, writes, and commits after HOLD seconds."""

    def run() -> None:
        conn = db.connect_raw(ws.db_path, ws.key)
        conn.isolation_level = None
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO sync_state (key, value) VALUES ('other-writer', '1')")
            taken.set()
            time.sleep(HOLD)
            conn.execute("COMMIT")
        finally:
            conn.close()

    thread = threading.Thread(target=run)
    thread.start()
    assert taken.wait(10)
    return thread


def _count(ws: Workspace) -> int:
    with ws.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(Customer)) or 0)


def test_a_transaction_that_reads_then_writes_waits_for_the_other_writer(workspace: Any) -> None:
    ws: Workspace = workspace
    taken = threading.Event()
    other = _hold_write_lock(ws, taken)
    started = time.perf_counter()
    try:
        with db.transaction(ws.sessions) as s:
            before = s.scalar(select(func.count()).select_from(Customer))
            s.add(_customer("K-001"))
    finally:
        other.join()
    assert time.perf_counter() - started >= HOLD * 0.8  # it waited for the lock
    assert before == 0 and _count(ws) == 1
    assert ws.state("other-writer") == "1"  # the other writer's work is there too


def test_a_deferred_transaction_would_fail_at_once(workspace: Any) -> None:
    # Why: the same read-then-write in a plain (deferred) transaction is refused.
    ws: Workspace = workspace
    taken = threading.Event()
    other = _hold_write_lock(ws, taken)
    try:
        with pytest.raises(OperationalError) as err, ws.sessions() as s, s.begin():
            s.scalar(select(func.count()).select_from(Customer))
            s.add(_customer("K-002"))
            s.flush()
    finally:
        other.join()
    assert isinstance(err.value.orig, sqlcipher3.OperationalError)
    assert "locked" in str(err.value.orig)
    assert _count(ws) == 0


def test_a_failed_write_transaction_releases_the_lock(workspace: Any) -> None:
    ws: Workspace = workspace
    with pytest.raises(RuntimeError), db.transaction(ws.sessions) as s:
        s.add(_customer("K-003"))
        s.flush()
        raise RuntimeError("boom")
    with db.transaction(ws.sessions) as s:  # would wait 30 s if the lock were kept
        s.add(_customer("K-004"))
    with ws.sessions() as s:
        assert list(s.scalars(select(Customer.code))) == ["K-004"]
