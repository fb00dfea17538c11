"""Search while a first sync has set the trigram index aside (app.bulk_load).

During the load the index's triggers are dropped, so customers that arrive
then are not in it until the load ends. Search must still find them: it does
not use the index while it is not kept, and uses it again afterwards.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from app import bulk_load, db
from app.models import Customer, new_id, synced_models
from app.services.customer_search import SearchFilter, count_matches, index_kept, search_ids
from app.workspace import Workspace


def _add(ws: Workspace, prefix: str, n: int) -> list[str]:
    ids = [new_id() for _ in range(n)]
    with db.transaction(ws.sessions) as s:
        s.add_all(
            Customer(
                id=cid,
                code=f"K{prefix}-{i:03d}",
                name=f"{prefix}五金商行{i:03d}",
                name_key=f"{prefix}五金商行{i:03d}",
                kind="retail",
                owner="rep_a",
                phone_digits=f"1380000{i:04d}",
            )
            for i, cid in enumerate(ids)
        )
    return ids


def _search(ws: Workspace, query: str) -> list[str]:
    with ws.sessions() as s:
        return search_ids(s, query, SearchFilter(), limit=100, offset=0)


def _count(ws: Workspace, query: str) -> int:
    with ws.sessions() as s:
        return count_matches(s, query, SearchFilter())


def _index_hits(ws: Workspace, word: str) -> int:
    with ws.sessions() as s:
        sql = text("SELECT count(*) FROM customer_search WHERE customer_search MATCH :q")
        return int(s.scalar(sql, {"q": f'"{word}"'}) or 0)


def test_customers_loaded_while_the_index_is_set_aside_are_found(workspace: Any) -> None:
    ws: Workspace = workspace
    before = _add(ws, "甲乙", 3)
    conn = ws.engine.connect()
    raw = conn.connection.dbapi_connection
    try:
        assert bulk_load.defer(raw, list(synced_models()))
        during = _add(ws, "丙丁", 4)
        assert _index_hits(ws, "丙丁五") == 0  # the index really misses them
        with ws.sessions() as s:
            assert not index_kept(s)
        assert sorted(_search(ws, "丙丁五")) == sorted(during)  # found by the plain scan
        assert _count(ws, "丙丁五") == 4
        assert sorted(_search(ws, "甲乙五")) == sorted(before)
        assert sorted(_search(ws, "0000")) == sorted(before + during)  # phone substring
        assert bulk_load.finish(raw)
    finally:
        conn.close()
    with ws.sessions() as s:
        assert index_kept(s)
    assert _index_hits(ws, "丙丁五") == 4  # built at the end of the load
    assert sorted(_search(ws, "丙丁五")) == sorted(during)
    assert _count(ws, "丙丁五") == 4


def test_a_new_workspace_keeps_the_index(workspace: Any) -> None:
    ws: Workspace = workspace
    ids = _add(ws, "戊己", 2)
    with ws.sessions() as s:
        assert index_kept(s)
    assert _index_hits(ws, "戊己五") == 2
    assert sorted(_search(ws, "戊己五")) == sorted(ids)
