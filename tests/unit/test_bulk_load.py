"""Bulk loads: indexes dropped for the load, the migrated schema back afterwards, whatever happens.

Guarantees: after :func:`app.bulk_load.finish` the schema is exactly the
migrated one (every object's SQL in ``sqlite_master``) and the search index
holds every customer, those inserted during the load too; primary keys and
unique constraints are enforced during the load; a process killed during the
load leaves a workspace that the next open repairs before anything uses it; a
build that fails changes nothing and says so.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app import bulk_load, db
from app.models import Customer, SyncState, new_id, synced_models
from app.services.customer_search import SEARCH_TABLE
from app.workspace import Workspace, open_workspace
from tests.conftest import TEST_PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
TABLES = list(synced_models())


def _schema(ws: Workspace) -> list[tuple[Any, ...]]:
    with ws.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).all()
    return [tuple(r) for r in rows]


def _raw(ws: Workspace) -> Any:
    conn = ws.engine.connect()
    return conn, conn.connection.dbapi_connection


def _insert_customers(ws: Workspace, n: int, prefix: str = "Shop") -> list[str]:
    """Customers through the ORM (another connection than the load's, as the app would)."""
    ids = [new_id() for _ in range(n)]
    with db.transaction(ws.sessions) as s:
        s.add_all(
            Customer(
                id=cid,
                code=f"{prefix[:2].upper()}-{i:05d}",
                name=f"{prefix} {i:05d}",
                name_key=f"{prefix.lower()} {i:05d}",
                kind="retail",
                owner="alice",
                phone_digits=f"1390000{i:04d}",
            )
            for i, cid in enumerate(ids)
        )
    return ids


def _search_rowids(raw: Any, text: str) -> set[int]:
    sql = f"SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH ?"
    return {r[0] for r in raw.execute(sql, (f'"{text}"',))}


def _customer_rowids(raw: Any) -> set[int]:
    return {r[0] for r in raw.execute("SELECT rowid FROM customer")}


def _indexes(raw: Any) -> set[str]:
    sql = "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    return {r[0] for r in raw.execute(sql)}


def test_defer_drops_secondary_indexes_and_finish_restores_the_migrated_schema(
    workspace: Workspace,
) -> None:
    before = _schema(workspace)
    conn, raw = _raw(workspace)
    try:
        _insert_customers(workspace, 5, "Before")
        assert bulk_load.defer(raw, TABLES)
        assert bulk_load.pending(raw)
        left = _indexes(raw)
        assert "ix_customer_created_at" not in left
        triggers = raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
        assert triggers == []
        _insert_customers(workspace, 50, "During")
        assert bulk_load.finish(raw)
        assert not bulk_load.pending(raw)
        # every customer is in the search index, those of the load too
        assert _search_rowids(raw, "Shop") == set()
        assert len(_search_rowids(raw, "During")) == 50
        assert len(_search_rowids(raw, "Before")) == 5
        assert _search_rowids(raw, "139") == _customer_rowids(raw)
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert _schema(workspace) == before
    with workspace.sessions() as s:
        assert s.get(SyncState, bulk_load.MARKER) is None


def test_the_search_triggers_work_again_after_the_load(workspace: Workspace) -> None:
    conn, raw = _raw(workspace)
    try:
        bulk_load.defer(raw, TABLES)
        bulk_load.finish(raw)
        (cid,) = _insert_customers(workspace, 1, "Later")
        assert len(_search_rowids(raw, "Later")) == 1
        raw.execute("UPDATE customer SET name = 'Renamed' WHERE id = ?", (cid,))
        assert _search_rowids(raw, "Later") == set()
        assert len(_search_rowids(raw, "Renamed")) == 1
    finally:
        conn.close()


def _add(ws: Workspace, cid: str, code: str) -> None:
    with db.transaction(ws.sessions) as s:
        s.add(Customer(id=cid, code=code, name="x", name_key="x", kind="retail", owner="alice"))


def test_unique_constraints_are_enforced_during_the_load(workspace: Workspace) -> None:
    conn, raw = _raw(workspace)
    try:
        bulk_load.defer(raw, TABLES)
        (cid,) = _insert_customers(workspace, 1)
        with pytest.raises(IntegrityError, match="UNIQUE"):  # same primary key
            _add(workspace, cid, "OTHER")
        with pytest.raises(IntegrityError, match="UNIQUE"):  # same unique code
            _add(workspace, new_id(), "SH-00000")
        assert bulk_load.finish(raw)
    finally:
        conn.close()


def test_a_second_defer_keeps_the_first_list_and_nothing_is_lost(workspace: Workspace) -> None:
    before = _schema(workspace)
    conn, raw = _raw(workspace)
    try:
        assert bulk_load.defer(raw, TABLES)
        assert not bulk_load.defer(raw, TABLES)  # a resumed load: the marker keeps the first list
        assert bulk_load.finish(raw)
        assert not bulk_load.finish(raw)  # nothing left to do
    finally:
        conn.close()
    assert _schema(workspace) == before


def test_a_failed_build_changes_nothing_and_is_tried_again(workspace: Workspace) -> None:
    before = _schema(workspace)
    conn, raw = _raw(workspace)
    try:
        bulk_load.defer(raw, TABLES)
        # something (here: a stray index of the same name) makes one CREATE INDEX fail
        raw.execute("CREATE INDEX ix_customer_created_at ON customer (name)")
        with pytest.raises(sqlcipher3.OperationalError, match="already exists"):
            bulk_load.finish(raw)
        assert bulk_load.pending(raw)  # the marker is still there: the build rolled back
        assert "ix_customer_owner" not in _indexes(raw)
        raw.execute("DROP INDEX ix_customer_created_at")
        assert bulk_load.finish(raw)
    finally:
        conn.close()
    assert _schema(workspace) == before


def test_only_the_given_tables_lose_their_indexes(workspace: Workspace) -> None:
    conn, raw = _raw(workspace)
    try:
        every = _indexes(raw)
        sql = "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index'"
        table_of = dict(raw.execute(sql).fetchall())
        bulk_load.defer(raw, ["product"])
        gone = every - _indexes(raw)
        assert gone
        assert {table_of[name] for name in gone} == {"product"}
        triggers = raw.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")
        assert triggers.fetchone()[0] == 3  # the customer table was not named: search kept
        bulk_load.finish(raw)
        assert _indexes(raw) == every
    finally:
        conn.close()


_KILLED = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from app import bulk_load, db
    from app.models import Customer, new_id, synced_models
    from app.workspace import open_workspace
    ws = open_workspace(Path(sys.argv[1]), sys.argv[2])
    conn = ws.engine.connect()
    raw = conn.connection.dbapi_connection
    bulk_load.defer(raw, list(synced_models()))
    s = ws.sessions()
    for i in range(200):
        ws_row = Customer(id=new_id(), code=f"K-{i}", name=f"Killed {i}", name_key="k",
                          kind="retail", owner="alice", phone_digits="1390")
        s.add(ws_row)
        if i == 99:
            s.commit()
        s.flush()
    os._exit(9)  # killed mid-transaction, the indexes never built
    """
)


def test_a_load_killed_midway_is_repaired_when_the_workspace_is_next_opened(
    workspace: Workspace,
) -> None:
    before = _schema(workspace)
    path = workspace.path
    workspace.close()
    done = subprocess.run(
        [sys.executable, "-c", _KILLED, str(path), TEST_PASSPHRASE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 9, done.stderr
    ws = open_workspace(path, TEST_PASSPHRASE)
    try:
        assert _schema(ws) == before
        with ws.sessions() as s:
            assert s.get(SyncState, bulk_load.MARKER) is None
            names = s.scalars(select(Customer.name)).all()
        assert len(names) == 100  # the committed half; the rest rolled back
        conn, raw = _raw(ws)
        try:
            assert _search_rowids(raw, "Killed") == _customer_rowids(raw)
        finally:
            conn.close()
    finally:
        ws.close()
